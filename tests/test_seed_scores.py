"""The scorer's numbers on the seeds must not fall below what the project has reached."""


def test_titles_found_on_every_seed(seed_scores):
    assert seed_scores["structure"]["titles"] == "5/5"
