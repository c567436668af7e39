"""Stage "role", rule "present-description": the simple present of an action describes.

In the body of a report or a release, a main verb in the simple present ("provides", "supports
the ticket", "plays a role", "is appointed by the King") tells how things stand, what someone
does as a rule, not an act done at a time: no event. The simple present of a statement or an
attitude is the opposite: "The United States urges Gondor to return to talks", "welcomes the
progress", "condemns the attack", "expresses deep sorrow" are the release's own act, coded.
Which is which is data: the CAMEO class ``performative`` (statements, appeals, intents, praise,
demands, disapproval, rejections, threats, cuts in relations) and the word classes of speaking,
urging, pleading, reacting, denying, stating and taking an attitude (``attitude_verbs``), of
intending and of commitment or readiness ("pledges to ...", "We are committed to ..."); a
stance (``stance_verbs``: "supports", "opposes") is stated when the text's own speaker holds it
("We support ...", "The United States supports ..." in the State Department's release) and
described when someone else does ("the party supports the ticket").

Left alone: a title and the lead sentence, whose present is a headline's past ("Rebels fire
missiles at warship"); a present dated by its sentence, a schedule ("The Secretary travels to Rohan
on Monday", "Today, the Department provides ..."); protest, coercion and force (``present-reported``:
told in the present, they are reported, too grave to drop on the tense alone); going on with an
act ("the armies continue to shell the town", ``going_on_verbs``: an act going on now); a verb under
another (a reported clause, a relative clause: their own rules judge them), and any verb with an
auxiliary of its own ("will provide", "has provided", "is providing", "does not support").
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...lang import words
from ...ontology import classes as cameo
from .. import clauses
from . import rule
from .record import Clause, Context

if TYPE_CHECKING:
    from .roles import Roles

PERFORMATIVE_CODES = cameo.codes("performative")
REPORTED_CODES = cameo.codes("present-reported")
# verbs of going on, whose present tells an act going on now ("the two armies continue to pound
# each other", "Gondor steps up its attacks"): news present, not a description
GOING_ON_VERBS = words("going_on_verbs")
# verbs whose simple present performs the statement or attitude they name
STATEMENT_VERBS = (words("reporting_verbs") | words("urging_verbs") | words("pleading_verbs")
                   | words("reaction_verbs") | words("denial_verbs") | words("intent_stating_verbs")
                   | words("place_topic_verbs") | words("attitude_verbs") | words("intent_verbs")
                   # (a talk told: "In the interview, he discusses ...")
                   | words("topic_verbs") | words("conversation_verbs")
                   # (a commitment or readiness stated: "We are committed to ...", "is determined to ...")
                   | words("commitment_adjectives") | words("readiness_adjectives"))
# verbs of holding a stance, whose present is a stance stated when the text's own speaker holds it
# ("We support Rohan's efforts", "The United States strongly supports ...": the release's
# endorsement), and a description of someone else's line ("the party supports the ticket")
STANCE_VERBS = words("stance_verbs")
FIRST_PERSON = words("first_person_pronouns")
PRESENT_TAGS = ("VBZ", "VBP")
PRESENT_BE = ("is", "are", "am", "'s", "'re")
SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
NOW_WORDS = ("now", "currently", "presently")  # (a DATE the tagger gives "now" tells no time)


@rule("role", "present-description")
def present_description(c: Clause, ctx: Context) -> Roles | None:
    """A main verb of action in the simple present describes, it tells no act: "In many states,
    the party supports the Labour candidates", "We play a key role in keeping Gondor safe", "The
    leader of the largest party is appointed Prime Minister by the Queen" (no parties left: no
    event); not "The United States urges Gondor to ...", "welcomes the progress" (the release's
    act), nor a title, a lead sentence, a dated present ("travels to Rohan on Monday") or an act
    going on ("Gondor and Rohan continue to fight")."""
    from .roles import Roles  # noqa: F811  (roles.py imports this module to register the rule)

    code, verb = c.cand.code, c.verb
    # (the verb's own words, and what a copula says its subject is: "We are determined to ...")
    # ("is united and determined to ...": the adjectives coordinated too)
    said_as = [x for x in verb.children if x.dep_ in ("acomp", "attr")]
    said = {verb.lemma_.lower(), verb.lower_} | {x.lower_ for a in said_as for x in (a, *a.conjuncts)}
    if ctx.si <= 0 or not code or c.cand.frame is not None or code.startswith(PERFORMATIVE_CODES + REPORTED_CODES) \
            or said & (STATEMENT_VERBS | GOING_ON_VERBS) \
            or not simple_present_main(verb) or dated(verb) \
            or (verb.lemma_.lower() in STANCE_VERBS and speaker_holds(c, ctx)):
        return None
    return Roles([], [], False, "present")


def speaker_holds(c: Clause, ctx: Context) -> bool:
    """The stance is the text's own speaker's: a first-person subject ("We support ...", "I
    strongly support ...") or the publisher's own state or government named ("The United States
    supports ..." in a release of the US State Department)."""
    if c.agent is not None and c.agent.lower_ in FIRST_PERSON and c.agent.pos_ == "PRON":
        return True
    home = ctx.actors.publisher_country
    return home is not None and any(
        a is not None and a.country == home and (a.code == home or a.sector == "GOV") for a in c.sources)


def simple_present_main(verb: Any) -> bool:
    """``verb`` is the main verb of its sentence (or a conjunct of it) in the simple present,
    active ("provides", "play") or passive ("is appointed"), with no other auxiliary: not "will
    provide", "has provided", "is providing", "does not support", nor a verb under another. A
    conjunct with no subject of its own shares its first verb's tense ("provides aid and supports
    reform"; "We'll continue to expand ..., support ..., deepen ...": the future of "continue")."""
    tok = verb
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "ROOT" or tok.pos_ not in ("VERB", "AUX"):
        return False
    tensed = verb
    while True:
        own = any(c.dep_ in SUBJECTS for c in tensed.children)
        if not (_simple_present(tensed) or (tensed.i == verb.i and tensed.tag_ == "VB" and not own)):
            return False
        if own or tensed.dep_ != "conj" or tensed.head.i == tensed.i:
            return True
        tensed = tensed.head


def _simple_present(verb: Any) -> bool:
    """"provides", "play", "is appointed" (not "will provide", "is providing", "does not ...")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]
    if verb.tag_ in PRESENT_TAGS:
        return not auxes
    return verb.tag_ == "VBN" and len(auxes) == 1 and auxes[0].dep_ == "auxpass" and auxes[0].lower_ in PRESENT_BE


def dated(verb: Any) -> bool:
    """The sentence dates the present: a date or time of its own ("on Monday", "today", "May 3-5",
    "this week"), which makes it a schedule or the day's act, not a description."""
    sent = verb.sent
    return clauses.recent_mark(sent) or any(
        t.ent_type_ in ("DATE", "TIME") and t.lower_ not in NOW_WORDS for t in sent)
