"""The actor matcher's fast paths (phrase beginnings, remembered piece bases) change no match."""
from __future__ import annotations

import random

from newsevents.resolve.dictionary import STEM_ENDINGS, ActorDictionary


class _Plain(ActorDictionary):
    """The matcher without its fast paths: every length tried, every ending tested."""

    def _longest_at(self, pieces, i, limit):
        return limit

    def _last_candidates(self, prefix, piece):
        exact, stem = self._exact, self._stem
        key = prefix + piece
        eid = exact.get(key)
        if eid is None:
            eid = stem.get(key)
        if eid is not None:
            return eid
        if len(piece) > 3 and piece.endswith("s"):
            for base in (piece[:-1], piece[:-2] if piece.endswith("es") else None,
                         piece[:-3] + "y" if piece.endswith("ies") else None):
                if base:
                    eid = exact.get(prefix + base)
                    if eid is not None:
                        return eid
        if piece.endswith("ies"):
            eid = stem.get(prefix + piece[:-3] + "y")
            if eid is not None:
                return eid
        best = None
        for ending in STEM_ENDINGS:
            if len(piece) - len(ending) >= 2 and piece.endswith(ending):
                eid = stem.get(prefix + piece[: -len(ending)])
                if eid is not None and (best is None or len(ending) < best[0]):
                    best = (len(ending), eid)
        return best[1] if best else None


def _phrases(d: ActorDictionary, rng: random.Random, n: int) -> list[list[str]]:
    keys = sorted(d._exact) + sorted(d._stem)
    fillers = ["the", "of", "said", "and", "Russia's", "officials", "U.N.", "Secretary-General", "in", "party"]
    out = []
    for _ in range(n):
        words: list[str] = []
        for _ in range(rng.randint(1, 4)):
            key = rng.choice(keys).split()
            if rng.random() < 0.3:
                key = key[: rng.randint(1, len(key))]  # a beginning only
            last = key[-1] + rng.choice(["", "", "s", "es", "ies", "ian", "ians", "'s", "n", "ese"])
            words += [w.title() if rng.random() < 0.6 else w for w in key[:-1] + [last]]
            if rng.random() < 0.5:
                words.append(rng.choice(fillers))
        out.append(words)
    return out


def test_matches_equal_the_plain_matcher():
    fast = ActorDictionary.default()
    plain = _Plain()
    plain.__dict__.update(fast.__dict__)
    plain._codes_cache = {}
    plain._span_memo = {}  # (its own remembered phrases: else it would read the fast one's)
    rng = random.Random(5)
    for words in _phrases(fast, rng, 4000):
        for date in (None, "2021-02-05", "1995-06-01"):
            assert fast.match(words, date) == plain.match(words, date), (words, date)


def test_remembered_phrases_take_each_date_and_casing_their_own_code(tmp_path):
    table = tmp_path / "t.tsv"
    table.write_text("# t\naragorn\tAragorn\tGONGOV:20000101-20101231|GONELI\tt\n"
                     "gondor\tGondor\tGON\tt\n", encoding="utf-8")
    d = ActorDictionary.from_tables([table])
    words = ["King", "Aragorn", "of", "Gondor"]
    for _ in range(2):  # (the second time from the remembered phrases)
        assert [m.code for m in d.match(words, "2005-01-01")] == ["GONGOV", "GON"]
        assert [m.code for m in d.match(words, "2015-01-01")] == ["GONELI", "GON"]
        assert [m.code for m in d.match(["gondor"], None, True)] == []  # (a small-letter actor in cased text)
        assert [m.code for m in d.match(["gondor"], None, False)] == ["GON"]


def test_remembered_phrases_equal_a_fresh_match():
    """Phrases remembered from one date's match give another date's the codes a fresh match would."""
    fast = ActorDictionary.default()
    fresh = ActorDictionary()
    fresh.__dict__.update(fast.__dict__)
    rng = random.Random(11)
    for words in _phrases(fast, rng, 1500):
        for date in (None, "2021-02-05", "1995-06-01"):
            fresh._span_memo = {}
            assert fast.match(words, date) == fresh.match(words, date), (words, date)
