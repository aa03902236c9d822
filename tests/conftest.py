"""Shared fixtures: the seed articles and a copy of the evaluation scorer (tests run without ../shared)."""

from __future__ import annotations

import importlib.util
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from reader.analysis import analyse
from reader.export import to_json
from reader.load import load

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
BUNDLED = Path(__file__).parent.parent / "articles"


def _scorer():
    spec = importlib.util.spec_from_file_location("seed_score", FIXTURES / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scores(export: dict, seeds: Path, gold: Path) -> dict:
    """The scorer's structure, entities and links results for the ``export`` of the files in ``seeds``
    against the gold files in ``gold``."""
    score = _scorer()
    score.SEEDS = seeds
    structure = json.loads((gold / "structure.json").read_text(encoding="utf-8"))
    by_name = {Path(a["path"]).name: a for a in export["articles"]}
    arts = {n: score.Article(n, by_name[n], structure["articles"][n]) for n in structure["articles"]}
    return {
        "structure": score.score_structure(arts),
        "entities": score.score_entities(arts, json.loads((gold / "entities.json").read_text(encoding="utf-8"))),
        "links": score.score_links(arts, export, json.loads((gold / "events.json").read_text(encoding="utf-8")), structure),
    }


def exported(paths: list[Path]) -> dict:
    """The JSON export of ``paths``, as the scorer reads it."""
    return json.loads(to_json(analyse(load(paths))))


@pytest.fixture(scope="session")
def seed_export() -> dict:
    """The JSON export of the five seed .txt files, as the scorer reads it."""
    return exported(SEEDS)


@pytest.fixture(scope="session")
def seed_scores(seed_export) -> dict:
    """The scorer's structure, entities and links results on the seeds."""
    return scores(seed_export, FIXTURES / "seeds", FIXTURES / "eval" / "gold")


# Property tests: a fast default run; `pytest --long-properties` for at least 10,000 examples each.
settings.register_profile("default-run", max_examples=100, deadline=None)
settings.register_profile(
    "long-run", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def pytest_addoption(parser):
    parser.addoption(
        "--long-properties", action="store_true",
        help="run every hypothesis property with 10,000 examples (slow)",
    )


def pytest_configure(config):
    # Tests never read or write the user's real newsprism directories.
    scratch = Path(tempfile.mkdtemp(prefix="newsprism-tests-"))
    os.environ["NEWSPRISM_DATA_DIR"] = str(scratch / "data")
    os.environ["NEWSPRISM_CACHE_DIR"] = str(scratch / "cache")
    settings.load_profile("long-run" if config.getoption("--long-properties") else "default-run")
