"""Names beyond the bundled story: institutions of other countries and languages, companies named
after people, local government areas, long official names, and headlines that shout.

Every sentence here is made up for the test (real places are used as places).
"""

from __future__ import annotations

from tests.test_entities import spans


def labels(*articles: str | list[str]) -> dict[str, str]:
    """text -> label of every entity found (the last one, for a text found twice)."""
    return dict(spans(*articles))


# -- organisations ------------------------------------------------------------------------------

def test_scandinavian_and_german_compounds_ending_in_an_institution_word_are_organisations():
    found = labels("Savers moved money from Lundabanken to Torskasse, Norrposten reported.")
    assert found == {"Lundabanken": "ORG", "Torskasse": "ORG", "Norrposten": "ORG"}


def test_a_bank_named_with_a_place_or_a_compound_is_an_organisation_in_every_article():
    found = spans(["Vestra Sparbank cut its rate.", "Vestra Riksbank held."], "The Riksbank moved first.")
    assert [label for _, label in found] == ["ORG", "ORG", "ORG"]


def test_institution_words_of_other_languages_and_foreign_articles_make_organisations():
    found = labels("Banco Ferrano lent the money, La Voz del Corvo said.")
    assert found == {"Banco Ferrano": "ORG", "La Voz del Corvo": "ORG"}


def test_a_given_name_opening_a_company_name_with_a_head_word_inside_is_an_organisation():
    assert labels("Marion Capital Advisers cut its forecast.") == {"Marion Capital Advisers": "ORG"}


def test_a_legal_form_written_with_a_full_stop_ends_a_company_name():
    assert spans("The fire at Tressel Boxes Co. was put out.") == [("Tressel Boxes Co.", "ORG")]


def test_a_short_form_of_a_company_named_after_a_person_is_the_company():
    found = spans([
        "Fire hit Brandle Paper Mills on Monday.",
        "Chief executive Tomas Brandle said the plant would reopen.",
        "Brandle was fined in 2019. Mr. Brandle said he was sorry.",
    ])
    assert found[-3:] == [("Brandle", "ORG"), ("2019", "DATE"), ("Brandle", "PERSON")]


def test_a_persons_surname_from_another_article_does_not_override_a_company_name():
    found = spans("Tomas Brandle founded the firm.", ["Brandle Paper Mills burned.", "Brandle was fined."])
    assert found == [("Tomas Brandle", "PERSON"), ("Brandle Paper Mills", "ORG"), ("Brandle", "ORG")]


def test_newspaper_head_words_make_outlets_and_a_short_form_keeps_the_outside():
    found = spans(["He told the Morning Sentinel about it.", "The Sentinel could not confirm it."])
    assert found == [("Morning Sentinel", "ORG"), ("Sentinel", "ORG")]


def test_a_brand_with_an_inner_capital_is_an_organisation_not_a_place():
    assert labels("The family raised money in FundPlace for Ms. McCarthy.") == {
        "FundPlace": "ORG", "McCarthy": "PERSON"}


def test_an_office_named_with_a_possessive_is_one_name():
    found = spans("The Harlow County Coroner's Office and St Aldric's Hospice said so.")
    assert found == [("Harlow County Coroner's Office", "ORG"), ("St Aldric's Hospice", "ORG")]


def test_and_joins_the_words_of_a_long_official_name():
    found = spans("The U.S. Mining Safety and Rescue Board and the Devon and Cornwall Police agreed.")
    assert found == [("U.S. Mining Safety and Rescue Board", "ORG"), ("Devon and Cornwall Police", "ORG")]


def test_a_persons_name_before_of_and_a_company_are_two_names():
    found = spans("“It is late,” said Teodor Vask of Brindle Capital Markets.")
    assert found == [("Teodor Vask", "PERSON"), ("Brindle Capital Markets", "ORG")]


def test_a_policy_or_law_word_inside_a_committees_name_does_not_end_it():
    found = spans("The Monetary Policy and Financial Stability Committee met; the Zentrix Terms of Service did not.")
    assert found == [("Monetary Policy and Financial Stability Committee", "ORG"), ("Zentrix", "ORG")]


