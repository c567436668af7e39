"""Bytes → text: UTF-8 (BOM stripped), else declared/cp1252/latin-1; refuse binaries."""
from __future__ import annotations

import codecs
import logging
import re

from ..errors import ReadError
from .mojibake import fix_mojibake

log = logging.getLogger("newsevents.read")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")  # C0 (not whitespace), DEL
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
MAX_CONTROL_RATIO = 0.05


def _declared_charset(data: bytes) -> str | None:
    m = _HTML_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return None if name in ("utf-8", "ascii") else name


def decode_bytes(data: bytes, origin: str) -> str:
    """Decode ``data`` read from ``origin``; raise ``ReadError`` for binary content.

    UTF-8 when valid, else (UTF-16 with a BOM, an HTML ``<meta charset>``) cp1252, else
    latin-1, with a warning naming the encoding used. ``\\r\\n`` become ``\\n`` and mojibake
    is repaired.
    """
    encoding = "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in data:
        raise ReadError(origin, "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError:
        text = ""
        for encoding in filter(None, (_declared_charset(data), "cp1252", "latin-1")):
            try:
                text = data.decode(encoding)
                break
            except (UnicodeDecodeError, LookupError):
                continue
        log.warning("%s: not valid UTF-8, decoded as %s", origin, encoding)
    if text and len(_CONTROL.findall(text)) > MAX_CONTROL_RATIO * len(text):
        raise ReadError(origin, "binary file (mostly non-text bytes), not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return fix_mojibake(text)
