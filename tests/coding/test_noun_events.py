"""Events named by nouns (coding/noun_events.py): each rule on made-up sentences, with the real model."""
from __future__ import annotations

import pytest

from newsevents.coding.noun_events import NounAct, act_of, default_acts, load

pytestmark = pytest.mark.slow


def _noun(events: list[dict], rule: str) -> list[dict]:
    return [e for e in events if f"({rule})" in e["rule"]]


@pytest.mark.parametrize("text, rule, cameo, source, target", [
    ("Gondorian protesters have staged rallies in the capital against the new tax.", None, "141",
     "Gondorian protesters", None),  # (the verb pattern ARRANGE * RALLY codes it already)
    ("Thousands of farmers took part in a sit-in against the land reform on Sunday.", "noun:taken-part", "141",
     "Thousands of farmers", None),
    ("About 5,000 people gathered in the square in a peaceful vigil against the verdict.", "noun:taken-part",
     "141", "About 5,000 people", None),
    ("Four air raids were reported on the town of Minas Tirith.", "noun:happened", "195", None, None),
    ("The vigil was the latest in a wave of protests that has rocked the port for weeks.", "noun:happened", "141",
     None, None),
    ("Police detained dozens of people during a protest against the curfew.", "noun:during", "141", None, None),
    ("The verdict sparked protests across the country on Friday.", "noun:sparked", "141", None, None),
    ("Mourners lit candles for a student whose death has inspired months of protests.", "noun:sparked", "141",
     None, None),
    ("The rioters threw stones at the police station.", "noun:doers-named", "145", "The rioters", None),
    ("Riot police fired tear gas at the demonstrators in the main square.", "noun:met-with-force", "141",
     "the demonstrators", None),
    ("Rights groups condemned the house arrest of the opposition leader Aragorn.", "noun:reacted-to", "173",
     None, "the opposition leader Aragorn"),
])
def test_noun_rules(code, text, rule, cameo, source, target):
    events = code(text)
    found = _noun(events, rule) if rule else [e for e in events if e["cameo"].startswith(cameo[:2])]
    assert found, events
    ev = found[0]
    assert ev["cameo"] == cameo
    assert (ev["source"] or {}).get("text") == source
    if target is not None:
        assert (ev["target"] or {}).get("text") == target


def test_clashes_between_two_parties_are_each_against_the_other(code):
    events = _noun(code("Clashes between the police and the miners left nine people injured."), "noun:happened")
    pairs = {(e["source"]["text"], e["target"]["text"]) for e in events}
    assert pairs == {("the police", "the miners"), ("the miners", "the police")}


def test_clashes_with_a_party_are_against_it(code):
    """"clashes with police broke out": the party of the with-phrase is the target (issue #20)."""
    events = _noun(code("The march was calm, but clashes with riot police broke out in the evening."), "noun:happened")
    assert events and (events[0]["target"] or {}).get("text") == "riot police", events


def test_fighting_between_two_parties_is_each_against_the_other(code):
    """A gerund act with no doer of its own: the parties of its between-phrase (pairs.py, issue #20)."""
    events = [e for e in code("Fighting between the army and the rebels continued in the north on Monday.")
              if e["cameo"].startswith("19")]
    pairs = {((e["source"] or {}).get("text"), (e["target"] or {}).get("text")) for e in events}
    assert pairs == {("the army", "the rebels"), ("the rebels", "the army")}, events


@pytest.mark.parametrize("text", [
    "The minister suffered a heart attack on Tuesday.",  # a modifier that makes it no act
    "The opposition did not hold a rally.",  # negated
    "Protesters may stage a march next week.",  # hypothetical
    "A spokesman for the protesters said they would appeal.",  # named, neither acting nor acted on
    "The opposition condemned the talks with the rebels.",  # reacted to, but no act of force
])
def test_no_noun_event(code, text):
    events = code(text)
    assert not [e for e in events if "(noun:" in e["rule"]], events


