#!/usr/bin/env python3
"""Validates the actor gazetteer (src/main/resources/crosscount/gazetteer/actors.json).

    scripts/lib/check-gazetteer.py [GAZETTEER] [--lexicons DIR] [--match TEXT | --match @FILE] [--quiet]

Checks, each violation an error (exit status 1):
  - the file is a JSON list of entries with exactly the keys id, name, type, aliases, demonyms,
    parent, fuzzy_given_name;
  - ids are unique snake_case ASCII; types are in the enum the extractor accepts;
  - aliases and demonyms map the languages fr, en, es, de, ar to lists of non-empty, trimmed strings;
  - demonyms only on states, and none on Palestine;
  - every parent exists, is not the entry itself, and parents form no cycle;
  - fuzzy_given_name is a boolean, true only for persons;
  - no alias, demonym or name (case- and accent-folded, apostrophes and hyphens read as spaces),
    nor any form it takes with its language's proclitics (from the lexicons: "و", "ب", "لل"...),
    belongs to two different actors;
  - every entry has an English alias or a name; states, persons and the major organisations have
    aliases in all five languages (bar the documented EXEMPT gaps);
  - no alias is a word the press uses for something else (COMMON_WORDS), unless it is a short
    all-capital acronym the extractor only matches in capitals;
  - no alias holds "- " or " -" (the extractor folds hyphens to spaces but does not collapse the
    doubled space in article text, so such an alias could never match).
Warnings (printed, not fatal): aliases of three characters or fewer that are not all capitals
(matched in any case), Arabic aliases that seem to start with a proclitic (the matcher adds clitics
itself), entries other than states, persons and major organisations missing a language.

Prints the counts per type and per language. --match runs a Python rendering of the extractor's
matching (ActorExtractor + FoldedText: capitals rule, proclitics, fuzzy given names; not the rule
that drops a demonym right after a number) over TEXT and lists the mentions it would report.
"""
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = ROOT / "src/main/resources/crosscount/gazetteer/actors.json"
LEXICONS = ROOT / "src/main/resources/crosscount/lexicon"

LANGS = ["fr", "en", "es", "de", "ar"]
TYPES = {"state", "armed_group", "organisation", "government_body", "person", "media"}
KEYS = ["id", "name", "type", "aliases", "demonyms", "parent", "fuzzy_given_name"]
ID_RE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")

# Organisations whose names the press of all five languages writes: they need all five.
MAJOR_ORGANISATIONS = {
    "un", "un_security_council", "un_general_assembly", "ocha", "unrwa", "who", "unicef", "unhcr", "wfp",
    "ohchr", "iom", "unfpa", "icrc", "msf", "amnesty_international", "human_rights_watch", "icc", "icj",
    "eu", "european_commission", "nato", "arab_league", "african_union", "igad",
}

# Languages an actor may lack, and why.
EXEMPT = {
    ("iceland", "de"): "German 'Island' is the English word island",
}

# Never an alias alone (compared folded): words that mean something else in one of the five
# languages, and places the product locates figures in (Gaza, Jerusalem, Khartoum...).
COMMON_WORDS = {
    "al", "el", "le", "la", "les", "the", "un", "une", "die", "der", "das", "who", "us", "it", "is", "eu",
    "times", "post", "mission", "forum", "world", "monde", "mundo", "welt", "zeit", "pais", "liberation",
    "paris", "london", "londres", "berlin", "gaza", "jerusalem", "jerusalen", "khartoum", "khartum", "jartum",
    "island", "este", "ire", "pole", "poles", "guardian", "independent", "spiegel", "amnesty", "congress",
    "azov", "wagner", "jordan valley", "emirates", "palestina", "golan", "rafah", "darfur",
    "غزه", "القدس", "الخرطوم", "فتح", "العربيه", "الجزيره", "البرهان", "الشباب", "القاعده", "كيف", "عمان", "مالي",
    "رييسي", "الاخبار", "الحياه", "الشرق الاوسط", "الميادين", "المنار", "الاهرام", "مشعل", "ضيف", "الحيه",
    "نصر الله", "عباس", "الاحتلال", "الدفاع المدني", "وفا", "كان", "المغرب", "الجمعيه العامه",
    "general assembly", "assemblee generale", "asamblea general", "america", "pma", "sejourne", "grossi",
    "suddeutsche",
}

