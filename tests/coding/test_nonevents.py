"""Sentences that tell no event (issue #20): headings and list items, standing descriptions,
things as agents, participles that describe a noun, acts told only as a condition; and the verb
data that gives admissions, refusals to answer, seeing and rewards their CAMEO root. Made-up
sentences, real model."""
from __future__ import annotations

import pytest

from newsevents.coding import clauses
from newsevents.coding.events import CONDITION, happened
from newsevents.models import Event

pytestmark = pytest.mark.slow


def _triggers(events: list[dict]) -> set[str]:
    return {e["trigger"]["text"] for e in events}


def _token(coder, text: str, word: str):
    return next(t for t in coder.nlp(text) if t.text == word)


# -- headings and list items ----------------------------------------------------------------

def test_a_heading_before_a_colon_is_no_event_but_what_follows_is(code):
    events = code("Protecting Journalists: The Gondorian Interior Ministry has arrested two police officers.",
                  all_modalities=True)
    assert "Protecting" not in _triggers(events)
    assert any(e["trigger"]["text"] == "arrested" and e["cameo"] == "173" for e in events), events


def test_list_items_are_no_events(code):
    events = code("The envoys will meet to advance three goals: (1) Supporting Refugees; (2) Ending Arms "
                  "Smuggling; and (3) Addressing Food Shortages.", all_modalities=True)
    assert not _triggers(events) & {"Supporting", "Ending", "Addressing"}, events


@pytest.mark.parametrize("text, word, heading", [
    ("Strengthening Ties: Rohan has signed a trade deal with Gondor.", "Strengthening", True),
    ("(2) Expanding Vaccine Access", "Expanding", True),
    ("Speaking to reporters, the Gondorian minister condemned the attack.", "Speaking", False),
    ("Citing security threats Rohan closed the border crossing.", "Citing", False),
    ("The minister said that expanding trade with Rohan is a priority.", "expanding", False),
])
def test_heading_gerund(coder, text, word, heading):
    assert clauses.heading_gerund(_token(coder, text, word)) is heading


# -- descriptions ---------------------------------------------------------------------------

def test_a_relative_clause_in_the_present_describes(code):
    events = code("Our partnership, which ranges from trade to cooperation in the arms industry, has grown.",
                  all_modalities=True)
    assert not events, events


@pytest.mark.parametrize("text, word, describes", [
    ("Rohan, which controls the eastern pass, sent troops to Gondor on Monday.", "controls", True),
    ("Talks went on about the war, in which the rebels seek to seize the port and impose their rule.",
     "impose", True),
    ("Rohan thanked Gondor, which sent food aid to the refugees.", "sent", False),
    ("Rohan thanked Gondor, which has sent food aid to the refugees.", "sent", False),
    ("The farmer, who says he was beaten by the police, filed a complaint.", "says", False),
])
def test_standing_description(coder, text, word, describes):
    assert clauses.standing_description(_token(coder, text, word)) is describes


def test_a_thing_does_no_act(code):
    assert not code("This includes $20 million in new funding to support relief efforts in Gondor.")
    assert not code("The ceremony highlighted the strength of the alliance between Rohan and Gondor.")


@pytest.mark.parametrize("text, word, thing", [
    ("These resources will enable us to fight famine in Gondor.", "enable", "resources"),
    ("This includes $20 million in new funding to support relief efforts in Gondor.", "support", "This"),
    ("Those who attacked the convoy were arrested by the Gondorian police.", "attacked", None),
    ("Rohan condemned the attack on Gondor.", "condemned", None),
    ("The new funding and the Gondorian army will protect the refugees.", "protect", None),
    ("Advancing Relief Efforts: The Gondorian army will protect the refugees.", "protect", None),
])
def test_thing_as_agent(coder, text, word, thing):
    found = clauses.thing_as_agent(_token(coder, text, word))
    assert (found.text if found is not None else None) == thing


