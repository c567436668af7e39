"""Repair mojibake: UTF-8 text that was once decoded as cp1252/latin-1 ("â€™" for "’").

A small, conservative fixer (instead of the ``ftfy`` dependency): only runs of
characters that spell a *complete, valid* UTF-8 sequence in their cp1252 byte
form are replaced, so ordinary accented text ("café", "Zürich") is left alone.
"""
from __future__ import annotations

import re


def _byte_to_char() -> dict[int, str]:
    table: dict[int, str] = {}
    for b in range(256):
        try:
            table[b] = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:  # 0x81 0x8D 0x8F 0x90 0x9D: latin-1 control chars
            table[b] = chr(b)
    return table


_B2C = _byte_to_char()
_C2B = {chr(b): b for b in range(256)} | {c: b for b, c in _B2C.items()}  # cp1252 or latin-1


def _cls(lo: int, hi: int) -> str:
    chars = {_B2C[b] for b in range(lo, hi + 1)} | {chr(b) for b in range(lo, hi + 1)}
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


_CONT = _cls(0x80, 0xBF)
_MOJIBAKE = re.compile(
    f"{_cls(0xC2, 0xDF)}{_CONT}|{_cls(0xE0, 0xEF)}{_CONT}{{2}}|{_cls(0xF0, 0xF4)}{_CONT}{{3}}"
)


def _repair(match: re.Match[str]) -> str:
    seq = match.group(0)
    try:
        return bytes(_C2B[c] for c in seq).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return seq


_LOST_RIGHT_QUOTE = "\u00e2\u20ac\ufffd"  # "â€" + U+FFFD: byte 0x9D of "”" lost on the way


def fix_mojibake(text: str) -> str:
    """Return ``text`` with cp1252/latin-1-decoded UTF-8 sequences repaired (twice-encoded too)."""
    text = text.replace(_LOST_RIGHT_QUOTE, "\u201d")
    for _ in range(3):
        fixed = _MOJIBAKE.sub(_repair, text)
        if fixed == text:
            break
        text = fixed
    return text
