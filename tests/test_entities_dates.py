"""Dates and times beyond days and weeks: periods of a year, times with their day, months after a
preposition, and what is not a date (a law's year, a bare "today").

Every sentence here is made up for the test.
"""

from __future__ import annotations

from tests.test_entities import spans


def dates(text: str) -> list[str]:
    return [t for t, label in spans(text) if label == "DATE"]


def test_quarters_and_halves_of_a_year_are_one_span_with_their_determiner():
    assert dates("Output fell in the fourth quarter and may recover in the first half of the year.") == [
        "the fourth quarter", "the first half of the year"]
    assert dates("A cut is likely in the first half, or in the second half year.") == [
        "the first half", "the second half year"]


def test_the_start_or_end_of_a_period_is_one_span():
    assert dates("Rates should reach 2% by the end of the year, after a slump at the end of last year.") == [
        "the end of the year", "the end of last year"]
    assert dates("Work resumes at the start of 2026.") == ["the start of 2026"]


def test_a_season_with_the_is_a_date_but_a_season_in_a_name_is_not():
    assert dates("One more cut may come before the summer; prices peaked in the spring of 2021.") == [
        "the summer", "the spring of 2021"]
    assert dates("Tickets for the Summer Games sold out.") == []


def test_that_year_locates_a_period():
    assert dates("The plant was fined in 2019 and fixed the faults that year.") == ["2019", "that year"]


def test_a_time_with_its_day_or_part_of_day_is_one_span():
    assert dates("The fire was out at 3:15 a.m. Wednesday; the alert went out at 10:30 at night.") == [
        "3:15 a.m. Wednesday", "10:30 at night"]
    assert dates("Trading stood at 11.05 at 0950 GMT.") == ["0950 GMT"]


def test_a_weekday_in_the_night_is_one_span():
    assert dates("He died the Tuesday in the night, and a vigil was held on Thursday.") == [
        "Tuesday in the night", "Thursday"]


def test_march_and_may_after_a_preposition_of_time_are_dates_but_not_a_persons_may():
    assert dates("The bank cut rates earlier in March and will meet again in May.") == ["March", "May"]
    assert dates("Critics of the plan in May’s cabinet objected.") == []


def test_the_year_of_a_law_is_part_of_its_name_not_a_date():
    assert dates("She admitted an offence under the Fraud Act 2006 committed in 2006.") == ["2006"]
    assert spans("She admitted an offence under the Fraud Act 2006.") == []


def test_today_alone_is_an_adverb_but_yesterday_morning_is_a_date():
    assert dates("Today the court sits again, as it did yesterday morning.") == ["yesterday morning"]
