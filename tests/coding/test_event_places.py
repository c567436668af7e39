"""Where an event happened (issue #20): the sentence's own place before a carried one, the place
of a reported act is not the report's, a topic is no place. Made-up sentences."""
from __future__ import annotations


def _place(ev):
    return (ev["location"] or {}).get("country") if ev["location"] else None


def _by_trigger(events, word, start_of_sentence=""):
    return [e for e in events if e["trigger"]["text"] == word and e["sentence"].startswith(start_of_sentence)]


def test_a_place_named_before_the_act_noun_beats_the_carried_place(code):
    events = code("Envoys of both sides held talks in Doha on Monday. "
                  "Last week a Herat car bombing killed six and wounded forty.")
    killed = _by_trigger(events, "killed")
    assert killed and all(_place(e) == "AFG" for e in killed), [e["location"] for e in killed]


def test_a_place_modifying_an_attack_noun_is_the_attacks(code):
    events = code("The rebels said the Homs attack killed three soldiers.")
    killed = _by_trigger(events, "killed")
    assert killed and all(_place(e) == "SYR" for e in killed), [e["location"] for e in killed]


def test_a_city_the_recogniser_took_for_an_organisation_is_still_the_place(code):
    # (a fronted "in X," with a city of the gazetteer the recogniser reads as an organisation)
    events = code("The envoy will visit Tirana on Monday. "
                  "Finally, in Ohrid, the envoy will meet with Prime Minister Ivanov to discuss trade.")
    met = _by_trigger(events, "meet")
    assert met and all(_place(e) == "MKD" for e in met), [e["location"] for e in met]


def test_a_statement_does_not_take_the_place_of_the_act_it_reports(code):
    events = code("On Friday, the army released a statement saying an attack that day on a base near "
                  "Tikrit caused no casualties.")
    released = _by_trigger(events, "released")
    assert released and all(e["location"] is None for e in released), [e["location"] for e in released]


def test_the_reported_act_keeps_its_place(code):
    events = code("The ministry said rebels had shelled a market near Aleppo on Sunday.")
    shelled = _by_trigger(events, "shelled")
    assert shelled and all(_place(e) == "SYR" for e in shelled), [e["location"] for e in shelled]


def test_a_place_an_act_is_condemned_for_is_not_where_it_was_condemned(code):
    events = code("The foreign minister condemned the attack in Kandahar.")
    condemned = _by_trigger(events, "condemned")
    assert condemned and all(e["location"] is None for e in condemned), [e["location"] for e in condemned]


def test_a_place_only_addressed_is_not_the_next_sentences_scene(code):
    events = code("The minister will travel to Jakarta on Monday to attend a regional meeting. "
                  "He will also address the pandemic, food security, the crisis in Sudan and the war in Yemen. "
                  "The minister will meet with President Widodo to discuss trade.")
    met = _by_trigger(events, "meet")
    assert met and all(_place(e) == "IDN" for e in met), [e["location"] for e in met]


def test_a_place_modifying_another_act_noun_is_the_sentences_place(code):
    # (not the clause's own place: the sentence's, for an act that names none)
    events = code("Police fired tear gas as the Chile protests continued for a third week.")
    fired = _by_trigger(events, "fired")
    assert fired and all(_place(e) == "CHL" for e in fired), [e["location"] for e in fired]
    assert all("where:sentence" in e["trace"] for e in fired)


def test_a_country_before_an_act_noun_is_its_doer_not_its_place(code):
    events = code("The US airstrike killed a militia commander near the border.")
    killed = _by_trigger(events, "killed")
    assert all(_place(e) != "USA" for e in killed), [e["location"] for e in killed]


def test_a_place_modifying_the_subject_act_is_the_conjoined_verbs_too(code):
    events = code("A Mosul car bombing killed five and wounded forty on Monday.")
    wounded = _by_trigger(events, "wounded")
    assert wounded and all(_place(e) == "IRQ" for e in wounded), [e["location"] for e in wounded]


def test_a_place_after_regarding_is_a_topic_even_through_a_clause(code):
    events = code("The minister spoke by phone with the NATO chief regarding the meeting taking place in Oslo next week.")
    spoke = _by_trigger(events, "spoke")
    assert spoke and all(e["location"] is None for e in spoke), [e["location"] for e in spoke]


def test_an_act_told_inside_a_topic_keeps_its_place(code):
    events = code("The senator spoke about the riots that followed the death of a man who died in Houston "
                  "while a police officer restrained him.")
    restrained = _by_trigger(events, "restrained")
    assert all(_place(e) == "USA" for e in restrained), [e["location"] for e in restrained]


def test_a_country_before_a_crowds_act_is_its_place(code):
    events = code("Police fired tear gas as Lebanon protests continued for a third week.")
    continued = _by_trigger(events, "continued")
    assert all(_place(e) == "LBN" for e in continued), [e["location"] for e in continued]


