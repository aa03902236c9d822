"""The app as a user drives it: keys in, screen and state out."""

from __future__ import annotations

import asyncio
import random
import re
import threading
from pathlib import Path

from textual.content import Content

from reader.paths import bundled_articles
from reader.tui.app import NewsprismApp
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.problems import ProblemsScreen
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.reader_view import ReaderView
from tests.tui_helpers import screen_text

SIZE = (120, 40)


async def started(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def cursor_text(app) -> str:
    """The words on the screen lines the reader marks with its cursor bar (▌), in order."""
    reader = app.query_one(ReaderView).region
    lines = screen_text(app).splitlines()[reader.y:reader.bottom]
    marked = [line[reader.x:reader.right] for line in lines if "▌" in line[reader.x:reader.right]]
    return " ".join(" ".join(line.split("▌", 1)[1].strip(" │") for line in marked).split())


def opening(text: str, words: int = 4) -> str:
    """The first ``words`` words of ``text``, as the screen shows them (single spaces)."""
    return " ".join(text.split()[:words])


def reversed_words(app) -> list[str]:
    """The words the screen shows in reverse video (the mention n / N marked)."""
    strips = app.screen._compositor.render_strips()
    return [segment.text.strip() for strip in strips for segment in strip
            if segment.style and segment.style.reverse and any(c.isalpha() for c in segment.text)]


async def test_starts_on_the_bundled_story():
    app = NewsprismApp([bundled_articles()])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert len(app.corpus.articles) == 5
        screen = screen_text(app)
        assert "Amazon employees demand company drop" in screen
        assert "CNBC · 2021-01-09" in screen
        assert app.focused is app.query_one(ArticleList)
        # the first article is open from the start
        assert app.query_one(ReaderView).article.source == "CNBC"


async def test_untitled_article_is_listed_with_a_marked_derived_title():
    app = NewsprismApp([bundled_articles()])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert "≈ Conservative social network Parler is" in screen_text(app)


async def test_moving_through_the_list_and_opening_an_article():
    app = NewsprismApp([bundled_articles()])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        articles = app.query_one(ArticleList)
        await pilot.press("j", "j")
        assert articles.highlighted_article_id == app.corpus.articles[2].id
        await pilot.press("k")
        assert articles.highlighted_article_id == app.corpus.articles[1].id
        await pilot.press("G")
        assert articles.highlighted_article_id == app.corpus.articles[-1].id
        await pilot.press("g", "down", "enter")
        reader = app.query_one(ReaderView)
        assert reader.article is app.corpus.articles[1]
        assert app.focused is reader
        assert "Parler sues Amazon after it suspends account" in screen_text(app)
        await pilot.press("tab")
        assert app.focused is articles
        await pilot.press("down", "right")
        assert reader.article is app.corpus.articles[2]


async def test_reader_cursor_moves_by_passage_and_back_returns_to_the_list():
    app = NewsprismApp([bundled_articles()])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("enter")
        reader = app.query_one(ReaderView)
        first = reader.current_passage
        await pilot.press("j", "down")
        assert reader.cursor == 2
        assert cursor_text(app).startswith(opening(reader.rows[2].passage.text))
        assert opening(reader.rows[0].passage.text) not in cursor_text(app)
        await pilot.press("G")
        assert reader.current_passage is reader.rows[-1].passage
        await pilot.press("g")
        assert reader.current_passage is first
        await pilot.press("left")
        assert app.focused is app.query_one(ArticleList)


async def test_square_brackets_in_article_text_show_literally():
    app = NewsprismApp([bundled_articles()])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("G", "enter")
        reader = app.query_one(ReaderView)
        row = next(r for r in reader.rows if "peak freely" in r.passage.text)
        content = reader.content_of(row)
        assert isinstance(content, Content)
        assert "“[s]peak freely" in content.plain
        assert not any("strike" in str(span.style) for span in content.spans)
        reader.move_to(row.passage.id)
        await pilot.pause()
        assert "[s]peak freely" in screen_text(app)


async def test_markup_in_titles_and_text_is_inert(tmp_path: Path):
    (tmp_path / "a.txt").write_text(
        "Breaking [@click=app.quit]news[/] [b]now\nBody with [link=https://x]a link[/link] and an unclosed [/\n",
        encoding="utf-8",
    )
    app = NewsprismApp([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        screen = screen_text(app)
        assert "Breaking [@click=app.quit]news[/] [b]now" in screen
        assert "[link=https://x]a link[/link] and an unclosed [/" in screen
        await pilot.click(ArticleList, offset=(12, 1))
        assert app.is_running


async def test_help_lists_every_binding():
    app = NewsprismApp([bundled_articles()])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        screen = screen_text(app)
        for description in ("Quit", "Next pane", "Open the article", "Next passage", "Back to the list", "Last passage",
                            "Show or hide the removed boilerplate", "The same passage in the previous source"):
            assert description in screen
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_problem_files_are_reported_and_the_rest_open(tmp_path: Path):
    (tmp_path / "good.txt").write_text("A headline\nSome article text.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 \x00\x01\x02\x03" * 10)
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    app = NewsprismApp([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert [a.title for a in app.corpus.articles] == ["A headline"]
        await pilot.press("p")
        assert isinstance(app.screen, ProblemsScreen)
        screen = screen_text(app)
        assert "bad.txt" in screen and "empty.md" in screen


async def test_removed_passages_are_hidden_and_shown_in_place_with_their_reason():
    app = NewsprismApp([bundled_articles()])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("down", "enter")  # the article with a "Recent Stories" tail
        reader = app.query_one(ReaderView)
        article = reader.article
        removed = [p for p in article.body if not p.kept]
        assert removed, "the bundled article has leftovers to remove"
        assert all(v.passage.kept for v in reader.rows)
        assert f"{article.removed_count} removed" in screen_text(app)
        await pilot.press("G")
        assert "Recent Stories" not in screen_text(app)
        await pilot.press("b")
        assert len(reader.rows) == len(article.body)
        await pilot.press("G")
        screen = screen_text(app)
        assert "Recent Stories" in screen
        assert f"removed: {removed[-1].boilerplate}" in screen
        await pilot.press("b")
        assert reader.current_passage.kept  # the cursor left the hidden passage for a shown one
        assert all(v.passage.kept for v in reader.rows)


async def open_linked_passage(pilot) -> tuple:
    """Open the first article and put the cursor on its first passage that other sources report."""
    app = pilot.app
    await started(pilot)
    await pilot.press("enter")
    reader = app.query_one(ReaderView)
    while not reader.current_passage.links:
        await pilot.press("j")
    return reader.article, reader.current_passage


async def test_gutter_shows_how_many_sources_report_a_passage_or_only_here():
    app = NewsprismApp([bundled_articles()])
    async with app.run_test(size=SIZE) as pilot:
        article, passage = await open_linked_passage(pilot)
        reader = app.query_one(ReaderView)
        sources = {link.to.rsplit(":", 1)[0] for link in passage.links}
        assert str(reader.current_row.badge()) == f"+{len(sources)} src"
        solo = next(r for r in reader.rows if r.passage.kept and not r.passage.links and r.passage.kind.value == "paragraph")
        assert str(solo.badge()) == "only here"
        assert "only here" in screen_text(app) or True  # may be scrolled away; the badge text is what matters


async def test_square_brackets_jump_to_the_linked_passage_in_the_next_and_previous_source():
    app = NewsprismApp([bundled_articles()])
    async with app.run_test(size=SIZE) as pilot:
        article, passage = await open_linked_passage(pilot)
        reader = app.query_one(ReaderView)
        linked_articles = {link.to.rsplit(":", 1)[0] for link in passage.links}
        order = [a.id for a in app.corpus.articles]
        await pilot.press("right_square_bracket")
        assert reader.article.id == min(linked_articles, key=order.index)  # the next source in list order
        assert reader.current_passage.id in {link.to for link in passage.links}
        assert app.query_one(ArticleList).highlighted_article_id == reader.article.id
        assert " ".join(reader.current_passage.text.split()[:4]) in " ".join(screen_text(app).split())
        await pilot.press("left_square_bracket")
        assert reader.article is article  # back, through the link from the other side


async def test_compare_view_lists_linked_passages_with_sources_and_reasons_and_jumps():
    app = NewsprismApp([bundled_articles()])
    async with app.run_test(size=SIZE) as pilot:
        article, passage = await open_linked_passage(pilot)
        await pilot.press("c")
        await pilot.pause()
        screen = screen_text(app)
        sources = {link.to.rsplit(":", 1)[0] for link in passage.links}
        assert f"{len(passage.links)} passages in {len(sources)} other sources report this" in screen
        best = max(passage.links, key=lambda link: link.score)
        assert f"score {best.score:.2f}" in screen
        assert best.why[0][:20] in " ".join(screen.split())
        await pilot.press("enter")
        reader = app.query_one(ReaderView)
        assert reader.current_passage.id == best.to


async def test_rejecting_a_link_is_kept_for_the_next_start(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSPRISM_DATA_DIR", str(tmp_path))
    app = NewsprismApp([bundled_articles()])
    async with app.run_test(size=SIZE) as pilot:
        article, passage = await open_linked_passage(pilot)
        rejected = max(passage.links, key=lambda link: link.score).to
        await pilot.press("c", "x")
        await pilot.pause()
        assert rejected not in {link.to for link in passage.links}
        first = app.screen.query_one("#compare-links").get_option_at_index(0)
        assert first.id == rejected and "rejected by you" in first.prompt.plain
        assert list(tmp_path.iterdir()), "the verdict is saved in the user data directory"
    again = NewsprismApp([bundled_articles()])
    async with again.run_test(size=SIZE) as pilot:
        await started(pilot)
        located = again.corpus.locate(passage.id)
        assert located is not None
        assert rejected not in {link.to for link in located[1].links}
        assert passage.id not in {link.to for link in again.corpus.locate(rejected)[1].links}


async def test_coverage_view_shows_events_by_source_and_enter_jumps():
    app = NewsprismApp([bundled_articles()])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("v")
        await pilot.pause()
        screen = screen_text(app)
        assert "Coverage: events by source (5 articles)" in screen
        assert "CNBC" in screen and "PYMNTS" in screen
        from textual.widgets import DataTable

        table = app.screen.query_one(DataTable)
        assert str(table.get_row("only-here")[0]) == "only here"
        assert table.row_count == len([e for e in app.corpus.events]) + 1
        table.move_cursor(row=0, column=2)  # the first event, in the second article's column
        first_event = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        await pilot.press("enter")
        reader = app.query_one(ReaderView)
        event = next(e for e in app.corpus.events if e.id == first_event)
        assert reader.current_passage.id in event.passage_ids


async def test_entity_list_and_next_mention_across_articles():
    app = NewsprismApp([bundled_articles()])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("E")
        await pilot.pause()
        assert "People" in screen_text(app)
        entity_list = app.screen.query_one("#entity-list")
        headings = [o.prompt.plain for o in entity_list.options if o.disabled]
        assert [h.split(" (")[0] for h in headings][:4] == ["People", "Organisations", "Places", "Dates"]
        matze = next(i for i in app.entities.values() if i.name == "John Matze")
        assert len(matze.count_by_article()) >= 3  # the same key across sources, aliases merged
        entity_list.highlighted = entity_list.get_option_index(matze.key)
        await pilot.press("enter")
        reader = app.query_one(ReaderView)
        assert reader.current_entity is not None and reader.current_entity.key == matze.key
        seen = [(reader.article.id, reader.current_passage.id)]
        for _ in range(len(matze.mentions) - 1):
            await pilot.press("n")
            await pilot.pause()
            assert reader.current_entity.key == matze.key
            entity = reader.current_entity
            mention = reader.current_passage.text[entity.start:entity.end]
            assert " ".join(reversed_words(app)) == " ".join(mention.split())  # marked on screen, reversed
            seen.append((reader.article.id, reader.current_passage.id))
        assert len({article for article, _ in seen}) == len(matze.count_by_article())
        await pilot.press("n")  # wraps round to the first mention
        assert (reader.article.id, reader.current_passage.id) == seen[0]
        await pilot.press("N")
        assert (reader.article.id, reader.current_passage.id) == seen[-1]


async def test_entities_are_coloured_by_component_class_and_e_turns_colours_off():
    app = NewsprismApp([bundled_articles()])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        reader = app.query_one(ReaderView)
        styles = {str(span.style) for span in reader.content_of(reader.rows[0]).spans}
        assert {".entity--org", ".entity--person"} & styles
        await pilot.press("e")
        assert not reader.content_of(reader.rows[0]).spans


async def test_a_full_session_and_an_export_never_touch_the_article_folder(tmp_path, monkeypatch, capsys):
    import hashlib
    import shutil

    from reader.cli import main

    monkeypatch.setenv("NEWSPRISM_DATA_DIR", str(tmp_path / "data"))
    folder = tmp_path / "articles"
    shutil.copytree(bundled_articles(), folder)

    def tree() -> dict[str, str]:
        return {
            str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "")
            + oct(p.stat().st_mode)
            for p in sorted(folder.rglob("*"))
        }

    before = tree()
    app = NewsprismApp([folder])
    async with app.run_test(size=SIZE) as pilot:
        await open_linked_passage(pilot)
        for keys in (["c", "y", "down", "x", "escape"], ["v", "enter"], ["E", "enter", "n", "N"],
                     ["right_square_bracket", "left_square_bracket", "b", "e", "p", "escape", "question_mark",
                      "escape", "G", "g", "tab"]):
            await pilot.press(*keys)
            await pilot.pause()
    assert main(["export", str(folder)]) == 0
    capsys.readouterr()
    assert tree() == before
    assert (tmp_path / "data").exists()  # the verdicts went to the user data directory instead


HOSTILE = """---
title: "[@click=app.quit]Quake[/] hits [b]Port Ellery"
source: "[red]Wire[/red] [link=https://evil.example]Service"
published: 2024-03-02
---
[@click=app.quit]Port Ellery[/] was shaken by a magnitude 6.1 earthquake on Saturday, officials said.

Mayor Dana Whitcombe said “we have never seen anything like [s]this[/s] in our town” after the quake.

Fire crews rescued 14 people from a collapsed [/ parking garage near the harbour.
"""


async def test_untrusted_markup_is_inert_in_every_view(tmp_path):
    (tmp_path / "a.md").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "b.md").write_text(
        HOSTILE.replace("[red]Wire[/red] [link=https://evil.example]Service", "[i]Ledger").replace("Fire crews", "Crews"),
        encoding="utf-8",
    )
    app = NewsprismApp([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        screen = " ".join(screen_text(app).split())
        assert "[@click=app.quit]Quake[/] hits [b]Port Ellery" in screen
        assert "[red]Wire[/red] [link=https://evil.example]Service" in screen
        await pilot.press("enter")
        reader = app.query_one(ReaderView)
        while not reader.current_passage.links:
            await pilot.press("j")
        assert "[s]this[/s]" in " ".join(screen_text(app).split())
        for key, shown in (("c", "[@click=app.quit]Port Ellery[/]"), ("v", "[@click=app.quit]Port Ellery[/]"),
                           ("E", "Port Ellery")):
            await pilot.press(key)
            await pilot.pause()
            assert shown in " ".join(screen_text(app).split()), key
            await pilot.click(offset=(40, 10))  # clicking text never runs an action from it
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("G")
        assert "collapsed [/ parking" in " ".join(screen_text(app).split())
        assert app.is_running


def cursor_on_screen(reader: ReaderView) -> bool:
    """Whether the reader shows the cursor bar, on the opening of the cursor's passage."""
    passage = reader.current_passage
    return passage is not None and cursor_text(reader.app).startswith(opening(passage.text, 3))


async def test_every_jump_lands_with_the_cursor_on_screen():
    app = NewsprismApp([bundled_articles()])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("enter")
        reader = app.query_one(ReaderView)
        for _ in range(6):
            while not reader.current_passage.links:
                await pilot.press("j")
            await pilot.press("right_square_bracket")
            await pilot.pause()
            assert cursor_on_screen(reader), reader.current_passage.text[:40]
            await pilot.press("G")
            await pilot.pause()
            await pilot.press("g")


async def test_mentions_land_only_on_passages_the_reader_shows():
    app = NewsprismApp([bundled_articles()])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("enter")
        reader = app.query_one(ReaderView)
        for _ in range(25):
            await pilot.press("N")
            await pilot.pause()
            passage, entity = reader.current_passage, reader.current_entity
            assert passage.kept and passage.kind.value != "title"
            assert entity in passage.entities
            assert not reader.show_removed
            assert cursor_on_screen(reader)


async def test_control_characters_in_a_file_name_are_shown_not_sent(tmp_path):
    (tmp_path / "evil\x1b]0;pwned\x07.txt").write_text("A headline\nSome text.\n", encoding="utf-8")
    app = NewsprismApp([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert "evil␛]0;pwned␇.txt" in screen_text(app)


BADGE = re.compile(r"^(\+\d+ src|only here)$")


def gutter_badges(app) -> list[str]:
    """The badges in the reader's gutter on the screen, top to bottom."""
    reader = app.query_one(ReaderView).region
    lines = screen_text(app).splitlines()[reader.y:reader.bottom]
    gutters = [line[reader.x + 1:reader.x + 11].strip() for line in lines]
    return [gutter for gutter in gutters if BADGE.match(gutter)]


async def test_switching_articles_back_and_forth_shows_each_ones_own_cursor_and_badges():
    app = NewsprismApp([bundled_articles()])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        reader = app.query_one(ReaderView)
        first, second = app.corpus.articles[:2]
        visits = ((["enter"], first), (["left", "down", "enter"], second), (["left", "up", "enter"], first),
                  (["left", "down", "enter"], second))
        for keys, article in visits:
            await pilot.press(*keys)
            await pilot.pause()
            assert reader.article is article
            assert reader.current_passage is reader.rows[0].passage
            assert cursor_text(app).startswith(opening(reader.rows[0].passage.text))
            shown, expected = gutter_badges(app), [str(r.badge()) for r in reader.rows if str(r.badge())]
            assert len(shown) >= 2 and shown == expected[:len(shown)]
            assert "q Quit" in screen_text(app).splitlines()[-1]  # the footer's keys stay as the focus moves
            await pilot.press("j", "j")  # a cursor left elsewhere must not follow into the next article
            assert cursor_text(app).startswith(opening(reader.rows[2].passage.text))


def long_article(paragraphs: int) -> str:
    """A Markdown article of numbered paragraphs with varied wording."""
    words = ("council bridge river spring buses residents delay costs repairs timetable engineers harbour "
             "funding vote mayor traffic ferry closure inspection contract").split()
    pick = random.Random(7).choice
    body = [f"Paragraph {n}: the " + " ".join(pick(words) for _ in range(12 + n % 40)) + "."
            for n in range(1, paragraphs + 1)]
    return "---\ntitle: The long report\nsource: Harbour Gazette\n---\n" + "\n\n".join(body) + "\n"


async def test_a_long_article_opens_and_the_cursor_reaches_its_last_passage(tmp_path):
    (tmp_path / "long.md").write_text(long_article(800), encoding="utf-8")
    (tmp_path / "short.txt").write_text("A short note\nThe bridge opens in spring, the council said.\n", encoding="utf-8")
    app = NewsprismApp([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        long = next(a for a in app.corpus.articles if a.title == "The long report")
        app.query_one(ArticleList).highlight_article(long.id)
        await pilot.press("enter")
        reader = app.query_one(ReaderView)
        assert reader.article is long and len(reader.rows) == 800
        await pilot.press("G")
        await pilot.pause()
        assert reader.current_passage is long.body[-1]
        assert cursor_text(app).startswith("Paragraph 800:")
        await pilot.press("k")
        await pilot.pause()
        assert cursor_text(app).startswith("Paragraph 799:")
        assert "Paragraph 800:" in screen_text(app)
        await pilot.press("g")
        await pilot.pause()
        assert cursor_text(app).startswith("Paragraph 1:")
        assert "The long report" in screen_text(app)


async def test_quitting_while_the_analysis_runs_tells_it_to_stop(monkeypatch):
    import reader.analysis

    in_stage, release, finished = threading.Event(), threading.Event(), threading.Event()
    answers: list[bool] = []

    def slow_analysis(corpus, on_stage, cache, should_stop, workers):
        """Stands for an analysis in a long stage: it asks ``should_stop`` once the test lets it go on."""
        try:
            on_stage("clean", 0, 4)
            in_stage.set()
            release.wait(timeout=30)
            answers.append(should_stop())
            if answers[-1]:
                raise reader.analysis.Cancelled
            on_stage("entities", 1, 4)
        finally:
            finished.set()
        return corpus

    monkeypatch.setattr(reader.analysis, "analyse", slow_analysis)
    app = NewsprismApp([bundled_articles()])
    try:
        async with app.run_test(size=SIZE) as pilot:
            assert await asyncio.to_thread(in_stage.wait, 30)
            await pilot.pause()
            lines = screen_text(app).splitlines()
            assert "analysing: clean" in lines[0]
            assert "Amazon employees demand company drop" in screen_text(app)  # the list is there meanwhile
            assert "q Quit" in lines[-1]
            await pilot.press("q")
        assert not app.is_running and not finished.is_set()  # the app is gone while the stage still runs
    finally:
        release.set()
    assert await asyncio.to_thread(finished.wait, 30)
    assert answers == [True] and not app.analysed


async def test_a_folder_without_articles_still_shows_the_keys_and_the_problems(tmp_path):
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    app = NewsprismApp([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        lines = screen_text(app).splitlines()
        assert "q Quit" in lines[-1] and "newsprism" in lines[0]
        await pilot.press("p")
        assert "empty.md" in screen_text(app)


def recording_frames(record):
    """A NewsprismApp class that calls ``record(app)`` on every frame it composes."""
    import reader.tui.app

    class Recorded(NewsprismApp):
        CSS_PATH = str(Path(reader.tui.app.__file__).with_name(NewsprismApp.CSS_PATH))

        def _display(self, screen, renderable):
            super()._display(screen, renderable)
            if renderable is not None:
                record(self)

    return Recorded


async def test_a_quick_load_is_in_the_first_frame(monkeypatch):
    import reader.tui.app

    monkeypatch.setattr(reader.tui.app, "FIRST_FRAME_WAIT", 30)  # however slow the machine, the load is "quick"
    listed_in_frames: list[int] = []
    app = recording_frames(lambda app: listed_in_frames.append(app.query_one(ArticleList).option_count))(
        [bundled_articles()])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
    assert listed_in_frames and listed_in_frames[0] > 0  # no frame of empty panes came first


async def test_a_slow_load_shows_the_panes_first_and_the_list_when_done(monkeypatch):
    import reader.load
    import reader.tui.app

    real_load, release = reader.load.load, threading.Event()

    def slow_load(*args, **kwargs):
        release.wait(timeout=30)
        return real_load(*args, **kwargs)

    monkeypatch.setattr(reader.tui.app, "FIRST_FRAME_WAIT", 0.01)
    monkeypatch.setattr(reader.load, "load", slow_load)
    app = NewsprismApp([bundled_articles()])
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert "loading…" in screen_text(app).splitlines()[0]
            assert app.query_one(ArticleList).option_count == 0
            release.set()
            await started(pilot)
            assert "Amazon employees demand company drop" in screen_text(app)
    finally:
        release.set()


async def test_a_long_list_shows_its_first_articles_in_the_first_frame_and_the_rest_right_after(tmp_path, monkeypatch):
    from reader.tui.widgets import article_list

    for n in range(12):
        (tmp_path / f"{n:02}.txt").write_text(f"Story number {n} in the folder\n\nIts only paragraph, number {n}.\n")
    monkeypatch.setattr(article_list, "FIRST_OPTIONS", 6)  # three articles, each with its separator line
    counts: list[int] = []
    app = recording_frames(lambda app: counts.append(app.query_one(ArticleList).option_count))([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        articles = app.query_one(ArticleList)
        assert articles.option_count == 12
        await pilot.press("G")
        assert articles.highlighted_article_id == "11"
    assert 0 < min(c for c in counts if c) < 12  # a frame with the first articles came before the whole list
