"""Site furniture at the end of a page ("Short link:", "Share this", "Tags: ...", ©...)."""
from __future__ import annotations

import re

_FURNITURE = re.compile(
    r"""^\W*(?:
        short\s*(?:link|url)
      | share(?:\s+(?:this|on|via|article|story|page)\b.*|\s*:.*)?
      | (?:related|more|recommended|popular|trending|latest|top)\s+
            (?:articles?|links?|posts?|stories|news|coverage|content|topics
               |reading|reads|videos?)\b.*
      | related\s*:.*
      | read\s+(?:more|also|next)\b.*
      | see\s+also\b.*
      | more\s+(?:from|on|about|in)\b.*
      | you\s+(?:may|might)\s+also\s+(?:like|be\s+interested)\b.*
      | (?:tags?|topics?|keywords?|categories|category|filed\s+under)\s*:.*
      | print(?:\s+this(?:\s+(?:article|page|story))?)?
      | e-?mail(?:\s+this(?:\s+(?:article|page|story))?)?
      | (?:copyright|©|\(c\)).*
      | .*\ball\s+rights\s+reserved\b.*
      | follow\s+(?:us|@\w+)\b.*
      | (?:subscribe|sign\s+up)\b.*\b(?:newsletter|updates|alerts)\b.*
      | advertisement | sponsored(?:\s+content)? | comments? | leave\s+a\s+(?:comment|reply)
      | (?:https?://|www\.)\S+
    )\W*$""",
    re.I | re.X,
)
MAX_FURNITURE_LEN = 160
_SENTENCE_WORDS = 4  # a sentence this long ending in . ! ? is body, not a related headline
_PARAGRAPH_WORDS = 25  # ... and so is any line this long
_SENTENCE_END = re.compile(r"""[.!?]["'”’)\]]*$""")


def is_furniture(line: str) -> bool:
    """Does this (stripped) line look like page furniture rather than article text?"""
    s = line.strip()
    return bool(s) and len(s) <= MAX_FURNITURE_LEN and bool(_FURNITURE.match(s))


def _is_body_like(line: str) -> bool:
    s = line.strip()
    words = len(s.split())
    return words >= _PARAGRAPH_WORDS or (words >= _SENTENCE_WORDS and bool(_SENTENCE_END.search(s)))


def furniture_start(lines: list[str]) -> int:
    """Index of the first furniture line that starts a trailing block; ``len(lines)`` if none.

    The block may hold non-furniture lines (related headlines) but no body-like paragraph,
    so a "Read more" in the middle of the article never cuts the paragraphs that follow it.
    Line 0 is cut only when every line is furniture.
    """
    if lines and all(is_furniture(s) for s in lines):
        return 0
    cut = len(lines)
    for i in range(len(lines) - 1, 0, -1):
        s = lines[i]
        if _is_body_like(s) and not is_furniture(s):
            break
        if is_furniture(s):
            cut = i
    return cut