def test_a_participle_before_its_noun_describes_it(coder):
    assert clauses.modifier_participle(_token(coder, "These increased resources will help Gondor.", "increased"))
    assert not clauses.modifier_participle(_token(coder, "Rohan increased its aid to Gondor.", "increased"))


# -- conditions -----------------------------------------------------------------------------

def test_an_intent_that_is_the_condition_is_not_emitted(code):
    text = "If the Gondorian parliament votes to impeach King Denethor, he would face trial in the Senate."
    assert not [e for e in code(text) if e["trigger"]["text"] == "votes"]
    # (voting by itself is no act, tests/coding/test_verb_defaults_third.py: the trace is shown on a pledge)
    text = "If the Gondorian parliament pledges to send troops to Rohan, the king would face trial in the Senate."
    assert not [e for e in code(text) if e["trigger"]["text"] in ("pledges", "send")]
    assert [e for e in code(text, all_modalities=True) if e["trigger"]["text"] in ("pledges", "send")]


def test_a_threat_on_a_condition_is_still_made(code):
    events = code("Rohan will impose sanctions on Gondor if it does not withdraw its troops.")
    assert any(e["trigger"]["text"] == "impose" for e in events), events


def test_happened_keeps_a_conditional_promise_but_not_the_condition():
    ev = Event(article_id="a", sentence_index=0, sentence="s", cameo="030", trigger={"text": "t", "start": 0, "end": 1},
               modality="hypothetical")
    assert happened(ev)
    ev.trace.append(CONDITION)
    assert not happened(ev)


def test_in_condition(coder):
    text = "If the Gondorian parliament votes to impeach King Denethor, he would face trial."
    assert clauses.in_condition(_token(coder, text, "votes"))
    assert clauses.in_condition(_token(coder, text, "impeach"))
    assert not clauses.in_condition(_token(coder, text, "face"))


# -- the verb data: CAMEO roots -------------------------------------------------------------

@pytest.mark.parametrize("text, trigger, cameo", [
    ("The governor of Gondor admitted ordering the payments to the militia.", "admitted", "015"),
    ("The Rohan defence minister confessed to the killings.", "confessed", "015"),
    ("The Gondorian minister refused to answer questions about the deal with Rohan.", "refused", "011"),
    ("The Gondorian minister declined to discuss the deal with Rohan.", "declined", "011"),
    ("The Gondorian police are offering a reward for information on the smuggler Bill Ferny.", "offering", "0214"),
])
def test_verb_data_roots(code, text, trigger, cameo):
    found = [e["cameo"] for e in code(text) if e["trigger"]["text"] == trigger]
    assert found and all(c == cameo for c in found), code(text)


def test_seeing_is_no_statement(code):
    assert not [e for e in code("The mayor of Minas Tirith witnessed the attack on the police station.")
                if e["trigger"]["text"] == "witnessed"]


@pytest.mark.parametrize("text, word, about", [
    ("Rohan welcomed Gondor's role in promoting regional stability.", "promoting", True),
    ("They discussed the importance of supporting the refugees in Gondor.", "supporting", True),
    ("Rohan invests in Gondor's defence by supporting its army.", "supporting", False),
    ("Rohan is committed to supporting Gondor.", "supporting", False),
])
def test_gerund_of_noun(coder, text, word, about):
    assert clauses.gerund_of_noun(_token(coder, text, word)) is about


def test_encouraging_someone_to_act_is_an_appeal(code):
    events = code("The Rohan government encourages the parties to seize this opportunity for peace in Gondor.")
    assert [e["cameo"] for e in events if e["trigger"]["text"] == "encourages"] == ["020"], events
    praised = code("The Rohan government encouraged the dialogue between Gondor and Mordor.")
    assert all(e["cameo"] != "020" for e in praised if e["trigger"]["text"] == "encouraged"), praised


