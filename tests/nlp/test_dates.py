"""resolve_time: finding and resolving an event's time expression (real model)."""
from __future__ import annotations

import pytest

from newsevents.nlp import dates
from newsevents.nlp.dates import TimeRef, resolve_time

PUB = "2021-02-05"  # a Friday, the seed article's publication date



def _check(ref: TimeRef | None, sent, date, precision, text=None):
    assert ref is not None, "expected a time expression"
    assert (ref.date, ref.precision) == (date, precision), ref
    assert sent.text[ref.start:ref.end] == ref.text
    if text is not None:
        assert ref.text == text


# --------------------------------------------------------------- seed article

def test_seed_arrived_on_thursday(parse):
    sent, trig = parse(
        "A senior delegation of the Hamas Movement arrived on Thursday in the Russian capital "
        "Moscow as part of a visit to discuss ways to restore Palestinian national unity and "
        "preparations for the Palestinian general elections.", "arrived")
    _check(resolve_time(sent, PUB, trig), sent, "2021-02-04", "day", "Thursday")


def test_seed_thursday_afternoon(parse):
    sent, trig = parse(
        "On Thursday afternoon the Movement’s delegation held a meeting with Presidential Special "
        "Envoy for the Middle East and Africa Mikhail Bogdanov.", "held")
    _check(resolve_time(sent, PUB, trig), sent, "2021-02-04", "day", "Thursday afternoon")


def test_seed_met_on_friday_is_publication_day(parse):
    sent, trig = parse(
        "Meanwhile the Hamas delegates met on Friday with a senior delegation of the Islamic "
        "Jihad Movement led by its Secretary-General Ziad Nakhaleh in Moscow.", "met")
    _check(resolve_time(sent, PUB, trig), sent, "2021-02-05", "day", "Friday")


def test_seed_arrived_earlier_is_before(parse):
    sent, trig = parse(
        "The Islamic Jihad delegation arrived earlier in the Russian capital to discuss "
        "Palestinian developments with Russian officials including the reconciliation file.",
        "arrived")
    _check(resolve_time(sent, PUB, trig), sent, "2021-02-05", "before", "earlier")


def test_seed_left_on_friday_afternoon(parse):
    sent, trig = parse("It left Moscow on Friday afternoon.", "left")
    _check(resolve_time(sent, PUB, trig), sent, "2021-02-05", "day")


def test_no_date_gives_none(parse):
    sent, trig = parse(
        "Hamas delegates discussed with Bogdanov several issues including the Palestinian "
        "political developments.", "discussed")
    assert resolve_time(sent, PUB, trig) is None


# --------------------------------------------------------------- absolute dates

@pytest.mark.parametrize("text,expr,date", [
    ("The army shelled the town on 3 February 2021.", "3 February 2021", "2021-02-03"),
    ("The army shelled the town on February 3, 2021.", "February 3, 2021", "2021-02-03"),
    ("The army shelled the town on 2021-02-03.", "2021-02-03", "2021-02-03"),
    ("The army shelled the town on 25/1/2021.", "25/1/2021", "2021-01-25"),
    ("The parliament approved the law on the 3rd of January 2020.", "3rd of January 2020", "2020-01-03"),
    ("Friday 5-February-2021 the talks ended.", "5-February-2021", "2021-02-05"),
])
def test_explicit_dates(parse, text, expr, date):
    sent, trig = parse(text)
    _check(resolve_time(sent, PUB, trig), sent, date, "day", expr)


def test_explicit_date_resolves_without_publication_date(parse):
    sent, trig = parse("The army shelled the town on 3 February 2021.")
    _check(resolve_time(sent, None, trig), sent, "2021-02-03", "day")


def test_ambiguous_numeric_date_is_skipped(parse):
    sent, trig = parse("The talks were held on 5/2/2021.")
    assert resolve_time(sent, PUB, trig) is None


def test_abbreviated_month_without_year(parse):
    sent, trig = parse("The army shelled the town on Feb. 3.")
    _check(resolve_time(sent, PUB, trig), sent, "2021-02-03", "day", "Feb. 3")


