"""Where a said act's place is not: inside what the act is about (issue #20, places3).

An act said at a distance (a statement, an appeal, praise, thanks, a rebuke, a pledge) happens
where its speaker is. A place named inside what it is about is where that other thing is:

* a clause on a noun of the act's object or complement ("welcomed the deal that frees the grain
  stuck at Gondor's ports", "thanked the minister for the aid to refugees arriving in Edoras");
* the reason of thanks or praise ("thanked Rohan for hosting the summit in Edoras");
* with ``objects``, the object's own phrase ("commended the embassy staff in Edoras": where the
  staff are), not a gathering it is said at ("made remarks at a rally in Edoras").

A clause on the doer still sets the act ("the minister, speaking in Edoras, urged ..."), and so
does a phrase of the act itself ("said in Edoras", "during her visit to Edoras").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lang import words

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

_CLAUSE_ON_NOUN = ("relcl", "acl")
_OBJECTS = ("dobj", "dative")
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_MAX_STEPS = 14


def in_content(anchor: "Token", trigger: "Token | None", objects: bool) -> bool:
    """Whether the phrase headed by ``anchor`` (a preposition, or a place named as an object) lies
    inside what the act of ``trigger`` is about, not in the act's own phrases (see the module)."""
    if trigger is None or _at_gathering(anchor):
        return False
    path: list[Token] = []
    node = anchor
    for _ in range(_MAX_STEPS):
        if node.i == trigger.i:
            break
        if node.head is node:
            return False  # (another clause's: the attachment rules decide)
        path.append(node)
        node = node.head
    else:
        return False
    if not path or path[-1].dep_ in _SUBJECTS:
        return False  # (a clause on the doer: "the minister, speaking in Edoras, ...")
    top = path[-1]
    if top.dep_ == "prep" and top.lower_ == "for" or any(t.dep_ == "pcomp" for t in path):
        return True  # (the reason of thanks or praise: "for hosting the summit in Edoras")
    if any(t.dep_ in _CLAUSE_ON_NOUN and t.pos_ in ("VERB", "AUX") and not _on_occasion(t)
           for t in path[:-1] if t is not anchor):
        # (a clause on a noun of the content: "the grain stuck at Gondor's ports")
        return True
    return objects and top.dep_ in _OBJECTS and top.lemma_.lower() not in _SAID_AT \
        and any(t.dep_ == "prep" for t in path)


def _at_gathering(anchor: "Token") -> bool:
    """A phrase that sets the act at a gathering, where things are said: "at the Paris Peace
    Conference", "at a summit in Edoras" (wherever the parser hung it); not a gathering the act
    is about ("thanked Rohan for hosting a meeting in Edoras", "hope for a summit in Edoras")."""
    head = anchor.head
    if head.lemma_.lower() in _SAID_AT and head.dep_ == "pobj" and head.head.lower_ in _AT:
        return True
    return anchor.lower_ in _AT and any(c.dep_ == "pobj" and c.lemma_.lower() in _SAID_AT for c in anchor.children)


_AT = ("at", "during", "in")


def _on_occasion(clause: "Token") -> bool:
    """A clause that tells where the gathering or the statement the act is at was: "attended the
    procession, which took place in Edoras", "said in a statement released during a visit to
    Edoras"; not what a statement says ("echoed the statement that crimes were committed in Edoras")."""
    return clause.head.lemma_.lower() in _SAID_AT and not any(c.dep_ == "mark" for c in clause.children)


_SAID_AT = words("gathering_place_nouns") | words("gathering_nouns") | words("said_at_nouns")

__all__ = ["in_content"]
