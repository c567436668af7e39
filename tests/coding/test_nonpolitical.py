"""Happenings that are no political act, and descriptions of a person (issue #20): deaths of an
accident's injuries, medical transports, how someone is regarded or describes themselves, a court
hearing a case, and acts told at an undated earlier time (coding/sense.py "natural-death" and
"taken-to-care"; coding/stages/senses.py "regarded-as", "self-description", "court-hearing";
coding/stages/roles.py "habitual"). Made-up sentences, with controls that still code the act."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _on(events, trigger):
    return [e for e in events if e["trigger"]["text"] == trigger]


@pytest.mark.parametrize("text, trigger", [
    # a death of an accident's injuries (natural-death)
    ("A Gondor cyclist was badly hurt in a road collision near Minas Tirith on Friday. "
     "He died from his injuries in hospital two days later.", "died"),
    ("The bus crash on the mountain road left the Rohan diplomat in a coma. "
     "She died of her injuries on Sunday.", "died"),
    ("Three passengers were hurt when the train left the rails in a derailment outside Edoras. "
     "One of them later died of his injuries.", "died"),
    ("A Rohan motorcyclist was struck by a car on the wrong side of the road, traffic police said. "
     "He died from his injuries in hospital a short time later.", "died"),
    # a medical transport (taken-to-care)
    ("The ailing prime minister of Gondor was evacuated to a hospital in Edoras on Wednesday.", "evacuated"),
    ("A military helicopter flew the wounded governor to the Rohan National Medical Center.", "flew"),
    ("The president of Rohan was airlifted to a clinic after he fell ill.", "airlifted"),
    # how someone is regarded (regarded-as)
    ("Aragorn was considered the founding father of modern Gondor.", "considered"),
    ("The Rohan senator is widely regarded as a reformer.", "regarded"),
    ("Faramir was seen as the likely successor to the steward of Gondor.", "seen"),
    # what one says one is (self-description)
    ("According to his website, he describes himself as a centrist Gondor patriot.", "describes"),
    ("The Rohan party calls itself a movement of farmers.", "calls"),
    ("The envoy of Gondor styles herself an independent voice.", "styles"),
    # a court hearing a case (court-hearing)
    ("For two days the Supreme Court of Gondor heard arguments from both sides.", "heard"),
    ("The tribunal will hear the appeal of the Rohan minister next month.", "hear"),
    ("The judges heard testimony from six witnesses in Minas Tirith.", "heard"),
    # acts told at an undated earlier time (habitual "undated")
    ("The king of Rohan and some Gondor senators have expressed interest in the plan in the past.", "expressed"),
    ("The Rohan militia has attacked reporters in the past.", "attacked"),
    ("The Gondor foreign minister has previously criticized the treaty.", "criticized"),
])
def test_no_political_act(code, text, trigger):
    assert not _on(code(text), trigger), code(text)


@pytest.mark.parametrize("text, trigger", [
    # violence stays violence
    ("The activist of Gondor died after police beat him in Minas Tirith.", "died"),
    ("The Rohan soldier died of his wounds after the bombing of the bridge.", "died"),
    ("After the bus crash, a Gondor soldier died of his wounds from the bombing.", "died"),
    ("Two guards of the Gondor embassy were killed in the blast in Edoras on Monday.", "killed"),
    # transports that are acts
    ("Gondor deported the Rohan envoy to Edoras on Monday.", "deported"),
    ("The Gondor minister flew to Edoras for talks with the king of Rohan.", "flew"),
    # regarding by a named judge, describing another thing
    ("The ministry of Gondor described the attack on its embassy as brutal.", "described"),
    # a court's ruling, a committee hearing an ambassador
    ("The Supreme Court of Gondor ruled against the government on Friday.", "ruled"),
    # an act with a named or recent time
    ("The Gondor minister has criticized the treaty in the past week.", "criticized"),
    ("The Gondor foreign minister criticized the treaty on Monday.", "criticized"),
])
def test_the_act_stays(code, text, trigger):
    assert _on(code(text), trigger), code(text)


def test_the_rules_are_registered():
    from newsevents.coding.stages import ORDER, rules, triggers  # noqa: F401  (registers the rules)

    names = {r.name for r in rules("veto")}
    assert {"regarded-as", "self-description", "court-hearing"} <= names <= set(ORDER["veto"][1])