@pytest.mark.parametrize("text,date,precision", [
    ("The army shelled the town on 5 February.", "2021-02-05", "day"),   # the publication day
    ("The army shelled the town on 20 February.", "2020-02-20", "day"),  # weeks later this year → last year
    ("The army shelled the town on December 30.", "2020-12-30", "day"),
    # a day after publication is this year's, not one a year off: on or before publication
    ("The army shelled the town on 6 February.", "2021-02-05", "before"),
])
def test_date_without_year_is_never_after_publication(parse, text, date, precision):
    sent, trig = parse(text)
    _check(resolve_time(sent, PUB, trig), sent, date, precision)


@pytest.mark.parametrize("text,trigger,published,date,precision", [
    # a planned trip that began the day before the announcement: this year's, not next year's
    ("The envoy will travel to Narnia and Gondor from February 4 to 11.", "travel", "2021-02-05",
     "2021-02-04", "day"),
    ("The minister will visit Gondor on March 3.", "visit", "2021-02-05", "2021-03-03", "day"),
    ("The minister will visit Gondor on January 10.", "visit", "2021-02-05", "2022-01-10", "day"),
    # a present-tense statement about a month to come: the nearest one, not last year's
    ("The government regrets that observers cannot watch the elections in March.", "regrets", "2021-02-05",
     "2021-02-05", "before"),
])
def test_date_without_year_takes_the_nearest_year_on_the_tense_side(parse, text, trigger, published, date,
                                                                     precision):
    sent, trig = parse(text, trigger)
    _check(resolve_time(sent, published, trig), sent, date, precision)


@pytest.mark.parametrize("text,trigger,date,precision", [
    ("The monitoring group has reported 16 deaths in the region since 2015.", "reported", "2021-02-05", "before"),
    ("The programme has helped bring 40 smugglers to justice since its creation in 1990.", "helped",
     "2021-02-05", "before"),
    ("Yesterday the governor signed an order delaying the vote until June.", "delaying", "2021-02-04", "day"),
    # the beginning of a span dates the beginning itself
    ("The protests began in June.", "began", "2020-06-01", "month"),
    ("Aid has reached 40 million dollars since August 2017, when thousands were forced to flee.", "forced",
     "2017-08-01", "month"),
    ("Since March 2019 when the rebels, backed by Gondor, seized the port, the two sides have ignored calls "
     "for talks.", "seized", "2019-03-01", "month"),
    ("Since March 2019 when the rebels, backed by Gondor, seized the port, the two sides have ignored calls "
     "for talks.", "ignored", "2021-02-05", "before"),
    # (but a relative clause on the fact, "which ... said", is told now)
    ("The leader has not appeared in public since 2018, which his aides said was due to illness.", "said",
     "2021-02-05", "before"),
])
def test_a_span_bound_is_not_the_act_date(parse, text, trigger, date, precision):
    sent, trig = parse(text, trigger)
    _check(resolve_time(sent, PUB, trig), sent, date, precision)


def test_date_without_year_needs_publication_date(parse):
    sent, trig = parse("The army shelled the town on 6 February.")
    ref = resolve_time(sent, None, trig)
    assert ref is not None and ref.date is None and ref.precision == "unknown"


# --------------------------------------------------------------- months and years

def test_month_year(parse):
    sent, trig = parse("Protests broke out in February 2021 in Iraq.", "broke")
    _check(resolve_time(sent, PUB, trig), sent, "2021-02-01", "month", "February 2021")


def test_month_without_year_is_the_latest_past_one(parse):
    sent, trig = parse("Protests broke out in March in Iraq.", "broke")
    _check(resolve_time(sent, PUB, trig), sent, "2020-03-01", "month", "March")


def test_modal_may_is_not_a_month(parse):
    sent, trig = parse("Officials may meet the rebels soon.", "meet")
    assert resolve_time(sent, PUB, trig) is None


