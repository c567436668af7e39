"""What the coder asks of a parsed document again and again, worked out once per document.

spaCy computes ``Span.ents`` (by building every one of ``Doc.ents``), ``Token.sent`` (by
scanning for the sentence's boundaries), ``Doc.text`` and ``Span.text`` (by joining every
token) anew on each call, and the coder asks for them per noun phrase, per event and per time expression.
``facts(doc)`` keeps the answers for the last document asked about (the coder works through
one document at a time), and gives exactly what spaCy would.

It also stands for the document's tokens (``facts(doc)[i]``, iteration, ``len``) as ``Tok``
objects: a spaCy ``Token`` is a new Python object on every access (``doc[i]``, ``.head``,
``.children``) that looks its strings up again on every attribute read; the coder reads a few
attributes of each token dozens of times. A ``Tok`` holds them, read once.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Any, Iterator

import numpy as np

# read from spaCy only for the tokens the coder asks about (few)
_LAZY = frozenset(("ent_iob_",))


class Tok:
    """A token as the coder reads it: the spaCy token's values, read once, and its head and
    children as ``Tok`` objects of the same document (one per token, so ``is`` and ``==``
    mean the same token). Anything else is read from the spaCy token itself."""

    __slots__ = ("doc", "i", "text", "lower_", "lemma_", "pos_", "tag_", "dep_", "ent_type_", "ent_iob_",
                 "idx", "is_punct", "is_title", "head", "children", "lefts", "rights", "_subtree")

    doc: "DocFacts"
    i: int
    text: str
    lower_: str
    lemma_: str
    pos_: str
    tag_: str
    dep_: str
    ent_type_: str
    idx: int
    is_punct: bool
    is_title: bool
    head: "Tok"
    children: tuple["Tok", ...]
    lefts: tuple["Tok", ...]
    rights: tuple["Tok", ...]

    def __init__(self, doc: "DocFacts", i: int, values: tuple[Any, ...]) -> None:
        self.doc = doc
        self.i = i
        (self.text, self.lower_, self.lemma_, self.pos_, self.tag_, self.dep_, self.ent_type_, self.idx,
         self.is_punct, self.is_title) = values
        self.children = self.lefts = self.rights = ()
        self._subtree: tuple[Tok, ...] | None = None

    @property
    def token(self) -> Any:
        """The spaCy token."""
        return self.doc.doc[self.i]

    @property
    def sent(self) -> Any:
        """The sentence (a spaCy ``Span``), as ``Token.sent``."""
        return self.doc.sentence_of(self)

    @property
    def subtree(self) -> list["Tok"]:
        """The token and its descendants, in spaCy's order: each left child's subtree, the
        token, each right child's subtree (walked with a stack: no recursion limit to reach;
        once per token, a new list at each call)."""
        if self._subtree is not None:
            return list(self._subtree)
        out: list[Tok] = []
        stack: list[tuple[Tok, bool]] = [(self, False)]
        while stack:
            tok, placed = stack.pop()
            if placed:
                out.append(tok)
                continue
            stack.extend([(c, False) for c in reversed(tok.rights)])
            stack.append((tok, True))
            stack.extend([(c, False) for c in reversed(tok.lefts)])
        self._subtree = tuple(out)
        return out

    @property
    def ancestors(self) -> Iterator["Tok"]:
        tok = self
        while tok.head is not tok:
            tok = tok.head
            yield tok

    def __getattr__(self, name: str) -> Any:
        """What is read of few tokens (and anything else) is read from the spaCy token when
        asked; the attributes in ``_LAZY`` are kept once read."""
        if name in _LAZY:
            value = getattr(self.token, name)
            setattr(self, name, value)
            return value
        if name in Tok.__slots__:
            raise AttributeError(name)
        return getattr(self.token, name)

    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


class DocFacts:
    """Entities, sentences and text length of one ``Doc``, each computed on first use."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self._ents: tuple[Any, ...] | None = None
        self._ent_starts: list[int] = []
        self._sent_of: list[Any] | None = None
        self._text: str | None = None
        self._toks: list[Tok] | None = None
        # what other modules work out once per document (their own keys; gone with the document)
        self.memo: dict[Any, Any] = {}
        # a pipeline with its own sentence hooks is asked directly
        self._hooked = "sents" in doc.user_hooks or "sents" in doc.user_span_hooks or "sent" in doc.user_token_hooks

    @property
    def tokens(self) -> list[Tok]:
        """The document's tokens as ``Tok`` objects (made on first use)."""
        if self._toks is None:
            toks = [Tok(self, i, values) for i, values in enumerate(_values(self.doc))]
            lefts: dict[int, list[Tok]] = {}
            rights: dict[int, list[Tok]] = {}
            for tok, h in zip(toks, _heads(self.doc)):
                tok.head = toks[h]
                if h > tok.i:  # in order, as spaCy gives them
                    lefts.setdefault(h, []).append(tok)
                elif h < tok.i:
                    rights.setdefault(h, []).append(tok)
            for h, kids in lefts.items():
                toks[h].lefts = toks[h].children = tuple(kids)
            for h, kids in rights.items():
                tok = toks[h]
                tok.rights = tuple(kids)
                tok.children = tok.lefts + tok.rights
            self._toks = toks
        return self._toks

    def release(self) -> None:
        """Done with: the tokens' cycles (each one's head and document, its children's head)
        broken, so that reference counting frees them at once, not the garbage collector, which
        would otherwise walk them and what hangs from them (the memo's spans and places) before
        finding them unreachable (``facts`` calls it when it moves on to another document; a
        ``Tok`` of this document must not be read after)."""
        toks = self._toks
        if toks is not None:
            for tok in toks:
                del tok.head, tok.doc
                tok.children = tok.lefts = tok.rights = ()
                tok._subtree = None
            self._toks = None
        self.memo.clear()

    def __getitem__(self, i: int) -> Tok:
        return self.tokens[i]

    def __len__(self) -> int:
        return len(self.doc)

    def __iter__(self) -> Iterator[Tok]:
        return iter(self.tokens)

    def sentence_tokens(self, sent: Any) -> list[Tok]:
        """The tokens of ``sent`` (a span of this document)."""
        return self.tokens[sent.start:sent.end]

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

    @property
    def ents(self) -> tuple[Any, ...]:
        """``doc.ents``."""
        if self._ents is None:
            self._ents = tuple(self.doc.ents)
            self._ent_starts = [e.start for e in self._ents]
        return self._ents

    def sentence_ents(self, sent: Any) -> list[Any]:
        """``sent.ents``: the document's entities that lie wholly inside ``sent``, in order."""
        ents = self.ents
        out = []
        end = sent.end
        for k in range(bisect_left(self._ent_starts, sent.start), len(ents)):
            ent = ents[k]
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


