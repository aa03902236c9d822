"""The app as a user drives it: keys in, screen and state out."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content

from reader.paths import bundled_articles
from reader.tui.app import NewsprismApp
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.problems import ProblemsScreen
from reader.tui.widgets.article_list import ArticleList
from reader.tui.widgets.reader_view import PassageView, ReaderView
from tests.tui_helpers import screen_text

SIZE = (120, 40)


async def started(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


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
        assert reader.passage_views[2].has_class("-cursor")
        assert not reader.passage_views[0].has_class("-cursor")
        await pilot.press("G")
        assert reader.current_passage is reader.passage_views[-1].passage
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
        view = next(v for v in reader.query(PassageView) if "peak freely" in v.passage.text)
        content = view.visual
        assert isinstance(content, Content)
        assert "“[s]peak freely" in content.plain
        assert not any("strike" in str(span.style) for span in content.spans)
        reader.scroll_to_widget(view, animate=False)
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
        for description in ("Quit", "Next pane", "Open the article", "Next passage", "Back to the list", "Last passage", "Removed"):
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
        assert all(v.passage.kept for v in reader.passage_views)
        assert f"{article.removed_count} removed" in screen_text(app)
        await pilot.press("G")
        assert "Recent Stories" not in screen_text(app)
        await pilot.press("b")
        assert len(reader.passage_views) == len(article.body)
        await pilot.press("G")
        screen = screen_text(app)
        assert "Recent Stories" in screen
        assert f"removed: {removed[-1].boilerplate}" in screen
        await pilot.press("b")
        assert reader.current_passage.kept  # the cursor left the hidden passage for a shown one
        assert all(v.passage.kept for v in reader.passage_views)
