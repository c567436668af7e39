"""Date-only header lines."""
from __future__ import annotations

import pytest

from newsevents.read.dates import DateLine, iso_date, parse_date_line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sun 6-October-2024", DateLine(None, "2024-10-06")),
        ("Friday 5-February-2021", DateLine(None, "2021-02-05")),
        ("2021-02-05", DateLine(None, "2021-02-05")),
        ("February 5, 2021", DateLine(None, "2021-02-05")),
        ("5 Feb 2021 10:32 GMT", DateLine(None, "2021-02-05")),
        ("Feb. 5th, 2021", DateLine(None, "2021-02-05")),
        ("Monday, 05 Feb 2021 14:03:22 +0000", DateLine(None, "2021-02-05")),
        ("2021-02-05T10:32:00+03:00", DateLine(None, "2021-02-05")),
        ("13/02/2021", DateLine(None, "2021-02-13")),
        ("05/02/2021", DateLine(None, None)),
        ("Updated: 5 Feb 2021 10:32 GMT", DateLine("updated", "2021-02-05")),
        ("Published: February 5, 2021 at 3:04 pm ET", DateLine("published", "2021-02-05")),
        ("Retrieved on 6 October 2024", DateLine("retrieved", "2024-10-06")),
        ("Captured: 2024-10-06 12:00 UTC", DateLine("retrieved", "2024-10-06")),
        ("February 5, 2021 | 10:32 AM", DateLine(None, "2021-02-05")),
        ("Posted by Jane Doe on February 5, 2021", DateLine("published", "2021-02-05")),
        ("By Reuters Staff - 2021-02-05", DateLine("published", "2021-02-05")),
    ],
)
def test_date_lines(line: str, expected: DateLine) -> None:
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Hamas delegation discusses Palestinian issues with Russian officials",
        "On 5 February 2021 Hamas met Russian officials",
        "Short link:",
        "2021",
        "Published: tomorrow",
        "31 February 2021",
        "By Jane Doe",
        "By the end of 2021, talks",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert parse_date_line(line) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-02-05", "2021-02-05"),
        ("2021-02-05T23:00:00Z", "2021-02-05"),
        ("2021-02-05T23:00:00+05:00", "2021-02-05"),
        ("2021-02-30", None),
        ("yesterday", None),
        ("not a date", None),
    ],
)
def test_iso_date(value: str, expected: str | None) -> None:
    assert iso_date(value) == expected
