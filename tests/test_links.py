"""Links between passages of different sources in one story, the events they form, and what the reader asks of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import links
from reader.evidence import english_rarity, passage_evidence, stem
from reader.links import find_events, link_passages, only_here, other_sources
from reader.model import Article, Corpus, Entity, Kind, Link, Passage

# Passages every made-up outlet also prints, about other parts of a made-up
# story: they give the rarity weights something to compare against.
FILLER = [
    "The harbour authority said ferries would keep their winter timetable.",
    "Fishermen complained about the price of diesel at the quay.",
    "The council meets again next month to discuss the harbour budget.",
    "Tourism in the old town has recovered since the spring.",
]


def make_article(article_id: str, texts: list[str], story: str = "harbour", entities=None) -> Article:
    """An article whose passages are ``texts`` (the first one a title), with optional entities per text."""
    passages = []
    offset = 0
    for n, text in enumerate(texts):
        kind = Kind.TITLE if n == 0 else Kind.PARAGRAPH
        found = (entities or {}).get(text, [])
        passages.append(Passage(f"{article_id}:{n}", kind, offset, offset + len(text), text, entities=list(found)))
        offset += len(text) + 2
    title = texts[0]
    return Article(article_id, Path(f"{article_id}.md"), title, article_id, None, None, passages, story=story)


def linked(corpus: Corpus, a: str, b: str):
    """The link from passage ``a`` to passage ``b``, or None."""
    return next((link for link in corpus.locate(a)[1].links if link.to == b), None)


@pytest.fixture(autouse=True)
def no_user_feedback(monkeypatch, tmp_path):
    """Link tests never read or write the real user's feedback."""
    monkeypatch.setattr("reader.paths.user_data_dir", lambda: tmp_path / "user-data")


def test_a_shared_quotation_links_otherwise_different_passages():
    a = make_article("a", ["Harbour news", *FILLER, "At the briefing the mayor promised the bridge “will reopen before the winter floods arrive”."])
    b = make_article("b", ["Harbour report", *FILLER[:2], "Officials now say it will reopen before the winter floods arrive."])
    corpus = Corpus([a, b])
    link_passages(corpus)
    link = linked(corpus, "a:5", "b:3")
    assert link is not None
    assert link.why[0] == "shared quote: “will reopen before the winter floods arrive”"
    assert link.score >= 0.9


def test_a_common_phrase_in_quotation_marks_is_not_a_shared_quote():
    a = make_article("a", ["Harbour news", *FILLER, "Residents said “it is what it is” about the closure of the pier."])
    b = make_article("b", ["Harbour report", *FILLER[:2], "The mayor shrugged: it is what it is, she told the radio about taxes."])
    corpus = Corpus([a, b])
    link_passages(corpus)
    link = linked(corpus, "a:5", "b:3")
    assert link is None or not any(why.startswith("shared quote") for why in link.why)


def test_the_actors_every_passage_names_do_not_link_but_rare_details_do():
    actors = "Mayor Ilse Varga and the Northgate ferry company"
    a = make_article("a", [
        "Northgate ferry row",
        f"{actors} met on Monday about the timetable.",
        f"{actors} argued over the parking fees.",
        f"{actors} agreed that the restraining barrier at pier seven will be replaced.",
        f"{actors} will meet again.",
    ])
    b = make_article("b", [
        "Ferry dispute goes on",
        f"{actors} disagree about the dredging contract.",
        f"{actors} blamed each other for delays.",
        f"According to {actors}, the restraining barrier at pier seven is to be replaced.",
        f"{actors} have not spoken since.",
    ])
    corpus = Corpus([a, b])
    link_passages(corpus)
    assert linked(corpus, "a:3", "b:3") is not None
    reasons = " ".join(linked(corpus, "a:3", "b:3").why)
    assert "restraining" in reasons and "barrier" in reasons and "pier" in reasons
    assert linked(corpus, "a:2", "b:2") is None
    assert linked(corpus, "a:4", "b:4") is None


def test_shared_figures_are_evidence():
    base_a = "The storm left homes without power across the valley, the utility said."
    base_b = "Across the valley, homes were without power after the storm."
    with_figures = (
        make_article("a", ["Storm", *FILLER, base_a.replace("homes", "48,250 homes")]),
        make_article("b", ["Storm", *FILLER[:2], base_b.replace("homes", "48250 homes")]),
    )
    without = (make_article("a", ["Storm", *FILLER, base_a]), make_article("b", ["Storm", *FILLER[:2], base_b]))
    scored = []
    for articles in (with_figures, without):
        corpus = Corpus(list(articles))
        link_passages(corpus)
        scored.append(linked(corpus, "a:5", "b:3"))
    assert scored[0] is not None and "shared figures: 48,250" in scored[0].why
    assert scored[1] is None or scored[1].score < scored[0].score


