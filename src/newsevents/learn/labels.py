"""Label sets of the event classifier.

The *fine* classes are CAMEO roots, with root 08 split in two as PLOVER splits it (CONCEDE /
RETREAT); each is named by the CAMEO code an event relabelled to it gets (``"190"``, ``"084"``).
"""
from __future__ import annotations

from ..ontology import classes

# CAMEO root → PentaClass label (ontology/cameo_classes.tsv, class "penta")
PENTA = {root: int(label) for root, label in classes.mapping("penta").items()}

# fine class → its default CAMEO code; roots "01".."20" plus "084" (RETREAT: return, release).
FINE = list(classes.codes("fine"))


def penta_of_root(root: str | int) -> int:
    label = PENTA.get(f"{int(str(root)[:2]):02d}")
    if label is None:
        raise ValueError(f"not a CAMEO root: {root!r}")
    return label


def penta_of_code(code: str | None) -> int | None:
    if not code or len(code) < 2 or not code[:2].isdigit() or not 1 <= int(code[:2]) <= 20:
        return None
    return penta_of_root(code[:2])


def fine_of(root: str, plover_type: str | None = None) -> str:
    """The fine class of a CAMEO root (and, for root 08, its PLOVER type)."""
    root = root[:2]
    if root == "08" and plover_type == "RETREAT":
        return "084"
    return root + "0"


def fine_of_code(code: str | None) -> str | None:
    if code is None or penta_of_code(code) is None:
        return None
    from ..ontology.plover import to_plover

    pl = to_plover(code) if code[:2] == "08" else None
    return fine_of(code[:2], pl["type"] if pl else None)
