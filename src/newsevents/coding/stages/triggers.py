"""Stages "trigger", "veto", "act", "frame" and "recode": which words of a sentence are acts,
and what code each gets.

For each token: a copula's adjective or a donor noun may be the act ("trigger"); otherwise a
verb (or a verb the tagger took for a noun) is vetoed when it is no act of its own ("veto"),
matched against the verb dictionary, and re-coded by the act steps ("act": a continued act, a
noun subject or object that names the act, a light verb's appeal, a reversed or a returned
code). Across the sentence, framing words re-code what they frame ("frame"); last, the clause
re-codes the dictionary's code ("recode": a demand, one's own act, agreeing that, "must").
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Iterator

from ...nlp.docfacts import facts
from .. import clauses, framing, nominal
from ..verbs import NO_EVENT, VerbDictionary, VerbMatch
from . import (  # noqa: F401  (nonacts, senses2 and senses3 register their rules)
    Rule,
    first,
    nonacts,
    rule,
    rules,
    senses2,
    senses3,
)
from .phrases import (
    claims_own_act,
    donor_match,
    in_charge,
    mood_match,
    returned_to,
    verb_taken_for_noun,
)
from .record import Candidate
from .senses import (  # (and registers the senses rules)
    claim_about_self,
    own_claim_code,
    shows_its_noun,
)
from .vocab import (
    APPEAL,
    APPEAL_NOUNS,
    ATTRIBUTIONS,
    AUXILIARY_LEMMAS,
    BARE_INTENT_VERBS,
    CONFERRING_VERBS,
    CONSULT,
    CONTINUATIONS,
    CONVERSATION_VERBS,
    DOCUMENT_ISSUING_VERBS,
    ESTIMATING_VERBS,
    IDEALS,
    INSTRUMENT_VERBS,
    JOINED_BODIES,
    JOINING_VERBS,
    LEGAL_INSTRUMENTS,
    LIGHT_VERBS,
    MODAL_PASSIVES,
    OPINION_NOUNS,
    REPEATING_VERBS,
    RETURN_PROPERTY,
    SHOWING_PROTEST_VERBS,
    SPONSORING_VERBS,
    STATEMENT,
)


@dataclass
class Trigger:
    """A verb on its way to a candidate: its match, code and direction as the act rules leave them."""

    tok: Any
    m: VerbMatch | None
    code: str = ""
    reverse: bool = False
    occurring: VerbMatch | None = None  # the act a noun subject names ("riots continued")
    dropped: bool = False  # an act rule found it codes nothing
    trace: list[str] = field(default_factory=list)


# -- stage "trigger": words that are acts though no verb pattern says so --------------------

@rule("trigger", "mood")
def mood(tok: Any, verbs: VerbDictionary) -> VerbMatch | None:
    """A copula whose adjective says how its subject sees something: "said it is skeptical of the
    plan" (012), "is optimistic about a deal" (013)."""
    return mood_match(tok)


@rule("trigger", "donor")
def donor(tok: Any, verbs: VerbDictionary) -> VerbMatch | None:
    """A copula that names its subject a donor: "remains the largest donor of humanitarian
    assistance to Iraq" (070)."""
    return donor_match(tok)


# -- stage "match": the verb dictionary --------------------------------------------------

@rule("match", "verb-pattern")
def verb_pattern(tok: Any, verbs: VerbDictionary) -> VerbMatch | None:
    """The verb dictionary's best pattern for the verb ("ARRIVE [042]"); a passive's subject is
    what the active's object would be ("sanctions were lifted")."""
    return verbs.match(tok, extra_words=[w for c in tok.children if c.dep_ == "nsubjpass"
                                         for w in (c, *c.lefts) if w.dep_ != "det"])


# -- stage "veto": verbs that are no act of their own ---------------------------------------

