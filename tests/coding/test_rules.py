"""The rules split out of the clause, frame, verb and actor code, one sentence each.

Every rule registered in an ordered list (``_REFERRING_RULES``, ``_FRAME_RULES``,
``_SUBJECT_FINDERS``, ``_REFRAMERS``, ``_ELEMENT_MATCHERS``) says in its docstring what it
does with a quoted example; the clause and frame readers are checked on small sentences
parsed by the real model, and ``reframe`` on the CAMEO codes it maps.
"""
from __future__ import annotations

import pytest

from newsevents.coding import clauses, framing, verbs
from newsevents.resolve import actors

REGISTRIES = {
    "actors._REFERRING_RULES": list(actors._REFERRING_RULES),
    "framing._FRAME_RULES": list(framing._FRAME_RULES),
    "clauses._SUBJECT_FINDERS": list(clauses._SUBJECT_FINDERS),
    "framing._REFRAMERS": list(framing._REFRAMERS.values()),
    "verbs._ELEMENT_MATCHERS": list(verbs._ELEMENT_MATCHERS.values()),
}


@pytest.mark.parametrize("registry", sorted(REGISTRIES))
def test_each_registered_rule_quotes_its_example(registry):
    rules = REGISTRIES[registry]
    assert rules and len({r.__name__ for r in rules}) == len(rules)
    bare = [r.__name__ for r in rules if '"' not in (r.__doc__ or "")]
    assert not bare, f"{registry}: {bare} have no quoted example in their docstring"


@pytest.fixture(scope="module")
def token(coder):
    def _token(text: str, word: str):
        return next(t for t in coder.nlp(text) if t.text == word)
    return _token


@pytest.mark.slow
@pytest.mark.parametrize("text, word, kind, frame", [
    ("Iran refused to release the sailors.", "release", "refusal", "refused"),
    ("Israel threatened to attack Hamas.", "attack", "threat", "threatened"),
    ("The army prepared to resume shelling.", "resume", "posture", "prepared"),
    ("Turkey is considering sending troops to Syria.", "sending", "option", "considering"),
    ("Russia said Sudan must return the ship.", "return", "demand", "said"),
    ("Iran urged Britain to release the sailors.", "release", "appeal", "urged"),
    ("The government decided to ease sanctions.", "ease", "decision", "decided"),
    ("China will send aid to Nepal.", "send", "intent", "send"),
])
def test_frame_of(token, text, word, kind, frame):
    found = framing.frame_of(token(text, word))
    assert found is not None and (found[0], found[1].text) == (kind, frame)


@pytest.mark.slow
def test_an_unframed_act_has_no_frame(token):
    assert framing.frame_of(token("Iran attacked the ship.", "attacked")) is None


@pytest.mark.slow
@pytest.mark.parametrize("text, word, subject, own", [
    ("The rebels were reported to have seized the town.", "seized", "rebels", False),  # a raising passive
    ("Refugees were given shelter by Turkey.", "given", "Turkey", True),  # the by-phrase
    ("Iran urged Britain to release the sailors.", "release", "Britain", False),  # the one urged
    ("Russia met Iran and signed a deal.", "signed", "Russia", False),  # a coordinated verb's
    ("USAID had announced new aid.", "announced", "USAID", True),  # an acronym tagged as an adverb
])
def test_subject_of(token, text, word, subject, own):
    found, from_clause = clauses.subject_of(token(text, word))
    assert found is not None and (found.text, from_clause) == (subject, own)


@pytest.mark.slow
@pytest.mark.parametrize("text, word, modality", [
    ("Iran plans to meet the envoy.", "meet", "intended"),
    ("Officials said Iran attacked the ship.", "attacked", "reported"),
    ("Iran could attack the ship.", "attack", "hypothetical"),
    ("Iran will attack the ship if talks fail.", "attack", "intended"),
    ("Iran attacked the ship.", "attacked", "asserted"),
])
def test_modality_of(token, text, word, modality):
    assert clauses.modality_of(token(text, word)) == modality


@pytest.mark.parametrize("kind, code, frame_code", [
    ("intent", "042", "036"),  # will visit: intent to meet
    ("intent", "071", "0331"),  # will give aid: a more specific intent
    ("intent", "190", "138"),  # will attack: a threat
    ("refusal", "042", "125"),  # refused to visit
    ("refusal", "120", None),  # a rejection refused is left alone
    ("threat", "163", "1312"),
    ("appeal", "081", "025"),  # urged to ease sanctions: the demand 105 as an appeal (02 + "5")
    ("demand", "020", None),  # an appeal demanded is left alone
    ("option", "190", "014"),
    ("decision", "081", "081"),
    ("decision", "020", None),
    ("posture", "190", "150"),
    ("protest", "190", None),
    ("no-intent", "190", None),  # "will not attack" is no refusal
    ("intent", "99999", None),  # not a CAMEO code
])
def test_reframe(kind, code, frame_code):
    assert framing.reframe(kind, code) == frame_code
