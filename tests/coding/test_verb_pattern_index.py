"""The verb matcher's pattern index lets through every pattern the words do not rule out, in order."""
from __future__ import annotations

import random

from newsevents.coding.verbs import VerbDictionary, _PatternIndex


def _words(vd: VerbDictionary) -> list[str]:
    out: set[str] = set()
    for block in vd.blocks.values():
        for pat in block["patterns"]:
            for side in VerbDictionary._requirements(pat):
                out.update(w for alts in side for _, w in alts)
    return sorted(out) + ["SAID", "THE", "OF", "MINISTER"]


def test_index_keeps_every_possible_pattern_in_order():
    vd = VerbDictionary.default()
    words = _words(vd)
    rng = random.Random(7)
    seen = 0
    for name, block in sorted(vd.blocks.items()):
        index = _PatternIndex(block["patterns"])
        for _ in range(30):
            keys = []
            for _side in range(2):
                exact = set(rng.sample(words, rng.randint(0, 40)))
                keys.append((exact, exact | set(rng.sample(words, rng.randint(0, 40)))))
            for pat in rng.sample(block["patterns"], min(3, len(block["patterns"]))):  # words some patterns need
                for side, req in enumerate(VerbDictionary._requirements(pat)):
                    for alts in req:
                        is_exact, word = rng.choice(alts)
                        (keys[side][0] if is_exact else keys[side][1]).add(word)
                        keys[side][1].add(word)
            keys = tuple(keys)
            possible = [p for p in block["patterns"]
                        if VerbDictionary._possible(VerbDictionary._requirements(p)[0], keys[0])
                        and VerbDictionary._possible(VerbDictionary._requirements(p)[1], keys[1])]
            got = index.candidates(keys)
            assert [id(p) for p in got] == sorted((id(p) for p in got), key=[id(q) for q in block["patterns"]].index)
            assert {id(p) for p in possible} <= {id(p) for p in got}, name
            seen += len(possible)
    assert seen > 1000  # the test did look at patterns that can match
