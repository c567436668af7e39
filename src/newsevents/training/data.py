"""Training data for the event classifier: the gold sentences of ``../shared/data/gold``.

Every item gets a PentaClass label (0–4) and, where the gold says which CAMEO root or PLOVER
type it is, a *fine* label: the default CAMEO code of a class of the classifier's fine head
(``labels.FINE``). PentaClass sentences carry only their PentaClass label; PLOVER sentences
their type (old names mapped; DISAPPROVE → 11, INVESTIGATE → 09, FIGHT → 19, as in CAMEO);
PETRARCH unit-test sentences the root of their first expected code.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from ..learn import labels as L
from ..ontology import classes


@dataclass
class Item:
    id: str
    set: str  # "pentaclass" | "plover" | "petrarch"
    text: str
    penta: int | None  # PentaClass label 0–4
    fine: str | None  # fine label (a default CAMEO code, labels.FINE), None when unknown
    gold: Any = None  # the reader's record (for scoring with newsevents.evaluate)
    events: list[dict] = field(default_factory=list)  # the coder's events (Event.to_dict())


# PLOVER gold types (raw names) → CAMEO root (ontology/cameo_classes.tsv).
PLOVER_ROOT = classes.mapping("plover-root")


def read_items(shared: Path, with_petrarch: bool = True) -> list[Item]:
    from ..evaluate import pentaclass, petrarch, plover

    gold = Path(shared) / "data" / "gold"
    items: list[Item] = []
    for it in pentaclass.read_tsv(gold / pentaclass.FILE):
        items.append(Item(it.id, "pentaclass", it.text, int(it.label), None, it))
    for pit in plover.read_plover(gold / plover.FILE):
        root = PLOVER_ROOT.get(pit.raw_type.strip().upper()) or PLOVER_ROOT.get(pit.type)
        if root is None:
            continue
        fine = L.fine_of(root, pit.type)
        items.append(Item(pit.id, "plover", pit.text, L.penta_of_root(root), fine, pit))
    if with_petrarch:
        for rec in petrarch.read_records(gold / petrarch.DIR / petrarch.RECORDS):
            if rec.skip or not rec.expected:
                continue
            code = rec.expected[0][2]
            if len(code) < 2 or not code[:2].isdigit() or not 1 <= int(code[:2]) <= 20:
                continue
            from ..ontology.plover import to_plover

            pl = to_plover(code)
            fine = L.fine_of(code[:2], pl["type"] if pl else None)
            items.append(Item(f"petrarch:{rec.id}", "petrarch", rec.text, L.penta_of_root(code[:2]), fine, rec))
    return items


def code_items(items: Sequence[Item], cache: Path | None = None, batch_size: int = 64, log=print) -> None:
    """Fill ``item.events`` with the default coder's events (``Event.to_dict()``); ``cache`` is a
    JSON file keyed by sentence text (a development convenience: delete it when the coder changes)."""
    cached: dict[str, list[dict]] = {}
    if cache is not None and Path(cache).exists():
        cached = json.loads(Path(cache).read_text(encoding="utf-8"))
    todo = [it for it in items if it.text not in cached]
    if todo:
        from ..models import Article
        from ..pipeline import Coder

        t0 = time.perf_counter()
        coder = Coder.get(None)
        texts = sorted({it.text for it in todo})
        arts = [Article(id=f"s{i}", text=t) for i, t in enumerate(texts)]
        for art, events in coder.code_articles(arts, batch_size=batch_size):
            cached[art.text] = [ev.to_dict() for ev in events]
        log(f"coded {len(texts)} sentences in {time.perf_counter() - t0:.1f} s")
        if cache is not None:
            Path(cache).write_text(json.dumps(cached), encoding="utf-8")
    for it in items:
        it.events = cached[it.text]