def test_a_meeting_with_the_publisher_is_its_interview(coder):
    from newsevents.models import Article

    text = "Gondorian candidate Faramir spoke with the Gondor Herald about the campaign."
    art = Article(id="t", text=text, published="2021-02-05", source="Gondor Herald")
    assert not [e for e in coder.code_article(art) if e.cameo[:2] == "04"]
    art = Article(id="t", text=text, published="2021-02-05", source="Rohan Times")
    assert [e for e in coder.code_article(art) if e.cameo[:2] == "04"]


def test_a_meeting_with_an_international_outlet_is_an_interview(code):
    assert not [e for e in code("The Gondorian foreign minister met with Reuters in Minas Tirith on Monday.")
                if e["cameo"][:2] == "04"]


@pytest.mark.parametrize("text, word, modality", [
    ("It is time now for others in the region to protect their own territory.", "protect", "hypothetical"),
    ("It is vital for the world to send aid to Gondor.", "send", "hypothetical"),
    ("It remains vitally important that Rohan supports Gondor's army.", "supports", "hypothetical"),
    ("It was the first time for the Gondorian king to visit Rohan.", "visit", "intended"),
    ("It is clear that Rohan attacked Gondor.", "attacked", "asserted"),
])
def test_what_is_called_needed_is_not_done(coder, text, word, modality):
    assert clauses.modality_of(_token(coder, text, word)) == modality


def test_a_need_is_no_event(code):
    assert not code("It is time for the Gondorian army to protect its own border.")


@pytest.mark.parametrize("text, kept", [
    ("Rohan will continue to use diplomatic and economic tools to promote accountability for the junta.", False),
    ("The Rohan king strongly supports democracy and human rights in Gondor.", False),
    ("Rohan will work with partners to promote respect for human rights in Gondor.", False),
    ("Rohan reaffirmed its support for Gondor's sovereignty.", True),
    ("The Rohan king praised the resilience of the Gondorian people.", True),
    ("Rohan has increased cooperation with the navies of Gondor and Harad.", True),
    ("Rohan supports the Gondorian government.", True),
])
def test_promoting_an_ideal_is_a_line_of_policy(code, text, kept):
    assert bool([e for e in code(text) if e["cameo"][:2] == "05"]) is kept, code(text)


@pytest.mark.parametrize("text, word, means", [
    ("Norway gave Kenya new tools to fight corruption.", "fight", True),
    ("Rohan sent troops to fight the orcs in Gondor.", "fight", False),
    ("Rohan decided to send tanks to Gondor.", "send", False),
])
def test_purpose_of_means(coder, text, word, means):
    assert clauses.purpose_of_means(_token(coder, text, word)) is means


# -- acts in purpose and pending time clauses (second round) --------------------------------

@pytest.mark.parametrize("text, word, modality", [
    ("The governor of Gondor will go to court so that every citizen will be granted a ballot.", "granted",
     "hypothetical"),
    ("Rohan sent troops in order that the border is protected.", "protected", "hypothetical"),
    ("The refugees fled lest the army arrest them.", "arrest", "hypothetical"),
    ("The court suspended the ruling until it hears arguments from the Rohan lawyers.", "hears", "hypothetical"),
    ("The council delayed the vote until the Rohan envoy meets the king of Gondor.", "meets", "hypothetical"),
    ("The court suspended the ruling until it heard arguments from the Rohan lawyers.", "heard", "asserted"),
    ("Rohan withdrew its troops before Gondor attacked the town.", "attacked", "asserted"),
    ("Rohan attacked the town so Gondor retreated.", "attacked", "asserted"),
])
def test_purpose_and_pending_clauses_have_not_happened(coder, text, word, modality):
    assert clauses.modality_of(_token(coder, text, word)) == modality


def test_a_pending_hearing_is_no_event_but_the_stay_is(code):
    events = code("The appeals court of Gondor suspended the arrest order until it hears arguments from Rohan.")
    assert not [e for e in events if e["trigger"]["text"] == "hears"], events


