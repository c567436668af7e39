"""Label sets of the event classifier.

The *fine* classes are CAMEO roots, with root 08 split in two as PLOVER splits it (CONCEDE /
RETREAT); each is named by the CAMEO code an event relabelled to it gets (``"190"``, ``"084"``).
"""
from __future__ import annotations

PENTA_BOUNDS = ((2, 0), (5, 1), (8, 2), (13, 3), (20, 4))

# fine class → its default CAMEO code; roots "01".."20" plus "084" (RETREAT: return, release).
FINE = ["010", "020", "030", "040", "050", "060", "070", "080", "084", "090", "100", "110", "120",
        "130", "140", "150", "160", "170", "180", "190", "200"]


def penta_of_root(root: str | int) -> int:
    r = int(str(root)[:2])
    for top, label in PENTA_BOUNDS:
        if 1 <= r <= top:
            return label
    raise ValueError(f"not a CAMEO root: {root!r}")


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
    if penta_of_code(code) is None:
        return None
    from ..ontology.plover import to_plover

    pl = to_plover(code) if code[:2] == "08" else None
    return fine_of(code[:2], pl["type"] if pl else None)