def test_a_later_paragraph_retelling_the_leads_attack_takes_its_place(code):
    events = code("Gunmen shot dead the reporter Amir Haddad in the city of Mosul on Tuesday.\n\n"
                  "Haddad had covered the war for a decade.\n\n"
                  "Two masked men attacked Haddad as he left his home, officials said.")
    attacked = _by_trigger(events, "attacked")
    assert attacked and all(_place(e) == "IRQ" for e in attacked), [e["location"] for e in attacked]
    assert all("where:lead" in e["trace"] for e in attacked)


def test_a_later_act_of_another_kind_does_not_take_the_leads_place(code):
    events = code("Gunmen shot dead the reporter Amir Haddad in the city of Mosul on Tuesday.\n\n"
                  "The foreign minister praised Haddad for his courage.")
    praised = _by_trigger(events, "praised")
    assert all(e["location"] is None for e in praised), [e["location"] for e in praised]


def test_an_origin_after_another_noun_is_not_carried_to_later_acts(code):
    # (where the travel came from is neither the ban's place nor the debate's)
    events = code("The President said he banned travel from Egypt in January.\n"
                  "The senator criticized the President's plan to cut taxes.")
    criticized = _by_trigger(events, "criticized")
    assert criticized and all(_place(e) != "EGY" for e in criticized), [e["location"] for e in criticized]


def test_a_governors_own_act_takes_the_state_his_title_names(code):
    events = code("Yesterday, Ann Smith, the governor of Ohio, signed an executive order delaying the primary election.")
    delaying = _by_trigger(events, "delaying")
    assert delaying and all(_place(e) == "USA" for e in delaying), [e["location"] for e in delaying]


def test_a_courts_ruling_takes_the_country_its_name_gives(code):
    events = code("The Kenyan opposition appealed against the vote. "
                  "On Monday the Supreme Court of Kenya overturned the election result.")
    overturned = _by_trigger(events, "overturned")
    assert overturned and all(_place(e) == "KEN" for e in overturned), [e["location"] for e in overturned]


def test_a_governors_statement_takes_no_place_from_the_title(code):
    # (null is a statement's place when the text gives none)
    events = code("Ann Smith, the governor of Ohio, said the vote would go ahead.")
    said = _by_trigger(events, "said")
    assert all(_place(e) is None for e in said), [e["location"] for e in said]


def test_a_meeting_on_the_margins_of_a_conference_named_after_its_city(code):
    events = code("The two ministers met today on the margins of the Munich Security Conference. "
                  "They also noted their shared desire to deepen cooperation.")
    noted = _by_trigger(events, "noted") + _by_trigger(events, "met")
    assert noted and all(_place(e) == "DEU" for e in noted), [(e["trigger"]["text"], e["location"]) for e in noted]


def test_a_mayors_own_political_act_takes_no_place_from_the_title(code):
    # (leaving a race is no act of the office; a court's ruling or an order is)
    events = code("Ann Smith, the mayor of Denver, dropped out of the Senate race on Monday.")
    dropped = _by_trigger(events, "dropped")
    assert all(_place(e) is None for e in dropped), [e["location"] for e in dropped]


# -- issue #20, seventh sample: a place carries on only when it located an act; a place inside the
# target of a statement is not where it is said (made-up)

def test_an_earlier_place_carries_to_the_same_sides(code):
    events = code("The Kenyan foreign minister met with his Ugandan counterpart in Kampala on Monday. "
                  "The minister also urged Uganda to reopen the border.")
    urged = [e for e in events if e["sentence_index"] == 1]
    assert urged and all(_place(e) == "UGA" for e in urged), [e["location"] for e in urged]


def test_a_scene_of_force_carries_to_any_actor_of_its_country(code):
    events = code("Police fired tear gas at protesters in Nairobi on Tuesday. Kenyan officers arrested 40 people.")
    arrested = _by_trigger(events, "arrested")
    assert arrested and all(_place(e) == "KEN" for e in arrested), [e["location"] for e in arrested]


def test_a_place_inside_the_target_of_praise_is_not_where_it_is_said(code):
    events = code("On Labor Day, the United States recognizes the courage of women union leaders in Cambodia.")
    praised = _by_trigger(events, "recognizes")
    assert praised and all(e["location"] is None for e in praised), [e["location"] for e in praised]
    assert praised[0]["target"]["code"] == "KHMCVL"


def test_a_place_that_only_located_a_target_is_not_carried(code):
    events = code("The Secretary of State spoke today with Azerbaijani President Aliyev. The Secretary encouraged "
                  "continued dialogue, such as the recent meeting between the Azerbaijani and Armenian foreign "
                  "ministers in Tbilisi. The Secretary also urged President Aliyev to release all detainees.")
    urged = _by_trigger(events, "urged")
    assert urged and all(e["location"] is None for e in urged), [e["location"] for e in urged]


def test_a_gathering_named_as_target_is_still_where_it_is_said(code):
    events = code("President Wilson advocated for an independent Albanian state at the Paris Peace Conference.")
    advocated = _by_trigger(events, "advocated")
    assert advocated and all(_place(e) == "FRA" for e in advocated), [e["location"] for e in advocated]


