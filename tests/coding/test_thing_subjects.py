"""A thing is not a doer (coding/stages/agency.py, rule "role:thing-source"): a document, law,
programme, measure, situation or abstract noun as the subject of an act, or behind an "it"/"they"
subject, makes a description, no event; organisations, states, people and what an actor owns
still act, and a weapon still kills. Made-up sentences."""
from __future__ import annotations

import pytest

from newsevents.coding.stages import ORDER

pytestmark = pytest.mark.slow


def test_the_rule_is_registered_among_the_role_rules():
    assert "thing-source" in ORDER["role"][1]


@pytest.mark.parametrize("text, trigger", [
    # a thing named by the subject, in any tense
    ("The report accused Syria of torturing prisoners in the north.", "accused"),
    ("The resolution condemned Syria for the attacks on the border towns.", "condemned"),
    ("This meeting reaffirms our support for the people of Ukraine.", "reaffirms"),
    ("Venezuela's economy collapsed in 2019. The crisis forced Venezuela to seek help from Colombia.", "forced"),
    ("The pandemic and the damage it caused hurt the economy of Peru.", "hurt"),
    # what an "it" stands for: the subject of the clause it depends on; not the noun its relative
    # clause describes, nor a phrase coordinated after the one it stands for
    ("The United States will host the summit in June. Its theme responds to pressing issues, including the "
     "COVID-19 pandemic and the cracks it exposed in health systems.", "exposed"),
    ("Japan welcomed the plan. The plan was approved in May and it has since helped Kenyan farmers buy seeds.",
     "helped"),
    # what an "it"/"they" stands for: the main subject of the sentence before, or its object
    # where that subject is a person (not the actor the discourse last named)
    ("The Japanese government praised the plan. The plan was approved in May. It has helped Kenyan farmers "
     "buy seeds.", "helped"),
    ("The United States imposed sanctions on Iran on Monday. The measures were adopted after months of talks. "
     "They also criticise Iran for its support of militias.", "criticise"),
    ("Japan and Kenya signed the Green Valleys Initiative in May. It will support farmers in Kenya.", "support"),
    ("The US president launched the Green Valleys Initiative in May. It will support farmers in Kenya.", "support"),
])

def test_a_thing_as_the_doer_is_no_event(code, text, trigger):
    events = [e for e in code(text, all_modalities=True) if e["trigger"]["text"] == trigger]
    assert not events, events


@pytest.mark.parametrize("text, trigger, root", [
    # organisations, states and people act
    ("The Ministry of Health criticised the Rohan government on Monday.", "criticised", "11"),
    ("NATO offered Rohan training for its officers.", "offered", "03"),
    ("The World Food Programme provided food aid to Sudan on Monday.", "provided", "07"),
    ("The ministry said it had arrested 20 protesters in the capital.", "arrested", "17"),
    ("Russia said it would withdraw its troops from the border.", "withdraw", "03"),
    ("The party was founded in 2019 by farmers in Rohan. It accused the Gondor government of fraud on Monday.",
     "accused", "11"),
    # a thing an actor owns is the actor's ("the UN report": the UN)
    ("The UN report accused Mordor of torturing prisoners in the north.", "accused", "11"),
    ("This report, produced by Human Rights Watch, accuses Mordor of torturing prisoners.", "accuses", "11"),
    ("The government statement condemned the attack on the Rohan embassy.", "condemned", "11"),
    # a document an actor issues does what it says: the issuer's act
    ("The president of Gondor signed a decree that bans opposition rallies in the capital.", "signed", "10"),
    # "they" who are people (not what they spoke of)
    ("Secretary Blinken and President Macron emphasized the shared goals of the alliance. They discussed "
     "trade with China.", "discussed", "04"),
    ("Protesters gathered in the capital of Rohan on Monday. They demanded the resignation of the prime "
     "minister.", "demanded", "10"),
    # an expletive "it" is no thing: the act is the speaker's
    ("The Secretary met Foreign Minister Sato of Japan on Monday. It was a pleasure to welcome him to "
     "Washington, the Secretary said.", "welcome", "04"),
    # force told of an "it"/"they" is kept on the parse's guess
    ("The measures were announced on Monday. They punish three Rohan banks for aiding Mordor.", "punish", "17"),
    # a weapon or an act still kills, its doer unknown
    ("A car bomb killed five soldiers in Kabul.", "killed", "18"),
    ("The war killed 300 civilians in Sudan last year.", "killed", "20"),
])
def test_actors_and_weapons_still_act(code, text, trigger, root):
    events = [e for e in code(text, all_modalities=True) if e["trigger"]["text"] == trigger]
    assert any(e["cameo"].startswith(root) for e in events), events