def test_entity_keys_match_aliases():
    text_a = "AWS cut off the forum on Sunday night."
    text_b = "Amazon Web Services cut off the forum, leaving it dark."
    entities = {
        text_a: [Entity(0, 3, "ORG", "amazon-web-services")],
        text_b: [Entity(0, 19, "ORG", "amazon-web-services")],
    }
    a = make_article("a", ["Forum offline", *FILLER, text_a], entities=entities)
    b = make_article("b", ["Forum dark", *FILLER[:2], text_b], entities=entities)
    corpus = Corpus([a, b])
    link_passages(corpus)
    link = linked(corpus, "a:5", "b:3")
    assert link is not None
    assert any(why.startswith("shared entities: AWS") for why in link.why)


def test_dates_match_by_their_parts():
    text_a = "The dam gave way late Saturday night after days of rain, flooding the lower town."
    text_b = "On Saturday, the lower town flooded when the dam failed."
    entities = {
        text_a: [Entity(text_a.index("late"), text_a.index(" after"), "DATE", "date:late-saturday-night")],
        text_b: [Entity(3, 11, "DATE", "date:saturday")],
    }
    a = make_article("a", ["Flood", *FILLER, text_a], entities=entities)
    b = make_article("b", ["Flood", *FILLER[:2], text_b], entities=entities)
    corpus = Corpus([a, b])
    link_passages(corpus)
    link = linked(corpus, "a:5", "b:3")
    assert link is not None
    assert "shared dates: Saturday" in link.why


def test_percentages_and_sums_match_however_they_are_written():
    def figures(text: str, label: str, written: str) -> set[str]:
        start = text.index(written)
        passage = Passage("p", Kind.PARAGRAPH, 0, len(text), text,
                          entities=[Entity(start, start + len(written), label, f"{label.lower()}:x")])
        return {f for f in passage_evidence(passage).features if f.startswith("n:")}

    assert figures("The bank cut its rate to 2.25% on Wednesday.", "PERCENT", "2.25%") == {"n:2.25%"}
    assert figures("The rate was lowered to 2.25 per cent.", "PERCENT", "2.25 per cent") == {"n:2.25%"}
    assert figures("Unemployment rose to 9 percent.", "PERCENT", "9 percent") == {"n:9%"}
    fine = figures("A fine of 12,675 dollars.", "MONEY", "12,675 dollars")
    assert figures("It paid a $12,675 penalty.", "MONEY", "$12,675") == fine == {"n:12675"}


def test_near_identical_wording_links_on_similarity():
    text_a = "Rescuers pulled two climbers from the glacier crevasse late on Friday."
    text_b = "Late on Friday rescuers pulled two climbers out of a glacier crevasse."
    corpus = Corpus([make_article("a", ["Rescue", *FILLER, text_a]), make_article("b", ["Rescue", *FILLER[:2], text_b])])
    link_passages(corpus)
    link = linked(corpus, "a:5", "b:3")
    assert link is not None
    assert any(why.startswith("similar wording") and why.endswith("(rapidfuzz)") for why in link.why)


def test_links_are_symmetric_scored_and_never_inside_one_article():
    text = "Rescuers pulled two climbers from the glacier crevasse late on Friday."
    corpus = Corpus([make_article("a", ["Rescue", text, text]), make_article("b", ["Rescue", text])])
    link_passages(corpus)
    for article in corpus.articles:
        for passage in article.passages:
            for link in passage.links:
                target_article, target = corpus.locate(link.to)
                assert target_article is not article
                assert 0 <= link.score <= 1
                assert any(back.to == passage.id and back.score == link.score for back in target.links)
    assert linked(corpus, "a:1", "b:1") and linked(corpus, "a:2", "b:1")


def test_removed_passages_and_other_stories_are_never_linked():
    text = "Rescuers pulled two climbers from the glacier crevasse late on Friday."
    a = make_article("a", ["Rescue", text, "Share this story on social media now please"])
    b = make_article("b", ["Rescue", text, "Share this story on social media now please"])
    other = make_article("c", ["Rescue", text], story="another-story")
    a.passages[1].boilerplate = "advert"
    corpus = Corpus([a, b, other])
    link_passages(corpus)
    assert a.passages[1].links == [] and b.passages[1].links == []
    assert other.passages[1].links == []
    assert linked(corpus, "a:2", "b:2") is not None


