"""Stage "when" (carried days): whether a sentence's acts continue the act an earlier sentence of
the paragraph dated, and so take its day ("Rioters clashed with police on Saturday. Police
arrested ten of them": the riot's day; "... The mayor accused the president of ...": not).

An act continues a dated act when it has the same doer (the same person or body, not only the
same country: in a one-country story every actor is of that country), the same pair of actors,
is told in the readout of the same meeting or call by one of its participants or their countries
("They discussed ...", "The Secretary also emphasized ..."), or is the same kind of act (the same
CAMEO root; any meeting, or any act of force, in a narrative of one incident)."""
from __future__ import annotations

from ..lang import words
from ..models import Actor, Event

# consultations (meetings, calls, visits, talks) and the visits announced (036): their readouts follow them
MEETING_CODES = ("04", "036")
FORCE_CODES = ("18", "19", "20")  # assaults, fighting, mass violence: one incident's acts of force


def continues_acts(events: list[Event], day_acts: list[Event]) -> bool:
    """Whether the acts continue those an earlier sentence dated (so take their day); true when
    no act gave the day."""
    if not day_acts or not events:
        return True
    return any(continues_act(ev, act) for ev in events for act in day_acts)


def continues_act(ev: Event, act: Event) -> bool:
    """Whether one act continues a dated one: the same kind of act, the same doer, the same pair,
    or an act of a party of a dated meeting (or of their countries)."""
    if any(ev.cameo.startswith(kind) and act.cameo.startswith(kind) for kind in _kinds(act.cameo)):
        return True
    if same_body(ev.source, act.source) or _same_pair(ev, act):
        return True
    return act.cameo.startswith(MEETING_CODES) and _of_the_parties(ev, act)


def _kinds(cameo: str) -> list[tuple[str, ...]]:
    """The kinds of act a CAMEO code is of, for a narrative of one incident: its root, and the
    meetings or the acts of force it is one of ("stabbed" 182, "struck" 190)."""
    return [(cameo[:2],)] + [kind for kind in (MEETING_CODES, FORCE_CODES) if cameo.startswith(kind)]


def _of_the_parties(ev: Event, meeting: Event) -> bool:
    """Whether an act is told in the readout of a meeting or call: an act of one of its parties, or
    of their countries ("They discussed ...", "The Secretary also emphasized ...", "The United
    States looks forward to ..."; the parties of a readout are seldom named as the meeting named them)."""
    if same_body(ev.source, meeting.source) or same_body(ev.source, meeting.target):
        return True
    if ev.source is not None and _head(ev.source.text) in words("meeting_party_words"):
        return True  # ("They agreed ...", "Both sides underscored ...", "The two discussed ...")
    return bool(_countries(ev) & _countries(meeting))


def _countries(ev: Event) -> set[str]:
    """The countries (code prefixes) of an event's source and target."""
    return {a.code[:3] for a in (ev.source, ev.target) if a is not None and a.code and a.code[:3] != "---"}


def same_body(a: Actor | None, b: Actor | None) -> bool:
    """Whether two actor mentions are the same person or body: a person of the same name and
    country, a country as the actor and itself or its organs, or, for a body named by its
    country, the same code and head noun ("the governor", "the Texas governor"; not "the
    governor" and "the mayor", both USAGOV)."""
    if a is None or b is None or not a.code or not b.code or not a.name or a.name != b.name:
        return False
    if a.members or b.members:  # (a person named: the name is the person's, whatever sector a mention
        return a.code[:3] == b.code[:3]  # gives: "Dr. Cary Fowler", USA; "Special Envoy Fowler", USAGOV)
    if a.code.startswith("---"):  # (a body of no known country: its name is only its kind)
        return False
    if min(len(a.code), len(b.code)) == 3 and a.code[:3] == b.code[:3]:
        return True  # (a country as the actor is itself and its organs: "Russia", "a Moscow court", RUSJUD)
    if a.code != b.code:
        return False
    pronouns = words("person_pronouns") | words("plural_pronouns") | words("neuter_pronouns")
    # (a pronoun the resolver gave the body's name to is that body: "It said ...")
    return _head(a.text) == _head(b.text) or _head(a.text) in pronouns or _head(b.text) in pronouns


def _head(text: str) -> str:
    """The head noun of an actor phrase: its last word before a phrase that describes it ("police
    in Gondor", "the head of the agency")."""
    tokens = text.lower().replace("'s", "").replace(",", " , ").split()
    cuts = words("actor_phrase_cuts")
    head = next((n for n, tok in enumerate(tokens) if tok in cuts and n > 0), len(tokens))
    return tokens[head - 1].strip(".") if head else ""


def _same_pair(ev: Event, act: Event) -> bool:
    """Whether both acts are between the same two actors (of two different codes), either way."""
    if ev.source is None or ev.target is None or act.source is None or act.target is None:
        return False
    mine, theirs = {ev.source.code, ev.target.code}, {act.source.code, act.target.code}
    return len(mine) == 2 and None not in mine and mine == theirs


def share_carried_day(events: list[Event], background: set[int]) -> None:
    """Give the acts of one sentence the carried day one of them continues ("The Deputy Secretary
    thanked the minister ... and affirmed the importance of ...": both in the meeting's readout),
    in place of the publication date (trace ``when:other-act`` becomes ``when:earlier-sentence``);
    not to the acts of a relative or after-clause (``background``: ids), told of another time."""
    carrier = next((ev for ev in events if CARRIED in ev.trace and id(ev) not in background), None)
    if carrier is None:
        return
    for ev in events:
        if OTHER_ACT in ev.trace and id(ev) not in background:
            ev.date, ev.date_precision = carrier.date, carrier.date_precision
            ev.trace[ev.trace.index(OTHER_ACT)] = CARRIED


CARRIED, OTHER_ACT = "when:earlier-sentence", "when:other-act"
