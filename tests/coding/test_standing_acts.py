"""Standing positions, tallies, trends, bare aims and kinds joined are no discrete acts (issue #20):
the role rules "habitual", "bare-aim" and "joined-as-kind" (coding/stages/roles.py) over
``clauses.standing`` and ``clauses.since_span``; real acts of one day or of one operation are kept."""
from __future__ import annotations

import pytest

from newsevents.coding import clauses

pytestmark = pytest.mark.slow


def _triggers(code, text: str) -> list[str]:
    return [e["trigger"]["text"] for e in code(text) if e.get("trigger")]


def _token(coder, text: str, word: str):
    doc = coder.nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text, word", [
    # a running tally over a span up to now, in the present perfect or in the past
    ("More than 600 people have been detained in Rohan in the last three months.", "detained"),
    ("Over the past month, more than 400 protesters were arrested across Gondor.", "arrested"),
    ("Hundreds of activists have been jailed in Mordor in recent years.", "jailed"),
    # the many who hold a stance
    ("Nearly 300 lawmakers in the Gondor parliament favored some form of sanctions.", "favored"),
    ("Most voters in Rohan opposed the new constitution, according to a survey.", "opposed"),
    ("A majority of the senators of Gondor support the bill on Rohan.", "support"),
    # relations summed up over a span up to now
    ("Mordor has increased its cooperation with the navies of Rohan and Gondor in recent years.", "increased"),
    ("Gondor has expanded trade with Rohan over the past decade.", "expanded"),
    ("Since the war began, Gondor has held five rounds of talks with Rohan.", "held"),
    # a position held: an adverb of constancy in any tense
    ("Rohan always backs Gondor's candidates at the United Nations.", "backs"),
    ("The Gondor government consistently supported the peace process in Rohan.", "supported"),
    ("The Rohan government has consistently rejected the demands of the opposition.", "rejected"),
    # a bare aim whose clause codes nothing
    ("Mordor is pursuing a policy of decoupling, seeking to make Rohan less dependent on trade.", "seeking"),
    ("The Gondor plan aims to prevent future court packing.", "aims"),
    ("The Haradrim rebels want foreign forces to leave the country.", "want"),
    # joining others as one of a kind
    ("Senator Smith of Gondor emerged as a strong contender, joining Senators Jones and Brown as potential "
     "candidates.", "joining"),
    ("Gondor joined Rohan as the only countries to abstain in the vote on Mordor.", "joined"),
    ("Governor Ames of Rohan emerged as a rival, joining Senators Tom Baker, Ann Cole, and Jim Dale as likely "
     "nominees.", "joining"),
])
def test_a_standing_state_tally_or_aim_is_no_event(code, text, word):
    assert word not in _triggers(code, text), code(text)


@pytest.mark.parametrize("text, word", [
    # one operation, or a count over a few days
    ("Police have arrested 12 people in Edoras since Monday.", "arrested"),
    ("Police arrested 300 protesters in Edoras on Monday.", "arrested"),
    ("Forty people have been arrested in Rohan since Tuesday.", "arrested"),
    # an actor's acts of force or arrests counted since a start stay reports of them
    ("The police of Gondor have detained more than 300 students since the strikes began.", "detained"),
    ("The rebels have killed 40 villagers since April.", "killed"),
    # a total of aid is aid given
    ("Since 2015, Gondor has provided more than $300 million in aid to Rohan.", "provided"),
    # a meeting since a day named
    ("Since Monday, the Gondor foreign minister has met with the leaders of Rohan and Mordor.", "met"),
    # an act of today, and what an aim's own pattern codes
    ("Gondor increased its aid to Rohan on Tuesday.", "increased"),
    ("The government of Rohan sought asylum for the dissidents in Gondor.", "sought"),
    ("Gondor and Rohan joined the talks in Edoras as observers.", "joined"),
])
def test_a_discrete_act_is_kept(code, text, word):
    assert word in _triggers(code, text), code(text)


@pytest.mark.parametrize("text, word, span", [
    ("Gondor has expanded trade with Rohan in the last few years.", "expanded", True),
    ("Gondor has expanded trade with Rohan during the past decade.", "expanded", True),
    ("Gondor expanded trade with Rohan in March.", "expanded", False),
    ("Gondor expanded trade with Rohan in the first year of the war.", "expanded", False),
])
def test_a_span_up_to_now(coder, text, word, span):
    assert clauses.since_span(_token(coder, text, word)) is span


@pytest.mark.parametrize("text, word, kind", [
    ("Rohan always backs Gondor's candidates.", "backs", "position"),
    ("Gondor will always stand with Rohan.", "stand", None),
    ("Rohan backs Gondor's candidates as long as they win.", "backs", None),
    ("More than 40 countries supported the resolution.", "supported", None),
])
def test_the_kind_of_standing(coder, text, word, kind):
    assert clauses.standing(_token(coder, text, word)) == kind


@pytest.mark.parametrize("text, word", [
    ("Gondor wants to work with Rohan to stop the smugglers.", "wants"),
    ("Gondor and Rohan aim to cooperate on building supply chains.", "aim"),
    ("Gondor seeks to strengthen its relationship with Rohan.", "seeks"),
])
def test_an_aim_to_cooperate_is_an_intent_to_cooperate(code, text, word):
    assert word in _triggers(code, text), code(text)
