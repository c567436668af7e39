"""Actor dictionaries: conversion, loading, matching, dated codes, code splitting."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from newsevents.errors import DictionaryError
from newsevents.resolve.codes import combine_codes
from newsevents.resolve.dictionary import (
    ActorDictionary,
    DictMatch,
    ParseReport,
    combine,
    parse_actor_file,
    select_code,
    split_code,
)

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data"
DICTS = SHARED / "dictionaries"
GOLD = SHARED / "gold" / "petrarch"
needs_shared = pytest.mark.skipif(not DICTS.is_dir(), reason="shared dictionaries not present")


@pytest.fixture(scope="module")
def d() -> ActorDictionary:
    return ActorDictionary.default()


def codes_of(d: ActorDictionary, text: str, date: str | None = None) -> list[tuple[str, str, str]]:
    return [(m.kind, m.entry, m.code) for m in d.match(text.split(), date)]


def one(d: ActorDictionary, text: str, date: str | None = None) -> DictMatch:
    ms = d.match(text.split(), date)
    assert len(ms) == 1, ms
    return ms[0]


# ----------------------------------------------------------------- conversion


def _load_converter():
    spec = importlib.util.spec_from_file_location("convert_dictionaries",
                                                  REPO / "tools" / "convert_dictionaries.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("convert_dictionaries", mod)
    spec.loader.exec_module(mod)
    return mod


@needs_shared
def test_conversion_is_deterministic_and_matches_packaged_tables(tmp_path):
    conv = _load_converter()
    a, b = tmp_path / "a", tmp_path / "b"
    conv.convert(DICTS, a)
    conv.convert(DICTS, b)
    data = REPO / "src" / "newsevents" / "data"
    for name in ("actors.tsv", "agents.tsv", "discards.txt"):
        assert (a / name).read_bytes() == (b / name).read_bytes()
        # the packaged tables are up to date with the converter
        assert (a / name).read_bytes() == (data / name).read_bytes(), name


def test_packaged_tables_have_header_and_four_columns():
    data = REPO / "src" / "newsevents" / "data"
    for name in ("actors.tsv", "agents.tsv", "actors_overlay.tsv"):
        lines = (data / name).read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("#")
        body = [ln for ln in lines if ln and not ln.startswith("#")]
        assert body
        assert all(len(ln.split("\t")) in (4, 5) for ln in body), name
    head = (data / "actors.tsv").read_text(encoding="utf-8")[:2000]
    assert "MIT" in head and "Phoenix" in head


def test_overlay_lines_all_say_why():
    data = REPO / "src" / "newsevents" / "data"
    for ln in (data / "actors_overlay.tsv").read_text(encoding="utf-8").splitlines():
        if ln and not ln.startswith("#"):
            cols = ln.split("\t")
            assert len(cols) == 5 and cols[4].startswith("# ") and len(cols[4]) > 5, ln


# ----------------------------------------------------------------- matching


def test_russian_officials_combine_to_rusgov(d):
    ms = d.match(["Russian", "officials", "said"])
    assert [(m.start, m.end, m.kind, m.code) for m in ms] == [
        (0, 1, "actor", "RUS"), (1, 2, "agent", "~GOV")]
    assert ms[0].entry == "Russia"
    assert combine(ms[0], ms[1:]) == ("RUSGOV", "RUS", "GOV")


def test_hamas_movement(d):
    m = d.match(["the", "Hamas", "Movement"])[0]
    assert m.entry == "Hamas" and (m.start, m.end) == (1, 2)
    assert split_code(m.code) == ("PSE", "REB")


def test_putin_dated_codes(d):
    assert one(d, "Vladimir Putin", "2005-06-01").code == "RUSGOV"
    assert one(d, "Vladimir Putin", "2010-06-01").code == "RUSGOV"  # prime minister
    assert one(d, "Putin", "1995-06-01").code == "RUSELI"  # before office
    assert one(d, "Vladimir Putin").entry == "Vladimir Putin"
    assert one(d, "Vladimir Putin").code == "RUSGOV"  # no date: the open-ended code


def test_medvedev_code_changes_with_date(d):
    assert one(d, "Dmitry Medvedev", "2004-01-01").code == "RUSELI"
    assert one(d, "Dmitry Medvedev", "2009-01-01").code == "RUSGOV"


def test_city_resolves_to_country(d):
    m = one(d, "in Moscow .")
    assert (m.entry, m.code, m.start, m.end) == ("Russia", "RUS", 1, 2)


def test_un_secretary_general_is_igo(d):
    for text in ("UN Secretary-General", "U.N. Secretary - General", "UN Secretary General"):
        m = d.match(text.split())[0]
        assert m.code.startswith("IGOUNO"), text
        assert split_code(m.code) == (None, "IGO")
        assert m.end == len(text.split())
    assert one(d, "the United Nations").entry == "United Nations"


def test_islamic_state_and_daesh(d):
    for text in ("Islamic State", "the Islamic State", "Daesh", "ISIS", "ISIL"):
        m = one(d, text)
        assert m.entry == "Islamic State" and m.code == "IMGMUSISI", text
    assert split_code("IMGMUSISI") == (None, "REB")


def test_palestinian_islamic_jihad_is_pse(d):
    m = one(d, "Palestinian Islamic Jihad")
    assert split_code(m.code) == ("PSE", "REB")
    assert (m.start, m.end) == (0, 3)


def test_overlay_groups(d):
    assert split_code(one(d, "Hezbollah").code) == ("LBN", "REB")
    assert one(d, "Houthis").code == "YEMREB"
    assert one(d, "Nusra Front").code == "SYRREB"
    assert one(d, "Taliban", "2015-01-01").code == "AFGREB"
    assert one(d, "Taliban", "2023-01-01").code == "AFGGOV"
    assert one(d, "SDF").code == "SYRREB"
    assert one(d, "Jewish settlers").code == "ISRCVL"  # not the religion ~JEW, which has no country
    assert one(d, "inhabitants").code == "~CVL"
    assert one(d, "prison guards").code == "~COP" and one(d, "jailers").code == "~COP"  # the state's jailers


def test_plural_and_possessive_forms(d):
    # possessive glued to the word, or split off as spaCy does
    ms = d.match(["Russia's", "foreign", "ministry"])
    assert [(m.start, m.end, m.code) for m in ms] == [(0, 1, "RUS"), (1, 3, "~GOV")]
    ms = d.match(["Russia", "'s", "foreign", "ministry"])
    assert [(m.start, m.end, m.code) for m in ms] == [(0, 1, "RUS"), (2, 4, "~GOV")]
    assert one(d, "the Russians").code == "RUS"
    assert one(d, "Israelis").code == "ISR"
    assert one(d, "authorities").code == "~GOV"
    assert one(d, "official").code == "~GOV"
    assert one(d, "Americans'").code == "USA"


def test_case_insensitive_but_not_common_words(d):
    assert one(d, "RUSSIA").code == "RUS"
    assert one(d, "russian officials".split()[0]).code == "RUS"  # all-lower input
    # in normally cased text an all-lowercase actor word is an ordinary word
    assert [m.entry for m in d.match("He told us that Turkey".split())] == ["Turkey"]


def test_in_cased_text_a_lower_case_word_is_no_acronyms_actor(d):
    """"a plan" is no PLAN (the Chinese navy) in normally cased text, even as a phrase alone."""
    assert [m.code for m in d.match(["a", "plan"], cased=True) if m.kind == "actor"] == []
    assert [m.code for m in d.match(["the", "PLAN"], cased=True) if m.kind == "actor"] == ["CHNMIL"]


def test_longest_match_wins(d):
    ms = d.match("Russian President Vladimir Putin".split(), "2015-01-01")
    assert ms[0].entry == "Vladimir Putin" and (ms[0].start, ms[0].end) == (0, 4)


def test_a_middle_initial_the_dictionary_leaves_out_is_part_of_the_name(d):
    m = one(d, "Antony J. Blinken", "2022-01-01")
    assert m.entry == "Antony Blinken" and (m.start, m.end) == (0, 3)
    ms = d.match("Secretary Antony J. Blinken met Russian President Vladimir Putin".split(), "2022-01-01")
    assert [(m.entry, m.start, m.end) for m in ms if m.kind == "actor"][0] == ("Antony Blinken", 1, 4)
    assert [m.start for m in ms] == sorted(m.start for m in ms)


def test_matches_do_not_overlap_and_are_ordered(d):
    ms = d.match("Israeli troops and Palestinian officials met UN envoys in Cairo".split())
    spans = [(m.start, m.end) for m in ms]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


# ----------------------------------------------------------------- codes


@pytest.mark.parametrize("code, expected", [
    ("RUS", ("RUS", None)),
    ("RUSGOV", ("RUS", "GOV")),
    ("PSEREBHMS", ("PSE", "REB")),
    ("IGOUNO", (None, "IGO")),
    ("IGOUNOKID", (None, "IGO")),
    ("NGO", (None, "NGO")),
    ("NGOUSA", ("USA", "NGO")),
    ("MNCUSA", ("USA", "BUS")),
    ("MEAREB", (None, "REB")),
    ("AFR", (None, None)),
    ("WSB", ("PSE", None)),
    ("GZSGOV", ("PSE", "GOV")),
    ("KSVGOV", ("XKX", "GOV")),
    ("ROMGOV", ("ROU", "GOV")),
    ("USAGOVMIL", ("USA", "GOV")),
    ("ELI", (None, "ELI")),
    ("~GOV", (None, "GOV")),
    ("SYRREBMUS", ("SYR", "REB")),
    ("MOS", (None, "REL")),
    ("", (None, None)),
])
def test_split_code(code, expected):
    assert split_code(code) == expected


def test_combine_codes():
    assert combine_codes("RUS", ["~GOV"]) == "RUSGOV"
    assert combine_codes("RUSGOV", ["~GOV"]) == "RUSGOV"
    assert combine_codes("USA", ["NGO~"]) == "NGOUSA"
    assert combine(None, [DictMatch(0, 1, "agent", "Official", "~GOV")]) == ("GOV", None, "GOV")


def test_select_code_rules():
    codes = (("A", 20000101, 20051231), ("B", 20060101, None), ("C", None, None))
    assert select_code(codes, "2003-01-01") == "A"
    assert select_code(codes, "2010-01-01") == "B"
    assert select_code(codes, "1990-01-01") == "C"
    assert select_code(codes, None) == "B"
    assert select_code((("A", 20000101, 20051231),), "1990-01-01") == "A"  # nearest


# ----------------------------------------------------------------- PETRARCH files


@pytest.fixture(scope="module")
def validate() -> ActorDictionary:
    if not GOLD.is_dir():
        pytest.skip("validation dictionaries not present")
    return ActorDictionary.from_petrarch_files([GOLD / "PETR.Validate.actors.txt"],
                                               [GOLD / "PETR.Validate.agents.txt"])


def test_validate_files_load_and_resolve(validate):
    assert one(validate, "Frodo").code == "HOB"
    assert one(validate, "Gandalf").code == "WIZ"
    assert one(validate, "Minas Tirith").code == "GON"  # synonym line
    assert one(validate, "Hamas").code == "PSEREBHMS"
    m = validate.match("Hamas military command".split())[0]
    assert m.code == "PSEHMSGOV" and m.end == 3
    # dated block with spaces and "<" / ">" forms
    assert one(validate, "Gollum", "1990-01-01").code == "HOB"
    assert one(validate, "Smeagol", "1997-01-01").code == "HOBGOV"
    assert one(validate, "Stinker", "2001-01-01").code == "HOBREB"
    # the earlier-listed range overrides the later one (PETRARCH order)
    assert one(validate, "Sam Gamgee", "2010-01-10").code == "ORCHOB"
    assert one(validate, "Sam Gamgee", "2011-01-10").code == "HOBMIL"
    # agents: substitution sets, {plurals}, prefix codes
    assert one(validate, "congressmen").code == "~LEG"
    assert one(validate, "ministry of silly walks").code == "~GOV"
    assert one(validate, "golden geese").code == "~GGS"
    assert one(validate, "MSF").code == "NGO~"
    ms = validate.match("Israeli troops".split())
    assert [m.code for m in ms] == ["ISRMIL"]  # the actor phrase is longer than the agent


def test_validate_malformed_lines_are_counted_with_file_and_line(validate):
    warnings = validate.report.warnings
    assert validate.report.skipped >= 1
    assert any(w.startswith("PETR.Validate.actors.txt:") and "+++" in w for w in warnings)
    for w in warnings:
        name, line, reason = w.split(":", 2)
        assert name.endswith(".txt") and line.isdigit() and reason


def test_malformed_line_strict_raises(tmp_path):
    f = tmp_path / "bad.actors.txt"
    f.write_text("RUSSIA_ [RUS]\n+MOSCOW_\nBADLAND_ [BAD 19991399]\nGOODLAND_ [GDL]\n",
                 encoding="utf-8")
    report = ParseReport()
    entries = parse_actor_file(f, report)
    assert {e.phrase for e in entries} == {"russia", "moscow", "goodland"}
    assert report.warnings and report.warnings[-1].startswith("bad.actors.txt:3:")
    with pytest.raises(DictionaryError) as exc:
        ActorDictionary.from_petrarch_files([f], [], strict=True)
    assert exc.value.line == 3 and "bad.actors.txt" in str(exc.value)


def test_chained_headers_share_the_following_codes(tmp_path):
    f = tmp_path / "chain.actors.txt"
    f.write_text("BORIS_YELTSIN_\nYELTSIN\n\t[RUSGOV 910710-991231]\n\t[RUSELI]\n\n"
                 "LONELY_NAME_\n\nOTHER_ [OTH]\n", encoding="utf-8")
    d = ActorDictionary.from_petrarch_files([f])
    assert one(d, "Yeltsin", "1995-01-01").code == "RUSGOV"
    assert one(d, "Yeltsin", "1995-01-01").entry == "Boris Yeltsin"
    assert d.match(["Lonely", "Name"]) == []
    assert any("chain.actors.txt:6:" in w for w in d.report.warnings)


def test_malformed_packaged_table_raises(tmp_path):
    bad = tmp_path / "t.tsv"
    bad.write_text("# header\nrussia\tRussia\tRUS\tCountries\nbroken line\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as exc:
        ActorDictionary.from_tables([bad])
    assert exc.value.line == 3


def test_default_is_cached(d):
    assert ActorDictionary.default() is d
    assert len(d) > 30000


@pytest.mark.slow
def test_a_phrase_with_several_codes_stands_for_each_actor(validate, coder):
    from newsevents.resolve.actors import ActorResolver

    doc = coder.nlp("The Shire welcomed the talks.")
    actors = ActorResolver(validate, None).resolve(doc[1])
    assert [a.code for a in actors] == ["FRO", "BIL", "SAM"]
    assert all(a.text == "The Shire" for a in actors)


def test_overlay_leaders_after_2013_have_their_terms(d):
    assert one(d, "Trump", "2018-06-01").code == "USAGOV"
    assert one(d, "Trump", "2022-06-01").code == "USAELI"  # out of office between his terms
    assert one(d, "Joe Biden", "2018-06-01").code == "USAELI"  # (the file left his 2009 term open)
    assert one(d, "Zelenskyy", "2023-01-01").code == "UKRGOV"
    assert one(d, "Guterres", "2020-01-01").code == "IGOUNO"


@pytest.mark.slow
def test_a_role_adjective_gives_the_role_when_no_role_noun_does(validate, coder):
    from newsevents.resolve.actors import ActorResolver

    resolver = ActorResolver(validate, None)
    doc = coder.nlp("The primary official news agency said on Thursday that talks had begun.")
    assert resolver.role_of(list(doc[:5])) == "GOV"  # (OFFICIAL is a role; "news agency" is none here)
    doc = coder.nlp("Official students marched.")
    assert resolver.role_of(list(doc[:2])) == "EDU"  # a role noun comes before a role adjective


@pytest.mark.slow
def test_a_place_coordinated_after_a_heads_place_is_a_second_such_place(validate, coder):
    from newsevents.resolve.actors import ActorResolver

    doc = coder.nlp("Lawmakers in Fornost and Gondor welcomed the talks.")
    assert doc[4].head.i == 0  # (the parse makes Gondor a second subject, beside the lawmakers)
    actors = ActorResolver(validate, "1999-01-01").resolve_conjuncts(doc[0])
    assert [a.code for a in actors] == ["FORLEG", "GONLEG"]


@pytest.mark.slow
def test_a_name_the_dictionary_codes_keeps_its_code_in_a_text_about_elsewhere(validate, coder):
    from newsevents.resolve.actors import ActorResolver

    doc = coder.nlp("The Shire welcomed talks between Minas Tirith and Osgiliath.")
    resolver = ActorResolver(validate, "1999-01-01")
    resolver.resolve_conjuncts(doc[1])  # (the text's actors so far are of the Shire)
    assert [a.code for a in resolver.resolve(doc[6])] == ["GON"]  # not the context's FRO


def test_a_named_acronym_also_stands_alone(d):
    """"Liberation Tigers of Tamil Eelam (LTTE)" in the Phoenix tables: "LTTE" and the bare name too."""
    assert one(d, "LTTE").code == "LKAREB"
    assert one(d, "Liberation Tigers of Tamil Eelam").code == "LKAREB"
    assert not d.match(["north"])  # ("korea (north)" has no acronym)


def test_acronyms_are_made_of_initials_and_are_no_words():
    conv = _load_converter()
    assert conv._initials_of("ltte", "liberation tigers of tamil eelam")
    assert not conv._initials_of("north", "korea")
    assert not conv._initials_of("eta", "basque fatherland and freedom")


def test_an_overlay_line_with_code_minus_takes_a_phrase_out(tmp_path):
    base = tmp_path / "a.tsv"
    base.write_text("# t\ngondor\tGondor\tGON\tt\norganization\tTanzim\tMEAREB\tt\n", encoding="utf-8")
    over = tmp_path / "b.tsv"
    over.write_text("# t\norganization\t(none)\t-\toverlay\t# a wrong synonym\n", encoding="utf-8")
    d = ActorDictionary.from_tables([base, over])
    assert codes_of(d, "the Gondor Trade Organization") == [("actor", "Gondor", "GON")]


def test_a_bare_organization_is_no_militant_group(d):
    assert codes_of(d, "the Food and Agriculture Organization") == [] or all(
        code != "MEAREB" for _, _, code in codes_of(d, "the Food and Agriculture Organization"))