@pytest.mark.parametrize("text,expr", [
    ("Elections were held in 2019.", "2019"),
    ("The deal was signed in early 2019.", "early 2019"),
])
def test_years(parse, text, expr):
    sent, trig = parse(text)
    _check(resolve_time(sent, PUB, trig), sent, "2019-01-01", "year", expr)


def test_the_2019_elections(parse):
    sent, trig = parse("Observers criticised the 2019 elections.", "elections")
    _check(resolve_time(sent, PUB, trig), sent, "2019-01-01", "year", "2019")


def test_the_day_of_a_thing_in_the_object_is_not_the_acts(parse):
    # (the elections' year, the summit's day: not when they were criticised or discussed)
    for text, verb in (("Observers criticised the 2019 elections.", "criticised"),
                       ("The ministers discussed the outcomes of the January 25 summit.", "discussed")):
        sent, trig = parse(text, verb)
        assert resolve_time(sent, PUB, trig) is None
    # (but the day of an occasion attended or hosted is the act's)
    sent, trig = parse("The envoys attended the January 25 summit.", "attended")
    _check(resolve_time(sent, PUB, trig), sent, "2021-01-25", "day", "January 25")


def test_the_next_day_counts_from_the_anchor(parse):
    sent, trig = parse("The next day the army shelled the rebel positions.", "shelled")
    _check(resolve_time(sent, PUB, trig, anchor=("2021-02-01", "day")), sent, "2021-02-02", "day", "The next day")
    _check(resolve_time(sent, PUB, trig, anchor=("2021-02-01", "month")), sent, PUB, "before", "The next day")


def test_count_is_not_a_year(parse):
    sent, trig = parse("Police arrested 2000 people in the capital.", "arrested")
    assert resolve_time(sent, PUB, trig) is None


def test_trigger_attached_expression_wins(parse):
    text = "The 2019 elections were disputed, the commission said on Tuesday."
    sent, said = parse(text, "said")
    _check(resolve_time(sent, PUB, said), sent, "2021-02-02", "day", "Tuesday")
    sent, disputed = parse(text, "disputed")
    _check(resolve_time(sent, PUB, disputed), sent, "2019-01-01", "year", "2019")


# --------------------------------------------------------------- weekdays, tense

@pytest.mark.parametrize("text,date,expr", [
    ("Officials met on Thursday.", "2021-02-04", "Thursday"),
    ("Officials met on Friday.", "2021-02-05", "Friday"),
    ("Officials met on Saturday.", "2021-01-30", "Saturday"),
    ("Officials met last Thursday.", "2021-02-04", "last Thursday"),
    ("Officials met last Friday.", "2021-01-29", "last Friday"),
    ("Officials met on Thursday night.", "2021-02-04", "Thursday night"),
])
def test_past_weekdays(parse, text, date, expr):
    sent, trig = parse(text, "met")
    _check(resolve_time(sent, PUB, trig), sent, date, "day", expr)


@pytest.mark.parametrize("text,trigger,date,expr", [
    ("The minister will visit Cairo next Monday.", "visit", "2021-02-08", "next Monday"),
    ("The minister will visit Cairo on Monday.", "visit", "2021-02-08", "Monday"),
    ("The minister plans to visit Cairo on Wednesday.", "visit", "2021-02-10", "Wednesday"),
    ("The summit is scheduled to take place on Monday.", "take", "2021-02-08", "Monday"),
])
def test_future_weekdays(parse, text, trigger, date, expr):
    sent, trig = parse(text, trigger)
    assert dates.is_future(trig, sent)
    _check(resolve_time(sent, PUB, trig), sent, date, "day", expr)


def test_past_tense_is_not_future(parse):
    sent, trig = parse("The delegation arrived on Thursday to discuss the elections.", "arrived")
    assert not dates.is_future(trig, sent)


# --------------------------------------------------------------- relative expressions

