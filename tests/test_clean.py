"""The boilerplate cleaner: scraper leftovers are marked with a reason, the article's own words never are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.clean import REASONS, mark_boilerplate
from reader.load import load
from reader.model import Article, Kind
from tests.conftest import FIXTURES

PAGES = sorted((FIXTURES / "pages").glob("*.txt"))

# Made-up article prose, reused around the leftovers under test.
PROSE = [
    "The ferry company said on Tuesday that it would cut its winter timetable by a third because of rising fuel costs.",
    "Passengers on the island route will have two sailings a day instead of three from November, the company said.",
    "Local councillors called the decision a disaster for people who travel to the mainland for work and hospital visits.",
    "The company said it had lost money on the route for four years and could not keep running empty boats in January.",
    "Talks with the regional government about a subsidy broke down last month, according to people familiar with them.",
    "A spokesperson for the regional government said it would meet the company again before the end of the year.",
]
TITLE = "Ferry company cuts island sailings"


def clean(tmp_path: Path, *texts: str, suffix: str = ".txt") -> list[Article]:
    """The articles of ``texts`` (one file each), loaded and marked."""
    paths = []
    for n, text in enumerate(texts):
        path = tmp_path / f"article{n}{suffix}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    corpus = load(paths)
    mark_boilerplate(corpus)
    return corpus.articles


def page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def verdicts(article: Article) -> dict[str, str | None]:
    return {p.text: p.boilerplate for p in article.passages}


def assert_prose_kept(article: Article) -> None:
    found = verdicts(article)
    assert {line: found[line] for line in PROSE if line in found} == {line: None for line in PROSE if line in found}


# --- sections opened by a heading -------------------------------------------------------------


def test_trailing_teaser_section_is_removed_with_its_headline_and_blurb_pairs(tmp_path):
    text = page(
        TITLE, *PROSE, "Recent Stories",
        "Harbour master retires after forty years\nHe first went to sea at fifteen and has seen the port change beyond recognition.",
        "Why the island's only bakery is closing?\nThe owners say they can no longer find staff willing to start work at four in the morning.",
    )
    [article] = clean(tmp_path, text, suffix=".md")  # Markdown keeps each headline and blurb in one passage
    assert_prose_kept(article)
    removed = {p.text.split("\n")[0]: p.boilerplate for p in article.passages if not p.kept}
    assert removed == {
        "Recent Stories": "related-links",
        "Harbour master retires after forty years": "related-links",
        "Why the island's only bakery is closing?": "related-links",
    }


def test_txt_teaser_blurbs_on_their_own_lines_are_removed_too(tmp_path):
    text = "\n".join([
        TITLE, "", *PROSE, "", "You May Also Like", "",
        "Harbour master retires after forty years",
        "He first went to sea at fifteen and has seen the port change beyond recognition in that time.",
        "Island bakery closes after ninety years",
        "The owners say they can no longer find staff willing to start work at four in the morning.",
    ])
    [article] = clean(tmp_path, text)
    assert_prose_kept(article)
    assert [p.boilerplate for p in article.passages[-5:]] == ["related-links"] * 5


def test_related_box_inside_the_article_ends_where_the_prose_resumes(tmp_path):
    text = page(TITLE, *PROSE[:3], "Related Articles", "Island bus service cut to two days a week",
                "Fuel prices hit a ten-year high", *PROSE[3:])
    [article] = clean(tmp_path, text)
    assert_prose_kept(article)
    assert sum(not p.kept for p in article.passages) == 3


@pytest.mark.parametrize("heading", ["Comments", "3 Comments", "Leave a Reply", "Join the conversation"])
def test_comment_section_heading_removes_the_comments_under_it(tmp_path, heading):
    comments = [
        "I have used this ferry for twenty years and it has never been this bad. Shame on the company.",
        "Two sailings a day is not enough for anyone who works on the mainland, as the article says.",
    ]
    [article] = clean(tmp_path, page(TITLE, *PROSE, heading, *comments))
    assert_prose_kept(article)
    assert all(verdicts(article)[line] in ("comments", "comment-form") for line in [heading, *comments])


def test_ambiguous_heading_early_in_the_article_starts_no_section(tmp_path):
    entries = ["9:45am", PROSE[1], "9:30am", PROSE[2], "9:15am", PROSE[3]]
    [article] = clean(tmp_path, page(TITLE, PROSE[0], "Latest updates", *entries, PROSE[4]))
    assert article.removed_count == 0


def test_ambiguous_heading_section_is_undone_when_prose_resumes(tmp_path):
    text = page(TITLE, *PROSE[:4], "In other news", "Bus fares", PROSE[4], PROSE[5])
    [article] = clean(tmp_path, text)
    assert article.removed_count == 0


# --- leftovers recognised by their own wording ------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Share this article", "share-widget"),
        ("Share on Facebook", "share-widget"),
        ("Facebook Twitter WhatsApp Email", "share-widget"),
        ("Follow us on Instagram", "share-widget"),
        ("Subscribe to our newsletter", "promo"),
        ("Sign up for our daily briefing", "promo"),
        ("Get the Island Post app for breaking news alerts.", "promo"),
        ("Advertisement", "promo"),
        ("Story continues below advertisement", "promo"),
        ("Please enter your email address here", "comment-form"),
        ("Your email address will not be published. Required fields are marked *", "comment-form"),
        ("Click here to read the full report", "link-residue"),
        ("Source link", "link-residue"),
        ("READ MORE: Island bus service cut to two days a week", "link-residue"),
        ("Tags: ferries, islands, transport", "link-residue"),
        ("The post Ferry company cuts island sailings appeared first on Island Post.", "link-residue"),
        ("Print this page", "page-control"),
        ("Text size", "page-control"),
        ("4 min read", "page-control"),
        ("Home » News » Transport", "page-control"),
        ("Copyright © 2021 Island Post Ltd. All rights reserved.", "legal"),
        ("This material may not be published, broadcast, rewritten or redistributed.", "legal"),
        ("By Jane Doe", "byline"),
        ("By JANE DOE and OWEN PRICE Associated Press", "byline"),
        ("Reporting by Jane Doe; Editing by Owen Price", "byline"),
        ("The Associated Press contributed to this report.", "byline"),
        ("Owen Price | Getty Images", "photo-credit"),
        ("Photo: Owen Price/Reuters", "photo-credit"),
        ("Image Credits: Getty Images", "photo-credit"),
        ("The ferry leaves the harbour on Tuesday. (AP Photo/Owen Price)", "caption"),
    ],
)
def test_leftover_wording_is_removed_anywhere(tmp_path, line, reason):
    [article] = clean(tmp_path, page(TITLE, *PROSE[:3], line, *PROSE[3:]))
    assert verdicts(article)[line] == reason
    assert_prose_kept(article)


@pytest.mark.parametrize(
    "line",
    [
        "Twitter's share price fell 6.4% on Monday as investors were spooked by renewed debate over regulation.",
        "Apple declined to comment.",
        "Representatives from the company did not immediately respond to a request for comment.",
        "Share prices in Asia rose on Tuesday.",
        "Subscribers to the service will pay $5 more a month from March.",
        "Sign up for the vaccine opened on Monday, officials said.",
        "The newsletter, which has 40,000 subscribers, said you could not trust the polls.",
        "Follow-up reports showed the fire had spread to a second building.",
        "Print sales fell 12% last year while digital subscriptions rose.",
        "Photo identification will be required at polling stations.",
        "By Saturday night, the company had told passengers it would no longer run the late boat.",
        "By Monday, the company had lost half its users.",
        "Source code for the app was leaked online.",
        "Click fraud costs advertisers billions.",
        "The copyright lawsuit was filed in 2019.",
        "Getty Images said it would appeal the ruling.",
        "“Follow us on Twitter,” the group told supporters, urging them to join the protest.",
        "Latest figures show unemployment rose to 5.1%.",
        "With that, the meeting ended.",
        "Save the Children said 40 children had been hurt.",
        "(The company's founder owns this newspaper.)",
        "Research by Harvard University found that ferry users were older than average.",
        "It was first published in 1851 by a group of merchants.",
        "By The Numbers",
        "Responses to the plan",
        "More on the timetable",
    ],
)
def test_prose_that_mentions_the_same_words_is_kept(tmp_path, line):
    [article] = clean(tmp_path, page(TITLE, *PROSE[:3], line, *PROSE[3:]))
    assert article.removed_count == 0


def test_titles_are_never_removed(tmp_path):
    [article] = clean(tmp_path, page("Mayor asks towns to share this summer's water", *PROSE))
    assert article.passages[0].kind is Kind.TITLE and article.passages[0].kept


# --- the page above the headline ----------------------------------------------------------------


@pytest.mark.parametrize(
    "top",
    [
        ["ADVERTISEMENT"],
        ["Skip to main content", "News › Island › Transport"],
        ["BREAKING NEWS", "Watch live: the evening bulletin"],
        ["We use cookies to improve our site. Accept all | Manage preferences"],
        ["Ostküste Nachrichten · 3. März 2024 09:31"],
        ["You have 2 free articles left this month. Subscribe for unlimited access."],
    ],
)
def test_furniture_above_the_headline_is_removed_and_the_headline_found(tmp_path, top):
    [article] = clean(tmp_path, page(*top, TITLE, "By Ann Lowe | The Island Courier", *PROSE))
    assert article.title == TITLE
    found = verdicts(article)
    assert all(found[line] is not None for line in top)
    assert found[TITLE] is None and found["By Ann Lowe | The Island Courier"] == "byline"
    assert_prose_kept(article)


def test_a_masthead_that_reads_like_a_headline_gives_way_to_the_line_over_the_dateline(tmp_path):
    masthead = "Harbour Lights — notes on boats, tides and the people who work them"
    [article] = clean(tmp_path, page(masthead, "Home  About  Archive  Contact", TITLE, "March 3, 2024 · 5 min read", *PROSE))
    assert article.title == TITLE
    assert verdicts(article)[masthead] == "page-control"


def test_a_headline_over_a_standfirst_and_a_byline_stays_the_headline(tmp_path):
    standfirst = "Islanders say two sailings a day will cut them off from jobs and hospitals"
    [article] = clean(tmp_path, page(TITLE, standfirst, "By Ann Lowe", *PROSE))
    assert article.title == TITLE
    assert verdicts(article)[standfirst] is None


def test_a_machine_translation_notice_is_removed(tmp_path):
    notice = "This article was translated automatically from the Spanish. See the original"
    [article] = clean(tmp_path, page(notice, TITLE, *PROSE))
    assert article.title == TITLE and verdicts(article)[notice] == "link-residue"


def test_a_section_label_above_the_headline_is_not_the_headline(tmp_path):
    [article] = clean(tmp_path, page("Europe | Transport", TITLE, *PROSE))
    assert article.title == TITLE
    assert verdicts(article)["Europe | Transport"] == "page-control"


def test_a_text_that_opens_with_prose_has_no_headline_and_loses_nothing(tmp_path):
    [article] = clean(tmp_path, page(*PROSE))
    assert article.title is None and article.removed_count == 0


def test_a_credit_in_capitals_is_a_photo_credit(tmp_path):
    [article] = clean(tmp_path, page(TITLE, *PROSE[:2], "ANN LOWE / THE ISLAND COURIER", *PROSE[2:]))
    assert verdicts(article)["ANN LOWE / THE ISLAND COURIER"] == "photo-credit"
    assert_prose_kept(article)


# --- photo credits and their captions ---------------------------------------------------------


def test_caption_above_a_credit_near_the_top_goes_with_it(tmp_path):
    caption = "Passengers wait for the morning ferry at Port Ellery."
    [article] = clean(tmp_path, page(TITLE, caption, "Owen Price | Bloomberg | Getty Images", *PROSE))
    assert verdicts(article)[caption] == "caption"
    assert_prose_kept(article)


def test_prose_above_a_credit_in_the_middle_is_kept(tmp_path):
    [article] = clean(tmp_path, page(TITLE, *PROSE[:4], "Getty Images", *PROSE[4:]))
    assert verdicts(article)["Getty Images"] == "photo-credit"
    assert_prose_kept(article)


def test_caption_in_the_middle_is_recognised_by_its_wording(tmp_path):
    caption = "The island ferry is pictured at its berth on January 4, 2021."
    [article] = clean(tmp_path, page(TITLE, *PROSE[:4], caption, "Reuters", *PROSE[4:]))
    assert verdicts(article)[caption] == "caption"


# --- comment threads --------------------------------------------------------------------------


def test_comment_thread_is_removed_with_the_comments_in_it(tmp_path):
    thread = [
        "Mary K. says:", "January 12, 2021 at 9:14 pm",
        "I have used this ferry for twenty years and it has never been this bad. Shame on the company.", "Reply",
        "Tom says:", "January 13, 2021 at 7:02 am",
        "Mary, the company has been losing money for years. Somebody has to pay for the boats.", "Reply",
    ]
    [article] = clean(tmp_path, page(TITLE, *PROSE, *thread))
    assert_prose_kept(article)
    assert {verdicts(article)[line] for line in thread} == {"comments"}


def test_a_lone_line_ending_in_says_is_kept(tmp_path):
    [article] = clean(tmp_path, page(TITLE, *PROSE[:3], "Harbour master Jo Rees says:", *PROSE[3:]))
    assert article.removed_count == 0


# --- position: before the first and after the last paragraph of prose -------------------------


def test_short_labels_after_the_prose_are_removed(tmp_path):
    [article] = clean(tmp_path, page(TITLE, *PROSE, "Ferries", "Island Life", "Transport"))
    assert [p.boilerplate for p in article.passages[-3:]] == ["link-residue"] * 3


def test_teaser_headlines_beside_other_leftovers_after_the_prose_are_removed(tmp_path):
    tail = ["Previous article", "Island bus service cut to two days a week", "Next article", "Fuel prices hit a ten-year high"]
    [article] = clean(tmp_path, page(TITLE, *PROSE, *tail))
    assert all(verdicts(article)[line] for line in tail)


def test_list_of_headlines_after_the_prose_is_removed(tmp_path):
    teasers = ["Island bus service cut to two days a week", "Fuel prices hit a ten-year high", "New harbour master named"]
    [article] = clean(tmp_path, page(TITLE, *PROSE, *teasers))
    assert [verdicts(article)[line] for line in teasers] == ["link-residue"] * 3


def test_list_introduced_by_the_article_after_the_prose_is_kept(tmp_path):
    timeline = ["2016: First winter cuts", "2019: Company sold to new owners", "2021: Subsidy talks collapse"]
    [article] = clean(tmp_path, page(TITLE, *PROSE, "How the dispute unfolded:", *timeline))
    assert article.removed_count == 0


def test_closing_quote_and_short_last_sentence_are_kept(tmp_path):
    [article] = clean(tmp_path, page(TITLE, *PROSE, "“We will keep fighting”", "The talks resume on Monday."))
    assert article.removed_count == 0


def test_labels_and_datelines_before_the_prose_are_removed_but_not_a_standfirst(tmp_path):
    standfirst = "Islanders say two sailings a day will cut them off from jobs and hospitals"
    [article] = clean(tmp_path, page(TITLE, standfirst, "Transport", "Island News", "January 12, 2021", *PROSE))
    assert [p.boilerplate for p in article.passages[1:5]] == [None, "page-control", "page-control", "byline"]


def test_short_lines_in_the_middle_of_the_prose_are_kept_as_headings(tmp_path):
    [article] = clean(tmp_path, page(TITLE, *PROSE[:3], "A Long Way Back", "UPDATED — 1/13/2021", *PROSE[3:]))
    headings = [p.text for p in article.passages if p.kind is Kind.HEADING]
    assert article.removed_count == 0
    assert headings == ["UPDATED — 1/13/2021"]  # the first is followed by a heading, not by prose


def test_headings_are_recognised_in_txt_files_only(tmp_path):
    text = page(TITLE, *PROSE[:3], "What happens next", *PROSE[3:])
    [txt] = clean(tmp_path, text)
    [md] = clean(tmp_path, text, suffix=".md")
    assert verdicts(txt)["What happens next"] is None and verdicts(md)["What happens next"] is None
    assert [p.kind for p in txt.passages if p.text == "What happens next"] == [Kind.HEADING]
    assert [p.kind for p in md.passages if p.text == "What happens next"] == [Kind.PARAGRAPH]


def test_markdown_link_list_after_the_prose_is_removed(tmp_path):
    links = "[Island bus service cut to two days a week](https://example.com/bus)"
    [article] = clean(tmp_path, page(TITLE, *PROSE, links), suffix=".md")
    assert article.passages[-1].boilerplate == "link-residue"


# --- lines repeated across one source's articles ----------------------------------------------


def _sourced(source: str, lead: int) -> str:
    front = f"---\ntitle: Story {lead}\nsource: {source}\n---\n"
    return front + page(PROSE[lead], "Island Post Sunday Edition", *PROSE[lead + 1 : lead + 3])


def test_line_repeated_in_articles_of_one_source_is_removed(tmp_path):
    first, second = clean(tmp_path, _sourced("Island Post", 0), _sourced("Island Post", 3), suffix=".md")
    assert verdicts(first)["Island Post Sunday Edition"] == "repeated"
    assert verdicts(second)["Island Post Sunday Edition"] == "repeated"
    assert_prose_kept(first)


def test_line_shared_by_different_sources_is_kept(tmp_path):
    first, second = clean(tmp_path, _sourced("Island Post", 0), _sourced("Harbour Times", 3), suffix=".md")
    assert first.removed_count == second.removed_count == 0


def test_prose_repeated_by_one_source_is_kept(tmp_path):
    front = "---\ntitle: Update {n}\nsource: Island Post\n---\n"
    articles = clean(tmp_path, front.format(n=1) + page(*PROSE), front.format(n=2) + page(*PROSE[:4]), suffix=".md")
    assert [a.removed_count for a in articles] == [0, 0]


# --- the hand-written pages and the seeds -----------------------------------------------------


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_page(path):
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    corpus = load([path])
    mark_boilerplate(corpus)
    [article] = corpus.articles
    raw = path.read_text(encoding="utf-8")
    line_of = {}
    offset = 0
    for number, line in enumerate(raw.split("\n"), 1):
        line_of[offset + len(line) - len(line.lstrip())] = number
        offset += len(line) + 1
    got = {line_of[p.start]: p for p in article.passages}
    removed = {int(n): reason for n, reason in expected["removed"].items()}
    either = set(expected.get("either", []))
    wrong = []
    for number, passage in sorted(got.items()):
        if number in either:
            continue
        if number in removed:
            want = removed[number]
            if passage.kept or (want and passage.boilerplate != want):
                wrong.append((number, passage.text[:60], want or "removed", passage.boilerplate))
        elif not passage.kept:
            wrong.append((number, passage.text[:60], "kept", passage.boilerplate))
    for number in expected.get("headings", []):
        if got[number].kind is not Kind.HEADING or not got[number].kept:
            wrong.append((number, got[number].text[:60], "heading", got[number].kind.value))
    assert wrong == []


def test_every_verdict_is_a_documented_reason():
    corpus = load(PAGES)
    mark_boilerplate(corpus)
    used = {p.boilerplate for a in corpus.articles for p in a.passages if p.boilerplate}
    assert used <= set(REASONS)
    assert all(description.strip() for description in REASONS.values())


def test_seed_boilerplate_is_found_without_losing_content(seed_scores):
    structure = seed_scores["structure"]
    assert structure["F1"] >= 0.97
    assert structure["content_lost"] == 0


def test_pasted_markdown_paragraphs_are_judged_line_by_line():
    """A Markdown paragraph that holds a scraped page's lines is a leftover when all its lines are."""
    from tests.conftest import BUNDLED, SEEDS

    def removed_lines(paths):
        corpus = load(paths)
        mark_boilerplate(corpus)
        return {
            article.id: sorted(line for p in article.passages if p.boilerplate for line in p.text.split("\n"))
            for article in corpus.articles
        }

    assert removed_lines([BUNDLED]) == removed_lines(SEEDS)


def test_a_paragraph_with_one_prose_line_is_kept_whole(tmp_path):
    page = tmp_path / "a.md"
    page.write_text(
        "# Headline\n\nThe council approved the budget on Tuesday after a long debate about schools.\n"
        "Share this article\n",
        encoding="utf-8",
    )
    corpus = load([page])
    mark_boilerplate(corpus)
    assert all(p.kept for p in corpus.articles[0].passages)
