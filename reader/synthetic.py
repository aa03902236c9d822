"""A generated news corpus for the benchmark: many stories, each told by several outlets.

Every story is an event (a strike, a flood, a data breach ...) at an organisation in a city, with
people, figures and dates. Each outlet reports it in articles of about 700 words: the story's facts in
one of three wordings (so passages of different outlets paraphrase each other, and outlets sharing a
wording read like syndicated copy), a quotation repeated word for word, background sentences of its
own, and the page around the article: a byline and dateline on top, share buttons, a newsletter
promotion repeated on every page of the outlet, teasers for other stories and a copyright line below.
A fifth of the files are plain text as scrapers save them (one paragraph per line, no metadata), the
others Markdown with front matter. The same ``seed`` always gives the same corpus.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path

GIVEN = ("Anna", "Marco", "Priya", "Daniel", "Sofia", "Tomas", "Leila", "James", "Ingrid", "Kwame", "Elena",
         "Hugo", "Maya", "Oliver", "Nadia", "Rafael", "Clara", "Samuel", "Yuki", "Fatima", "Lucas", "Greta",
         "Omar", "Hannah", "Victor", "Irene", "Pavel", "Zara", "Felix", "Amara", "Jonas", "Rosa", "Dmitri",
         "Alice", "Mateo", "Chloe", "Arjun", "Lena", "Tobias", "Mirela")
SURNAMES = ("Okafor", "Lindqvist", "Haldane", "Varga", "Moreau", "Kowalczyk", "Tanaka", "Brennan", "Castellano",
            "Nakamura", "Oyelaran", "Petrakis", "Sandoval", "Whitcombe", "Falkenberg", "Iversen", "Radulescu",
            "Achterberg", "Mbeki", "Quintero", "Halvorsen", "Demirci", "Abernathy", "Szabo", "Delacroix",
            "Novak", "Ferreira", "Ostrowski", "Calloway", "Vukovic", "Ashworth", "Rinaldi", "Takahashi",
            "Obuya", "Lachance", "Zielinski", "Marchetti", "Kimura", "Harrowgate", "Espinoza", "Bergstrom",
            "Adeyemi", "Fairbanks", "Lombardi", "Pettersen", "Yilmaz", "Castaneda", "Duchamp", "Kerrigan")
ORG_STEMS = ("Norvane", "Kestrel", "Brightwater", "Halcyon", "Ostrava", "Meridian", "Tollbridge", "Corvane",
             "Bluestone", "Ardent", "Silverline", "Redmere", "Greyfield", "Lumen", "Pinecrest", "Vantor",
             "Harbourview", "Stellan", "Quarrydale", "Westmark", "Emberly", "Calder", "Northgate", "Sableton")
ORG_HEADS = ("Group", "Holdings", "Energy", "Airlines", "Logistics", "Bank", "Foods", "Motors", "Telecom",
             "Pharmaceuticals", "Industries", "Systems")
INSTITUTES = ("Institute", "University", "Foundation", "Council")
PLACES = ("Lyon", "Porto", "Denver", "Leeds", "Tampa", "Bologna", "Krakow", "Osaka", "Valencia", "Rotterdam",
          "Adelaide", "Winnipeg", "Graz", "Tucson", "Nantes", "Bergen", "Cork", "Halifax", "Fresno", "Utrecht",
          "Malmo", "Dresden", "Turin", "Genoa", "Plymouth", "Omaha", "Boise", "Reno")
MONTHS = ("January", "February", "March", "April", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ROLES = ("chief executive", "spokesperson", "director", "chair", "head of operations")

# Each kind of event: three wordings of what happened (clause), why, what it did and the response,
# and topic words for the background sentences.
EVENTS = (
    dict(noun="strike", clause=("workers at its plant began a strike", "staff at its plant walked off the job",
                                "employees at its plant stopped work"),
         cause=("over pay and working hours", "in a dispute about wages and shifts", "after talks on pay collapsed"),
         impact=("production lines stood still", "output came to a halt", "the factory floor fell silent"),
         response=("management offered new talks", "the company proposed fresh negotiations",
                   "bosses called for a return to the table"),
         topic=("union", "pay deal", "picket line", "negotiation", "contract", "overtime rule", "shift pattern", "bargaining")),
    dict(noun="flood", clause=("the river burst its banks near its depot", "floodwater swept through its depot",
                               "heavy rain flooded its depot"),
         cause=("after three days of storms", "following days of torrential rain", "as a storm stalled over the region"),
         impact=("roads were closed and trains cancelled", "rail services were suspended and roads shut",
                 "transport links were cut"),
         response=("emergency crews began pumping out water", "rescue teams started draining the streets",
                   "the fire service set up pumps across the district"),
         topic=("rainfall", "levee", "flood defence", "evacuation", "drainage", "insurance bill", "forecast", "riverbank")),
    dict(noun="data breach", clause=("hackers accessed its customer records", "intruders broke into its customer database",
                                     "attackers stole customer files from its servers"),
         cause=("through a flaw in an old server", "by exploiting an unpatched system", "using stolen employee passwords"),
         impact=("names and addresses were exposed", "personal details leaked online", "account data was published"),
         response=("regulators opened an inquiry", "the data watchdog launched an investigation",
                   "an official investigation was opened"),
         topic=("encryption", "password policy", "regulator", "firewall", "ransom demand", "forensic review", "vulnerability", "patch")),
    dict(noun="merger", clause=("it agreed to buy a rival", "it struck a deal to acquire a competitor",
                                "it will take over a smaller rival"),
         cause=("to expand its regional network", "in a push to grow its market share", "as it seeks to cut costs"),
         impact=("hundreds of jobs could be cut", "the combined company will shed staff", "job losses are expected"),
         response=("competition authorities said they would review the deal", "the antitrust regulator will examine the takeover",
                   "officials promised a close look at the acquisition"),
         topic=("shareholder vote", "valuation", "antitrust review", "cost saving", "dividend", "bidding war", "takeover", "premium")),
    dict(noun="fire", clause=("a fire broke out at its warehouse", "flames engulfed its warehouse",
                              "its warehouse was destroyed by fire"),
         cause=("after an electrical fault", "apparently caused by faulty wiring", "when a transformer exploded"),
         impact=("thick smoke forced nearby schools to close", "smoke drifted over the city and schools shut",
                 "nearby residents were told to keep windows closed"),
         response=("investigators began examining the site", "fire investigators started work at the scene",
                   "an inquiry into the cause began"),
         topic=("fire safety", "smoke", "arson theory", "blaze", "building code", "hydrant network", "inspection", "sprinkler system")),
    dict(noun="recall", clause=("it recalled thousands of vehicles", "it ordered a recall of thousands of cars",
                                "it is calling back thousands of its cars"),
         cause=("because of a brake defect", "over faulty brakes", "after reports of brake failures"),
         impact=("dealers stopped selling the model", "sales of the model were frozen", "showrooms pulled the model"),
         response=("safety regulators demanded a full report", "the road safety agency asked for documents",
                   "officials requested the company's test results"),
         topic=("dealer network", "brake system", "defect", "warranty", "safety test", "inspection", "repair bill", "safety record")),
)

# The facts every report of a story draws on, each in three wordings (outlet number mod 3, shifted by fact).
FACTS = (
    ("{Org} said on {day} that {clause} in {place} {cause}.",
     "{Clause_org} in {place} {cause}, {org} confirmed on {day}.",
     "In {place}, {clause_org} {cause}, according to a statement from {org} on {day}."),
    ("About {count} people were affected, and {impact}.",
     "The disruption touched roughly {count} people as {impact}.",
     "{Impact}, with some {count} people affected."),
    ("“{quote},” {person} said.",
     "{Role} {person} said: “{quote}.”",
     "“{quote},” said {person}, the {role} of {org}."),
    ("The cost is estimated at ${amount} million, {expert} of the {institute} said.",
     "{expert}, an analyst at the {institute}, put the cost at ${amount} million.",
     "Estimates by the {institute} suggest a bill of around ${amount} million."),
    ("On {date}, {response}.",
     "{Response} on {date}.",
     "By {date}, {response}, officials said."),
    ("Local figures show a {percent}% rise in complaints since {month}.",
     "Complaints have climbed {percent}% since {month}, local figures show.",
     "Since {month}, complaints are up {percent}%, according to local data."),
    ("It is the first {noun} of this size in {place} since {year}.",
     "{place} last saw a {noun} of this size in {year}.",
     "Not since {year} has {place} seen a comparable {noun}."),
    ("{person2}, who leads the {place} city council, called for calm.",
     "City council leader {person2} urged residents to stay calm.",
     "Residents were asked to remain calm by {person2}, head of the {place} council."),
    ("A further meeting is planned for {weekday2}.",
     "The parties are due to meet again on {weekday2}.",
     "Talks are set to resume on {weekday2}."),
    ("{org} employs {staff} people in the region.",
     "The company has {staff} staff across the region.",
     "Around {staff} people work for {org} in the area."),
)

QUOTES = ("We are doing everything we can to put this right for the people of {place}",
          "Nobody wanted it to come to this, but we had no choice",
          "Our first concern is the safety of everyone involved",
          "This has been a very difficult week for our staff and our customers",
          "We will not rest until we understand exactly what went wrong",
          "We expect to be back to normal within a few weeks")

# Background sentences: templates filled from word pools cut out of the shipped common-word list
# (see _pools and _Story.words).
BACKGROUND = (  # only function words besides the slots: outlets share no phrasing, only vocabulary
    "The {adjective} {noun} was {verb} by the {noun2}.",
    "{Group} said the {noun} had been {verb} before the {adjective} {noun2}.",
    "But the {noun} of the {noun2} has not been {verb}, {group} said.",
    "Some {group} would have {verb} the {adjective} {noun} for their own {noun2}.",
    "Its {noun} could be {verb} again, which would make the {noun2} more {adjective}.",
    "There was no {noun} in the {adjective} {noun2} that {group} had {verb}.",
    "Few {group} had {verb} such an {adjective} {noun} until the {noun2}.",
    "After the {noun}, the {noun2} was {verb} and the {topic} became {adjective}.",
    "The {topic} is now {adjective}, and the {noun} has been {verb} over the {noun2}.",
    "This {noun} was {adjective}, but the {noun2} of the {topic} was {verb} all the same.",
)
GROUPS = ("residents", "local businesses", "economists", "union leaders", "regulators", "analysts", "investors",
          "commuters", "shop owners", "campaigners", "lawmakers", "consumer groups")

# The outlets. The page around an article names its outlet, so its newsletter line recurs on all its pages.
SOURCES = (
    "The Daily Ledger", "Metro Wire", "Northern Courier", "City Chronicle", "The Evening Post", "Harbour Times",
    "Valley Gazette", "The Observer Review", "Capital Dispatch", "Coastal Herald", "Business Monitor",
    "Regional Tribune",
)


@dataclass(frozen=True, slots=True)
class _Story:
    """One event: its kind (see ``EVENTS``), the values its facts are written with, its titles, and
    the words its background sentences draw on (nouns, adjectives, past participles): reports of one
    event share their vocabulary, but each outlet writes its own sentences."""

    kind: dict
    values: dict[str, str]
    titles: tuple[str, str, str]
    words: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]


@cache
def _pools() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(nouns, adjectives, past participles): the shipped common words not rare in English, told by their endings."""
    from reader.entities.vocabulary import vocabulary
    from reader.evidence import english_zipf

    zipf = english_zipf()
    words = sorted(w for w in vocabulary().common if w.isalpha() and 6 <= len(w) <= 13 and zipf.get(w, 0) >= 3.3)
    nouns = tuple(w for w in words if w.endswith(("tion", "ment", "ness", "ity", "ance", "ence", "ship")))
    adjectives = tuple(w for w in words if w.endswith(("ous", "ive", "able", "ful", "ical", "ent", "ary"))
                       and not w.endswith("ment"))
    verbs = tuple(w for w in words if w.endswith("ed") and not w.endswith("eed"))
    return nouns, adjectives, verbs


