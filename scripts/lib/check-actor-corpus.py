#!/usr/bin/env python3
"""Validates the labelled actor-recognition corpus (src/test/resources/corpus/actors-<lang>.jsonl).

Each line is one JSON object {"id": "en-a001", "lang": "en", "text": "...", "actors": [...]}, where
`actors` is the set of gazetteer ids the text mentions as actors, sorted alphabetically (an empty
list for a passage that mentions no actor), and optionally "pending": one line saying what the
extractor still gets wrong in it (the spec test then requires it to fail). Checks that every line
parses, has these fields, that ids are unique and look like <lang>-a001, that texts are non-empty and not repeated,
that every actor set is sorted, free of duplicates and made only of ids present in the gazetteer
(src/main/resources/crosscount/gazetteer/actors.json) or of persons the extractor names from a title
("person:rami_haddad") or outlets it names from media words ("media:al_nada_news_agency"), and that every language has enough
passages. Prints counts per language; exits 1 when anything is violated.

    scripts/lib/check-actor-corpus.py [CORPUS_DIR] [--gazetteer PATH]
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

LANGS = ("fr", "en", "es", "de", "ar")
MIN_ENTRIES = 70        # per language
MIN_TOTAL = 350         # all languages together
ENTRY_KEYS = ("id", "lang", "text", "actors")
OPTIONAL_ENTRY_KEYS = ("pending",)
PERSON_ID = re.compile(r"^person:[a-z0-9]+(_[a-z0-9]+)*$")
# outlets outside the gazetteer, named from media words ("the Al-Nada news agency")
MEDIA_ID = re.compile(r"^media:[a-z0-9]+(_[a-z0-9]+)*$")


def load_gazetteer_ids(path, problems):
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        problems.append(f"{path}: cannot read gazetteer ({e})")
        return None
    if not isinstance(data, list):
        problems.append(f"{path}: gazetteer is not a JSON list")
        return None
    ids = set()
    for n, entry in enumerate(data):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            problems.append(f"{path}: entry {n} has no string id")
            continue
        ids.add(entry["id"])
    return ids


def read_lines(path, problems):
    """The file's lines (without the final empty one), or None when it cannot be used."""
    if not path.is_file():
        problems.append(f"{path}: missing")
        return None
    try:
        content = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as e:
        problems.append(f"{path.name}: not UTF-8 ({e})")
        return None
    if content.startswith("\ufeff"):
        problems.append(f"{path.name}: starts with a byte-order mark")
        content = content[1:]
    if content and not content.endswith("\n"):
        problems.append(f"{path.name}: last line has no newline")
    lines = content.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def check_entry(lang, e, where, gazetteer_ids):
    """Problems with one parsed line (the id, text and duplicate checks are done by the caller)."""
    errs = []
    if e["lang"] != lang:
        errs.append(f"{where}: lang {e['lang']!r} in actors-{lang}.jsonl")
    actors = e["actors"]
    if not isinstance(actors, list) or not all(isinstance(a, str) for a in actors):
        return errs + [f"{where}: actors must be a list of strings"]
    dups = sorted(a for a, c in Counter(actors).items() if c > 1)
    if dups:
        errs.append(f"{where}: duplicate actors {dups}")
    if actors != sorted(actors):
        errs.append(f"{where}: actors not sorted: {actors}")
    if gazetteer_ids is not None:
        # persons found next to a title ("spokesman Rami Haddad") get ids made from the name
        unknown = [a for a in actors if a not in gazetteer_ids and not PERSON_ID.match(a) and not MEDIA_ID.match(a)]
        if unknown:
            errs.append(f"{where}: ids not in the gazetteer: {unknown}")
    return errs


