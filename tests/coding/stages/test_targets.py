"""Stage target (coding/stages/targets.py): which rule of the cascade finds whom, on real parses."""
from __future__ import annotations

import pytest

from newsevents.coding.stages import targets

pytestmark = pytest.mark.slow


def _targets(clause, text, word):
    c, ctx = clause(text, word)
    found, strong, label = targets.find_targets(c.verb, c.match, c.acted, ctx, c.sources,
                                                threat=c.cand.code[:2] == "13")
    return found, strong, label


@pytest.mark.parametrize("text, word, label, code", [
    ("Putin arrived in Moscow on Monday.", "arrived", "target:place-as-host", "RUS"),
    ("Iran said it is skeptical of the American plan.", "is", "target:mood-about", "USA"),
    ("China warned of the Taliban.", "warned", "target:of-phrase", "AFGREB"),
    ("Hamas threatened to attack if Israel goes ahead.", "attack", "target:threat-condition", "ISR"),
    ("Protesters went on hunger strike to protest the decision of President Macron.", "went", "target:purpose", "FRAGOV"),
    ("The US condemned the attack by Russian soldiers.", "condemned", "target:act-owner", "RUSMIL"),
    ("Chile condemned Peru's attack on the border post.", "condemned", "target:act-owner", "PER"),
    ("The rebels opposed the Turkish withdrawal from the valley.", "opposed", "target:act-owner", "TUR"),
    ("Kenya criticized the decision by Uganda to close the crossing.", "criticized", "target:act-owner", "UGA"),
])
def test_the_rule_that_finds_the_target(clause, text, word, label, code):
    found, _, got = _targets(clause, text, word)
    assert got == label and [a.code for a in found] == [code]


def test_a_thing_attacked_is_kept_uncoded(clause):
    found, strong, label = _targets(clause, "The Taliban attacked the Catumbela air base.", "attacked")
    assert label == "target:thing-attacked" and not strong
    assert [a.text for a in found] == ["the Catumbela air base"]


def test_a_group_given_to_is_kept(clause):
    found, _, label = _targets(clause, "Germany provided assistance to about 550 households.", "provided")
    assert label == "target:group-given-to" and found[0].text.endswith("households")


def test_a_joint_act_takes_the_partner_of_the_verb_before(clause):
    found, _, label = _targets(clause, "The ministers met his Jordanian counterpart and signed a trade deal.", "signed")
    assert label == "target:partner-of-previous-verb" and found[0].country == "JOR"


def test_a_named_phrase_is_strong_a_place_is_not(clause):
    c, ctx = clause("Putin arrived in Moscow on Monday.", "arrived")
    q = targets.query(c.verb, c.match, c.acted, ctx, [a for a in c.sources if a is not None], False)
    assert targets.phrase(q, ctx) is None  # (a place is no actor the verb's phrase names outright)
    found = targets.place_as_host(q, ctx)
    assert found is not None and found[1] is False and found[0][0].code == "RUS"


def test_no_rule_no_target(clause):
    found, strong, label = _targets(clause, "Israeli and Palestinian negotiators met in Cairo.", "met")
    assert (found, strong, label) == ([], False, None)


@pytest.mark.parametrize("text, target", [
    ("A total of 649 individuals were arrested for various offences.", "A total of 649 individuals"),
    ("A group of 40 individuals was detained in the capital.", "A group of 40 individuals"),
])
def test_people_no_dictionary_knows_are_the_target_of_an_arrest(coder, text, target):
    from newsevents.models import Article

    events = [e for e in coder.code_article(Article(id="t", text=text, published="2021-02-05"))
              if e.cameo.startswith("17")]
    assert events and events[0].target.text == target and "target:people-acted-on" in events[0].trace


@pytest.mark.parametrize("text, word, code", [
    ("The envoy spoke with Egyptian Foreign Minister Sameh Nour to discuss Gondor's economic recovery.", "discuss", "EGYGOV"),
    ("The minister will meet Iraqi officials to discuss Syria's reconstruction.", "discuss", "IRQGOV"),
])
def test_what_one_meets_someone_to_do_is_done_with_them(clause, text, word, code):
    found, _, label = _targets(clause, text, word)
    assert label == "target:partner-of-governing-verb" and [a.code for a in found] == [code]


def test_what_an_act_is_about_is_not_its_doer(clause):
    """"sanctioned Chile over Peru's crackdown" is aimed at Chile, not at the crackdown's doer."""
    found, _, label = _targets(clause, "Brazil sanctioned Chile over Peru's crackdown.", "sanctioned")
    assert label != "target:act-owner" and [a.code for a in found] == ["CHL"]


def test_the_topic_of_a_talk_is_no_one_spoken_with(clause):
    found, _, label = _targets(clause, "The minister spoke today with his counterpart to discuss the fighting in "
                                       "northern Ethiopia.", "spoke")
    assert not any(a.country == "ETH" for a in found), (found, label)


