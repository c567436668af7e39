"""Summaries, legal effects and kinds are no acts (issue #20): the role rules "long-summary",
"legal-effect", "spread-continuation", "described-governor" and the veto "example-of-kind"
(coding/stages/nonacts.py over coding/summaries.py), and the noun events they sum up. Real acts of
a short span, a day or a named place, an actor's own permission and one named act are kept."""
from __future__ import annotations

import pytest

from newsevents.coding import summaries

pytestmark = pytest.mark.slow

LEAD = "Gondor said on Monday it was concerned. "  # (a lead sentence first: the rules leave the lead alone)


def _triggers(code, text: str) -> list[str]:
    return [e["trigger"]["text"] for e in code(LEAD + text) if e.get("trigger") and e["sentence_index"] > 0]


@pytest.mark.parametrize("text, word", [
    # acts summed up in the perfect over a long span up to now
    ("We also recognize that for decades the Mordor army has killed, raped, and tortured members of minority "
     "groups.", "killed"),
    ("We also recognize that for decades the Mordor army has killed, raped, and tortured members of minority "
     "groups.", "raped"),
    ("For years the Rohan regime has detained journalists and beaten protesters.", "detained"),
    ("Over the past decade, the junta of Harad has arrested thousands of activists.", "arrested"),
    ("Since 2015 the Haradrim militia has attacked villages across the north of Rohan.", "attacked"),
    ("Since the 2019 coup, the junta has perpetuated violence against its own people, killing more than 2,100 "
     "and detaining thousands.", "killing"),
    ("Since the 2019 coup, the junta has perpetuated violence against its own people, killing more than 2,100 "
     "and detaining thousands.", "violence"),
    ("Since protests began in 2019, Rohan authorities have arrested thousands for speaking out against policies "
     "with which they disagreed.", "arrested"),
    ("Since protests began in 2019, Rohan authorities have arrested thousands for speaking out against policies "
     "with which they disagreed.", "disagreed"),
    ("The Ortega regime for years has chipped away at Rohan's democratic institutions and has allowed corruption "
     "to reign.", "allowed"),
    ("In recent years, Gondor has expelled dozens of diplomats from Rohan.", "expelled"),
    ("Over the past year, the Rohan government has proven itself a strong partner by supporting the relocation "
     "of refugees.", "supporting"),
    ("To date, dozens of Rohan activists have been wrongly imprisoned in Gondor.", "imprisoned"),
    # what a document, a measure or an arrangement permits, and what it permits
    ("Gondor's state of emergency appears to allow the king to pull funding from other programs.", "allow"),
    ("Gondor's state of emergency appears to allow the king to pull funding from other programs.", "pull"),
    ("This allows for sanctions to be imposed on any company operating in the sector in Mordor.", "imposed"),
    ("When concluded, this agreement will allow Gondor and Rohan to deepen their security partnership.", "deepen"),
    # an act going on over places no one names
    ("Unrest including the toppling of statues continued elsewhere in Gondor.", "Unrest"),
    ("Protests and riots over the death of the activist continued across the nation.", "continued"),
    # a participle or infinitive that elaborates a standing description
    ("The United States has long been the largest financial contributor to Rohan's peacekeeping, providing more "
     "than a quarter of the funds.", "providing"),
    ("Gondor has long been Rohan's closest ally, supplying weapons to its army.", "supplying"),
    ("The Alliance offers a model of cooperation between democratic countries to improve the lives of their "
     "citizens.", "improve"),
    # an act listed as the example of a practice
    ("Orc branches in Mordor rely on local fundraising schemes such as theft, extortion of local populations, and "
     "kidnapping for ransom.", "kidnapping"),
    ("The Haradrim gangs use tactics such as kidnapping aid workers and bombing markets.", "kidnapping"),
    ("Rebel cells in Rohan depend on methods such as smuggling, extortion, and abducting children for ransom.",
     "abducting"),
])
def test_a_summary_a_legal_effect_or_a_kind_is_no_event(code, text, word):
    assert word not in _triggers(code, text), code(LEAD + text)


@pytest.mark.parametrize("text, word", [
    # a short span, or one a day names
    ("Since Monday, police have arrested 40 people in Minas Tirith.", "arrested"),
    ("The Gondor army has shelled the town of Osgiliath since Tuesday.", "shelled"),
    ("The rebels have killed 40 villagers since April.", "killed"),
    ("For years the Rohan regime has jailed critics, and on Monday it arrested the opposition leader.", "arrested"),
    # a span that dates something else ("an agreement in effect since 2003", "his imprisonment since 2019")
    ("Through a cultural agreement in effect since 2003, Gondor has facilitated the return of scores of artifacts "
     "looted from Rohan.", "facilitated"),
    ("Despite his imprisonment since January 2019, the Rohan dissident has continued to speak out against the "
     "Gondor government.", "speak"),
    # a total of money given is aid given
    ("Since 2015, Gondor has provided more than $300 million in aid to Rohan.", "provided"),
    # a span that ended: a sentence of a number of years is an act
    ("A Gondor court sentenced the Rohan activist to prison for 40 years on Wednesday.", "sentenced"),
    # an actor's own permission, in the past
    ("Gondor allowed inspectors to visit the site on Monday.", "allowed"),
    # an act going on in a named place, or on a named day
    ("Protests continued across the country on Monday.", "Protests"),
    ("Protesters clashed with police in Edoras, and the protests continued in the capital.", "clashed"),
    # one named act as the example
    ("The group committed attacks such as the bombing of the Edoras market in April 2017.", "committed"),
])
def test_a_discrete_act_is_kept(code, text, word):
    assert word in _triggers(code, text), code(LEAD + text)


def _token(coder, text: str, word: str):
    return next(t for t in coder.nlp(text) if t.text == word)


@pytest.mark.parametrize("text, word, long", [
    ("The militia has attacked villages since 2015.", "attacked", True),
    ("The militia has attacked villages for decades.", "attacked", True),
    ("The militia has attacked villages in recent years.", "attacked", True),
    ("The militia has attacked villages since August 2019.", "attacked", True),
    ("The militia has attacked villages since April.", "attacked", False),
    ("The militia has attacked villages since the war began.", "attacked", False),
    ("The militia has attacked villages for two days.", "attacked", False),
    ("The militia has attacked villages since December 2020.", "attacked", False),
])
def test_a_long_span_up_to_now(coder, text, word, long):
    assert summaries.long_span(_token(coder, text, word), "2021-02-05") is long


@pytest.mark.parametrize("text, word, how", [
    ("The licence authorizes the export of software to Mordor.", "authorizes", "permits"),
    ("The new law allows police to detain suspects without charge.", "detain", "permitted"),
    ("The executive order enables the Treasury to impose sanctions on those responsible.", "impose", "permitted"),
    ("Gondor allows inspectors to visit the site.", "allows", None),
    ("The authorities allowed the protesters to march.", "march", None),
])
def test_what_a_text_permits(coder, text, word, how):
    assert summaries.legal_effect(_token(coder, text, word)) == how
