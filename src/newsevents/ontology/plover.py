"""CAMEO → PLOVER: event type, mode and context for a CAMEO code.

The table (``data/plover.tsv``) is converted from the PLOVER project's
``CAMEO2PLOVER-2021.txt`` by ``tools/convert_verbs.py``, amended where the PLOVER manual
says otherwise in so many words (``tools/plover_amendments.txt``). Codes without a row of their own
take their parent's (``0431`` → ``043``); CAMEO roots 01 (statements) and 02 (appeals)
have no PLOVER counterpart and give ``None``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import DictionaryError

_ROW_RE = re.compile(r"^(\d{2,4}):\s*([^#]*?)\s*(?:#\s*(.*))?$")


def parse_cameo2plover(text: str, name: str = "CAMEO2PLOVER") -> list[dict[str, Any]]:
    """Parse the PLOVER project's conversion table (``040: CONSULT, , # Consult``)."""
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for lineno, line in enumerate(text.splitlines(), 1):
        m = _ROW_RE.match(line.strip())
        if not m:
            continue
        code, body, desc = m.group(1), m.group(2), (m.group(3) or "").strip()
        parts = [p.strip() for p in body.split(",")]
        if not parts or not parts[0]:
            raise DictionaryError(name, lineno, f"no PLOVER type for CAMEO {code}")
        if len(code) == 2 or code in seen:  # root headers ("04: CONSULT") and repeated rows
            continue
        seen.add(code)
        mode = parts[1] if len(parts) > 1 else ""
        context = [c.strip() for c in (parts[2] if len(parts) > 2 else "").split(";") if c.strip()]
        rows.append({"cameo": code, "type": parts[0], "mode": mode, "context": context, "description": desc})
    return rows


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, Any]]:
    path = resources.files("newsevents") / "data" / "plover.tsv"
    table: dict[str, dict[str, Any]] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#") or line.startswith("cameo\t"):
            continue
        cols = line.split("\t")
        if len(cols) != 5:
            raise DictionaryError(str(path), lineno, "expected 5 tab-separated columns")
        table[cols[0]] = {
            "type": cols[1],
            "mode": cols[2] or None,
            "context": [c for c in cols[3].split(";") if c],
        }
    return table


def to_plover(cameo: str, verb: str | None = None) -> dict[str, Any] | None:
    """PLOVER ``{"type", "mode", "context"}`` for a CAMEO code, or None (roots 01, 02).

    ``verb`` is the lemma of the word that triggered the event: a few rows hold only for
    one verb ("083:resign": resignations are RETREAT, other concessions under 083 are not).
    """
    table = _table()
    for code in (cameo, cameo[:3], cameo[:2] + "0"):
        row = table.get(f"{code}:{verb}") if verb else None
        row = row or table.get(code)
        if row is not None:
            return {"type": row["type"], "mode": row["mode"], "context": list(row["context"])}
    return None


def plover_types() -> list[str]:
    """All PLOVER event types, in CAMEO order."""
    seen: list[str] = []
    for row in _table().values():
        if row["type"] not in seen:
            seen.append(row["type"])
    return seen
