"""The CAMEO/PLOVER class table (ontology/cameo_classes.tsv) and its users."""
from __future__ import annotations

import pytest

from newsevents.ontology import classes, plover


def test_violent_roots_are_18_to_20():
    assert classes.codes("violent") == ("18", "19", "20")


def test_every_class_member_is_a_cameo_code_or_plover_type():
    types = set(plover.plover_types())
    for name in classes.names():
        if name == "plover-root":  # (also the gold's older type names: FIGHT, DISAPPROVE)
            assert types <= set(classes.mapping(name)), sorted(types - set(classes.mapping(name)))
            continue
        for member in classes.codes(name):
            key, _, value = member.partition("=")
            assert key.isdigit() or key in types, (name, member)
            assert not value or value.isdigit(), (name, member)


def test_penta_maps_each_root_once():
    penta = classes.mapping("penta")
    assert sorted(penta) == [f"{r:02d}" for r in range(1, 21)]
    assert {penta["01"], penta["04"], penta["07"], penta["11"], penta["19"]} == {"0", "1", "2", "3", "4"}


def test_unknown_class_names_the_table():
    with pytest.raises(KeyError, match="cameo_classes.tsv"):
        classes.codes("peaceful")


def test_a_set_is_no_mapping():
    with pytest.raises(KeyError, match="no mapping"):
        classes.mapping("violent")


def test_users_take_their_classes_from_the_table():
    from newsevents.evaluate.pentaclass import cameo_class
    from newsevents.learn import labels
    from newsevents.store.rollups import COOPERATION
    from newsevents.training.data import PLOVER_ROOT

    assert COOPERATION == frozenset(classes.codes("cooperation"))
    assert PLOVER_ROOT["FIGHT"] == "19" and PLOVER_ROOT["RETREAT"] == "08"
    assert labels.penta_of_code("190") == 4 and labels.penta_of_root(16) == 4
    assert cameo_class("161") == "4" and cameo_class("21") is None
    with pytest.raises(ValueError):
        labels.penta_of_root(21)
    assert labels.FINE[8] == "084" and len(labels.FINE) == 21