def test_a_possessor_in_the_object_is_no_person_acted_on(clause):
    found, _, label = _targets(clause, "The senator stressed Mayor Jones's support for the new stadium.", "stressed")
    assert label != "target:person-acted-on" or all("support" not in a.text for a in found), (found, label)


@pytest.mark.parametrize("text, word, words", [
    ("Chile condemned Peru's attack on the border post.", "condemned", "Peru"),  # (an event of its own)
    ("Kenya criticized Uganda's decision of closing the border.", "criticized", "Uganda's decision"),
    ("The council condemned Syria's violations of human rights.", "condemned", "Syria's violations of human rights"),
])
def test_the_doers_act_keeps_its_own_words(clause, text, word, words):
    """The doer's code, the act's words (as gold marks them): up to what the act does; only the
    doer's for an act the noun coder codes as an event of its own (the attack)."""
    found, _, label = _targets(clause, text, word)
    assert label == "target:act-owner" and [a.text for a in found] == [words], (found, label)


def test_no_target_inside_the_sources_words(clause):
    found, _, _ = _targets(clause, "The Office of Special Counsel opened investigations against the firms.", "opened")
    assert not any(a.text == "Special Counsel" for a in found), found


def test_an_attack_condemned_is_still_an_event(code):
    evs = code("Chile condemned Peru's attack on the border post on Monday.")
    assert any(e["cameo"].startswith("19") and (e["source"] or {}).get("code") == "PER" for e in evs), evs


@pytest.mark.parametrize("text, word, codes", [
    # (the source's own commitment is no party; the one it is to is)
    ("Japan's foreign minister reaffirmed Japan's commitment to Kenya.", "reaffirmed", ["KEN"]),
    ("The Japanese envoy emphasized continued Japanese support.", "emphasized", []),
    # (a headline's capitals make the head a name)
    ("Japanese Foreign Ministry Affirms Japanese Commitment to Accountability", "Affirms", []),
    # (another country's commitment is still that country's)
    ("The minister welcomed Kenya's commitment to reform.", "welcomed", ["KEN"]),
])
def test_the_sources_own_stance_is_no_target(clause, text, word, codes):
    found, _, _ = _targets(clause, text, word)
    assert [a.code for a in found] == codes


def test_an_uncoded_thing_is_no_target_but_a_thing_attacked_is(clause):
    found, _, label = _targets(clause, "South Korea committed to impose other financial and export controls.", "impose")
    assert (found, label) == ([], None)
    found, _, _ = _targets(clause, "Rebels shelled the power plant.", "shelled")
    assert [a.text for a in found] == ["the power plant"]


@pytest.mark.parametrize("text, word, codes", [
    # (a country or town travelled to or visited is where; who is visited is its state's government)
    ("The British foreign minister visited Ireland on Tuesday.", "visited", ["IRLGOV"]),
    ("The Canadian envoy will travel to Amman, Jordan and Lima, Peru next week.", "travel", ["JORGOV", "PERGOV"]),
    ("The Canadian envoy will visit Chile and Peru in May.", "visit", ["CHLGOV", "PERGOV"]),
    # (not a trip at home, nor a place an act other than a visit is done in)
    ("Vladimir Putin arrived in Moscow on Monday.", "arrived", ["RUS"]),
    ("More than a million American citizens visited Costa Rica last year.", "visited", ["CRI"]),
    # (only where the trip goes: not a country named elsewhere in the sentence)
    ("The Canadian envoy arrived in Lima after talks about Russia.", "arrived", ["PERGOV"]),
    ("The Canadian envoy returned on Monday from travel to Peru and Chile.", "returned", ["PERGOV", "CHLGOV"]),
])
def test_a_place_visited_is_its_government(clause, text, word, codes):
    found, _, _ = _targets(clause, text, word)
    assert [a.code for a in found] == codes


@pytest.mark.parametrize("text, word, code", [
    # (regret, praise or rejection of what a that-clause says is aimed at whom its subject names)
    ("The United States regrets that restrictions imposed by Russian authorities will prevent "
     "observers from monitoring the elections.", "regrets", "RUSGOV"),
    ("Canada welcomed that Peru has released the journalists.", "welcomed", "PER"),
    ("The French parliament will investigate whether the Italian government misused the funds.", "investigate", "ITAGOV"),
])
def test_the_one_a_that_clause_names_is_the_target(clause, text, word, code):
    found, _, label = _targets(clause, text, word)
    assert label == "target:that-clause" and [a.code for a in found] == [code]


def test_an_issue_is_no_party_whoever_it_names(clause):
    found, _, _ = _targets(clause, "The senator proposed a plan on the issue of reforming the Canadian Senate.", "proposed")
    assert found == []
    found, _, _ = _targets(clause, "The US envoy encouraged progress on Uzbekistan's reform agenda.", "encouraged")
    assert [a.code for a in found] == ["UZB"]  # (one's own agenda names them)


def test_a_law_is_no_target_the_people_it_is_imposed_on_are(clause):
    found, _, label = _targets(clause, "The State Department imposed visa restrictions under the Immigration "
                                       "and Nationality Act on 48 individuals.", "imposed")
    assert label == "target:people-acted-on" and [a.text for a in found] == ["48 individuals"]


