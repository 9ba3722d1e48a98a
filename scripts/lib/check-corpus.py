#!/usr/bin/env python3
"""Validates the labelled extraction corpus (src/test/resources/corpus/figures-<lang>.jsonl).

Checks every line is a JSON object with the expected fields and enum values, that low/high follow
the bound conventions of each qualifier, that every claim's span is the passage's text at its start,
that a "pending" flag (optional) is a non-empty line, that ids are unique, and that every language
has enough entries and negative entries (numbers that must give no claim). Prints counts per language and per
metric; exits 1 when anything is violated.

    scripts/lib/check-corpus.py [CORPUS_DIR]
"""
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

LANGS = ("fr", "en", "es", "de", "ar")
MIN_ENTRIES = 90
MIN_NEGATIVES = 20

METRICS = ("killed", "wounded", "missing", "hostages_taken", "hostages_held", "hostages_released",
           "hostages_dead", "detained", "prisoners_released", "displaced")
SUBJECTS = ("palestinians", "israelis", "ukrainians", "russians", "sudanese", "lebanese", "syrians",
            "unknown")
GROUPS = (None, "children", "women", "civilians", "soldiers", "journalists", "aid_workers", "settlers",
          "medics", "police")
QUALIFIERS = ("exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague")
ENTRY_KEYS = ("id", "lang", "text", "claims")
OPTIONAL_ENTRY_KEYS = ("pending",)
CLAIM_KEYS = ("metric", "subject", "group", "value", "low", "high", "qualifier", "hedged", "span", "start")

# vague amounts: dozens / hundreds / thousands / tens and hundreds of thousands / millions ("dozens" is 24..99 in English)
VAGUE_BOUNDS = {(20, 99), (200, 999), (2000, 9999), (20000, 99999), (200000, 999999), (2000000, 9999999)}
VAGUE_BOUNDS_EN = {(24, 99), (200, 999), (2000, 9999), (20000, 99999), (200000, 999999), (2000000, 9999999)}


def is_int(x):
    return isinstance(x, int) and not isinstance(x, bool)


def approx_bounds(value, pct):
    """floor(value*(1-pct/100)), ceil(value*(1+pct/100)) in exact integer arithmetic."""
    return (value * (100 - pct)) // 100, -((-value * (100 + pct)) // 100)


def utf16_index(text, i):
    """Java's char index of code point i of text: the spec's starts are Java String indices."""
    return len(text[:i].encode("utf-16-le")) // 2


def check_span(text, c):
    """Problems with a claim's span: it must be the text found at its start (a Java char index)."""
    span, start = c["span"], c["start"]
    if not isinstance(span, str) or not span or span != span.strip():
        return [f"span {span!r} is not a non-empty trimmed string"]
    if not is_int(start) or start < 0:
        return [f"start {start!r} is not a non-negative integer"]
    found = [utf16_index(text, i) for i in range(len(text)) if text.startswith(span, i)]
    if start not in found:
        return [f"span {span!r} is not the text at start {start} (it is at {found or 'no index'})"]
    return []


def check_claim(lang, c):
    """Returns a list of problems with one claim."""
    if not isinstance(c, dict):
        return ["claim is not an object"]
    errs = []
    keys = tuple(c.keys())
    if set(keys) != set(CLAIM_KEYS):
        missing = [k for k in CLAIM_KEYS if k not in c]
        extra = [k for k in keys if k not in CLAIM_KEYS]
        return [f"claim fields: missing {missing}, unexpected {extra}"]
    if c["metric"] not in METRICS:
        errs.append(f"metric {c['metric']!r}")
    if c["subject"] not in SUBJECTS:
        errs.append(f"subject {c['subject']!r}")
    if c["group"] not in GROUPS:
        errs.append(f"group {c['group']!r}")
    if not isinstance(c["hedged"], bool):
        errs.append(f"hedged {c['hedged']!r} is not a boolean")
    q, v, lo, hi = c["qualifier"], c["value"], c["low"], c["high"]
    if q not in QUALIFIERS:
        return errs + [f"qualifier {q!r}"]
    type_errs = []
    if v is not None and not (is_int(v) and v > 0):
        type_errs.append(f"value {v!r} is not a positive integer or null")
    if not (is_int(lo) and lo >= 0):
        type_errs.append(f"low {lo!r} is not a non-negative integer")
    if hi is not None and not is_int(hi):
        type_errs.append(f"high {hi!r} is not an integer or null")
    if type_errs:
        return errs + type_errs
    if q in ("range", "vague"):
        if v is not None:
            errs.append(f"{q}: value must be null")
        if hi is None or not lo < hi:
            errs.append(f"{q}: needs low < high, got {lo}..{hi}")
        if q == "vague" and (lo, hi) not in (VAGUE_BOUNDS_EN if lang == "en" else VAGUE_BOUNDS):
            errs.append(f"vague: bounds {lo}..{hi} are not a vague-amount convention for {lang}")
        return errs
    if v is None:
        return errs + [f"{q}: value must be an integer"]
    if q == "exact" and not (lo == v and hi == v):
        errs.append(f"exact: expected low=high={v}, got {lo}..{hi}")
    elif q == "approx" and (lo, hi) not in (approx_bounds(v, 10), approx_bounds(v, 20)):
        errs.append(f"approx: {v} needs {approx_bounds(v, 10)} (±10%) or {approx_bounds(v, 20)} "
                    f"(±20%), got ({lo}, {hi})")
    elif q in ("at_least", "more_than") and not (lo == v and hi is None):
        errs.append(f"{q}: expected low={v}, high=null, got {lo}..{hi}")
    elif q in ("at_most", "less_than") and not (lo == 0 and hi == v):
        errs.append(f"{q}: expected low=0, high={v}, got {lo}..{hi}")
    return errs