def test_an_act_a_verb_already_coded_is_not_coded_twice(code):
    events = code("Israeli air strikes on Gaza killed five people.")
    assert [e["cameo"][:2] for e in events].count("19") == len(events)
    assert not _noun(events, "noun:happened")


def test_the_table_loads_longest_phrase_first(tmp_path):
    acts = default_acts()
    assert [a.words for a in acts["strike"]][0] in {("air", "strike"), ("hunger", "strike"), ("drone", "strike"),
                                                    ("missile", "strike"), ("general", "strike"),
                                                    ("labour", "strike"), ("labor", "strike")}
    bad = tmp_path / "bad.tsv"
    bad.write_text("protest\tnot-a-code\tact\n", encoding="utf-8")
    from newsevents.errors import DictionaryError
    with pytest.raises(DictionaryError, match="bad.tsv:1"):
        load(bad)


def test_act_of_needs_a_noun(coder):
    nlp = coder.nlp if hasattr(coder, "nlp") else None
    if nlp is None:
        pytest.skip("the coder exposes no spaCy pipeline")
    doc = nlp("They protest every March.")
    assert all(act_of(t, default_acts()) is None for t in doc)
    assert isinstance(next(iter(default_acts().values()))[0], NounAct)


@pytest.mark.parametrize("text", [
    "A tsunami killed 222 people on the coast on Saturday.",
    "Floods hit parts of the northern province after torrential rains.",
    "A boiler exploded at the chemical plant, injuring two workers.",
])
def test_a_disaster_is_no_attack(code, text):
    assert not [e for e in code(text) if e["cameo"][:2] in ("18", "19", "20")]


def test_an_attack_beside_a_disaster_word_stays(code):
    events = code("Gunmen from the Gondor Liberation Front attacked a convoy carrying flood relief on Sunday.")
    assert [e for e in events if e["cameo"][:2] in ("18", "19", "20")]


# -- acts named anywhere in the sentence, with their doer or target in their own phrase (issue 20)

@pytest.mark.parametrize("text, rule, cameo, source, target", [
    ("A minibus targeted by a suicide bomber burned outside the market.", "noun:by-agent", "1831",
     "a suicide bomber", None),
    ("Dozens of villagers were treated following a suspected gas attack by the rebels on the valley.",
     "noun:circumstance", "2041", "the rebels", None),
    ("Two shepherds suffered injuries due to the explosion of a landmine planted by the militia.",
     "noun:phrase", "183", "the militia", None),
    ("Four people died in a crackdown on the dockworkers.", "noun:circumstance", "175", None, None),
    ("The rebels' assault to capture the ridge was fended off by the garrison.", "noun:phrase", "180",
     "The rebels", None),
    ("The violence against three shopkeepers in the market on Friday has shocked the town.", "noun:phrase",
     "180", None, "three shopkeepers in the market"),
    ("Video shows several incidents of sexual assault on pilgrims by drunken men at the festival.",
     "noun:phrase", "1821", None, "pilgrims"),  # (the parse hangs "by drunken men" on "pilgrims")
    ("Wounded villagers were treated after the militia carried out a chlorine attack on Sunday.",
     "noun:carried", "2041", "the militia", None),
    ("Riot police suppressed a peaceful rally organised by farmers.", "noun:phrase", "141", "farmers", None),
    ("Riot police suppressed a peaceful student rally in the capital.", "noun:met-with-force", "141", None, None),
    ("Hundreds of demonstrators participated in what the organisers called a march for peace.",
     "noun:doers-named", "141", "demonstrators", None),
    ("Pupils fainted after inhaling tear gas fired by the border guards towards the playground.", "noun:phrase",
     "175", "the border guards", None),
    ("Villagers in the valley have been victims of rape and torture for years.", "noun:suffered", "1821", None,
     "Villagers in the valley"),
    ("Hundreds of families fled the town after two days of heavy fighting.", "noun:circumstance", "190", None, None),
    ("A mine, which had been laid by the insurgents, went off near the bridge at noon.", "noun:happened", "183",
     "the insurgents", None),
])
def test_acts_named_in_their_own_phrase(code, text, rule, cameo, source, target):
    found = _noun(code(text, all_modalities=True), rule)
    assert found, code(text, all_modalities=True)
    ev = found[0]
    assert ev["cameo"] == cameo
    assert (ev["source"] or {}).get("text") == source
    if target is not None:
        assert (ev["target"] or {}).get("text") == target


