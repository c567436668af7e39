"""``Discourse`` (issue 18, item 7): adding an actor costs the same however many the document
has named, and the order it keeps is the one ``list.remove`` + ``append`` kept."""
from __future__ import annotations

import random

from newsevents.resolve.actors import Discourse, Entity


class _ListDiscourse:
    """The former implementation: a list, ``remove`` of the first equal actor, ``append``."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []

    def add(self, ent: Entity) -> None:
        try:
            self.entities.remove(ent)
        except ValueError:
            pass
        self.entities.append(ent)


def _entity(i: int, sentence: int = 0) -> Entity:
    return Entity(f"Actor {i}", "USA", "GOV", "USAGOV", heads={f"a{i}"}, position=(sentence, i),
                  span=(f"Actor {i}", 0, 7))


def test_adding_actors_compares_each_with_a_bounded_number_of_others(monkeypatch):
    calls = 0
    eq = Entity.__eq__

    def counting(self, other):
        nonlocal calls
        calls += 1
        return eq(self, other)

    monkeypatch.setattr(Entity, "__eq__", counting)
    for n in (1_000, 4_000):
        calls = 0
        d = Discourse()
        for i in range(n):
            d.add(_entity(i))
        # the list compared the i-th actor with the i-1 before it: n²/2 calls (8 M for 4,000)
        assert calls <= 2 * n, (n, calls)


def test_the_order_is_the_one_the_list_kept():
    rng = random.Random(18)
    for _ in range(200):
        new, old = Discourse(), _ListDiscourse()
        pool: list[Entity] = []
        for step in range(60):
            r = rng.random()
            if pool and r < 0.4:  # an actor named again: updated in place, then added (``_remember``)
                ent = rng.choice(pool)
                ent.position = (step // 5, rng.randrange(6))
                ent.subject = rng.random() < 0.5
            elif pool and r < 0.55:  # a fresh actor equal to one already there
                twin = rng.choice(pool)
                ent = Entity(twin.name, twin.country, twin.sector, twin.code, heads=set(twin.heads),
                             position=twin.position, span=twin.span, subject=twin.subject, sentence=twin.sentence)
                pool.append(ent)
            else:
                ent = _entity(rng.randrange(6), step // 5)
                pool.append(ent)
            new.add(ent)
            old.add(ent)
            assert [id(e) for e in new.entities] == [id(e) for e in old.entities]


def test_find_returns_the_newest_match():
    d = Discourse()
    a, b, c = _entity(1), _entity(2), _entity(3)
    for e in (a, b, c):
        d.add(e)
    d.add(a)  # named again: now the newest
    assert d.find(lambda e: e.country == "USA") is a
    assert d.find(lambda e: e.name == "Actor 2") is b
    assert d.find(lambda e: e.name == "nobody") is None


def test_by_head_and_by_surname_answer_as_find_does():
    rng = random.Random(7)
    words = ["minister", "army", "group", "he", "they", "leader"]
    names = ["John Smith", "Ann Smith", "Li Wei", "Wei", None, "Omar  Ali "]
    for _ in range(100):
        d = Discourse()
        pool: list[Entity] = []
        for step in range(50):
            if pool and rng.random() < 0.4:  # named again: a head more, then added (``_remember``)
                ent = rng.choice(pool)
                ent.heads.add(rng.choice(words))
                ent.position = (step, 0)
            else:
                ent = Entity(rng.choice(names), "USA", None, "USA", heads={rng.choice(words)},
                             person=rng.random() < 0.5, position=(step, 0))
                pool.append(ent)
            d.add(ent)
            for w in words:
                assert d.by_head(w) is d.find(lambda e, w=w: w in e.heads)
                assert d.by_head(w, "army") is d.find(lambda e, w=w: w in e.heads or "army" in e.heads)
            for last in ("smith", "Wei", "ali", "nobody"):
                want = d.find(lambda e, last=last: e.person and e.name is not None
                              and e.name.lower().split()[-1] == last.lower())
                assert d.by_surname(["Mr", last]) is want