def is_passage(text):
    """More than one sentence: a sentence end followed by further text."""
    return re.search(r"[.!?؟](?:\s+)\S", text.strip()) is not None


def main():
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else \
        Path(__file__).resolve().parents[2] / "src/test/resources/corpus"
    problems = []
    warnings = []
    seen_ids = {}
    per_lang = {}
    per_metric = defaultdict(Counter)
    per_qualifier = defaultdict(Counter)

    for lang in LANGS:
        path = root / f"figures-{lang}.jsonl"
        stats = Counter()
        per_lang[lang] = stats
        if not path.is_file():
            problems.append(f"{path}: missing")
            continue
        texts = {}
        raw = path.read_bytes()
        try:
            content = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append(f"{path.name}: not UTF-8 ({e})")
            continue
        if content.startswith("\ufeff"):
            problems.append(f"{path.name}: starts with a byte-order mark")
            content = content[1:]
        lines = content.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
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
                problems.append(f"{where}: entry must have the fields {list(ENTRY_KEYS)}, "
                                f"and may have {list(OPTIONAL_ENTRY_KEYS)}")
                continue
            eid = e["id"]
            where = f"{path.name}:{n} ({eid})"
            if not isinstance(eid, str) or not re.fullmatch(rf"{lang}-\d{{3,}}", eid):
                problems.append(f"{where}: id must look like {lang}-001")
            elif eid in seen_ids:
                problems.append(f"{where}: duplicate id (also {seen_ids[eid]})")
            else:
                seen_ids[eid] = where
            if e["lang"] != lang:
                problems.append(f"{where}: lang {e['lang']!r} in figures-{lang}.jsonl")
            text = e["text"]
            if not isinstance(text, str) or not text.strip():
                problems.append(f"{where}: empty text")
                continue
            if text != text.strip():
                problems.append(f"{where}: text has leading/trailing whitespace")
            if text in texts:
                problems.append(f"{where}: same text as {texts[text]}")
            texts[text] = eid
            if "pending" in e:
                stats["pending"] += 1
                if not isinstance(e["pending"], str) or not e["pending"].strip() or "\n" in e["pending"]:
                    problems.append(f"{where}: pending must be one non-empty line saying what is wrong")
            claims = e["claims"]
            if not isinstance(claims, list):
                problems.append(f"{where}: claims is not a list")
                continue
            stats["entries"] += 1
            stats["claims"] += len(claims)
            if not claims:
                stats["negatives"] += 1
                if not any(ch.isdigit() for ch in text):
                    warnings.append(f"{where}: negative entry without digits (check it holds a number word)")
            if is_passage(text) and len(claims) > 1:
                stats["passages"] += 1
            for i, c in enumerate(claims):
                errs = check_claim(lang, c)
                if not errs:
                    errs = check_span(text, c)
                for err in errs:
                    problems.append(f"{where} claim {i}: {err}")
                if isinstance(c, dict):
                    per_metric[c.get("metric")][lang] += 1
                    per_qualifier[c.get("qualifier")][lang] += 1
                    if c.get("hedged") is True:
                        stats["hedged"] += 1
        if stats["entries"] < MIN_ENTRIES:
            problems.append(f"{lang}: {stats['entries']} entries, need at least {MIN_ENTRIES}")
        if stats["negatives"] < MIN_NEGATIVES:
            problems.append(f"{lang}: {stats['negatives']} negative entries, need at least {MIN_NEGATIVES}")
        for m in METRICS:
            if per_metric[m][lang] == 0:
                problems.append(f"{lang}: no claim with metric {m}")

    cols = ("entries", "claims", "negatives", "passages", "hedged", "pending")
    print(f"{'lang':<8}" + "".join(f"{h:>11}" for h in cols))
    total = Counter()
    for lang in LANGS:
        s = per_lang[lang]
        total.update(s)
        print(f"{lang:<8}" + "".join(f"{s[h]:>11}" for h in cols))
    print(f"{'total':<8}" + "".join(f"{total[h]:>11}" for h in cols))

    for title, table, order in (("metric", per_metric, METRICS), ("qualifier", per_qualifier, QUALIFIERS)):
        print()
        print(f"{title:<20}" + "".join(f"{lang:>6}" for lang in LANGS) + f"{'total':>8}")
        for key in list(order) + sorted(k for k in table if k not in order and k is not None):
            row = table.get(key, Counter())
            print(f"{key:<20}" + "".join(f"{row[lang]:>6}" for lang in LANGS) + f"{sum(row.values()):>8}")

    for w in warnings:
        print(f"warning: {w}")
    if problems:
        print(f"\n{len(problems)} problem(s):", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        return 1
    print("\ncorpus OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