def main(argv):
    repo = Path(__file__).resolve().parents[2]
    root = repo / "src/test/resources/corpus"
    gazetteer = repo / "src/main/resources/crosscount/gazetteer/actors.json"
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--gazetteer" and args:
            gazetteer = Path(args.pop(0))
        elif a in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        elif not a.startswith("-"):
            root = Path(a)
        else:
            print(f"unknown argument {a!r}", file=sys.stderr)
            return 2

    problems = []
    gazetteer_ids = load_gazetteer_ids(gazetteer, problems)
    seen_ids = {}
    stats = {}
    used = Counter()

    for lang in LANGS:
        s = Counter()
        stats[lang] = s
        path = root / f"actors-{lang}.jsonl"
        lines = read_lines(path, problems)
        if lines is None:
            continue
        texts = {}
        distinct = set()
        for n, line in enumerate(lines, 1):
            where = f"{path.name}:{n}"
            if not line.strip():
                problems.append(f"{where}: blank line")
                continue
            try:
                e = json.loads(line)
            except json.JSONDecodeError as ex:
                problems.append(f"{where}: invalid JSON ({ex})")
                continue
            if not isinstance(e, dict) or not set(ENTRY_KEYS) <= set(e.keys()) <= set(ENTRY_KEYS + OPTIONAL_ENTRY_KEYS):
                problems.append(f"{where}: entry must be an object with the fields {list(ENTRY_KEYS)}, "
                                f"and may have {list(OPTIONAL_ENTRY_KEYS)}")
                continue
            eid = e["id"]
            if not isinstance(eid, str) or not re.fullmatch(rf"{lang}-a\d{{3,}}", eid):
                problems.append(f"{where}: id {eid!r} must look like {lang}-a001")
            elif eid in seen_ids:
                problems.append(f"{where}: duplicate id {eid} (also {seen_ids[eid]})")
            else:
                seen_ids[eid] = where
            where = f"{where} ({eid})"
            text = e["text"]
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{where}: empty text")
                continue
            if text != text.strip():
                problems.append(f"{where}: text has leading/trailing whitespace")
            if text in texts:
                problems.append(f"{where}: same text as {texts[text]}")
            texts[text] = eid
            if "pending" in e and (not isinstance(e["pending"], str) or not e["pending"].strip()
                                   or "\n" in e["pending"]):
                problems.append(f"{where}: pending must be one non-empty line saying what is wrong")
            errs = check_entry(lang, e, where, gazetteer_ids)
            problems.extend(errs)
            if isinstance(e["actors"], list):
                labels = [a for a in e["actors"] if isinstance(a, str)]
                s["entries"] += 1
                s["mentions"] += len(set(labels))
                if not labels:
                    s["empty"] += 1
                distinct.update(labels)
                used.update(set(labels))
        s["distinct"] = len(distinct)
        if s["entries"] < MIN_ENTRIES:
            problems.append(f"{lang}: {s['entries']} passages, need at least {MIN_ENTRIES}")

    total = sum(s["entries"] for s in stats.values())
    if total < MIN_TOTAL:
        problems.append(f"all languages: {total} passages, need at least {MIN_TOTAL}")

    cols = ("entries", "mentions", "empty", "distinct")
    print(f"{'lang':<8}" + "".join(f"{h:>10}" for h in cols) + f"{'per text':>10}")
    for lang in LANGS:
        s = stats[lang]
        mean = s["mentions"] / s["entries"] if s["entries"] else 0.0
        print(f"{lang:<8}" + "".join(f"{s[h]:>10}" for h in cols) + f"{mean:>10.2f}")
    tm = sum(s["mentions"] for s in stats.values())
    te = sum(s["empty"] for s in stats.values())
    print(f"{'total':<8}{total:>10}{tm:>10}{te:>10}{len(used):>10}{(tm / total if total else 0):>10.2f}")
    if gazetteer_ids is not None:
        print(f"\n{len(used)} of {len(gazetteer_ids)} gazetteer actors appear in the labels")

    if problems:
        print(f"\n{len(problems)} problem(s):", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        return 1
    print("\nactor corpus OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
