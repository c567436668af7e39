"""What the coder asks of a parsed document again and again, worked out once per document.

spaCy computes ``Span.ents`` (by building every one of ``Doc.ents``), ``Token.sent`` (by
scanning for the sentence's boundaries), ``Doc.text`` and ``Span.text`` (by joining every
token) anew on each call, and the coder asks for them per noun phrase, per event and per time expression.
``facts(doc)`` keeps the answers for the last document asked about (the coder works through
one document at a time), and gives exactly what spaCy would.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Any


class DocFacts:
    """Entities, sentences and text length of one ``Doc``, each computed on first use."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self._ents: tuple[Any, ...] | None = None
        self._ent_starts: list[int] = []
        self._sent_of: list[Any] | None = None
        self._text: str | None = None
        # a pipeline with its own sentence hooks is asked directly
        self._hooked = "sents" in doc.user_hooks or "sents" in doc.user_span_hooks or "sent" in doc.user_token_hooks

    @property
    def text(self) -> str:
        """``doc.text``."""
        if self._text is None:
            self._text = self.doc.text
        return self._text

    def span_text(self, span: Any) -> str:
        """``span.text`` (a span's text is the document's from its first character to its last)."""
        if not len(span):
            return span.text
        return self.text[span.start_char:span.end_char]

    def sentence_ents(self, sent: Any) -> list[Any]:
        """``sent.ents``: the document's entities that lie wholly inside ``sent``, in order."""
        if self._ents is None:
            self._ents = tuple(self.doc.ents)
            self._ent_starts = [e.start for e in self._ents]
        out = []
        end = sent.end
        for k in range(bisect_left(self._ent_starts, sent.start), len(self._ents)):
            ent = self._ents[k]
            if ent.end > end:
                break
            out.append(ent)
        return out

    def sentence_of(self, tok: Any) -> Any:
        """``tok.sent``: the sentence the token is in."""
        if self._hooked:
            return tok.sent
        if self._sent_of is None:
            sent_of: list[Any] = []
            for sent in self.doc.sents:
                sent_of.extend([sent] * len(sent))
            self._sent_of = sent_of
        return self._sent_of[tok.i]


_LAST: DocFacts | None = None


def facts(doc: Any) -> DocFacts:
    """The ``DocFacts`` of ``doc`` (kept for the last document asked about)."""
    global _LAST
    found = _LAST
    if found is None or found.doc is not doc:
        found = _LAST = DocFacts(doc)
    return found
