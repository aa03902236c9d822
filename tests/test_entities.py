"""The entity recogniser: who, what, where and when in every passage, one key per real entity.

Every sentence here is made up for the test; the seed articles are only used end to end.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.entities import annotate_entities, entity_index
from reader.model import Article, Corpus, Kind, Passage


def corpus_of(*articles: str | list[str]) -> Corpus:
    """An annotated corpus: each article is a list of passage texts (or one text)."""
    corpus = Corpus()
    for n, passages in enumerate(articles):
        texts = [passages] if isinstance(passages, str) else passages
        article_id = f"a{n}"
        corpus.articles.append(Article(
            article_id, Path(f"{article_id}.txt"), None, None, None, None,
            [Passage(f"{article_id}:{i}", Kind.PARAGRAPH, 0, len(t), t) for i, t in enumerate(texts)],
        ))
    annotate_entities(corpus)
    return corpus


def spans(*articles: str | list[str]) -> list[tuple[str, str]]:
    """(text, label) of every entity found, in corpus order."""
    corpus = corpus_of(*articles)
    return [(p.text[e.start:e.end], e.label) for a in corpus.articles for p in a.passages for e in p.entities]


def keys(*articles: str | list[str]) -> dict[str, set[str]]:
    """text -> the keys it was given."""
    corpus = corpus_of(*articles)
    out: dict[str, set[str]] = {}
    for a in corpus.articles:
        for p in a.passages:
            for e in p.entities:
                out.setdefault(p.text[e.start:e.end], set()).add(e.key)
    return out


# -- dates, times and amounts ---------------------------------------------------------------------

def test_a_date_with_its_time_is_one_span():
    found = spans("Bids close Sunday at 11:59 p.m. ET, and the vote came late Friday night.")
    assert ("Sunday at 11:59 p.m. ET", "DATE") in found
    assert ("late Friday night", "DATE") in found


def test_relative_dates_keep_determiner_and_modifiers_but_not_prepositions():
    found = spans("Prices rose over the past few months, fell earlier this year and since last week’s vote.")
    assert [t for t, label in found if label == "DATE"] == ["the past few months", "earlier this year", "last week"]


def test_absolute_dates_years_and_a_parenthesised_date_after_a_weekday():
    found = spans("The plant opened on March 3, 2022, closed in 2019, reopened 5/17/2023 and on Monday (Feb. 6).")
    assert [t for t, label in found if label == "DATE"] == ["March 3, 2022", "2019", "5/17/2023", "Monday", "Feb. 6"]


def test_may_and_march_are_dates_only_with_a_day_a_year_or_a_preposition_of_time():
    found = spans("Voters may march in May 2024, they said, but May and March will decide it in May.")
    assert [t for t, label in found if label == "DATE"] == ["May 2024", "May"]


def test_money_and_percentages_are_shown():
    found = spans("Shares fell 4.5% to $12.30 after a $3 billion loss.")
    assert ("4.5%", "PERCENT") in found
    assert ("$12.30", "MONEY") in found and ("$3 billion", "MONEY") in found


# -- what makes a capitalised word a name ---------------------------------------------------------

def test_common_words_opening_a_sentence_are_not_names():
    found = spans(["However, Zentrix said the outage was over.",
                   "Despite the storm, power was back. Officials said so.",
                   "Screenshots of the app circulated. Then Zentrix apologised."])
    assert found == [("Zentrix", "ORG"), ("Zentrix", "ORG")]


def test_a_word_capitalised_mid_sentence_elsewhere_is_a_name_at_a_sentence_start_too():
    found = spans(["Shoppers left Harvest for rivals.", "Harvest said sales would recover."])
    assert found == [("Harvest", "ORG"), ("Harvest", "ORG")]


def test_gazetteer_places():
    found = spans("Trucks left Nairobi for Kenya’s border with Tanzania, then drove on to Ohio.")
    assert found == [("Nairobi", "PLACE"), ("Kenya", "PLACE"), ("Tanzania", "PLACE"), ("Ohio", "PLACE")]


def test_a_given_name_starts_a_person():
    assert spans("The report was written by Maria Fenwick and Tobias Quell.") == [
        ("Maria Fenwick", "PERSON"), ("Tobias Quell", "PERSON")]


def test_a_party_and_state_tag_after_a_name_is_not_a_name():
    assert spans("Sen. Ada Quist, D-N.Y., objected.") == [("Ada Quist", "PERSON")]


def test_titles_and_honorifics_are_outside_the_name():
    found = spans("President Alma Reyes met Mr. Okafor and Dr. Lindqvist; CEO Dana Whitlock joined.")
    assert found == [("Alma Reyes", "PERSON"), ("Okafor", "PERSON"), ("Lindqvist", "PERSON"),
                     ("Dana Whitlock", "PERSON")]


def test_a_name_before_a_company_role_is_an_organisation():
    found = spans("Quillr Chief Executive Anya Brook said Nimbus CEO Ivo Marsh had called.")
    assert found == [("Quillr", "ORG"), ("Anya Brook", "PERSON"), ("Nimbus", "ORG"), ("Ivo Marsh", "PERSON")]


def test_organisation_head_words_and_legal_forms():
    found = spans("Kestrel Holdings, Drummond University and Brightline Inc. told Valley News about it.")
    assert found == [("Kestrel Holdings", "ORG"), ("Drummond University", "ORG"), ("Brightline Inc.", "ORG"),
                     ("Valley News", "ORG")]


def test_a_capital_the_belongs_to_a_newspaper_title_but_a_lowercase_the_does_not():
    found = spans("The Harbor Times reported that the Drummond University board met the Proud Falcons.")
    assert found == [("The Harbor Times", "ORG"), ("Drummond University", "ORG"), ("Proud Falcons", "ORG")]


def test_possessives_and_quotes_are_outside_the_name():
    found = spans("Zentrix’s founder praised “Quillr” and the Orvane' staff.")
    assert [t for t, _ in found] == ["Zentrix", "Quillr", "Orvane"]


def test_place_head_words_and_landmarks():
    found = spans("Protesters marched from Capitol Hill to the Capitol, then to Fenwick Valley and the East Coast.")
    assert found == [("Capitol Hill", "PLACE"), ("Capitol", "PLACE"), ("Fenwick Valley", "PLACE"),
                     ("East Coast", "PLACE")]


def test_words_before_a_name_say_what_it_is():
    found = dict(spans(["The messaging app Quillr grew fast.", "Crews worked in Kesterton until noon.",
                        "A Vellmar-based lender failed.", "Analysts at Orvane Brandt were surprised."]))
    assert found["Quillr"] == "ORG"
    assert found["Kesterton"] == "PLACE"
    assert found["Vellmar"] == "PLACE"
    assert found["Orvane Brandt"] == "ORG"


def test_words_after_a_name_say_what_it_is():
    found = dict(spans(["Users said the Zentrix app crashed.", "Ostrova, who founded it, declined to comment.",
                        "It moved to Glenmar, a startup based nearby.", "Orvane Brandt shares fell."]))
    assert found["Zentrix"] == "ORG"
    assert found["Ostrova"] == "PERSON"
    assert found["Glenmar"] == "ORG"
    assert found["Orvane Brandt"] == "ORG"


def test_place_nouns_and_datelines_make_places():
    found = dict(spans(["TORVIK, Norway (Reuters) — Rain fell.", "Troops entered the village of Marzeny.",
                        "Fires spread across the Orlevo region."]))
    assert found["TORVIK"] == found["Marzeny"] == found["Orlevo"] == "PLACE"
    assert found["Reuters"] == "ORG"


def test_an_administration_or_campaign_is_a_persons():
    assert spans("Lawyers for the Orlov administration appealed.") == [("Orlov", "PERSON")]


def test_a_city_spelt_like_a_common_word_is_not_taken_for_the_city():
    assert spans("Flights on Delta and Enterprise rentals were cancelled.") == [("Delta", "ORG"), ("Enterprise", "ORG")]


def test_a_lone_unknown_capitalised_word_is_an_organisation():
    assert spans("The outage hit Zentrix and Quillr users.") == [("Zentrix", "ORG"), ("Quillr", "ORG")]


def test_nationalities_religions_and_political_groups_are_not_names():
    assert spans("Chinese officials, Muslims, Catholics and Democrats met Black and Jewish leaders.") == []


def test_laws_and_documents_are_not_names_but_a_company_before_them_is():
    found = spans("Zentrix broke the Clean Air Act and the Quillr Terms of Service.")
    assert found == [("Zentrix", "ORG"), ("Quillr", "ORG")]


def test_a_headline_in_title_case_keeps_only_the_names():
    found = spans(["Quillr Sues Nimbus Over Sudden Ban", "Quillr said Nimbus broke its contract."])
    assert found[:2] == [("Quillr", "ORG"), ("Nimbus", "ORG")]


def test_types_are_decided_once_per_article():
    found = spans(["Senator Hale Ostrova spoke first.", "Ostrova said the plan would pass.",
                   "Critics called Ostrova’s plan reckless."])
    assert [label for text, label in found if "Ostrova" in text] == ["PERSON", "PERSON", "PERSON"]


def test_spans_are_sorted_and_do_not_overlap():
    corpus = corpus_of("On Monday, Mr. Trask told the Harbor Times in Lyon that Zentrix Inc. (ZTX) lost $4 million.")
    entities = corpus.articles[0].passages[0].entities
    assert all(a.end <= b.start for a, b in zip(entities, entities[1:]))


_WORDS = st.sampled_from([
    "the", "said", "in", "Mr.", "Zentrix", "Quillr", "Lyon", "Monday", "at", "3", "p.m.", "’s", ",", ".", "(", ")",
    "Inc.", "of", "and", "New", "York", "The", "Times", "last", "week", "CEO", "Ann", "Lee", "2021", "$5", "%", "U.S.",
    "“", "”", "-based", "pro-", "Terms", "Service", "\u00a0",
])


@given(st.lists(_WORDS, max_size=40))
def test_any_text_gets_sorted_non_overlapping_spans_inside_it(words):
    text = " ".join(words).replace(" -", "-").replace("- ", "-")
    entities = corpus_of(text).articles[0].passages[0].entities
    assert all(0 <= e.start < e.end <= len(text) for e in entities)
    assert all(a.end <= b.start for a, b in zip(entities, entities[1:]))
    assert all(text[e.start:e.end].strip() == text[e.start:e.end] for e in entities)


# -- aliases and keys -----------------------------------------------------------------------------

def test_an_acronym_in_brackets_is_the_same_organisation():
    found = keys("The Northern Grid Authority (NGA) raised prices; NGA said demand was high.")
    assert found["NGA"] == found["Northern Grid Authority"] == {"org:northern-grid-authority"}


def test_an_acronym_matching_a_name_elsewhere_in_the_story_is_the_same_organisation():
    found = keys("Kestrel Cloud Services hosts the site.", "KCS cut the site off.")
    assert found["KCS"] == found["Kestrel Cloud Services"]


def test_a_surname_after_the_full_name_is_the_same_person():
    found = keys(["Tomas Brandvik founded the firm.", "Brandvik said he was proud."])
    assert found["Brandvik"] == found["Tomas Brandvik"] == {"person:tomas-brandvik"}


def test_a_surname_in_another_article_is_the_same_person():
    found = keys("Senator Ruth Calloway proposed the bill.", "Mr. Calloway? No: Ms. Calloway said it would pass.")
    assert found["Calloway"] == found["Ruth Calloway"] == {"person:ruth-calloway"}


def test_a_newspaper_head_word_refers_back_to_its_full_title():
    found = keys(["The Harbor Times broke the story.", "Ostrova told the Times he was leaving."])
    assert found["Times"] == found["The Harbor Times"] == {"org:harbor-times"}


def test_place_aliases_share_a_key():
    found = keys("Exports from the U.S. fell.", "The United States and the US Treasury disagreed.")
    assert found["U.S."] == found["United States"] == {"place:united-states"}


def test_a_company_with_and_without_its_legal_form_is_one_organisation():
    found = keys("Brightline Inc. filed a suit.", "Brightline said it would appeal.")
    assert found["Brightline Inc."] == found["Brightline"] == {"org:brightline"}


def test_the_entity_index_lists_each_entity_with_its_longest_name_and_mentions():
    corpus = corpus_of(["Tomas Brandvik founded Zentrix.", "Brandvik sold Zentrix."], "Brandvik left.")
    index = entity_index(corpus)
    person = index["person:tomas-brandvik"]
    assert (person.label, person.name, len(person.mentions)) == ("PERSON", "Tomas Brandvik", 3)
    assert person.count_by_article() == {"a0": 2, "a1": 1}
    assert [p for p, _ in index["org:zentrix"].mentions] == ["a0:0", "a0:1"]


# -- the seeds, end to end ------------------------------------------------------------------------

def test_seed_entities_strict_f1(seed_scores):
    scores = seed_scores["entities"]
    assert scores["bad_offsets"] == 0
    assert scores["ALL"]["strict"][2] >= 0.99
    for label in ("PERSON", "ORG", "PLACE", "DATE"):
        assert scores[label]["strict"][2] >= 0.98, label


# -- the benchmark script (its table, not its timing) ---------------------------------------------

def test_the_benchmark_prints_words_per_second_for_the_entities_stage(capsys):
    from reader.bench import main

    seed = Path(__file__).parent / "fixtures" / "seeds" / "000_b9b5eb6280517a37.txt"
    assert main([str(seed), "--repeat", "2", "--rounds", "1"]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.split() == ["stage", "words", "seconds", "words/s"]
    assert row.split()[0] == "entities" and int(row.split()[1].replace(",", "")) > 0


def test_a_repeated_corpus_has_unique_ids():
    from reader.bench import repeated

    twice = repeated(corpus_of(["Zentrix grew.", "Quillr fell."]), 2)
    ids = [p.id for a in twice.articles for p in a.passages]
    assert len(ids) == len(set(ids)) == 4