# -- figurative verbs and a consultation with no one ----------------------------------------

@pytest.mark.parametrize("text, trigger, roots", [
    ("The Gondorian king has heard the demands of the farmers.", "heard", ("04",)),
    ("The Rohan minister said she had heard the concerns of the villagers.", "heard", ("04",)),
    ("The victories in the north left Faramir with 300 delegates.", "left", ("04",)),
    ("The Gondorian senator engaged with the Guild of Merchants in 1990.", "engaged", ("19", "13")),
    ("The Rohan envoy will engage with farmers in Gondor.", "engage", ("19", "13")),
    ("Some officials of Gondor engaged in corruption.", "engaged", ("19",)),
    ("The Gondorian candidate discussed how he became the nominee of his party.", "discussed", ("04",)),
    ("The Gondor bill has sparked controversy in Rohan.", "sparked", ("11",)),
    ("Rohan will work with Gondor to address the root causes of migration.", "address", ("01",)),
    ("The Rohan king addressed global challenges with the Gondorian envoy.", "addressed", ("01",)),
    ("Faramir continued his bid against Boromir for two months.", "continued", ("16",)),
    ("The Gondorian senator launched his bid for the presidency.", "launched", ("16",)),
    ("Both Gondorian parties are to hold a dozen primary elections on Tuesday.", "hold", ("03",)),
])
def test_no_assault_consult_or_disapproval(code, text, trigger, roots):
    found = [e["cameo"] for e in code(text, all_modalities=True) if e["trigger"]["text"] == trigger]
    assert not [c for c in found if c[:2] in roots], (text, found)


@pytest.mark.parametrize("text, trigger, root", [
    ("Gondorian troops engaged the orc militants near Osgiliath.", "engaged", "19"),
    ("Rohan forces engaged in heavy fighting with the orcs.", "engaged", "19"),
    ("The Rohan envoy engaged with leaders of Gondor on Monday.", "engaged", "04"),
    ("The Gondorian king heard from farmers in Rohan on Monday.", "heard", "04"),
    ("The Gondorian king addressed the nation on Monday.", "addressed", "01"),
    ("The Rohan envoy addressed the General Assembly of the Shire on Monday.", "addressed", "01"),
    ("The Rohan envoy engaged counterparts in Gondor on human rights.", "engaged", "04"),
    ("The Rohan envoy engaged with Gondorian leaders in-person and virtually.", "engaged", "04"),
    ("Rohan urged the Gondorian parties to engage constructively.", "engage", "02"),
    ("The Gondorian minister discussed the crisis with the Rohan envoy.", "discussed", "04"),
    ("The Gondorian minister discussed with the Rohan envoy how to end the war.", "discussed", "04"),
])
def test_real_fights_and_meetings_stay(code, text, trigger, root):
    found = [e["cameo"] for e in code(text) if e["trigger"]["text"] == trigger]
    assert found and all(c[:2] == root for c in found), (text, found, code(text))


@pytest.mark.parametrize("text, word, lone", [
    ("The candidate discussed how he became the nominee.", "discussed", True),
    ("The candidate discussed with the envoy how to end the war.", "discussed", False),
    ("The candidate discussed the war.", "discussed", False),
    ("The Rohan envoy and the Gondor minister discussed how to end the war.", "discussed", False),
    ("They discussed how to end the war.", "discussed", False),
    ("The Rohan envoy will discuss how to end the war.", "discuss", False),
])
def test_lone_topic(coder, text, word, lone):
    assert clauses.lone_topic(_token(coder, text, word)) is lone


@pytest.mark.parametrize("text, trigger, root", [
    ("Rohan is leading the response, committing to providing a million doses of vaccines to Gondor.", "providing", "03"),
    ("Rohan commits to sending food aid to Gondor.", "sending", "03"),
    ("Rohan provided food aid to Gondor.", "provided", "07"),
])
def test_committing_to_an_act_is_an_intent(code, text, trigger, root):
    found = [e["cameo"] for e in code(text) if e["trigger"]["text"] == trigger]
    assert found and all(c[:2] == root for c in found), (text, found)