@rule("veto", "description-participle")
def description_participle(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"a delegation led by ...": a description (unless the parse took the main verb for one)."""
    return (tok.dep_ == "acl" and tok.tag_ == "VBN" and not clauses.misparsed_main_verb(tok)
            and not clauses.headline_participle(tok)) or None


@rule("veto", "attributive-participle")
def attributive_participle(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"met visiting Chinese Premier Li Keqiang": a description of the one met."""
    return clauses.attributive_participle(tok) is not None or None


@rule("veto", "instrument")
def instrument(tok: Any, verbs: VerbDictionary) -> bool | None:
    """A participle that says what an act was done with ("attacked a base using car bombs",
    "conducted strikes using fighter aircraft"): part of that act, no act of its own."""
    if tok.lemma_.lower() not in INSTRUMENT_VERBS or tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "acl") \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    act = tok.head if tok.dep_ == "advcl" else tok.head.head  # ("strikes using": the strikes' verb)
    if act.pos_ != "VERB":
        return None
    m = verbs.match(act)
    return (m is not None and bool(m.code) and m.code != NO_EVENT) or None


@rule("veto", "charge")
def charge(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"accused X of supporting ...": the charge (but "X were guilty of violating ...": X did)."""
    return in_charge(tok) or None


@rule("veto", "attribution")
def attribution(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"..., according to Reuters, citing state comptroller Amoroso": a source named."""
    return (tok.lemma_.lower() in ATTRIBUTIONS and tok.tag_ == "VBG"
            and tok.dep_ in ("advcl", "xcomp", "conj")) or None


@rule("veto", "modal-passive")
def modal_passive(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"Italy is expected to make warships available": what may happen, not an act."""
    return (tok.lemma_.lower() in MODAL_PASSIVES and clauses.is_passive(tok)
            and any(c.dep_ == "xcomp" for c in tok.children)) or None


@rule("veto", "heading")
def heading(tok: Any, verbs: VerbDictionary) -> bool | None:
    """A heading or a list item names a topic, no act: "Promoting Accountability: ...", "(3)
    Addressing Information Gaps" (what follows the heading's colon may be one)."""
    return clauses.heading_gerund(tok) or None


@rule("veto", "standing-description")
def standing_description(tok: Any, verbs: VerbDictionary) -> bool | None:
    """A relative clause in the simple present describes, it tells no act: "Hamas, which controls
    Gaza, ...", "the war, in which the Houthis seek to impose their rule"."""
    return clauses.standing_description(tok) or None


@rule("veto", "argued-state")
def argued_state(tok: Any, verbs: VerbDictionary) -> bool | None:
    """A simple present inside a reported argument describes, it tells no act: "argued that the
    bill hurts workers", "said it differed because the party now controls the Senate"."""
    return clauses.argued_state(tok) or None


@rule("veto", "thing-as-agent")
def thing_as_agent(tok: Any, verbs: VerbDictionary) -> bool | None:
    """A thing does no act: "This includes $38 million in new assistance to support ...", "The
    ceremony highlighted the strength of past cooperation" (a description of it)."""
    return clauses.thing_as_agent(tok) is not None or None


@rule("veto", "modifier-participle")
def modifier_participle(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"These increased resources", "the proposed talks": a participle before its noun describes it;
    so does one the parse gave a lexical verb for auxiliary ("It follows repeated failed attempts")."""
    return clauses.modifier_participle(tok) or _misparsed_auxiliary(tok) or None


def _misparsed_auxiliary(tok: Any) -> bool:
    """A participle whose "auxiliary" is no auxiliary but the clause's own verb, and which is
    followed by the noun it describes: "It follows repeated failed attempts", "marks renewed efforts"."""
    if tok.tag_ != "VBN" or tok.i + 1 >= len(tok.doc):
        return False
    return any(c.dep_ == "aux" and c.i == tok.i - 1 and c.tag_ in ("VBZ", "VBD", "VBP") and c.is_alpha
               and c.lemma_.lower() not in AUXILIARY_LEMMAS for c in tok.children) \
        and tok.doc[tok.i + 1].pos_ in ("NOUN", "ADJ", "VERB") \
        and any(c.dep_ == "dobj" and c.i > tok.i for c in tok.children)


@rule("veto", "gerund-of-noun")
def gerund_of_noun(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"Morocco's role in promoting regional stability": what a noun is about, no act."""
    return clauses.gerund_of_noun(tok) or None


@rule("veto", "discussed-topic")
def discussed_topic(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"discussed strengthening security cooperation and expanding trade": what a talk is about,
    no act."""
    return clauses.discussed_gerund(tok) or None


@rule("veto", "name-infinitive")
def name_infinitive(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"The Global Coalition to Counter Piracy met in Rome": an infinitive in a body's name names
    its cause, no act."""
    return clauses.name_infinitive(tok) or None


@rule("veto", "purpose-of-means")
def purpose_of_means(tok: Any, verbs: VerbDictionary) -> bool | None:
    """"requests for supplies and equipment to defend against Russia's aggression": what a thing
    is for, no act."""
    return clauses.purpose_of_means(tok) or None


@rule("veto", "appealed-content")
def appealed_content(tok: Any, verbs: VerbDictionary) -> bool | None:
    """What an appeal asks of others beyond the act it names is no act: "urges the Taliban to
    uphold its commitment to protect civilians" (the appeal is the event, not the protection),
    "urged Rohan to press the junta to free the crew" (the event is the urging of Rohan)."""
    return framing.appealed_content(tok) is not None or None


# -- stage "act": what the verb's match is made into ----------------------------------------

@rule("act", "continuation")
def continuation(t: Trigger, verbs: VerbDictionary) -> Trigger | None:
    """Going on with an act is the act, as starting it would be: "are continuing a hunger strike",
    "kept up their attacks"; going on with what is given is giving it: "will continue military aid
    to Egypt" (not "continued to send arms": the infinitive is the act)."""
    tok, m = t.tok, t.m
    if not ((m is None or m.score == 0) and tok.lemma_.lower() in CONTINUATIONS and not any(
            c.dep_ == "xcomp" and c.pos_ == "VERB" for c in tok.children)):
        return None
    for lemma in ("start", "provide"):
        begun = verbs.match(tok, lemma=lemma)
        if begun is not None and begun.score >= 1:
            begun.rule = f"{tok.lemma_.upper()} as {begun.rule}"
            t.m = begun
            return t
    return None


@rule("act", "noun-subject-act")
def noun_subject_act(t: Trigger, verbs: VerbDictionary) -> Trigger | None:
    """"Fighting broke out", "Palestinian riots continued": the act the subject names, which
    happens; "X is responsible for mass killings": the act X answers for."""
    verb = t.tok
    act = nominal.act_subject(verb) or nominal.culpable_act(verb)
    if act is None:
        return None
    named = verbs.match(act[0], lemma=act[1])
    if named is None or not named.code or named.code == NO_EVENT:
        return None
    named.rule = f"{act[0].text} {verb.lemma_.upper()} as {named.rule}"
    named.consumed |= {act[0].i}
    t.m = t.occurring = named
    return t


@rule("act", "unmatched")
def unmatched(t: Trigger, verbs: VerbDictionary) -> Trigger | None:
    """A verb no pattern matches (and no act rule before made one) codes nothing: "they walked home"."""
    if t.m is not None:
        return None
    t.dropped = True
    return t


@rule("act", "ideal-object")
def ideal_object(t: Trigger, verbs: VerbDictionary) -> Trigger | None:
    """Promoting, supporting or defending an ideal is a line of policy, no act towards anyone: "will
    continue to use diplomatic tools to promote accountability", "supports democracy and human
    rights" (but "reaffirmed support for Ukraine's sovereignty", "praised the resilience of the
    Tongan people": theirs)."""
    if t.m is None or t.m.code[:2] != "05" or t.occurring is not None:
        return None
    obj = clauses.object_of(t.tok)
    if obj is None or obj.lemma_.lower() not in IDEALS or any(
            c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in obj.children):
        return None
    t.dropped = True
    return t


@rule("act", "lone-consult")
def lone_consult(t: Trigger, verbs: VerbDictionary) -> Trigger | None:
    """A consultation needs two sides: "He discussed how he became the nominee" (an interview, one
    speaker telling a topic) is none (but "discussed with Rohan how to ...", "discussed the
    crisis" are)."""
    if t.m is None or t.m.code[:2] != "04" or t.m.target is not None or not clauses.lone_topic(t.tok):
        return None
    t.dropped = True
    return t


@rule("act", "light-verb-appeal")
def light_verb_appeal(t: Trigger, verbs: VerbDictionary) -> Trigger | None:
    """A verb too general to mean an event codes only through a pattern ("take ... seriously"),
    but "called for Britain to stay in the single market" is an appeal to the clause's subject."""
    tok, m = t.tok, t.m
    if m is None or m.score != 0 or tok.lemma_.lower() not in LIGHT_VERBS or t.occurring is not None:
        return None
    asked = next((c for c in tok.children if c.dep_ == "advcl" and framing.frame_of(c) == ("appeal", tok)), None)
    if asked is None:
        t.dropped = True
        return t
    t.m = VerbMatch(APPEAL, "", f"{tok.lemma_.upper()} FOR + TO [{APPEAL}]", 1, target=clauses.subject_of(asked)[0])
    return t


@rule("act", "repeated-appeal")
def repeated_appeal(t: Trigger, verbs: VerbDictionary) -> Trigger | None:
    """"We reiterate our recommendation that citizens leave", "renewed their call for the release of
    the prisoners": an appeal said again is the appeal (020), no statement (but "reiterated its
    commitment", "renewed their appeal against the verdict" in court keep their patterns)."""
    tok, m = t.tok, t.m
    if m is None or tok.lemma_.lower() not in REPEATING_VERBS or t.occurring is not None:
        return None
    if m.code not in (NO_EVENT, "") and m.code[:2] != "01":
        return None
    obj = clauses.object_of(tok)
    if obj is None or obj.lemma_.lower() not in APPEAL_NOUNS or clauses.is_passive(tok):
        return None
    t.m = VerbMatch(APPEAL, "", f"{tok.lemma_.upper()} * {obj.lemma_.upper()} [{APPEAL}]", 1, anchor=obj,
                    consumed={obj.i})
    return t


@rule("act", "shown-not-protested")
def shown_not_protested(t: Trigger, verbs: VerbDictionary) -> Trigger | None:
    """"The new order demonstrates our commitment", "the vote demonstrated that the bloc is united",
    "the restraint demonstrated by both sides", "the courage she demonstrated in the war":
    demonstrating a thing or a fact shows it, no protest
    (but "students demonstrated in the capital", "demonstrated against the decree" protest)."""
    tok = t.tok
    if t.m is None or t.m.code[:2] != "14" or tok.lemma_.lower() not in SHOWING_PROTEST_VERBS:
        return None
    if clauses.object_of(tok) is None and not any(c.dep_ in ("ccomp", "xcomp") for c in tok.children) \
            and not (tok.tag_ == "VBN" and tok.dep_ == "acl") and not shows_its_noun(tok):
        return None
    t.dropped = True
    return t


@rule("act", "two-speakers")
def two_speakers(t: Trigger, verbs: VerbDictionary) -> Trigger | None:
    """"The foreign minister and her counterpart spoke about trade", "the two leaders talked about
    the border": two parties speaking together consult (040), no statement (but "the minister
    spoke about trade" alone states, 010)."""
    tok, m = t.tok, t.m
    if m is None or m.code != "010" or tok.lemma_.lower() not in CONVERSATION_VERBS or t.occurring is not None:
        return None
    subj, _ = clauses.subject_of(tok)
    if subj is None or not (any(c.dep_ == "conj" for c in subj.children) or any(
            c.lower_ in ("both", "two") and c.dep_ in ("det", "predet", "nummod", "amod") for c in subj.children)):
        return None
    t.m = replace(m, code=CONSULT, alt="", rule=f"{m.rule} + two speakers [{CONSULT}]")
    return t


@rule("act", "joined-body")
def joined_body(t: Trigger, verbs: VerbDictionary) -> Trigger | None:
    """"She joined the state assembly in 1983", "joined the race for governor", "joined senators A
    and B as possible running mates": becoming a member, an entrant or one of a list is no meeting
    (but "joined the talks", "joined the minister for a meeting", "will join the president as part of
    the delegation" keep their patterns)."""
    tok, m = t.tok, t.m
    if m is None or m.score != 0 or m.code[:2] != "04" or tok.lemma_.lower() not in JOINING_VERBS:
        return None
    obj = clauses.object_of(tok)
    listed = any(c.dep_ == "prep" and c.lower_ == "as" and not any(o.lemma_.lower() == "part" for o in c.children)
                 for c in tok.children)  # (not "joined the president as part of the delegation")
    if not listed and (obj is None or clauses.is_passive(tok) or obj.lemma_.lower() not in JOINED_BODIES):
        return None
    t.dropped = True
    return t


@rule("act", "document-content")
def document_content(t: Trigger, verbs: VerbDictionary) -> Trigger | None:
    """"The prime minister signed a decree banning face veils", "issued an order closing the border":
    the act is what the document does, coded on its participle with the signer as its source; the
    signing or issuing is no act beside it (but "signed a law" with no such participle stays, and
    "issued a statement calling for ..." stays a statement: a statement only says it)."""
    tok = t.tok
    if t.m is None or tok.lemma_.lower() not in DOCUMENT_ISSUING_VERBS:
        return None
    obj = clauses.object_of(tok)
    if obj is None or obj.lemma_.lower() not in LEGAL_INSTRUMENTS:
        return None
    content = next((c for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBG"), None)
    if content is None or clauses.published_by(content) is None or candidate(content, verbs) is None:
        return None
    t.dropped = True
    return t


@rule("act", "agentless-choice")
def agentless_choice(t: Trigger, verbs: VerbDictionary) -> Trigger | None:
    """"Park was elected mayor of the capital in 2011", "she was awarded the medal in 1998": a
    choice or an honour told in the passive with no chooser named is a person's record, no act
    (but "was elected speaker by the assembly" and "members elected Smith leader" are)."""
    tok = t.tok
    if t.m is None or t.m.code[:2] != "05" or tok.lemma_.lower() not in CONFERRING_VERBS:
        return None
    if not clauses.is_passive(tok) or any(c.dep_ == "agent" for c in tok.children):
        return None
    t.dropped = True
    return t


@rule("code", "reverse-code")
def reverse_code(t: Trigger, verbs: VerbDictionary) -> Trigger | None:
    """A pattern with only a reversed code: "X faces criticism" (someone criticises X)."""
    if t.code or not _matched(t).alt:
        return None
    t.code, t.reverse = _matched(t).alt, True
    return t


@rule("code", "returned-property")
def returned_property(t: Trigger, verbs: VerbDictionary) -> Trigger | None:
    """Giving back a thing is the return of property (0842): "returned prehistoric fossils to the
    Chinese government", "a sarcophagus was returned to Egypt"."""
    m = _matched(t)
    if t.code != NO_EVENT or returned_to(t.tok) is None:
        return None
    t.code, m.rule = RETURN_PROPERTY, f"{m.rule} returned to [{RETURN_PROPERTY}]"
    return t


@rule("code", "noun-object-act")
def noun_object_act(t: Trigger, verbs: VerbDictionary) -> Trigger | None:
    """The act the object names, whether or not the verb codes anything by itself: "ordered the
    release of ...", "announced a suspension of aid", "speeded up the withdrawal"."""
    verb, m = t.tok, _matched(t)
    act = nominal.act_object(verb)
    if act is None:
        return None
    named = verbs.match(act[0], lemma=act[1])
    if named is None or not named.code or named.code == NO_EVENT or named.code[:2] == "01":
        return None
    named.rule = f"{m.rule}: {act[0].text} as {named.rule}"
    named.consumed |= {act[0].i}
    t.m, t.code, t.reverse = named, named.code, False
    return t


@rule("code", "stated-estimate")
def stated_estimate(t: Trigger, verbs: VerbDictionary) -> Trigger | None:
    """Reckoning is no act ("estimated the population at one million"), but stating what one reckons
    is a statement (010): "the agency estimates that 1,000 people were hurt", "has assessed that
    the army deployed new weapons"."""
    verb, m = t.tok, _matched(t)
    if t.code != NO_EVENT or verb.lemma_.lower() not in ESTIMATING_VERBS or not any(
            c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
            for c in verb.children):
        return None
    t.code, m.rule = STATEMENT, f"{m.rule} that ... [{STATEMENT}]"
    return t


def _matched(t: Trigger) -> VerbMatch:
    assert t.m is not None  # (the act rules dropped the verbs no pattern matched)
    return t.m


# -- stage "recode": the code the clause makes of the dictionary's --------------------------

@rule("recode", "demand")
def demand(t: Trigger, verbs: VerbDictionary) -> str | None:
    """A demanding verb's appeal is a demand (02x → 10x): "demanded that the US cancel ..."."""
    verb, m, code = t.tok, _matched(t), t.code
    demanded = framing.as_demand(verb, code)
    if demanded == code:
        return None
    m.rule = f"{m.rule} a demand [{demanded}]"
    return demanded


@rule("recode", "encourages-to")
def encourages_to(t: Trigger, verbs: VerbDictionary) -> str | None:
    """"The United States encourages the parties to seize this opportunity": encouraging someone
    to act is an appeal (020), not the praise (051) the verb's block gives."""
    verb, m, code = t.tok, _matched(t), t.code
    if code[:2] != "05" or verb.lemma_.lower() not in framing.APPEAL_FRAMES or not any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children):
        return None
    m.rule = f"{m.rule} encourages to [{APPEAL}]"
    return APPEAL


@rule("recode", "own-act")
def own_act(t: Trigger, verbs: VerbDictionary) -> str | None:
    """"The Houthis claimed that they had attacked the airport": claiming one's own act is
    claiming responsibility (015), not an allegation; a claim about oneself that names no act
    states (010: "claimed they have public support", "claimed to be in contact with ...")."""
    verb, m, code = t.tok, _matched(t), t.code
    if code[:2] != "11":
        return None
    said = claim_about_self(verb, verbs)  # ("claimed to be in daily contact with ...": 010)
    if said is not None:
        m.rule = f"{m.rule} own {'claim' if said == STATEMENT else 'act'} [{said}]"
        return said
    if not claims_own_act(verb):
        return None
    own = own_claim_code(verb, verbs)  # ("claimed she has the support of the army": 010)
    m.rule = f"{m.rule} own act [{own}]" if own != STATEMENT else f"{m.rule} own claim [{own}]"
    return own


@rule("recode", "agrees-that")
def agrees_that_rule(t: Trigger, verbs: VerbDictionary) -> str | None:
    """"said they agree with the NCAA that G. made payments": agreeing that something is so is
    accord (019), not an intent to cooperate (030)."""
    verb, m, code = t.tok, _matched(t), t.code
    if code != "030" or not agrees_that(verb):
        return None
    m.rule = f"{m.rule} agrees that [019]"
    return "019"


@rule("recode", "must")
def must(t: Trigger, verbs: VerbDictionary) -> str | None:
    """"Trump said North Korea must do something meaningful": when what must be done is no coded
    act, the saying is the demand (made of the clause's subject); "said the laws should be
    changed": an appeal (020); "said we must get it done": the statement it is."""
    verb, m, code = t.tok, _matched(t), t.code
    if code[:2] != "01" or code == "015":
        return None
    kinds = {framing.obligation(c) for c in verb.children if framing.demanded(c)}
    recoded = framing.DEMAND_CODE if "demand" in kinds else APPEAL if "appeal" in kinds else None
    if recoded is None:  # (nothing reported as must, or only what the speaker's side must do)
        return None
    m.rule = f"{m.rule} must [{recoded}]"
    return recoded


TRIGGER_RULES = rules("trigger")
MATCH_RULES = rules("match")
VETO_RULES = rules("veto")
ACT_RULES = rules("act")
CODE_RULES = rules("code")
RECODE_RULES = rules("recode")


def candidates(sent: Any, verbs: VerbDictionary) -> Iterator[Candidate]:
    """The sentence's candidate acts, in text order."""
    for tok in facts(sent.doc).sentence_tokens(sent):
        cand = candidate(tok, verbs)
        if cand is not None:
            yield cand


def candidate(tok: Any, verbs: VerbDictionary) -> Candidate | None:
    """The candidate act of one token, or None, through the stages trigger → veto → match → act →
    code → recode."""
    hit = first(TRIGGER_RULES, tok, verbs)  # (a copula's adjective, a donor: whatever the verbs say)
    if hit is not None:
        return Candidate(tok, hit[1], hit[1].code, False, trace=[hit[0].label])
    if tok.pos_ not in ("VERB",) and not (tok.pos_ == "AUX" and tok.dep_ == "ROOT") and not verb_taken_for_noun(tok):
        return None
    # (asked before the dictionary: whatever it says, these code nothing)
    if first(VETO_RULES, tok, verbs) is not None:
        return None
    matched = first(MATCH_RULES, tok, verbs)
    t = Trigger(tok, matched[1] if matched else None, trace=[matched[0].label] if matched else [])
    if not _apply(ACT_RULES, t, verbs):
        return None
    t.code = _matched(t).code
    _apply(CODE_RULES, t, verbs)
    if not t.code or t.code == NO_EVENT or not t.code.isdigit():
        return None
    for r in RECODE_RULES:
        recoded = r.fn(t, verbs)
        if recoded is not None:
            t.code = recoded
            t.trace.append(r.label)
    return Candidate(tok, _matched(t), t.code, t.reverse, trace=t.trace)


def _apply(stage_rules: list[Rule[Trigger, VerbDictionary, Trigger]], t: Trigger, verbs: VerbDictionary) -> bool:
    """Apply each rule that applies, in order (tracing it); False when one dropped the verb."""
    for r in stage_rules:
        if r.fn(t, verbs) is not None:
            if t.dropped:
                return False
            t.trace.append(r.label)
    return True


def apply_frames(cands: list[Candidate], consumed: set[int]) -> dict[int, int]:
    """A framed action ("ready to withdraw") takes the frame's code. Returns frame word → the
    action it frames (token indices): the frame word is coded itself only as a fallback."""
    frames: dict[int, int] = {}
    for cand in cands:
        if cand.verb.i in consumed:  # the frame's own pattern already took it in ("agree to cooperate")
            continue
        voted = _voted_for(cand.verb)
        if voted is not None:  # "voted for a resolution condemning Russia": the condemnation, by the voter
            frames.setdefault(voted.i, cand.verb.i)
        frame = framing.frame_of(cand.verb)
        if frame is not None:  # ("invited both sides to hold talks": an intent to meet, no appeal)
            frame = framing.invitation(frame[0], frame[1], cand.code, cand.verb), frame[1]
        code = framing.reframe(frame[0], cand.code) if frame else None
        if frame and not code and frame[0] == "intent" and frame[1].i != cand.verb.i \
                and frame[1].lemma_.lower() in BARE_INTENT_VERBS:
            # an intent to do what has no CAMEO intent code ("planned to sue"): the act, flagged
            # intended, is the event; "planned" is no intent to cooperate (030) of its own
            frames.setdefault(frame[1].i, cand.verb.i)
        if not (frame and code):
            continue
        cand.code, cand.frame = code, "refusal" if frame[0] == "no-intent" else frame[0]
        cand.trace.append(f"frame:{frame[0]}")
        word = frame[1].text
        if frame[1].i == cand.verb.i:  # the verb's own auxiliaries frame it: "will not lift" ("will meet and discuss": shared)
            told = cand.verb.head if clauses.shares_auxiliaries(cand.verb) and cand.verb.dep_ == "conj" else cand.verb
            word = " ".join(t.text for t in told.children if t.dep_ in ("aux", "neg") and t.i < told.i) \
                or "the present tense"  # ("travels to Rome": a trip announced)
        cand.match.rule = f"{cand.match.rule} framed by '{word}' [{code}]"
        if frame[1].i != cand.verb.i:
            frames[frame[1].i] = cand.verb.i
            carrier = _frame_carrier(frame[1])
            if carrier is not None:
                frames.setdefault(carrier.i, cand.verb.i)
    return frames


def _voted_for(content: Any) -> Any | None:
    """The vote (or decision) that adopts the document whose content ``content`` is: "voted in favor
    of the resolution | condemning Russia's war" (the voter condemns; the vote is coded only when
    the condemnation gives no event)."""
    verb = clauses.published_by(content)  # ("co-sponsored a resolution condemning ...": the sponsor's)
    return verb if verb is not None and verb.lemma_.lower() in framing.DECISION_FRAMES | SPONSORING_VERBS else None


def _frame_carrier(word: Any) -> Any | None:
    """"insisted on its demands that the government grant ...": the verb that carries a framing
    noun frames the act too."""
    carrier = word.head if word.pos_ == "NOUN" else None
    if carrier is not None and carrier.pos_ == "ADP":
        carrier = carrier.head
    return carrier if carrier is not None and carrier.pos_ == "VERB" else None


def agrees_that(verb: Any) -> bool:
    """"said they agree with the NCAA that G. made payments": agreeing that something is so is
    accord (019); agreeing that something should be done ("agreed that the two countries should
    cooperate") or to do it is an intent (030)."""
    if verb.lemma_.lower() != "agree" or clauses.is_negated(verb):
        return False
    withs = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children
             if o.dep_ in ("pobj", "pcomp")]
    if any(o.lemma_.lower() in OPINION_NOUNS for o in withs):  # "agree with the recommendation / his assessment"
        return True
    if withs and _agrees_with_someone(verb):
        return True
    clause = _agreed_clause(verb)
    if clause is None:
        return False
    return not any(c.dep_ == "aux" and c.lower_ in clauses.MODAL_HYPOTHETICAL | clauses.MODAL_FUTURE
                   for c in clause.children) or _state_or_others_act(clause)


def _state_or_others_act(clause: Any) -> bool:
    """"agreed the sponsor should be nonpartisan", "agreed the issue should be decided by Congress":
    what should be is a state, or an act the clause gives to a named doer ("by Congress"): a view
    agreed with (019), no act the agreeing side intends (but "agreed that the two countries should
    cooperate", "that sanctions should be lifted")."""
    if clause.lemma_.lower() == "be" and any(c.dep_ in ("acomp", "attr") for c in clause.children):
        return True
    return clauses.is_passive(clause) and any(
        c.dep_ == "agent" and any(g.dep_ == "pobj" for g in c.children) for c in clause.children)


def _agrees_with_someone(verb: Any) -> bool:
    """"said they agree with Tantan", "agree with what Republicans propose": agreeing with someone,
    in the present, is accord; "agreed with Turkey to set up ..." or "on a roadmap" is a deal."""
    return verb.tag_ in ("VBP", "VBZ") and not any(
        c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("on", "to")) for c in verb.children)


def _agreed_clause(verb: Any) -> Any | None:
    """The that-clause agreed with; also one parsed as a relative clause of the one agreed with
    ("agree with the NCAA that G. made ...")."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is not None:  # (not a noun the parse took for a clause: "agreed on a ceasefire deal")
        return clause if clause.pos_ in ("VERB", "AUX") else None
    return next((r for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
                 for o in p.children if o.dep_ == "pobj" for r in o.children
                 if r.dep_ == "relcl" and any(x.dep_ == "mark" for x in r.children)
                 and any(x.dep_ == "nsubj" for x in r.children)), None)
