"""The event coder as ordered, named stages.

A clause goes through the stages in the order of ``STAGES``; each stage is a list of
small rules ``rule(clause, ctx) -> Found | None``, registered by name with ``@rule``
next to their helpers (``triggers.py``, ``sources.py``, ``targets.py``, ``pairs.py``)
and run in the order this file declares. In a *first* stage the first rule that finds
something decides; in an *each* stage every rule that finds something applies, in order.
Every rule that decided an event is written to its ``trace`` as ``"<stage>:<rule>"``.

Adding a rule: write the function beside its stage's others, with a docstring that
quotes its example; register it with ``@rule("<stage>", "<name>")``; put its name in
``ORDER`` where it belongs; add a unit test (``tests/coding/stages/``). See
``docs/contributing.md``.
"""
from __future__ import annotations

from typing import Any, Callable, Generic, TypeVar

C = TypeVar("C")
X = TypeVar("X")
F = TypeVar("F")

# stage → (how its rules combine, its rules in order). The one place the order is declared.
ORDER: dict[str, tuple[str, tuple[str, ...]]] = {
    # words that are acts though no verb pattern says so
    "trigger": ("first", ("mood", "donor")),
    # what keeps a verb from coding anything by itself (asked before the dictionary)
    "veto": ("first", ("description-participle", "attributive-participle", "instrument", "charge",
                       "attribution", "modal-passive", "heading", "standing-description", "argued-state",
                       "thing-as-agent", "modifier-participle", "gerund-of-noun", "discussed-topic",
                       "name-infinitive", "purpose-of-means", "admitted-to-place", "association-description",
                       "graded-participle", "regarded-as", "self-description", "court-hearing",
                       "appealed-content", "lead-up-span", "press-contact", "hearsay-passive",
                       "believed-of-described", "covered-description", "relative-conjunct", "argued-course",
                       "content-of-agreed-call", "example-of-kind", "text-adopted-description")),
    # the verb dictionary's pattern
    "match": ("first", ("verb-pattern",)),
    # what the match is made into (a rule may drop the verb)
    "act": ("each", ("continuation", "noun-subject-act", "unmatched", "ideal-object", "lone-consult", "light-verb-appeal",
                     "repeated-appeal", "shown-not-protested", "two-speakers", "joined-body",
                     "document-content", "agentless-choice", "alleged-tie", "own-work-ended",
                     "arrival-without-host")),
    # the code taken from the match
    "code": ("each", ("reverse-code", "returned-property", "noun-object-act", "stated-estimate")),
    # the code the clause makes of the dictionary's
    "recode": ("each", ("demand", "encourages-to", "own-act", "agrees-that", "agreed-view", "claimed-figure",
                        "challenge-question", "praised-independence", "must")),
    # (across the sentence, framing words re-code what they frame: "frame:<kind>", triggers.apply_frames)
    # who does it, before the targets are known
    "source": ("first", ("main-verb-conjunct", "clause-conjunct", "agreeing-conjunct", "reporter-not-doer", "platform-poster", "subject", "between-parties", "act-participle")),
    # whom it is done to, best first
    "target": ("first", ("mood-about", "act-owner", "thing-owner", "pair-name", "phrase", "partner-of-governing-verb", "phrase-near", "people-in-place", "counterparts-in-place", "phrase-loose", "purpose", "protest-site", "that-clause", "threat-condition",
                         "inside-object", "agreement-purpose", "thing-attacked", "person-acted-on",
                         "people-acted-on", "place-as-host", "of-phrase", "partner-of-previous-verb", "unknown-name",
                         "group-given-to")),
    # who does it, once the targets are known
    "role": ("each", ("speaker-demands", "reverse", "headline-passive", "announcing-authority", "unnamed-agent",
                      "thing-source", "protested-owner", "background-career", "habitual", "long-summary",
                      "arrangement-described", "legal-effect", "spread-continuation", "described-governor",
                      "accompaniment", "trip-purpose", "bare-aim", "joined-as-kind", "present-description",
                      "quoted-view")),
    # (then pairs.py: "pair:joint-exercise", and "pair:mutual" | "pair:directed" | "pair:second-code";
    # then the when/where stage of events.py: "when:clause" | ... , "where:clause" | ...)
}


class Rule(Generic[C, X, F]):
    """A named rule of a stage: ``fn(clause, ctx)`` gives what it found, or None."""

    __slots__ = ("stage", "name", "fn", "label")

    def __init__(self, stage: str, name: str, fn: Callable[[C, X], F | None]) -> None:
        self.stage, self.name, self.fn = stage, name, fn
        self.label = f"{stage}:{name}"

    @property
    def doc(self) -> str:
        """The rule's docstring (its example)."""
        return (self.fn.__doc__ or "").strip()

    def __repr__(self) -> str:
        return f"Rule({self.label})"


_REGISTERED: dict[str, dict[str, Rule[Any, Any, Any]]] = {}


def rule(stage: str, name: str) -> Callable[[Callable[[C, X], F | None]], Callable[[C, X], F | None]]:
    """Register ``fn`` as rule ``name`` of ``stage`` (which ``ORDER`` must list)."""
    if stage not in ORDER or name not in ORDER[stage][1]:
        raise KeyError(f"rule {stage}:{name} is not in coding/stages/__init__.py ORDER; add it there in its place")

    def register(fn: Callable[[C, X], F | None]) -> Callable[[C, X], F | None]:
        if name in _REGISTERED.setdefault(stage, {}):
            raise KeyError(f"rule {stage}:{name} is registered twice ({fn.__module__})")
        _REGISTERED[stage][name] = Rule(stage, name, fn)
        return fn

    return register


def rules(stage: str) -> list[Rule[Any, Any, Any]]:
    """The rules of ``stage`` in their declared order (all must be registered)."""
    found = _REGISTERED.get(stage, {})
    missing = [n for n in ORDER[stage][1] if n not in found]
    if missing:
        raise KeyError(f"stage {stage!r} lists rules no module registers: {', '.join(missing)}")
    return [found[n] for n in ORDER[stage][1]]


def first(stage_rules: list[Rule[C, X, F]], clause: C, ctx: X) -> tuple[Rule[C, X, F], F] | None:
    """The first rule of a stage that finds something, with what it found."""
    for r in stage_rules:
        found = r.fn(clause, ctx)
        if found is not None:
            return r, found
    return None


__all__ = ["ORDER", "Rule", "first", "rule", "rules"]