def test_an_adjective_opening_a_sentence_before_a_name_known_alone_is_not_part_of_it():
    found = spans(["Inspectors from the Harbour Safety Board arrived.",
                   "Federal Harbour Safety Board records show two fines."])
    assert found == [("Harbour Safety Board", "ORG"), ("Harbour Safety Board", "ORG")]


def test_a_country_before_a_name_written_alone_elsewhere_is_a_place_of_its_own():
    found = spans("Markets watched the Federal Reserve; the US Federal Reserve has paused.")
    assert found == [("Federal Reserve", "ORG"), ("US", "PLACE"), ("Federal Reserve", "ORG")]


def test_variants_of_common_acronyms_and_currency_codes_are_not_organisations():
    assert spans("Underlying CPIF inflation and CPI-ATE slowed; a NOK 3 million loan costs less.") == []


# -- people -------------------------------------------------------------------------------------

def test_compound_titles_and_british_police_ranks_are_outside_the_name():
    found = spans("Fire Chief Ana Lutz, Division Chief Rory Platt and Detective Constable Ben Hale spoke.")
    assert found == [("Ana Lutz", "PERSON"), ("Rory Platt", "PERSON"), ("Ben Hale", "PERSON")]


def test_letters_after_a_name_are_outside_it_and_a_role_before_a_comma_marks_a_person():
    assert spans("His barrister, Tamsin Rowley KC, said Orlo had debts.") == [
        ("Tamsin Rowley", "PERSON"), ("Orlo", "ORG")]
    assert labels("His barrister, Rowley, spoke.") == {"Rowley": "PERSON"}


def test_a_welsh_patronymic_is_part_of_the_name():
    assert spans("Dafydd ap Rhys chaired the meeting.") == [("Dafydd ap Rhys", "PERSON")]


# -- places -------------------------------------------------------------------------------------

def test_an_administrative_area_is_a_place_even_after_a_given_name():
    found = spans("Crews from Clark County, Bethel Township and Orvane Township helped.")
    assert found == [("Clark County", "PLACE"), ("Bethel Township", "PLACE"), ("Orvane Township", "PLACE")]


def test_subdivisions_of_countries_are_places():
    assert labels("She moved from Gwynedd to Jalisco, then to Cornwall.") == {
        "Gwynedd": "PLACE", "Jalisco": "PLACE", "Cornwall": "PLACE"}


def test_a_surname_of_another_articles_person_is_not_taken_for_a_county_named_so():
    found = spans("Darren Sefton, 44, was charged.", ["Sefton denied it.", "Fire crews left Sefton."])
    assert found[-2:] == [("Sefton", "PERSON"), ("Sefton", "PERSON")]
    assert labels("Sefton denied it.") == {"Sefton": "PLACE"}


def test_a_compass_word_before_a_place_is_part_of_it():
    assert spans("Smoke drifted over East Nairobi and South Gwynedd.") == [
        ("East Nairobi", "PLACE"), ("South Gwynedd", "PLACE")]


def test_where_a_person_lives_after_their_age_is_a_place():
    assert labels("Ann Lee, 52, of Brackton, admitted theft.")["Brackton"] == "PLACE"


def test_a_region_named_in_the_plural_after_a_place_preposition_is_a_place():
    assert labels("Inflation has receded across the Vellands.") == {"Vellands": "PLACE"}


# -- headlines ----------------------------------------------------------------------------------

def test_a_headline_in_title_case_needs_the_articles_evidence_for_a_name():
    found = spans(["Near the End of the Road: What It Means for the Zloty", "The zloty fell 1%."])
    assert found == [("1%", "PERCENT")]


def test_a_shouted_headline_keeps_only_names_the_articles_write():
    found = spans(["GRAN'S £412K SWINDLE: CARVER JAILED", "Helen Carver was jailed on Tuesday."])
    names = [(t, label) for t, label in found if label in ("PERSON", "ORG", "PLACE")]
    assert names == [("CARVER", "PERSON"), ("Helen Carver", "PERSON")]