@pytest.mark.parametrize("text,date,precision,expr", [
    ("The president said today that he would resign.", "2021-02-05", "day", "today"),
    ("Officials met this morning in the capital.", "2021-02-05", "day", "this morning"),
    ("Police arrested 12 people yesterday.", "2021-02-04", "day", "yesterday"),
    ("Police arrested 12 people last night.", "2021-02-04", "day", "last night"),
    ("Police arrested 12 people two days ago in Baghdad.", "2021-02-03", "day", "two days ago"),
    ("Police arrested 12 people 3 days ago.", "2021-02-02", "day", "3 days ago"),
    ("Police arrested 12 people a week ago.", "2021-01-29", "day", "a week ago"),
    ("Police arrested 12 people two months ago.", "2020-12-01", "month", "two months ago"),
    ("The attack happened two years ago.", "2019-01-01", "year", "two years ago"),
    ("Police arrested 12 people last week.", "2021-01-31", "before", "last week"),
    ("Police arrested 12 people earlier this week.", "2021-02-05", "before", "earlier this week"),
    ("Police arrested 12 people last month.", "2021-01-01", "month", "last month"),
    ("Police arrested 12 people earlier this month.", "2021-02-01", "month", "earlier this month"),
    ("Police arrested 12 people last year.", "2020-01-01", "year", "last year"),
    ("The president recently visited Iraq.", "2021-02-05", "before", "recently"),
    ("The president had previously visited Iraq.", "2021-02-05", "before", "previously"),
    ("Clashes erupted over the weekend in Tripoli.", "2021-01-31", "before", "over the weekend"),
    ("Police arrested 12 people a few days ago.", "2021-02-05", "before", "a few days ago"),
])
def test_relative_expressions(parse, text, date, precision, expr):
    sent, trig = parse(text)
    _check(resolve_time(sent, PUB, trig), sent, date, precision, expr)


@pytest.mark.parametrize("text,date,precision", [
    ("Talks will resume tomorrow in Geneva.", "2021-02-06", "day"),
    ("The summit is scheduled to take place next month.", "2021-03-01", "month"),
    ("Elections will be held next year.", "2022-01-01", "year"),
])
def test_future_relative(parse, text, date, precision):
    sent, trig = parse(text)
    _check(resolve_time(sent, PUB, trig), sent, date, precision)


def test_next_week_has_no_day(parse):
    sent, trig = parse("The envoy will return next week.", "return")
    ref = resolve_time(sent, PUB, trig)
    assert ref is not None and ref.date is None and ref.precision == "unknown"
    assert ref.text == "next week"


def test_relative_without_publication_date(parse):
    sent, trig = parse("Officials met on Thursday.", "met")
    ref = resolve_time(sent, None, trig)
    assert ref is not None and ref.date is None and ref.precision == "unknown"


def test_past_event_never_after_publication(parse):
    # an explicit date after the publication date on a past-tense verb: clamp
    sent, trig = parse("The army shelled the town on 9 March 2021.", "shelled")
    _check(resolve_time(sent, PUB, trig), sent, "2021-02-05", "before")


def test_specific_beats_vague_in_same_clause(parse):
    sent, trig = parse("The delegation arrived earlier on Thursday.", "arrived")
    _check(resolve_time(sent, PUB, trig), sent, "2021-02-04", "day", "Thursday")


def test_without_trigger_uses_root(parse, nlp):
    doc = nlp("Officials met on Thursday.")
    ref = resolve_time(doc[:], PUB)
    assert ref is not None and ref.date == "2021-02-04"


# --------------------------------------------------------------- dateparser fallback (its speed: bench/)

def test_dateparser_fallback_only_for_entities_the_patterns_miss(parse, monkeypatch):
    calls = []
    real = dates._dateparser

    def spy(text, published):
        calls.append(text)
        return real(text, published)

    monkeypatch.setattr(dates, "_dateparser", spy)
    sent, trig = parse("Officials met on Thursday in Moscow.", "met")
    resolve_time(sent, PUB, trig)
    sent, trig = parse("Nothing dated happens here in this sentence.", "happens")
    resolve_time(sent, PUB, trig)
    assert calls == []