def test_talks_at_a_meeting_the_lead_placed_take_its_place(code):
    events = code("Secretary of State Jane Doe met today with Japanese Foreign Minister Taro Sato in Honolulu.\n\n"
                  "The Secretary and the Foreign Minister discussed trade between the United States and Japan.")
    discussed = _by_trigger(events, "discussed")
    assert discussed and all(_place(e) == "USA" for e in discussed), [e["location"] for e in discussed]
    assert all("where:occasion" in e["trace"] for e in discussed)


def test_talks_with_someone_not_at_the_meeting_take_no_place(code):
    events = code("Secretary of State Jane Doe met today with Japanese Foreign Minister Taro Sato in Honolulu.\n\n"
                  "The Secretary also discussed the war with the Ukrainian Foreign Minister.")
    discussed = _by_trigger(events, "discussed")
    assert discussed and all(e["location"] is None for e in discussed), [e["location"] for e in discussed]


def test_a_meeting_of_another_time_does_not_take_the_occasions_place(code):
    events = code("Secretary of State Jane Doe met today with Japanese Foreign Minister Taro Sato in Honolulu.\n\n"
                  "The Secretary and the Foreign Minister met again in May 2019 to discuss trade.")
    later = [e for e in events if e["sentence_index"] == 1]
    assert later and all(e["location"] is None for e in later), [e["location"] for e in later]


def test_a_countrys_standing_policy_does_not_take_the_occasions_place(code):
    events = code("Secretary of State Jane Doe met today with Japanese Foreign Minister Taro Sato in Honolulu.\n\n"
                  "The United States remains committed to cooperation with Japan.")
    later = [e for e in events if e["sentence_index"] == 1]
    assert later and all(e["location"] is None for e in later), [(e["cameo"], e["location"]) for e in later]


def test_a_statement_at_a_meeting_the_lead_placed_takes_its_place(code):
    events = code("Secretary of State Jane Doe met today with Japanese Foreign Minister Taro Sato in Honolulu.\n\n"
                  "The Secretary and the Foreign Minister noted their shared commitment to open trade.")
    noted = _by_trigger(events, "noted")
    assert noted and all(_place(e) == "USA" for e in noted), [e["location"] for e in noted]
    assert all("where:occasion" in e["trace"] for e in noted)


def test_an_appeal_made_during_a_visit_the_lead_placed_takes_its_place(code):
    events = code("U.S. Special Envoy John Roe met with Nepali Foreign Minister Ram Thapa in Madrid today.\n\n"
                  "During his meetings, the Special Envoy called on Nepal to release all political prisoners.")
    called = [e for e in events if e["sentence_index"] == 1 and e["cameo"].startswith("02")]
    assert called and all(_place(e) == "ESP" for e in called), [e["location"] for e in called]


def test_a_statement_after_a_phone_call_takes_no_place(code):
    events = code("Secretary of State Jane Doe spoke today with Japanese Foreign Minister Taro Sato.\n\n"
                  "The Secretary noted the importance of open trade.")
    noted = _by_trigger(events, "noted")
    assert noted and all(e["location"] is None for e in noted), [e["location"] for e in noted]


def test_a_call_about_a_country_places_no_later_act(code):
    events = code("Secretary of State Jane Doe spoke today with Japanese Foreign Minister Taro Sato to coordinate "
                  "assistance to Ukraine.\n\nThe Secretary urged the Foreign Minister to continue talks with Korea.")
    later = [e for e in events if e["sentence_index"] == 1]
    assert later and all(e["location"] is None for e in later), [e["location"] for e in later]


def test_what_a_quotation_tells_takes_no_place_of_the_scene(code):
    # (a quotation's own act is not an act of the meeting, nor of the earlier sentence's place)
    events = code("Secretary of State Jane Doe met today with Japanese Foreign Minister Taro Sato in Honolulu. "
                  "\"He is saying they are ready to talk,\" the Secretary told reporters.")
    quoted = _by_trigger(events, "saying")
    assert quoted and all(e["location"] is None for e in quoted), [e["location"] for e in quoted]
    assert all("where:aside" in e["trace"] for e in quoted)
    told = _by_trigger(events, "told")
    assert all(_place(e) == "USA" for e in told), [e["location"] for e in told]


def test_an_earlier_statement_referred_to_takes_no_place_of_the_scene(code):
    events = code("Secretary of State Jane Doe met today with Japanese Foreign Minister Taro Sato in Honolulu. "
                  "As the President said last year, the United States will support Japan.")
    later = [e for e in events if e["sentence_index"] == 1]
    assert later and all(e["location"] is None for e in later), [e["location"] for e in later]


def test_a_quoted_account_of_force_keeps_the_storys_place(code):
    events = code("A man attacked a police officer with a knife in Hong Kong on Sunday. "
                  "\"To save his life, the officer fired a shot at the attacker,\" a police spokesman said.")
    fired = _by_trigger(events, "fired")
    assert fired and all(_place(e) == "HKG" for e in fired), [e["location"] for e in fired]