PROCLITIC_STARTS = ("وال", "لل")


# --- folding ------------------------------------------------------------------------------
_SPECIAL = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "\u00b4": "'", "\u201b": "'",
    "\u00ab": '"', "\u00bb": '"', "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2039": '"', "\u203a": '"',
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u2002": " ", "\u2003": " ", "\u2010": " ",
    "\u2011": " ", "\u2012": " ", "\u2013": " ", "\u2014": " ", "\u0640": "",
    "\u066c": ",", "\u066b": ".",
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
    "\u0649": "\u064a", "\u0629": "\u0647",
}


def fold_char(c):
    """One character as io.crosscount.extract.FoldedText folds it."""
    if ord(c) < 128:
        c = c.lower()
        return " " if c in "-\t\r" else c
    if c in _SPECIAL:
        return _SPECIAL[c]
    if unicodedata.category(c) == "Nd":
        return str(unicodedata.digit(c))
    d = unicodedata.normalize("NFKD", c)
    return "".join(x for x in d if unicodedata.category(x) != "Mn").casefold()


def fold_text(text):
    """Folded text and, for each folded char, its index in the original (FoldedText.of)."""
    out, where = [], []
    for i, c in enumerate(text):
        f = fold_char(c)
        out.append(f)
        where.extend([i] * len(f))
    return "".join(out), where


def fold_phrase(phrase):
    """FoldedText.foldPhrase: what the extractor puts in its trie."""
    return re.sub(r"\s+", " ", fold_text(phrase.strip())[0])


def fold_key(phrase):
    """Stricter fold for collisions: apostrophes and hyphens count as spaces."""
    return re.sub(r"\s+", " ", fold_phrase(phrase).replace("'", " ")).strip()


def capitals_only(phrase):
    """ActorExtractor: short all-capital aliases only match text written in capitals."""
    return len(phrase) <= 4 and any(c.isupper() for c in phrase) and phrase == phrase.upper()


def load_clitics(lexicon_dir):
    """Per language, (proclitics, article contractions) from the lexicons, folded as the extractor
    folds them: aliases of that language also match with them ("وإسرائيل", "للأمم المتحدة")."""
    out = {}
    for lang in LANGS:
        f = Path(lexicon_dir) / f"{lang}.json"
        if not f.is_file():
            continue
        spec = json.loads(f.read_text(encoding="utf-8"))
        procl = [fold_phrase(p) for p in spec.get("proclitics") or []]
        contr = {fold_phrase(a): [fold_phrase(x) for x in forms]
                 for a, forms in (spec.get("article_contractions") or {}).items()}
        if procl or contr:
            out[lang] = (procl, contr)
    return out


def clitic_variants(folded, lang, clitics):
    """Lexicon.cliticVariants: the forms a folded alias takes with its language's proclitics."""
    if lang not in clitics:
        return []
    procl, contr = clitics[lang]
    variants = [p + folded for p in procl]
    for article, forms in contr.items():
        if folded.startswith(article):
            variants += [f + folded[len(article):] for f in forms]
    return variants


# --- checks -------------------------------------------------------------------------------
def phrases(entry):
    """(field, lang, phrase) for every alias, demonym and the name of an entry."""
    yield "name", None, entry.get("name")
    for field in ("aliases", "demonyms"):
        value = entry.get(field)
        if isinstance(value, dict):
            for lang, items in value.items():
                if isinstance(items, list):
                    for p in items:
                        yield field, lang, p