def test_events_are_cliques_and_know_their_sources():
    quake = "A magnitude 6.1 earthquake struck Port Ellery at 3:17 a.m., killing 42 people."
    hospital = "St. Brendan's Hospital admitted more than 300 injured after the earthquake."
    corpus = Corpus([
        make_article("a", ["Quake", quake, hospital, *FILLER]),
        make_article("b", ["Quake", quake.replace("killing", "and killed"), *FILLER[:2]]),
        make_article("c", ["Quake", hospital.replace("admitted", "took in"), *FILLER[1:3]]),
    ])
    link_passages(corpus)
    events = {e.passage_ids: e.sources for e in corpus.events}
    assert events[("a:1", "b:1")] == ("a", "b")
    assert events[("a:2", "c:1")] == ("a", "c")
    assert find_events(corpus) == corpus.events


def test_a_passage_reporting_two_things_belongs_to_two_events():
    links = {"x:1": ["y:1", "z:1"], "y:1": ["x:1"], "z:1": ["x:1"]}
    corpus = Corpus([make_article(name, ["T", f"{name} text"]) for name in "xyz"])
    for pid, targets in links.items():
        corpus.locate(pid)[1].links = [Link(t, 0.7, ("test",)) for t in targets]
    events = [e.passage_ids for e in find_events(corpus)]
    assert sorted(events) == [("x:1", "y:1"), ("x:1", "z:1")]


def test_other_sources_best_first_and_only_here():
    quake = "A magnitude 6.1 earthquake struck Port Ellery at 3:17 a.m., killing 42 people."
    corpus = Corpus([
        make_article("a", ["Quake", quake, "The governor thanked volunteers from the fishing fleet."]),
        make_article("b", ["Quake", quake]),
        make_article("c", ["Quake", "An earthquake struck Port Ellery at 3:17 a.m., officials said."]),
    ])
    link_passages(corpus)
    assert [a.id for a, _ in other_sources(corpus, "a:1")] == ["b", "c"]
    assert [p.id for _, p in other_sources(corpus, "a:1")] == ["b:1", "c:1"]
    assert only_here(corpus, "a:2")
    assert not only_here(corpus, "a:1")
    assert not only_here(corpus, "a:0")  # titles are not "only here"
    assert other_sources(corpus, "a:2") == []


def test_a_section_heading_is_not_only_here():
    corpus = Corpus([
        make_article("a", ["Quake", "Rescue effort", "The governor thanked volunteers from the fishing fleet."]),
        make_article("b", ["Quake", "Divers searched the harbour for a second day."]),
    ])
    corpus.articles[0].passages[1].kind = Kind.HEADING
    link_passages(corpus)
    assert not only_here(corpus, "a:1")
    assert only_here(corpus, "a:2")


def test_inflections_and_close_derivations_share_a_word_feature():
    assert stem("sues") == stem("sued") == stem("suing") == stem("sue")
    assert stem("suspend") == stem("suspended") == stem("suspension")
    assert stem("banned") == stem("ban")
    assert stem("hosting") == stem("hosts")
    assert stem("harbour") != stem("harvest")


def test_common_english_words_weigh_less_than_rare_ones():
    assert english_rarity("antitrust") == 1.0
    assert english_rarity("zyxquorble") == 1.0  # unknown to the word lists: as rare as can be
    assert 0 < english_rarity("company") < english_rarity("lawsuit") <= 1.0
    evidence = passage_evidence(Passage("p", Kind.PARAGRAPH, 0, 40, "The company filed an antitrust lawsuit."))
    assert evidence.general["w:" + stem("company")] < evidence.general["w:" + stem("antitrust")]


def test_shared_everyday_words_count_less_than_the_rare_words_that_differ(monkeypatch):
    def pair_score():
        a = make_article("a", ["Clubs", *FILLER, "The group will include several new members from the Lisca rowing club."])
        b = make_article("b", ["Clubs", *FILLER[:2], "The group will include several new members of the Valdoro chess federation."])
        corpus = Corpus([a, b])
        link_passages(corpus)
        link = linked(corpus, "a:5", "b:3")
        return link.score if link else 0.0

    weighed = pair_score()
    monkeypatch.setattr("reader.evidence.english_rarity", lambda word: 1.0)
    assert weighed < pair_score()