def test_dateparser_fallback_reads_other_forms(parse, monkeypatch):
    calls = []
    real = dates._dateparser

    def spy(text, published):
        calls.append(text)
        return real(text, published)

    monkeypatch.setattr(dates, "_dateparser", spy)
    sent, trig = parse("The ceasefire was agreed on February the 3rd.", "agreed")
    _check(resolve_time(sent, PUB, trig), sent, "2021-02-03", "day", "February the 3rd")
    assert calls == ["February the 3rd"]
    assert real("February 2020", PUB) == ("2020-02-01", "month")


@pytest.mark.parametrize("text, is_date", [
    ("17-year", False), ("25 years", False), ("2015-16", False), ("the 1970s", False), ("13582", False),
    ("nearly 12 months", False), ("December", True), ("2000", True), ("the 13th", True), ("25 years ago", True),
])
def test_durations_ranges_and_bare_numbers_are_no_dates(text, is_date):
    from newsevents.nlp.dates import _NOT_A_DATE

    assert (not _NOT_A_DATE.match(text)) == is_date


@pytest.mark.parametrize("text, expected", [
    ("December", ("2020-12-01", "month")),
    ("in March", ("2020-03-01", "month")),
    ("February", ("2021-02-01", "month")),
    ("2000", ("2000-01-01", "year")),
    ("the 13th", ("2021-01-13", "day")),
    ("the 5th", ("2021-02-05", "day")),
    ("the 31st", ("2021-01-31", "day")),
    ("December 2019", None),  # (left to the patterns and dateparser)
])
def test_plain_dates_are_read_without_dateparser(text, expected):
    import datetime as dt

    assert dates._plain_date(text, dt.date(2021, 2, 5)) == expected


@pytest.mark.parametrize("published", [None, "2024-03-05", "2024-01-01", "2023-12-31", "2024-02-29"])
def test_a_month_and_day_is_read_as_dateparser_reads_it(published):
    import datetime as dt

    pub = dt.date.fromisoformat(published) if published else None
    for month in ("January", "february", "March", "May", "JUNE", "December"):
        for day in (1, 5, 9, 28, 29, 30, 31):
            text = f"{month} {day}"
            fast = dates._plain_date(text, pub)
            # (a day the month lacks, and February 29, are left to dateparser)
            assert fast is None or fast == dates._dateparser.__wrapped__(text, published), (text, published)
    assert dates._plain_date("February 30", pub) is None


@pytest.mark.parametrize("text", ["a 16th century", "the late 1980s", "L 12"])
def test_centuries_decades_and_codes_are_no_dates(text):
    assert dates._NOT_A_DATE.match(text)


# -- dates that describe someone else, and dates across paragraphs (issue "Real news", 5) ---------

def test_a_date_in_a_description_of_someone_is_not_the_events(code):
    events = code("Labour MP Jane Smith, one of the Blair Babes elected in 1997, criticised the budget.",
                  published="2005-03-10")
    crit = [e for e in events if e["trigger"]["text"] == "criticised"]
    assert crit and crit[0]["date"] == "2005-03-10" and crit[0]["date_precision"] == "before"


def test_a_day_carries_over_within_its_paragraph_only(code):
    text = ("On Thursday, Russia and China signed a trade deal in Moscow. The two sides also agreed to "
            "hold talks on energy.\n\nIran condemned the sanctions imposed by the European Union.")
    events = code(text, published="2021-02-05")
    by_sentence = {e["sentence_index"]: (e["date"], e["date_precision"]) for e in events}
    assert by_sentence[0] == ("2021-02-04", "day")
    assert by_sentence[1] == ("2021-02-04", "day")  # continues the dated narrative
    assert by_sentence[2] == ("2021-02-05", "before")  # a new paragraph: the publication date


def test_a_year_does_not_carry_over(code):
    text = "China joined the organisation in 1919. The United States calls on China to take the steps requested."
    events = code(text, published="2022-06-01")
    later = [e for e in events if e["sentence_index"] == 1]
    assert later and all(e["date"] == "2022-06-01" for e in later)