def _person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"


def _story(rng: random.Random, n: int) -> _Story:
    kind = EVENTS[n % len(EVENTS)]
    org = f"{rng.choice(ORG_STEMS)} {rng.choice(ORG_HEADS)}"
    place = rng.choice(PLACES)
    values = {
        "org": org, "place": place, "person": _person(rng), "person2": _person(rng), "expert": _person(rng),
        "institute": f"{rng.choice(ORG_STEMS)} {rng.choice(INSTITUTES)}",
        "role": rng.choice(ROLES), "day": rng.choice(WEEKDAYS), "weekday2": rng.choice(WEEKDAYS),
        "date": f"{rng.choice(MONTHS)} {rng.randint(1, 28)}", "month": rng.choice(MONTHS),
        "count": f"{rng.randint(2, 90) * 100:,}", "amount": str(rng.randint(3, 400)),
        "percent": str(rng.randint(3, 60)), "year": str(rng.randint(1950, 2015)),
        "staff": f"{rng.randint(3, 120) * 50:,}", "noun": kind["noun"],
        "quote": rng.choice(QUOTES).format(place=place),
    }
    titles = (f"{org} hit by {kind['noun']} in {place}", f"{kind['noun'].capitalize()} at {org} disrupts {place}",
              f"{place} {kind['noun']}: what we know about the {org} case")
    words = tuple(tuple(rng.sample(pool, size)) for pool, size in zip(_pools(), (300, 100, 100)))
    return _Story(kind, values, titles, words)


