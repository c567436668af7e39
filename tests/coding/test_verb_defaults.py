"""Verbs whose dictionary default is not the political act (tools/verbs_corrections.txt):
running something, studying, needing, countering a problem, endangering a state of affairs
are no events; what they run or counter still codes through the patterns."""
from __future__ import annotations

import pytest


def _codes(code, text: str, trigger: str) -> list[str]:
    return [e["cameo"] for e in code(text) if e["trigger"]["text"] == trigger]


@pytest.mark.parametrize("text, trigger", [
    ("The Rohan People's Party controlled the assembly for a decade.", "controlled"),
    ("Eowyn Hald heads the Rohan Green Alliance.", "heads"),
    ("The Gondorian ministry manages the refugee program in cooperation with aid groups.", "manages"),
    ("Researchers from Minas Tirith conducted a survey of voters in Edoras.", "conducted"),
    ("The clinic in Edoras administered 5,000 vaccine doses within a week.", "administered"),
    ("More than 900 Gondorian students studied at universities in Rohan last year.", "studied"),
    ("Rohan needs more doctors and nurses, the health minister of Rohan said.", "needs"),
    ("A simple majority of the Gondor assembly is needed to remove the governor.", "needed"),
    ("Gondor will work with Rohan to counter illegal narcotics trafficking.", "counter"),
    ("The Haradrim militants continue to threaten the security and stability of Gondor.", "threaten"),
])
def test_a_verb_whose_default_is_no_act_codes_nothing(code, text, trigger):
    assert not _codes(code, text, trigger), code(text)


@pytest.mark.parametrize("text, trigger, cameo", [
    ("The Gondorian army conducted airstrikes against Haradrim positions near Pelargir.", "conducted", "195"),
    ("The Gondorian minister led a delegation to Edoras.", "led", "036"),
    ("The Gondorian and Rohan ministers explored new opportunities for trade.", "explored", "014"),
    ("The Gondorian government needs $50 million for flood relief.", "needs", "0231"),
    ("The governor of Gondor countered claims about his health on Monday.", "countered", "110"),
    ("Haradrim rebels threatened journalists in Pelargir with death.", "threatened", "130"),
])
def test_what_the_verb_acts_on_still_codes(code, text, trigger, cameo):
    found = _codes(code, text, trigger)
    assert found and all(c == cameo for c in found), code(text)


def test_a_meeting_conducted_is_a_meeting(code):
    found = _codes(code, "The Rohan delegation will conduct a series of meetings with the Gondorian foreign minister.",
                   "conduct")
    assert found and all(c[:2] == "03" or c[:2] == "04" for c in found)


def test_sympathy_that_goes_out_is_no_travel(code):
    found = _codes(code, "The Rohan foreign minister said his thoughts and prayers go to the people of Gondor.", "go")
    assert all(c == "018" for c in found)


def test_going_to_is_the_future_no_travel(code):
    assert not _codes(code, "We are going to talk about trade with Rohan today, the Gondorian minister said.", "going")
    found = _codes(code, "The Gondorian prime minister went to Edoras for talks with the Rohan king.", "went")
    assert found


@pytest.mark.parametrize("text, trigger, cameo", [
    ("The Rohan king said he looked forward to welcoming the Gondorian steward to Edoras.", "welcoming", "036"),
    ("The Rohan government looks forward to cooperating with Gondor on trade.", "cooperating", "032"),
])
def test_what_one_looks_forward_to_doing_is_intended(code, text, trigger, cameo):
    found = _codes(code, text, trigger)
    assert found and all(c == cameo for c in found), code(text)


@pytest.mark.parametrize("text, trigger", [
    ("After the war, Hald attended Edoras University, receiving a law degree.", "attended"),
    ("As July came to a close, the Rohan Greens led the Gondor Party in the polls.", "came"),
    ("The scandal came to light when a Gondorian newspaper published the letters.", "came"),
])
def test_schooling_and_idioms_of_coming_are_no_meetings(code, text, trigger):
    assert not _codes(code, text, trigger), code(text)


@pytest.mark.parametrize("text, trigger, cameo", [
    ("The Rohan foreign minister attended the Gondor Foreign Ministerial in Minas Tirith.", "attended", "042"),
    ("Three former Rohan kings attended the funeral.", "attended", "017"),
    ("Gondor came to the aid of the young kingdom of Rohan.", "came", "070"),
])
def test_what_is_attended_or_come_to_still_codes(code, text, trigger, cameo):
    found = _codes(code, text, trigger)
    assert found and cameo in found, code(text)