# what ``Tok`` reads of each token, in its order: seven strings (as ids into the vocabulary's
# strings), the character offset and two flags
_ATTRS = ("ORTH", "LOWER", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE", "IDX", "IS_PUNCT", "IS_TITLE")
# string id -> string (an id is the string's hash, or one of spaCy's fixed symbols: the same in
# every vocabulary)
_STRINGS: dict[int, str] = {0: ""}
_STRINGS_MAX = 500_000


def _values(doc: Any) -> Iterator[tuple[Any, ...]]:
    """Each token's (text, lower_, lemma_, pos_, tag_, dep_, ent_type_, idx, is_punct, is_title),
    read for the whole document in one array (token by token, spaCy makes a ``Token`` and
    looks each string up again per read)."""
    from spacy.attrs import IDS

    if not len(doc):
        return iter(())
    cols = doc.to_array([IDS[a] for a in _ATTRS]).T.tolist()
    strings = doc.vocab.strings
    memo = _STRINGS
    if len(memo) > _STRINGS_MAX:
        memo.clear()
        memo[0] = ""
    for col in cols[:7]:
        for k in set(col).difference(memo):
            memo[k] = strings[k]
    named = [[memo[k] for k in col] for col in cols[:7]]
    flags = [[k != 0 for k in col] for col in cols[8:]]
    return zip(*named, cols[7], *flags)


def _heads(doc: Any) -> list[int]:
    """Each token's head index, read in one array (``Token.head`` makes a token per call):
    spaCy keeps heads as offsets from the token, stored unsigned."""
    from spacy.attrs import HEAD

    return (doc.to_array(HEAD).astype(np.int64) + np.arange(len(doc), dtype=np.int64)).tolist()


def subtree_ids(tok: Any) -> frozenset[int]:
    """The indices of ``tok``'s subtree (a ``Tok`` or a spaCy token), in no particular order."""
    ids: list[int] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        ids.append(t.i)
        stack.extend(t.children)
    return frozenset(ids)


def spacy_token(tok: Any) -> Any:
    """The spaCy token of a ``Tok`` (a spaCy token as it is): for code that reads spans and
    entities of spaCy's own."""
    return tok.token if isinstance(tok, Tok) else tok


_LAST: DocFacts | None = None


def facts(doc: Any) -> DocFacts:
    """The ``DocFacts`` of ``doc`` (kept for the last document asked about); of a ``Tok``'s
    ``doc``, that same ``DocFacts``."""
    global _LAST
    if isinstance(doc, DocFacts):
        return doc
    found = _LAST
    if found is None or found.doc is not doc:
        if found is not None:
            found.release()
        found = _LAST = DocFacts(doc)
    return found