def _capitalised(text: str) -> str:
    return text[0].upper() + text[1:]


def _fact(story: _Story, fact: int, wording: int) -> str:
    """Fact number ``fact`` of the story in its ``wording`` (0, 1 or 2)."""
    kind, values = story.kind, dict(story.values)
    for name in ("clause", "cause", "impact", "response"):
        values[name] = kind[name][wording]
    values["clause_org"] = values["clause"].replace("its ", f"{values['org']}'s ", 1)
    for name in ("org", "impact", "response", "role", "clause_org"):
        values[_capitalised(name)] = _capitalised(values[name])
    return FACTS[fact][wording].format(**values)


def _background(rng: random.Random, story: _Story) -> str:
    nouns, adjectives, verbs = story.words
    group = rng.choice(GROUPS)
    return rng.choice(BACKGROUND).format(
        topic=rng.choice(story.kind["topic"]), group=group, Group=_capitalised(group),
        adjective=rng.choice(adjectives), noun=rng.choice(nouns), noun2=rng.choice(nouns), verb=rng.choice(verbs))


def _article(rng: random.Random, story: _Story, outlet: int, others: list[_Story],
             published: str) -> tuple[str, list[str], list[str], list[str]]:
    """(title, header lines, paragraphs, tail lines) of one outlet's report of ``story``."""
    source = SOURCES[outlet]
    wording = outlet % 3
    facts = [f for f in range(len(FACTS)) if f == 0 or rng.random() < 0.85]
    if len(facts) > 3:  # outlets order the middle of a story differently
        i = rng.randrange(1, len(facts) - 1)
        facts[i], facts[i + 1] = facts[i + 1], facts[i]
    paragraphs = [
        " ".join([_fact(story, f, (wording + f) % 3), *(_background(rng, story) for _ in range(rng.randint(3, 5)))])
        for f in facts
    ]
    for _ in range(rng.randint(2, 4)):
        paragraphs.insert(rng.randrange(1, len(paragraphs)), " ".join(_background(rng, story) for _ in range(4)))
    header = [f"By {_person(rng)}", f"Published {published}"]
    tail = ["Share this article", f"Sign up for the {source} morning newsletter, delivered to your inbox.",
            "Related Stories", *(rng.choice(other.titles) for other in others),
            f"© 2025 {source}. All rights reserved."]
    return story.titles[wording], header, paragraphs, tail