def check(entries, clitics=None):
    clitics = clitics or {}
    errors, warnings = [], []
    err = errors.append
    warn = warnings.append
    warned = set()
    if not isinstance(entries, list):
        return ["the gazetteer must be a JSON list"], []
    ids = Counter(e.get("id") for e in entries if isinstance(e, dict))
    by_id = {e.get("id"): e for e in entries if isinstance(e, dict)}
    for i, e in enumerate(entries):
        if not isinstance(e, dict):
            err(f"entry #{i} is not an object")
            continue
        eid = e.get("id")
        where = f"{eid or '#' + str(i)}"
        if list(e.keys()) != KEYS:
            missing = [k for k in KEYS if k not in e]
            extra = [k for k in e if k not in KEYS]
            if missing or extra:
                err(f"{where}: keys must be {KEYS} (missing {missing}, unexpected {extra})")
        if not isinstance(eid, str) or not ID_RE.match(eid):
            err(f"{where}: id must be snake_case ASCII")
        elif ids[eid] > 1:
            err(f"{where}: id used {ids[eid]} times")
        if not isinstance(e.get("name"), str) or not e.get("name", "").strip():
            err(f"{where}: name must be a non-empty string")
        if e.get("type") not in TYPES:
            err(f"{where}: type {e.get('type')!r} not in {sorted(TYPES)}")
        for field in ("aliases", "demonyms"):
            value = e.get(field)
            if not isinstance(value, dict):
                err(f"{where}: {field} must be an object keyed by language")
                continue
            for lang, items in value.items():
                if lang not in LANGS:
                    err(f"{where}: {field} has unknown language {lang!r}")
                if not isinstance(items, list) or not all(isinstance(p, str) for p in items):
                    err(f"{where}: {field}.{lang} must be a list of strings")
                    continue
                for p in items:
                    if not p.strip() or p != p.strip() or "  " in p:
                        err(f"{where}: {field}.{lang} has a blank, untrimmed or double-spaced entry {p!r}")
                    if "- " in p or " -" in p:
                        err(f"{where}: {field}.{lang} {p!r} can never match (hyphen next to a space)")
        if e.get("demonyms") and e.get("type") != "state":
            err(f"{where}: demonyms are for states only")
        if eid == "palestine" and any(e.get("demonyms", {}).values()):
            err("palestine: demonyms must stay empty (Palestinians are counted as victims elsewhere)")
        parent = e.get("parent")
        if parent is not None:
            if parent == eid:
                err(f"{where}: is its own parent")
            elif parent not in by_id:
                err(f"{where}: parent {parent!r} does not exist")
        if not isinstance(e.get("fuzzy_given_name"), bool):
            err(f"{where}: fuzzy_given_name must be true or false")
        elif e["fuzzy_given_name"] and e.get("type") != "person":
            err(f"{where}: fuzzy_given_name is only for persons")
        aliases = e.get("aliases") if isinstance(e.get("aliases"), dict) else {}
        if not aliases.get("en") and not e.get("name"):
            err(f"{where}: needs an English alias or a name")
        needs_all = e.get("type") in ("state", "person") or eid in MAJOR_ORGANISATIONS
        for lang in LANGS:
            if not aliases.get(lang):
                if needs_all and (eid, lang) not in EXEMPT:
                    err(f"{where}: no {lang} alias")
                elif not needs_all and e.get("type") != "media":
                    warn(f"{where}: no {lang} alias")
        for field, lang, p in phrases(e):
            if not isinstance(p, str):
                continue
            key = fold_key(p)
            if key in COMMON_WORDS and not capitals_only(p):
                err(f"{where}: {field} {p!r} is a common word in the press")
            if field != "name" and len(p) <= 3 and any(c.islower() for c in p) and (where, key) not in warned:
                warned.add((where, key))
                warn(f"{where}: short {field} {p!r} is not all capitals, so it matches in any case")
            if lang == "ar" and key.startswith(PROCLITIC_STARTS):
                warn(f"{where}: Arabic {field} {p!r} may carry a proclitic (the matcher adds clitics itself)")
    # parents form no cycle
    for eid in by_id:
        seen, cur = set(), eid
        while cur is not None and cur in by_id:
            if cur in seen:
                err(f"{eid}: parent chain loops")
                break
            seen.add(cur)
            cur = by_id[cur].get("parent")
    # no phrase shared by two actors
    owners = defaultdict(set)
    shown = defaultdict(set)
    via_clitic = set()
    for e in entries:
        if not isinstance(e, dict):
            continue
        for field, lang, p in phrases(e):
            if isinstance(p, str) and p.strip():
                k = fold_key(p)
                owners[k].add(e.get("id"))
                shown[k].add(p)
                for v in clitic_variants(fold_phrase(p), lang, clitics):
                    kv = re.sub(r"\s+", " ", v.replace("'", " ")).strip()
                    owners[kv].add(e.get("id"))
                    shown[kv].add(p)
                    via_clitic.add(kv)
    reported = set()
    for k, who in sorted(owners.items()):
        if len(who) > 1:
            message = f"{sorted(shown[k])} shared by {sorted(who)}"
            if k in via_clitic:
                message += " (once a proclitic is written onto one of them)"
            if message not in reported:
                reported.add(message)
                err(message)
    return errors, warnings


