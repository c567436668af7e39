"""A short printed summary of a coded database: what `newsevents demo` shows."""
from __future__ import annotations

from collections import Counter
from typing import Callable


def summarize(records: list[dict]) -> dict:
    """Counts by PLOVER type, the busiest actor pairs, and a few examples."""
    by_type = Counter((r.get("plover") or {}).get("type") or f"CAMEO {r['cameo'][:2]} (no PLOVER type)" for r in records)
    pairs = Counter(
        (_name(r["source"]), _name(r["target"])) for r in records if r.get("source") and r.get("target")
    )
    coded = [r for r in records if r.get("plover") and (r.get("source") or {}).get("code")
             and (r.get("target") or {}).get("code")]
    examples = sorted(coded, key=lambda r: -r["confidence"])[:5]
    return {"events": len(records), "by_type": by_type.most_common(), "pairs": pairs.most_common(8), "examples": examples}


def _name(actor: dict | None) -> str:
    if not actor:
        return "-"
    return actor.get("name") or actor.get("text") or "?"


def print_summary(db: str, echo: Callable[[str], None] = print) -> None:
    """Print the summary of every event stored in ``db``."""
    from .store import Store

    store = Store(db)
    try:
        records = list(store.iter_events())
    finally:
        store.close()
    s = summarize(records)
    echo(f"\n{s['events']} events in {db}\n")
    echo("Events by PLOVER type:")
    for name, n in s["by_type"]:
        echo(f"  {n:5d}  {name}")
    echo("\nBusiest actor pairs (source -> target):")
    for (a, b), n in s["pairs"]:
        echo(f"  {n:5d}  {a} -> {b}")
    echo("\nExamples:")
    for r in s["examples"]:
        p = r["plover"]["type"]
        echo(f"  [{r['cameo']} {p}] {_name(r['source'])} -> {_name(r['target'])}  date={r['date']}"
             f"  place={(r.get('location') or {}).get('name')}")
        echo(f"      \"{r['sentence'][:160]}\"")
    echo("")