@pytest.mark.parametrize("text, word", [
    # (no "that": the parse may have hung anything there; nor the sources' own country)
    ("Trump claimed the documents were subject to executive privilege.", "claimed"),
    ("The US envoy affirmed that the United States looks forward to partnering with the UN.", "affirmed"),
    # (a word of a law's name is no one: "Nationality")
    ("The Department is announcing a new visa policy pursuant to Section 212 of the Immigration and "
     "Nationality Act.", "announcing"),
])
def test_no_target_from_a_clause_or_a_name_that_names_no_party(clause, text, word):
    found, _, _ = _targets(clause, text, word)
    assert found == []


@pytest.mark.parametrize("text, word", [
    # (a region or a place no country codes is only where it happened, no one acted on)
    ("The United States has invested in vaccine production in Africa.", "invested"),
    ("The suit was filed in Yellowstone County.", "filed"),
])
def test_a_place_with_no_country_is_no_host(clause, text, word):
    found, _, label = _targets(clause, text, word)
    assert label != "target:place-as-host"


# -- issue #20, seventh sample: protests at institutions, the accused, people located by a place,
# one's own party on a trip (made-up sentences)

@pytest.mark.parametrize("text, word, code", [
    ("Hundreds of demonstrators rallied outside the parliament in Nairobi on Monday.", "rallied", "KENLEG"),
    ("Students rallied in front of the Ministry of Education in Santiago.", "rallied", "GOV"),
    ("Protesters gathered outside the US embassy in Baghdad.", "gathered", "USAGOV"),
])
def test_a_protest_at_an_institution_has_it_as_target(clause, text, word, code):
    found, _, label = _targets(clause, text, word)
    assert label == "target:protest-site" and [a.code[-len(code):] for a in found] == [code]


def test_a_protest_told_under_a_crowd_surrounding_a_seat_is_aimed_at_it(clause):
    found, _, label = _targets(clause, "Thousands of protesters surrounded the police headquarters in Lagos, "
                                       "chanting slogans.", "chanting")
    assert label == "target:protest-site" and [a.code for a in found] == ["NGACOP"]
    assert found[0].text.startswith("the police headquarters")  # (the seat, not the city)


def test_a_protest_in_a_place_has_no_target(clause):
    found, _, label = _targets(clause, "Thousands of protesters gathered in Accra on Monday.", "gathered")
    assert label is None and found == []


def test_the_accused_is_the_target_of_a_charge_of_the_prosecutors_country(clause):
    found, _, label = _targets(clause, "Prosecutors in Texas charged the suspect with murder on Sunday.", "charged")
    assert label == "target:person-acted-on" and [(a.code, a.text) for a in found] == [("USACRM", "the suspect")]


def test_the_accused_arrested_by_police(clause):
    found, _, _ = _targets(clause, "Police in Kenya arrested the suspect on Tuesday.", "arrested")
    assert [a.code for a in found] == ["KENCRM"]


@pytest.mark.parametrize("text, word, code, words", [
    ("The State Department praised the courage of journalists in Belarus who reported on the protests.",
     "praised", "BLRMED", "journalists in Belarus"),
    ("On Labor Day, the United States recognizes the courage of women union leaders in Cambodia.",
     "recognizes", "KHMCVL", "women union leaders in Cambodia"),
])
def test_a_place_after_a_person_noun_locates_the_people_who_are_the_target(clause, text, word, code, words):
    found, _, label = _targets(clause, text, word)
    assert label == "target:people-in-place" and [(a.code, a.text) for a in found] == [(code, words)]


def test_own_delegation_on_a_trip_is_no_target(clause):
    found, _, _ = _targets(clause, "Under Secretary Jane Roe will travel to Kenya and Uganda with an "
                                   "interagency delegation to underscore U.S. commitment.", "travel")
    assert {a.code for a in found} == {"KENGOV", "UGAGOV"}
    assert not any("delegation" in a.text for a in found)


def test_a_delegation_from_elsewhere_stays_a_party(clause):
    c, ctx = clause("The minister will travel to Accra with a delegation from Togo.", "travel")
    q = targets.query(c.verb, c.match, c.acted, ctx, [a for a in c.sources if a is not None], False)
    assert not any(t.lower_ == "delegation" for t in c.verb.doc if t.i in q.moved)


def test_a_delegation_led_is_own_party_where_it_goes_is_the_target(clause):
    found, _, _ = _targets(clause, "The Attorney General will lead a delegation to Sofia, Bucharest and Brussels.", "lead")
    assert [a.country for a in found] == ["BGR", "ROU", "BEL"]


def test_the_accused_located_by_a_place_takes_its_country(clause):
    found, _, label = _targets(clause, "A suspect in Wisconsin has been charged for providing the weapon.", "charged")
    assert label == "target:person-acted-on" and [a.code for a in found] == ["USACRM"]