def counts(entries):
    by_type = Counter(e["type"] for e in entries)
    print(f"{len(entries)} actors")
    for t in sorted(TYPES):
        print(f"  {t:16} {by_type.get(t, 0)}")
    print(f"  {'language':16} {'actors':>6} {'aliases':>8} {'demonyms':>9}")
    for lang in LANGS:
        with_alias = sum(1 for e in entries if e["aliases"].get(lang))
        n_alias = sum(len(e["aliases"].get(lang, [])) for e in entries)
        n_dem = sum(len(e["demonyms"].get(lang, [])) for e in entries)
        print(f"  {lang:16} {with_alias:6} {n_alias:8} {n_dem:9}")
    total = sum(len(v) for e in entries for v in e["aliases"].values())
    total_d = sum(len(v) for e in entries for v in e["demonyms"].values())
    print(f"  {'all':16} {len(entries):6} {total:8} {total_d:9}")


# --- a Python rendering of ActorExtractor, for --match ---------------------------------------
def edit_distance_at_most_one(a, b):
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1:] == shorter[i:]


def match(entries, text, clitics=None):
    folded, where = fold_text(text)
    patterns = {}
    for e in entries:
        for field, lang, p in phrases(e):
            caps = field != "name" and capitals_only(p)
            key = fold_phrase(p)
            for k, c in [(key, caps)] + [(v, False) for v in clitic_variants(key, lang, clitics or {})]:
                prev = patterns.get(k)
                # The checker forbids one key for two actors, so keeping one payload is enough.
                patterns[k] = (e, p, c and (prev is None or prev[2]))
    cands = []
    for key, (e, p, caps) in patterns.items():
        start = folded.find(key)
        while start >= 0:
            end = start + len(key)
            before = folded[start - 1] if start > 0 else " "
            after = folded[end] if end < len(folded) else " "
            if not before.isalpha() and not after.isalpha():
                span = text[where[start]:where[end - 1] + 1]
                if not caps or span == span.upper():
                    cands.append((start, end, e))
            start = folded.find(key, start + 1)
    for e in entries:
        parts = fold_phrase(e["name"]).split(" ")
        if not e.get("fuzzy_given_name") or len(parts) < 2 or len(parts[0]) < 4:
            continue
        family, given = parts[-1], parts[0]
        start = folded.find(family)
        while start >= 0:
            end = start + len(family)
            whole = (start == 0 or not folded[start - 1].isalpha()) and (end == len(folded) or not folded[end].isalpha())
            word_end = start - 1
            if whole and word_end > 0 and folded[word_end] == " ":
                word_start = word_end
                while word_start > 0 and folded[word_start - 1].isalpha():
                    word_start -= 1
                word = folded[word_start:word_end]
                if word and edit_distance_at_most_one(word, given):
                    cands.append((word_start, end, e))
            start = folded.find(family, start + 1)
    cands.sort(key=lambda c: (c[0] - c[1], c[0]))
    kept = []
    for c in cands:
        if all(not (k[0] < c[1] and c[0] < k[1]) for k in kept):
            kept.append(c)
    kept.sort()
    return [(text[where[s]:where[t - 1] + 1], e["id"], e["type"]) for s, t, e in kept]


def main(argv):
    path, text, quiet, lexicons = DEFAULT, None, False, LEXICONS
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--match":
            text = args.pop(0)
            if text.startswith("@"):
                text = Path(text[1:]).read_text(encoding="utf-8")
        elif a == "--lexicons":
            lexicons = Path(args.pop(0))
        elif a == "--quiet":
            quiet = True
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            path = Path(a)
    try:
        entries = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"ERROR: cannot read {path}: {e}", file=sys.stderr)
        return 1
    clitics = load_clitics(lexicons)
    errors, warnings = check(entries, clitics)
    if not quiet:
        for w in warnings:
            print(f"warning: {w}")
    for e in errors:
        print(f"ERROR: {e}", file=sys.stderr)
    if not errors:
        counts(entries)
        if text is not None:
            for surface, eid, etype in match(entries, text, clitics):
                print(f"  {surface!r:40} {eid} ({etype})")
    print(f"{len(errors)} error(s), {len(warnings)} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
