"""A consultation's topic is no party to it (coding/stages/targets.py, TOPIC_VERBS)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _pairs(code, text: str) -> set[tuple[str | None, str | None]]:
    return {((e["source"] or {}).get("code"), (e["target"] or {}).get("code"))
            for e in code(text, all_modalities=True) if e["cameo"].startswith("04")}


def test_the_country_talked_about_is_no_target(code):
    pairs = _pairs(code, "The Chinese envoy discussed the importance of a joint approach to Peru.")
    assert not any(t and t.startswith("PER") for _, t in pairs), pairs


def test_whom_it_is_discussed_with_still_is(code):
    pairs = _pairs(code, "The German minister discussed Peru with the Polish president on Tuesday.")
    assert ("DEUGOV", "POLGOV") in pairs, pairs


def test_a_with_phrase_hung_on_the_topic_is_still_the_partner(code):
    pairs = _pairs(code, "The Kenyan delegation arrived in Cairo to discuss regional developments with "
                         "Egyptian officials including the water file.")
    assert ("KENGOV", "EGYGOV") in pairs, pairs


def test_a_planned_talk_about_a_country_has_no_target(code):
    events = code("During his stop, the Secretary will discuss support for Peru's efforts to house refugees.",
                  all_modalities=True)
    assert not [e for e in events if e["cameo"] == "036" and e["target"]], events
