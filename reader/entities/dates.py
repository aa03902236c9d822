"""Dates, times and amounts found by their written form: compiled patterns, no context.

A DATE span follows the annotation guidelines: a date with its time or part of day is one span
("Sunday at 11:59 p.m. PT", "late Saturday night"); determiners and temporal modifiers are inside
("the past couple of weeks", "earlier this week"); prepositions are outside ("on", "in", "since").
MONEY and PERCENT are found too, for display.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTHS_FULL = "|".join(MONTHS)
# "May" and "March" are also a verb and a noun: alone they need a day, a year or a modifier.
_MONTH_ALONE = "|".join(m for m in MONTHS if m not in ("May", "March"))
_MONTH = rf"(?:{_MONTHS_FULL}|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Sept)"
_WEEKDAY = rf"(?:{'|'.join(WEEKDAYS)}|Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.|Sat\.|Sun\.)"
_ORDINAL = r"(?:first|second|third|fourth|final|last)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d,.]\d)"
_ZONE = r"(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|AEST|AEDT|IST|JST)\b"
_MERIDIEM = r"(?:[ap]\.m\.|[AP]\.M\.|[ap]m\b|[AP]M\b)"
_TIME = (
    rf"(?:(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s?{_MERIDIEM}|(?:[01]?\d|2[0-3]):[0-5]\d\b|noon\b|midnight\b"
    rf"|(?:[01]\d|2[0-3])[0-5]\d(?=\s{_ZONE}))"  # "0950 GMT": four digits only with a time zone
    rf"(?:\s{_ZONE})?"
)
_PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"
# After a time: its part of day or its day, in one span ("10:30 at night", "3:15 a.m. Wednesday").
_TIME_DAY = rf"(?:\s(?:at\snight|in\sthe\s(?:morning|afternoon|evening|night))|\s(?:on\s)?{_WEEKDAY}\b)?"
_UNIT = r"(?:day|week|weekend|month|year|decade|quarter|century|season|semester|morning|afternoon|evening|night)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_COUNT = (
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"several|few|a\sfew|couple\sof|a\scouple\sof|many|\d{1,3})"
)
_HOLIDAY = (
    r"(?:Christmas(?:\sEve|\sDay)?|New\sYear['’]s(?:\sEve|\sDay)?|Thanksgiving(?:\sDay)?|Easter(?:\sSunday)?"
    r"|Halloween|Independence\sDay|Labor\sDay|Memorial\sDay|Election\sDay|Inauguration\sDay|Veterans\sDay"
    r"|Presidents['’]?\sDay|Boxing\sDay|Valentine['’]s\sDay)"
)

# Relative periods: a "the" just before one belongs to it ("the past couple of weeks").
_PERIOD_OF = rf"(?:(?:the|this|last|next)\s(?:year|month|week|quarter|decade|century)\b|{_YEAR}|{_MONTH}(?:\s{_YEAR})?)"
_RELATIVE = (
    rf"(?i:{_ORDINAL}\s(?:quarter|half)\b(?:\s(?:of\s)?{_PERIOD_OF}|\s(?:year|{_YEAR})\b)?"
    rf"|(?:end|start|beginning|middle|turn)\sof\s{_PERIOD_OF}"
    rf"|(?:very\s)?(?:last|past|next|previous|coming|following|upcoming|final|first|same)\s"
    rf"(?:{_COUNT}\s)?{_UNIT}s?\b"
    rf"|(?:this|that)\s(?:past\s|coming\s)?(?:{_UNIT}|{_SEASON})\b"
    rf"|{_SEASON}\sof\s{_YEAR}"
    rf"|(?-i:(?<=the\s)|(?<=The\s))(?-i:spring|summer|autumn|winter)\b"
    rf"|(?:earlier|later|early|late)\s(?:this|last|next)\s(?:{_UNIT}|{_SEASON})\b"
    rf"|(?:last|next|this)\s{_SEASON}\b"
    rf"|(?:yesterday|today|tomorrow)\s{_PART_OF_DAY}\b"  # alone, an adverb like "now" (not annotated)
    rf"|last\snight\b"
    rf"|weekend\b)"
    rf"|(?:(?i:early|mid|late)[-\s])?(?:1[6-9]|20)\d0['’]?s\b"
)
# A weekday with its part of day, date and time: one span.
_WEEKDAY_DATE = (
    rf"(?:(?i:early|late|last|this|next|past|coming)\s)?{_WEEKDAY}"
    rf"(?:\s(?:in\sthe\s)?(?i:{_PART_OF_DAY}))?"
    rf"(?:,?\s{_MONTH}\s{_DAY}(?:,?\s{_YEAR})?)?"
    rf"(?:\s(?:at\s)?{_TIME})?"
)
_ABSOLUTE = (
    rf"(?:(?i:early|mid|late)[-\s])?{_MONTH}\s{_DAY}(?:,?\s{_YEAR})?(?:\s(?:at\s)?{_TIME})?"
    rf"|{_DAY}\s{_MONTH}(?:,?\s{_YEAR})?"
    rf"|(?:(?i:early|mid|late)[-\s])?{_MONTH},?\s{_YEAR}"
    rf"|(?i:last|next|this|early|mid|late)[-\s](?:{_MONTHS_FULL})\b"
    rf"|(?:{_MONTH_ALONE})\b"
    rf"|(?:(?<=\bin\s)|(?<=\bIn\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bby\s)|(?<=\bduring\s)|(?<=\bthrough\s))"
    rf"(?:March|May)\b(?!['’])"  # "in May", not "in May's cabinet"
    rf"|[01]?\d/[0-3]?\d/(?:\d{{4}}|\d\d)\b"
    rf"|\d{{4}}-[01]\d-[0-3]\d\b"
    rf"|(?i:early|mid|late)[-\s]{_YEAR}"
    rf"|(?:{_SEASON}|Q[1-4])\s{_YEAR}"
    rf"|(?<!Act\s)(?<!Acts\s){_YEAR}\b(?!\s?%|\s(?:percent|per\scent))"  # not "the Fraud Act 2006"
)
_MONEY = (
    r"[$€£¥]\s?\d[\d,]*(?:\.\d+)?(?:\s(?:million|billion|trillion|thousand|bn)\b)?"
    r"|\d[\d,]*(?:\.\d+)?\s(?:million\s|billion\s|trillion\s)?(?:dollars|euros|pounds|yen)\b"
)
_PERCENT = r"\d[\d,]*(?:\.\d+)?\s?(?:%|percent\b|per\scent\b)"

# Tried only where a trigger word starts (see _starts), so the alternatives need no leading \b.
_PATTERN = re.compile(
    rf"(?P<MONEY>{_MONEY})|(?P<PERCENT>{_PERCENT})"
    rf"|(?P<DATE>{_WEEKDAY_DATE}|{_HOLIDAY}|{_ABSOLUTE}|{_TIME}{_TIME_DAY})"
    rf"|(?P<RELATIVE>{_RELATIVE})"
)
# "two years ago": tried only just before each closing word.
_AGO_WORDS = (" ago", " earlier", " later")
_AGO = re.compile(rf"\b(?i:{_COUNT}\s{_UNIT}s?)(?=\s(?:ago|earlier|later)\b)")

# The words a match can start with: capitalised ones are found by one scan (its opening character
# class lets the regex engine skip quickly), lowercase ones by plain substring search.
_CAPITAL_TRIGGERS = (
    *MONTHS, "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    *WEEKDAYS, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
    "Christmas", "New Year", "Thanksgiving", "Easter", "Halloween", "Independence", "Labor", "Memorial",
    "Election", "Inauguration", "Veterans", "Presidents", "Boxing", "Valentine", "Q1", "Q2", "Q3", "Q4",
)
# "that year", "that morning": "that " is tried only before one of these ("that" alone is too common).
_THAT_UNITS = ("day", "week", "month", "year", "decade", "quarter", "century", "season", "semester", "morning",
               "afternoon", "evening", "night", "spring", "summer", "fall", "autumn", "winter")
_THAT = "that "
_LOWER_TRIGGERS = (
    "very", "last", "past", "next", "previous", "coming", "following", "upcoming", "final", "first", "same",
    "second", "third", "fourth", "end of ", "start of ", "beginning of ", "middle of ", "turn of ",
    "this", _THAT, "earlier", "later", "early", "late", "mid",
    "yesterday", "today", "tomorrow",
    "weekend", "noon", "midnight", "spring", "summer", "fall", "autumn", "winter",
)


def _capital_trigger(words: tuple[str, ...]) -> re.Pattern[str]:
    """A scan for the start of a number or of any of ``words`` (or of ``_LOWER_TRIGGERS`` capitalised)."""
    endings: dict[str, set[str]] = defaultdict(set)
    capitalised = (w.capitalize() for w in _LOWER_TRIGGERS if w != _THAT)
    for word in (*words, *capitalised, *(f"That {unit}" for unit in _THAT_UNITS)):
        endings[word[0]].add(re.escape(word[1:]))
    branches = "|".join(
        rf"(?<={first})(?:{'|'.join(sorted(rest, key=len, reverse=True))})" for first, rest in sorted(endings.items())
    )
    firsts = "".join(sorted(endings))
    return re.compile(rf"[\d$€£¥{firsts}](?<![\w.,][\d$€£¥])(?<![^\W\d_][A-Z])(?:(?<=[\d$€£¥])|{branches})")


_CAPITAL_TRIGGER = _capital_trigger(_CAPITAL_TRIGGERS)


def _starts(text: str) -> list[int]:
    """Offsets in ``text`` where a date, amount or percentage may start, in order."""
    starts = [m.start() for m in _CAPITAL_TRIGGER.finditer(text)]
    find = text.find
    for word in _LOWER_TRIGGERS:
        at = find(word)
        while at >= 0:
            if (at == 0 or not text[at - 1].isalnum()) and (word != _THAT or text.startswith(_THAT_UNITS, at + 5)):
                starts.append(at)
            at = find(word, at + 1)
    starts.sort()
    return starts


def _ago_spans(text: str) -> list[tuple[int, int, str]]:
    """Spans such as "two years ago", in order."""
    spans = []
    for word in _AGO_WORDS:
        at = text.find(word)
        while at >= 0:
            for match in _AGO.finditer(text, max(0, at - 32), at + len(word) + 1):
                if match.end() == at:
                    spans.append((match.start(), at + len(word), "DATE"))
            at = text.find(word, at + 1)
    spans.sort()
    return spans


def find_amounts(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, label) of every DATE, MONEY and PERCENT in ``text``, in order, not overlapping."""
    ago = _ago_spans(text)
    ago.reverse()
    end = 0
    match_at = _PATTERN.match
    for at in _starts(text):
        if at < end:
            continue
        while ago and ago[-1][0] <= at:
            found = ago.pop()
            if found[0] >= end:
                yield found
                end = found[1]
        if at < end:
            continue
        match = match_at(text, at)
        if match is None:
            continue
        label = match.lastgroup
        if label == "RELATIVE":
            label = "DATE"
            if at - 4 >= end and text.startswith(("the ", "The "), at - 4) and (at == 4 or not text[at - 5].isalnum()):
                at -= 4
            elif match.group().lower() == "weekend":
                continue  # "weekend" names a period only with "the" ("a weekend" does not)
        end = match.end()
        yield at, end, label
    for found in reversed(ago):
        if found[0] >= end:
            yield found
            end = found[1]


def find_amounts_by_passage(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """``find_amounts`` of each text, found in one pass over them all (joined by a NUL character,
    which no pattern crosses), with offsets into each text."""
    joined = "\x00".join(texts)
    out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    index, offset = 0, 0
    limit = len(texts[0]) if texts else 0
    for start, end, label in find_amounts(joined):
        while start > limit:
            index += 1
            offset = limit + 1
            limit = offset + len(texts[index])
        out[index].append((start - offset, end - offset, label))
    return out
