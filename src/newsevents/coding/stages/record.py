"""The records the stages pass along: the candidate act, the clause being coded, the
read-only context of one sentence."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ...models import Actor, Article
from ..verbs import VerbMatch

if TYPE_CHECKING:
    from ...nlp.places import Gazetteer
    from ...resolve.actors import ActorResolver
    from ..verbs import VerbDictionary

Token = Any  # a spaCy token


@dataclass
class Candidate:
    """A verb the dictionary codes: its match, its code, and how the clause re-coded it."""

    verb: Token
    match: VerbMatch
    code: str
    reverse: bool
    frame: str | None = None  # "intent" | "refusal" | "demand" | "appeal" | "invitation" | ... when a framing word re-coded it
    trace: list[str] = field(default_factory=list)  # the trigger-side rules that decided it


class Resolution:
    """What the stages may ask of actor resolution: a read-only view of the article's
    ``ActorResolver`` (resolving a phrase, the role its words give, the country of the text's
    publisher, whose "we" it is); the coder's stages never write into its discourse state."""

    __slots__ = ("resolve", "resolve_conjuncts", "role_of", "publisher_country")

    def __init__(self, resolver: ActorResolver) -> None:
        self.resolve = resolver.resolve
        self.resolve_conjuncts = resolver.resolve_conjuncts
        self.role_of = resolver.role_of
        self.publisher_country: str | None = resolver.publisher.country if resolver.publisher else None


@dataclass(frozen=True)
class Context:
    """One sentence's context: the article, the sentence, resolution and the dictionaries."""

    article: Article
    si: int
    sent: Any  # the spaCy sentence span
    actors: Resolution
    verbs: VerbDictionary
    gazetteer: Gazetteer


@dataclass
class Clause:
    """One candidate act as the stages code it: who acts, on whom, and the rules that said so."""

    cand: Candidate
    agent: Token | None = None  # the pattern's source or the clause's subject
    own: bool = False  # the subject is the verb's own (not one it shares)
    acted: str = ""  # the code of the act whose targets are sought (a threatened act's, if threatened)
    sources: list[Actor | None] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    strong: bool = False  # the targets were named outright (not only by a modifier)
    parties: Token | None = None  # "between A and B": A
    trace: list[str] = field(default_factory=list)

    @property
    def verb(self) -> Token:
        return self.cand.verb

    @property
    def match(self) -> VerbMatch:
        return self.cand.match