def test_an_event_told_over_two_paragraphs_by_both_outlets_links_them_crosswise(monkeypatch):
    a = make_article("a", [
        "Ferry licence",
        *FILLER,
        "A court in Lisca revoked the ferry company's operating licence over repeated safety breaches.",
        "Its lawyers said they would lodge an appeal within a week.",
    ])
    b = make_article("b", [
        "Ferry operator to appeal",
        *FILLER[:2],
        "Lawyers for the ferry company will lodge an appeal within a week, they said.",
        "The court revoked the operating licence after inspectors found repeated safety breaches.",
    ])

    def crosswise_link():
        corpus = Corpus([a, b])
        link_passages(corpus)
        assert linked(corpus, "a:5", "b:4") and linked(corpus, "a:6", "b:3")  # each told in one paragraph
        return linked(corpus, "a:5", "b:3")

    assert crosswise_link() is not None
    monkeypatch.setattr(links, "CONTEXT_REACH", 0)
    assert crosswise_link() is None


def test_a_third_source_corroborates_two_differently_worded_reports(monkeypatch):
    a = make_article("a", ["Bridge", *FILLER, "Engineers shut the Varga bridge after finding cracked girders."])
    b = make_article("b", ["Bridge", *FILLER[:2], "The Varga bridge is closed: inspectors found cracked steel girders and rusted cables."])
    c = make_article("c", ["Bridge", *FILLER[1:3], "Inspectors ordered the crossing shut over rusted cables."])

    def ends_linked(articles):
        corpus = Corpus(articles)
        link_passages(corpus)
        return linked(corpus, "a:5", "c:3")

    assert ends_linked([a, b, c]) is not None
    assert ends_linked([a, c]) is None


def test_distinct_names_of_one_sort_weaken_a_link():
    text = "{name} was arrested at the harbour on Friday on suspicion of smuggling cigarettes."
    names = {"a": "Tomas Reyes", "b": "Dr Ada Okafor"}
    entities = {
        text.format(name=name): [Entity(0, len(name), "PERSON", "person:" + name.lower().replace(" ", "-"))]
        for name in names.values()
    }
    same_person = Corpus([
        make_article("a", ["Arrest", *FILLER, text.format(name=names["a"])], entities=entities),
        make_article("b", ["Arrest", *FILLER[:2], text.format(name=names["a"])], entities=entities),
    ])
    other_person = Corpus([
        make_article("a", ["Arrest", *FILLER, text.format(name=names["a"])], entities=entities),
        make_article("b", ["Arrest", *FILLER[:2], text.format(name=names["b"])], entities=entities),
    ])
    link_passages(same_person)
    link_passages(other_person)
    same, other = linked(same_person, "a:5", "b:3"), linked(other_person, "a:5", "b:3")
    assert same is not None and "but different people" not in same.why
    assert other is None or (other.score < same.score and "but different people" in other.why)


def test_section_headings_are_not_linked():
    a = make_article("a", ["Harbour news", *FILLER, "The Quay Debate"])
    b = make_article("b", ["Harbour report", *FILLER[:2], "The Quay Debate"])
    a.passages[-1].kind = b.passages[-1].kind = Kind.HEADING
    corpus = Corpus([a, b])
    link_passages(corpus)
    assert a.passages[-1].links == [] and b.passages[-1].links == []


def test_in_a_story_of_many_copies_each_passage_is_compared_with_a_bounded_number(monkeypatch):
    report = "Rescuers pulled two climbers from the glacier crevasse late on Friday."
    copies = [make_article(f"copy{n}", ["Rescue", report, FILLER[n % len(FILLER)]]) for n in range(12)]

    def linked_copies():
        corpus = Corpus(copies)
        link_passages(corpus)
        return [len(article.passages[1].links) for article in corpus.articles]

    assert set(linked_copies()) == {11}  # fewer copies than the bound: every copy with every other
    monkeypatch.setattr(links, "CANDIDATES_PER_PASSAGE", 3)
    counts = linked_copies()
    assert all(3 <= count <= 6 for count in counts)  # its own 3 best, plus those that chose it
    assert sum(counts) <= 2 * 3 * len(copies)


def test_common_english_words_and_date_numbers_come_from_the_shipped_table():
    assert english_rarity("the") == 0.0
    assert english_rarity("2020") == english_rarity("11") == 1.0  # numbers count fully, like figures


def test_seed_links_reach_the_recorded_level(seed_scores):
    links = seed_scores["links"]
    assert links["F1"] >= 0.53
    assert links["P"] >= 0.55


def test_cliques_telling_one_event_are_merged_but_chains_are_not():
    from reader.links import _merge_overlapping

    one_event = [{"a", "b", "c", "d"}, {"a", "b", "c", "e"}, {"a", "b", "f"}]
    assert _merge_overlapping(one_event) == [{"a", "b", "c", "d", "e", "f"}]
    chain = [{"a", "b", "c", "d"}, {"d", "e", "f"}, {"f", "g", "h"}]
    assert len(_merge_overlapping(chain)) == 3
