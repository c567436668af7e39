"""``dates._scan`` (patterns passed over when the text lacks what they need) finds what
searching the text with every pattern finds."""
from __future__ import annotations

from newsevents.nlp import dates

TEXTS = [
    "Russia condemned the attack on Kyiv on Monday.",
    "The talks, held on 5 March 2021 in Geneva, ended on March 7, 2021.",
    "They met in may, and again in May 2020; in mid-June 2019 too.",
    "On 12th of Sept. 2020 the army left; by Sept 3 it was back, since 2015.",
    "Three days ago, last week, earlier this year and in recent weeks.",
    "No time here at all, just 300 troops and 1,999 people in 2019s.",
    "Dates like 2021-02-05, 5/2/2021 and 05.02.2021 are numeric.",
    "Arabic-Indic digits ٢٠٢١ and the month Dec. with ١٢ in it.",
    "DECEMBER 2020 and december 5 are not month names here; Decembers 5 2020 are.",
    "Yesterday afternoon, tomorrow night, tonight, this weekend, next Friday.",
    "The Marines marched; Maybe Janet saw Octavia in the Junes.",
]


def _naive(text: str):
    if not dates._DATEISH.search(text):
        return None
    out = []
    for kind, rx in dates._PATTERNS:
        for m in rx.finditer(text):
            out.append((kind, m.span()))
    return out


def test_scan_finds_what_every_pattern_finds():
    for text in TEXTS:
        found = dates._scan(text)
        naive = _naive(text)
        if naive is None:
            assert found is None
            continue
        assert [(k, m.span()) for k, m, _s, _e in found] == naive, text


def test_every_pattern_needing_a_digit_or_month_has_one():
    """The needs hold: a pattern listed as needing a digit (a month) finds nothing without one."""
    for kind, rx in dates._PATTERNS:
        for need in dates._NEEDS.get(kind, ()):
            for text in TEXTS:
                stripped = need.sub("", text)
                assert need.search(stripped) is None
                assert rx.search(stripped) is None, (kind, stripped)
