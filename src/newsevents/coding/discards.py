"""Discards: phrases that mark text as no political event (PETRARCH's and TABARI's discard list).

Sports ("African Nations Cup", "batsmen"), weather and disasters ("typhoon", "blizzard"),
entertainment and history ("Academy Award") make sentences that look like events to a
verb-pattern coder: "Arnor is about to restore the World Golf Championships to Gondor". A
phrase marked ``+`` discards the whole story (the coder looks for it in the story's lead);
the others discard the sentence they are in.

The packaged list (``data/discards.txt``) is converted from Phoenix.discards.txt by
``tools/convert_dictionaries.py``. By default only its story phrases are used: on real political
news its sentence phrases fire only on events that mention a sport or a disease in passing
("jailed 52 members ... for playing in a youth football tournament", "funding to fight the
Ebola epidemic"). ``Discards.from_petrarch_file`` reads a whole list in PETRARCH's own format.
Matching is on whole words, case-insensitive.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

FILE_NAME = "discards.txt"
_WORD = re.compile(r"[\w']+|[^\w\s]")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


class Discards:
    """Discard phrases, indexed by their first word."""

    def __init__(self, sentence: Iterable[str] = (), story: Iterable[str] = ()) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
        for phrases, whole_story in ((sentence, False), (story, True)):
            for phrase in phrases:
                words = tuple(_words(phrase))
                if words:
                    self._index.setdefault(words[0], []).append((words, whole_story))

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def find(self, text: str, story: bool = False) -> str | None:
        """The first discard phrase in ``text`` (only story-level ones when ``story``), or None."""
        if not self._index:
            return None
        words = _words(text)
        for i, w in enumerate(words):
            for phrase, whole_story in self._index.get(w, ()):
                if (whole_story or not story) and tuple(words[i:i + len(phrase)]) == phrase:
                    return " ".join(phrase)
        return None

    @classmethod
    def parse(cls, lines: Iterable[str]) -> "Discards":
        """PETRARCH's format: one phrase a line, ``+`` first for a story discard, ``#`` comments."""
        sentence: list[str] = []
        story: list[str] = []
        for line in lines:
            phrase = line.split("#", 1)[0].strip()
            if not phrase:
                continue
            if phrase.startswith("+"):
                story.append(phrase[1:].strip())
            else:
                sentence.append(phrase)
        return cls(sentence, story)

    @classmethod
    def from_petrarch_file(cls, path: str | Path) -> "Discards":
        return cls.parse(Path(path).read_text(encoding="utf-8", errors="replace").splitlines())

    @staticmethod
    @lru_cache(maxsize=1)
    def default() -> "Discards":
        """The packaged list's story phrases (none when the file was removed)."""
        try:
            text = (resources.files("newsevents") / "data" / FILE_NAME).read_text(encoding="utf-8")
        except FileNotFoundError:
            return Discards()
        return Discards.parse(line for line in text.splitlines() if line.startswith("+"))


__all__ = ["Discards", "FILE_NAME"]