# -- denials --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word, denied", [
    ("The Gondorian ministry denied that its troops had shelled the village.", "shelled", True),
    ("The general did not say he had ordered the raid.", "ordered", True),
    ("Officials never said that the army had bombed the bridge.", "bombed", True),
    ("The ministry did not deny that its troops had shelled the village.", "shelled", False),
    ("The spokesman said that the army had bombed the bridge.", "bombed", False),
])
def test_the_clause_of_a_denial_or_a_negated_report_is_negated(coder, text, word, denied):
    assert clauses.is_negated(_token(coder, text, word)) is denied


@pytest.mark.parametrize("text, word, negated", [
    ("The Gondorian king did not concede or admit defeat in the vote.", "admit", True),
    ("The rebels will not attack the town or shell the village.", "shell", True),
    ("The police did not arrest the marchers but dispersed them.", "dispersed", False),
    ("The envoy did not attend the summit and criticized its hosts.", "criticized", False),
    ("The envoy did not attend the summit, but will criticize its hosts.", "criticize", False),
])
def test_a_bare_verb_coordinated_under_a_negation_shares_it(coder, text, word, negated):
    assert clauses.is_negated(_token(coder, text, word)) is negated


def test_a_denied_act_is_kept_only_with_all_modalities(code):
    text = "The Gondorian ministry denied that its troops had shelled the village of Edoras."
    assert "shelled" not in _triggers(code(text))
    kept = [e for e in code(text, all_modalities=True) if e["trigger"]["text"] == "shelled"]
    assert kept and all(e["negated"] for e in kept), kept


# -- topics of a talk -----------------------------------------------------------------------

@pytest.mark.parametrize("text, word, topic", [
    ("The ministers discussed strengthening security cooperation and expanding trade.", "expanding", True),
    ("The envoy will meet officials to discuss a range of issues, including combating the drought and "
     "enhancing border security.", "enhancing", True),
    ("The ministers discussed the border and agreed to reopen the crossing.", "agreed", False),
    ("Rohan and Gondor met on Monday, discussing trade and signing a new accord.", "signing", False),
])
def test_a_gerund_that_a_talk_is_about_is_no_act(coder, text, word, topic):
    assert clauses.discussed_gerund(_token(coder, text, word)) is topic


def test_the_topics_of_a_talk_code_no_acts(code):
    events = code("The Gondorian minister discussed strengthening security cooperation and expanding trade "
                  "with his Rohirric counterpart.")
    assert _triggers(events) == {"discussed"}, events


# -- purposes -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word, modality", [
    ("The president sued the prosecutor on Monday to block the release of his tax returns.", "block",
     "hypothetical"),
    ("The ministry designated three officials for conspiring with the regime to undermine the courts.",
     "undermine", "hypothetical"),
    ("Rohan has provided $11 million to help fight the epidemic.", "help", "hypothetical"),
    ("The minister travelled to Paris on Monday to meet his Gondorian counterpart.", "meet", "intended"),
    ("The Secretary will travel to Edoras to meet Rohan's ministers.", "meet", "intended"),
    ("The Secretary spoke with the Gondorian minister to congratulate him on his election.", "congratulate",
     "intended"),
    ("The ministry has taken steps to impose visa restrictions on the officials.", "impose", "intended"),
    ("The rebels would attack the town to establish control over the valley.", "establish", "hypothetical"),
    ("If elected, she would travel to Edoras to meet its king.", "meet", "hypothetical"),
    ("Rohan could send troops to protect the border.", "protect", "hypothetical"),
])
def test_the_purpose_of_an_act_told_as_done_is_no_act(coder, text, word, modality):
    assert clauses.modality_of(_token(coder, text, word)) == modality
