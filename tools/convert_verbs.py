#!/usr/bin/env python3
"""Convert PETRARCH2's CAMEO verb dictionary and the CAMEO->PLOVER table into package data.

Development tool: reads ``../shared/data``, writes ``src/newsevents/data/verbs.json`` and
``src/newsevents/data/plover.tsv``. Run it again whenever the sources or
``tools/verbs_corrections.txt`` change::

    python tools/convert_verbs.py [--shared ../shared]

The verb file keeps the dictionary's structure (synonym sets, verb blocks, patterns) in
a parsed form so that the coder never parses the PETRARCH syntax at run time.
``newsevents.coding.verbs.parse_petrarch_verbs`` is the parser; this script only calls it
and adds the corrections.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsevents.coding.verbs import parse_petrarch_verbs  # noqa: E402
from newsevents.ontology.plover import parse_cameo2plover  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="path to the shared data folder")
    args = ap.parse_args()
    shared = Path(args.shared)
    data = ROOT / "src" / "newsevents" / "data"

    verbs_src = shared / "data" / "dictionaries" / "CAMEO.2.0.txt"
    corrections = ROOT / "tools" / "verbs_corrections.txt"
    parsed = parse_petrarch_verbs(verbs_src.read_text(encoding="utf-8", errors="replace"), str(verbs_src.name))
    fixes = parse_petrarch_verbs(corrections.read_text(encoding="utf-8"), str(corrections.name))
    merged = merge(parsed, fixes)
    merged["about"] = (
        "CAMEO verb patterns converted from PETRARCH2's CAMEO.2.0.txt (Open Event Data Alliance, MIT) "
        "by tools/convert_verbs.py, with the corrections in tools/verbs_corrections.txt"
    )
    out = data / "verbs.json"
    out.write_text(json.dumps(merged, indent=0, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{out}: {len(merged['blocks'])} verb blocks, {sum(len(b['patterns']) for b in merged['blocks'].values())} patterns, "
          f"{len(merged['verbs'])} verb lemmas, {len(merged['synsets'])} synonym sets, {len(merged['warnings'])} warnings")
    for w in merged["warnings"][:20]:
        print("  warning:", w)

    plover_src = shared / "data" / "plover" / "CAMEO2PLOVER-2021.txt"
    rows = parse_cameo2plover(plover_src.read_text(encoding="utf-8"), plover_src.name)
    rows = amend(rows, ROOT / "tools" / "plover_amendments.txt")
    pout = data / "plover.tsv"
    with pout.open("w", encoding="utf-8") as fh:
        fh.write("# CAMEO -> PLOVER (type, mode, context) from CAMEO2PLOVER-2021.txt, PLOVER manual draft 0.8,\n")
        fh.write("# Open Event Data Alliance, CC BY-SA 4.0. Converted by tools/convert_verbs.py, with the\n")
        fh.write("# amendments in tools/plover_amendments.txt (where the manual's text overrides the table).\n")
        fh.write("# A key 'CODE:lemma' applies to CODE only when the event's trigger verb has that lemma.\n")
        fh.write("cameo\ttype\tmode\tcontext\tdescription\n")
        for r in rows:
            fh.write("\t".join([r["cameo"], r["type"], r["mode"], ";".join(r["context"]), r["description"]]) + "\n")
    print(f"{pout}: {len(rows)} CAMEO codes")
    return 0


def amend(rows: list[dict], path: Path) -> list[dict]:
    """Replace or add table rows from the amendments file (``cameo[:lemma] type mode context why``;
    ``02* =10* - - why`` gives each code 02x the type, mode and context of its 10x mirror)."""
    by_key = {r["cameo"]: r for r in rows}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 5 or not cols[1]:
            sys.exit(f"{path}:{lineno}: expected 5 tab-separated columns: cameo[:lemma] type mode context why")
        key, typ, mode, context, why = cols
        if typ.startswith("="):  # a mirror: "02*" takes "10*"'s rows
            to, src = key.rstrip("*"), typ[1:].rstrip("*")
            for r in [r for k, r in list(by_key.items()) if k.startswith(src) and k[:len(src) + 1].isdigit()]:
                code = to + r["cameo"][len(src):]
                by_key.setdefault(code, {**r, "cameo": code, "description": f"amended: {why}"})
            continue
        by_key[key] = {"cameo": key, "type": typ, "mode": mode, "context": [c for c in context.split(";") if c],
                       "description": f"amended: {why}"}
    return list(by_key.values())


def merge(base: dict, fixes: dict) -> dict:
    """Apply corrections: synonym sets grow (or lose a member), a corrected verb replaces its code,
    corrected patterns go first."""
    out = json.loads(json.dumps(base))
    for name, members in fixes["synsets"].items():  # corrections add members to a set
        out["synsets"].setdefault(name, [])
        out["synsets"][name] += [m for m in members if m not in out["synsets"][name]]
    for name, members in fixes.get("removed", {}).items():
        out["synsets"][name] = [m for m in out["synsets"].get(name, []) if m not in members]
    for name, block in fixes["blocks"].items():
        target = out["blocks"].setdefault(name, {"code": block["code"], "alt": block.get("alt"), "patterns": []})
        target["patterns"] = block["patterns"] + target["patterns"]
    for lemma, entries in fixes["verbs"].items():
        # (a line "BATON_+CHARGE" is another verb than "CHARGE": the words before it count too)
        fixed = [(f["words"], f.get("before")) for f in entries]
        kept = [e for e in out["verbs"].get(lemma, []) if (e["words"], e.get("before")) not in fixed]
        out["verbs"][lemma] = entries + kept
    return out


if __name__ == "__main__":
    raise SystemExit(main())
