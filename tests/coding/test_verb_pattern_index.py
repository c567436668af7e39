"""The verb matcher's pattern index lets through every pattern the words do not rule out, in order."""
from __future__ import annotations

import random

from newsevents.coding.verbs import VerbDictionary, _PatternIndex


def _words(vd: VerbDictionary) -> list[str]:
    out: set[str] = set()
    for block in vd.blocks.values():
        for pat in block["patterns"]:
            for side in vd._requirements(pat):
                out.update(w for need in side for words in need for w in words)
    return sorted(out) + ["SAID", "THE", "OF", "MINISTER"]


def test_index_keeps_every_possible_pattern_in_order():
    vd = VerbDictionary.default()
    words = _words(vd)
    rng = random.Random(7)
    seen = 0
    for name, block in sorted(vd.blocks.items()):
        index = _PatternIndex(block["patterns"], vd._requirements)
        for _ in range(30):
            keys = []
            for _side in range(2):
                exact = set(rng.sample(words, rng.randint(0, 40)))
                keys.append((exact, exact | set(rng.sample(words, rng.randint(0, 40)))))
            for pat in rng.sample(block["patterns"], min(3, len(block["patterns"]))):  # words some patterns need
                for side, req in enumerate(vd._requirements(pat)):
                    for need_exact, need_stem in req:
                        choices = sorted([(True, w) for w in need_exact] + [(False, w) for w in need_stem])
                        if choices:  # (a synonym set with no members can never be met)
                            is_exact, word = rng.choice(choices)
                            (keys[side][0] if is_exact else keys[side][1]).add(word)
                            keys[side][1].add(word)
            keys = tuple(keys)
            possible = [p for p in block["patterns"]
                        if VerbDictionary._possible(vd._requirements(p)[0], keys[0])
                        and VerbDictionary._possible(vd._requirements(p)[1], keys[1])]
            got = index.candidates(keys)
            assert [id(p) for p in got] == sorted((id(p) for p in got), key=[id(q) for q in block["patterns"]].index)
            assert {id(p) for p in possible} <= {id(p) for p in got}, name
            seen += len(possible)
    assert seen > 1000  # the test did look at patterns that can match


SENTENCES = [
    "Russia condemned the missile attack on Kyiv on Monday.",
    "The minister met with his French counterpart to discuss a ceasefire.",
    "Rebels attacked an army base and killed three soldiers near the border.",
    "The government accused the opposition of plotting a coup.",
    "China agreed to provide humanitarian aid to the flood victims.",
    "Police arrested dozens of protesters who rallied outside parliament.",
    "The United States imposed new sanctions on Iranian oil exports.",
    "Iraq asked the United Nations to send peacekeepers to the region.",
    "Leaders pledged to cooperate on energy and promised economic support.",
    "The militia threatened to seize the capital unless talks resumed.",
    "The two sides signed a peace agreement and released prisoners.",
    "Turkey rejected the proposal and warned against further military action.",
]


def test_quick_test_rejects_no_pattern_that_matches(coder):
    """A pattern ``_possible`` rules out would not have matched (checked by matching it anyway)."""
    vd = coder.coder.verbs
    from newsevents.coding.verbs import _post_scope

    tried = 0
    for doc in coder.nlp.pipe(SENTENCES):
        for verb in doc:
            entries = vd.verbs.get(verb.lemma_.lower()) or vd.verbs.get(verb.lower_) or []
            if not entries:
                continue
            vd._prepare(doc)
            pre = {t.i for t in verb.subtree if t.i < verb.i}
            post = _post_scope(verb, ())
            keys = (vd._keys(pre), vd._keys(post))
            for block in {e["block"] for e in entries}:
                for pat in vd.blocks[block]["patterns"]:
                    full = vd._match_pattern(pat, pre, post, doc)
                    if full is not None:
                        tried += 1
                        assert vd._match_pattern(pat, pre, post, doc, keys) == full, (verb.text, pat)
    assert tried >= 5