def write_corpus(folder: Path, articles: int, seed: int = 7) -> Path:
    """Write ``articles`` generated articles into ``folder`` (created if needed) and return it.

    Stories get three to seven outlets each, so there are about a fifth as many stories as articles.
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    stories: list[_Story] = []
    written = 0
    while written < articles:
        n = len(stories)
        story = _story(rng, n)
        stories.append(story)
        published = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        for outlet in rng.sample(range(len(SOURCES)), min(articles - written, rng.randint(3, 7))):
            title, header, paragraphs, tail = _article(rng, story, outlet, rng.choices(stories, k=3), published)
            name = f"{n:05d}-{outlet:02d}"
            if rng.random() < 0.2:  # a scraper's plain text: one paragraph per line, the headline first
                text = "\n".join([title, *header, *paragraphs, *tail]) + "\n"
                (folder / f"{name}.txt").write_text(text, encoding="utf-8")
            else:
                front_matter = (f"---\ntitle: \"{title}\"\nsource: {SOURCES[outlet]}\npublished: {published}\n"
                                f"url: https://example.org/{name}\n---\n\n")
                text = "\n\n".join([f"# {title}", *header, *paragraphs, *tail]) + "\n"
                (folder / f"{name}.md").write_text(front_matter + text, encoding="utf-8")
            written += 1
    return folder
