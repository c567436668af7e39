"""The coder's English word classes (lang/en/words/*.txt) and that events.py spells none of them."""
from __future__ import annotations

import ast
from pathlib import Path

from newsevents.lang import classes, words

CODER = ("enabling_verbs", "continuation_verbs", "purpose_vehicle_verbs", "opinion_nouns", "donor_nouns",
         "return_verbs", "attribution_verbs", "modal_passive_verbs", "freeing_verbs", "mission_nouns",
         "travel_verbs", "instrument_verbs", "bare_group_nouns", "force_nouns", "purpose_nouns", "weapon_nouns",
         "pessimistic_adjectives", "optimistic_adjectives", "act_carrier_verbs", "light_verbs", "claim_verbs")
EVENTS = Path(__file__).resolve().parents[2] / "src" / "newsevents" / "coding"


def test_the_coders_classes_are_there_and_lower_case():
    assert set(CODER) <= set(classes())
    for name in CODER:
        ws = words(name)
        assert ws and all(w == w.lower().strip() for w in ws), name


def test_a_class_holds_what_its_name_says():
    assert {"bomb", "drone", "ambush"} <= words("weapon_nouns")
    assert "arrive" in words("travel_verbs") and "arrive" not in words("light_verbs")
    assert not words("pessimistic_adjectives") & words("optimistic_adjectives")


def _word_sets(path: Path) -> list[tuple[int, set[str]]]:
    """Set and tuple literals of three or more strings in a module, with their line."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.Set, ast.Tuple)) and len(node.elts) >= 3 and all(
                isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
            out.append((node.lineno, {e.value for e in node.elts}))  # type: ignore[attr-defined]
    return out


def test_the_coder_spells_no_class_again():
    """No literal word set in events.py or the stages repeats most of a coder class."""
    paths = [EVENTS / "events.py", *sorted((EVENTS / "stages").glob("*.py"))]
    for path in paths:
        for line, found in _word_sets(path):
            for name in CODER:
                ws = words(name)
                assert len(found & ws) < max(3, len(ws) // 2), f"{path.name}:{line} spells {name}"