@pytest.mark.parametrize("text", [
    "Officials warned of fears of an attack on the capital.",  # feared, not done
    "The treaty aims to prevent attacks on shipping in the strait.",
    "There was no violence at the march on Sunday, police said.",
    "The minister denounced violence in all its forms.",  # a kind of act, not one that happened
    "Diplomats were expelled by the government after a nerve agent attack on a defector.",  # the reason
    "The talks began in the capital after a week of discussions.",  # no act of force
    "The sanctions are a response to the alleged gas attack on a defector.",  # alleged: a charge
    "The rival party was accused of being responsible for an attack on the editor.",
    "Four miners died in a coal mine in the north.",  # a mine with no doer is no bomb
    "The decision could spark protests in the capital.",  # what may be set off
    "In their march toward the city, the rebel forces have already captured dozens of villages.",  # an advance
    "Police banned a planned vigil to commemorate the victims.",  # kept from happening
    "The decree represents an assault on democratic values.",  # a figure of speech
    "The senator announced the change in a rally on Friday.",  # the setting of a speech
    "The resolution urges efforts to eliminate all forms of violence against women.",  # a kind of act fought
])
def test_no_act_named_in_passing(code, text):
    events = code(text, all_modalities=True)
    assert not [e for e in events if "(noun:" in e["rule"] and e["cameo"][:2] in ("14", "17", "18", "19", "20")], events


@pytest.mark.parametrize("text", [
    "A lorry carrying officials was hit by Turkish airstrikes in the hills on Monday.",
    "A helicopter carrying officials was hit by Turkish airstrikes in the hills on Monday.",
])
def test_an_act_in_a_passives_by_phrase_did_it(code, text):
    # (the verb pattern codes some of these, the rule noun:by-agent the others)
    events = [e for e in code(text) if e["cameo"][:2] == "19"]
    assert events and events[0]["source"]["text"] == "Turkish airstrikes", events


def test_a_protest_at_a_sports_event_is_news(code):
    events = code("Angry protesters staged rallies against the regime ahead of the Formula One Grand Prix.")
    assert [e for e in events if e["cameo"].startswith("14")], events
    assert not code("The champion won the Grand Prix after a clash with his rival on the last lap.")


def test_a_protest_noun_that_a_verb_took_as_its_actor_is_still_an_act(code):
    # (the verb's "actor" is the protest itself, which no dictionary knows)
    events = code("Another night of protests against the verdict came to a head in the old town.")
    assert [e for e in events if e["cameo"] == "141"], events


@pytest.mark.parametrize("text", [
    # (a parse may tag "8 p.m. Protesters" as one time, or "Protesters" as a name)
    "Live updates (all times local): 8 p.m. Protesters in the square are waving flags to show their anger.",
    "The Latest on the unrest in Gondor (all times local): 9 p.m. Protesters in Osgiliath are burning tyres.",
])
def test_protesters_after_a_time_of_day(code, text):
    events = code(text)
    assert [e for e in events if e["cameo"] == "141"], events


def test_a_possessive_names_who_was_arrested_not_who_arrested(code):
    events = _noun(code("Protests spread across the country after the editor's arrest on Friday."), "noun:circumstance")
    arrests = [e for e in events if e["cameo"] == "173"]
    assert arrests and arrests[0]["source"] is None, events


def test_a_market_rally_is_no_protest(code):
    assert not [e for e in code("A market rally on Wall Street lifted shares of Gondor Steel.") if e["cameo"][:2] == "14"]


def test_a_misread_carrying_verb_still_carries(code):
    # ("staged" lemmatised as "stag")
    events = code("At least 300 of the union's supporters staged a demonstration against the new law, TV2 reported.")
    assert [e for e in events if e["cameo"] == "141"], events