def test_later_that_day_carries_the_day_into_a_new_paragraph(code):
    text = ("A Gondorian delegation arrived in Minas Tirith on 4 February 2021.\n\n"
            "Later that day the delegation held talks with Rohan's envoy.")
    events = [e for e in code(text, published="2021-02-06") if e["sentence_index"] == 1]
    assert events and all((e["date"], e["date_precision"]) == ("2021-02-04", "day") for e in events)


@pytest.mark.parametrize("text, trigger", [
    ('In a recorded address, the senator told supporters: "Today, I am asking every voter to back her."', "asking"),
    ("The mayor wrote that \u201cyesterday we closed the schools in the district\u201d.", "closed"),
    ('Today we closed the border to all traffic," the minister said in his speech.', "closed"),
])
def test_today_in_a_quotation_is_the_speakers_day_not_the_articles(parse, text, trigger):
    """A quotation's today or yesterday is the day its speaker spoke, which the sentence does
    not give: on or before publication, not the publication day."""
    sent, trig = parse(text, trigger)
    ref = resolve_time(sent, PUB, trig)
    assert ref is not None and (ref.date, ref.precision) == (PUB, "before")


@pytest.mark.parametrize("text, where, inside", [
    ('He said: "Today we act."', 'He said: "'.__len__(), True),
    ('Today we act, he said.', 0, False),
    ('Today we act," he said.', 0, True),
    ("She wrote \u201cwe act today\u201d and left today.", len("She wrote \u201cwe act "), True),
    ("She wrote \u201cwe act today\u201d and left today.", len("She wrote \u201cwe act today\u201d and left "), False),
])
def test_quoted(text, where, inside):
    assert dates.quoted(text, where) is inside


def test_a_coming_day_does_not_carry_to_a_past_act(code):
    # (published on a Wednesday: "could inspect" is to come, the next Monday; the ruling and the
    # suit that follows it are past, never after publication)
    text = ("On Monday, a federal judge ruled that prosecutors could inspect the mayor's accounts. "
            "The mayor sued the prosecutors to stop the inquiry.")
    events = code(text, published="2021-02-03")
    later = [e for e in events if e["sentence_index"] == 1]
    assert later and all(e["date"] <= "2021-02-03" for e in later), [(e["trigger"]["text"], e["date"]) for e in later]


def test_a_carried_day_after_publication_is_not_a_past_acts(code):
    text = ("The envoy will arrive in Gondor on Monday. Officials in Gondor criticised the visit.")
    events = code(text, published="2021-02-03")
    crit = [e for e in events if e["trigger"]["text"] == "criticised"]
    assert crit and crit[0]["date"] == "2021-02-03" and crit[0]["date_precision"] == "before"


def test_a_conjunct_shares_the_future_of_its_first_verb(parse):
    sent, trig = parse("The two governments will host a meeting on March 3 to review progress and outline "
                       "the next steps.", "outline")
    assert dates.is_future(trig, sent)
    _check(resolve_time(sent, PUB, trig), sent, "2021-03-03", "day", "March 3")


@pytest.mark.parametrize("text,trigger,published,date,precision", [
    # an act a past call framed may lie before publication: the nearest year
    # (the test's day, not the condemnation's: "the January 20 test" names the test's day)
    ("The envoy called his counterpart to condemn the January 20 missile test.", "test", "2021-02-05",
     "2021-01-20", "day"),
    # "is to be held" says no past: not last year's day
    ("The debate is to be moderated by a local journalist on February 15.", "moderated", "2021-02-05",
     "2021-02-05", "before"),
    # "announced X will host": the will of the hosting, whatever the announcement's tense
    ("The minister announced that Gondor will host the summit in April 2022.", "host", "2021-02-05",
     "2022-04-01", "month"),
    # a month with no tense said, half a year off: the past one
    ("Warrants went out for the men believed to have been involved in the assassination in August.",
     "involved", "2021-02-05", "2020-08-01", "month"),
])
def test_a_framed_or_scheduled_act_is_not_a_past_one(parse, text, trigger, published, date, precision):
    sent, trig = parse(text, trigger)
    _check(resolve_time(sent, published, trig), sent, date, precision)
