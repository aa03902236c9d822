"""Hostile and messy files: each gets a clear message naming it, the others still open, text is inert, nothing is written."""

from __future__ import annotations

import codecs
import hashlib
import json
import os
from pathlib import Path

import pytest

from reader.cli import main
from reader.load import decode, load, read_text
from reader.model import Severity
from reader.sanitize import inert

GOOD = "Council approves new library\nThe council voted on Tuesday to build a library by the river.\n"


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def problems_by_name(corpus) -> dict[str, tuple[str, Severity]]:
    return {Path(p.path).name: (p.message, p.severity) for p in corpus.problems}


def body_text(corpus) -> list[str]:
    return [p.text for a in corpus.articles for p in a.passages]


# --- encodings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1252", "Le caf\u00e9 co\u00fbte 3 \u20ac \u2014 l\u2019\u00e9t\u00e9, na\u00efve."),
        ("cp1252", "Der B\u00fcrgermeister sagte, die Stra\u00dfe werde \u201egepr\u00fcft\u201c."),
        ("latin-1", "Se\u00f1or N\u00fa\u00f1ez dijo que la ni\u00f1a est\u00e1 aqu\u00ed."),
        ("cp1252", "Caf\u00e9 d\u00e9j\u00e0 vu \u00e0 Montr\u00e9al"),  # short: Baltic cp1257 fits it too
        ("cp1251", "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0437\u0430\u044f\u0432\u0438\u043b, "
                   "\u0447\u0442\u043e \u043f\u0440\u0430\u0432\u0438\u0442\u0435\u043b\u044c\u0441\u0442\u0432\u043e "
                   "\u043f\u0440\u0438\u043c\u0435\u0442 \u0440\u0435\u0448\u0435\u043d\u0438\u0435."),
    ],
)
def test_legacy_encodings_are_detected(tmp_path, encoding, text):
    corpus = load([write(tmp_path, "legacy.txt", text.encode(encoding))])
    assert body_text(corpus) == [text]
    assert corpus.problems == []


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_unicode_with_byte_order_mark_is_read(tmp_path, codec):
    data = GOOD.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    path = write(tmp_path, "bom.txt", data)
    corpus = load([path])
    assert body_text(corpus) == GOOD.splitlines()
    assert read_text(path)[0] == "C"  # the mark is not text


def test_a_few_bad_bytes_in_utf8_are_replaced_with_a_warning(tmp_path):
    data = "The mayor\u2019s office said \u201cyes\u201d. ".encode() * 3 + b"Caf\xe9 opened.\n"
    corpus = load([write(tmp_path, "mixed.txt", data)])
    assert body_text(corpus)[0].endswith("Caf\ufffd opened.")
    assert "\u2019" in body_text(corpus)[0]
    assert problems_by_name(corpus) == {"mixed.txt": ("not valid UTF-8 in 1 place, shown as \ufffd", Severity.WARNING)}


def test_text_in_no_known_encoding_is_refused(tmp_path):
    corpus = load([write(tmp_path, "noise.txt", bytes(range(0x80, 0x100)) * 4), write(tmp_path, "ok.txt", GOOD)])
    message, severity = problems_by_name(corpus)["noise.txt"]
    assert message.startswith("unknown text encoding") and "save it as UTF-8" in message
    assert severity is Severity.ERROR
    assert [a.id for a in corpus.articles] == ["ok"]


def test_invalid_utf16_after_its_mark_is_refused():
    with pytest.raises(Exception, match="not valid UTF-16 text"):
        decode(codecs.BOM_UTF16_LE + b"a\x00\x00\xd8")  # a lone surrogate


# --- files that are not text ---------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01",
        b"A line of text\x00 with a NUL byte\n",
        bytes(range(1, 9)) * 20 + b"mostly control bytes",
    ],
)
def test_binary_files_are_refused(tmp_path, data):
    corpus = load([write(tmp_path, "blob.md", data)])
    assert corpus.articles == []
    assert problems_by_name(corpus) == {"blob.md": ("binary file, not text", Severity.ERROR)}


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", "\u00a0\u3000\n".encode(), codecs.BOM_UTF8])
def test_empty_files_are_refused(tmp_path, data):
    corpus = load([write(tmp_path, "empty.txt", data)])
    message, severity = problems_by_name(corpus)["empty.txt"]
    assert message.startswith("empty file") and severity is Severity.ERROR


def test_files_over_the_size_limit_are_refused_with_their_size(tmp_path):
    big = write(tmp_path, "big.txt", "word " * 600_000)
    small = write(tmp_path, "small.txt", GOOD)
    corpus = load([big, small], max_bytes=1_000_000)
    assert problems_by_name(corpus) == {
        "big.txt": ("too large to open: 3.0 MB (the limit is 1.0 MB)", Severity.ERROR)
    }
    assert [a.id for a in corpus.articles] == ["small"]
    assert len(load([big]).articles) == 1  # the default limit is 20 MB


def test_unreadable_files_say_so(tmp_path, monkeypatch):
    locked = write(tmp_path, "locked.txt", GOOD)
    real_open = os.open

    def refuse_locked(path, *args, **kwargs):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_locked)
    corpus = load([tmp_path])
    assert problems_by_name(corpus) == {
        "locked.txt": ("cannot read: permission denied (check that you may read it)", Severity.ERROR)
    }


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would wait forever for a writer
    write(tmp_path, "ok.txt", GOOD)
    corpus = load([tmp_path])
    assert problems_by_name(corpus)["pipe.txt"][0].startswith("not a regular file")
    assert [a.id for a in corpus.articles] == ["ok"]


# --- links ---------------------------------------------------------------------------------


def test_broken_and_looping_links_are_reported(tmp_path):
    write(tmp_path, "ok.txt", GOOD)
    (tmp_path / "gone.txt").symlink_to("deleted.txt")
    (tmp_path / "self.md").symlink_to("self.md")
    (tmp_path / "gone.jpg").symlink_to("deleted.jpg")
    corpus = load([tmp_path])
    assert problems_by_name(corpus) == {
        "gone.txt": ("broken symbolic link: deleted.txt does not exist", Severity.ERROR),
        "self.md": ("symbolic link loop: the link never reaches a file", Severity.ERROR),
        "gone.jpg": ("broken symbolic link: deleted.jpg does not exist", Severity.SKIPPED),
    }
    assert [a.id for a in corpus.articles] == ["ok"]


def test_folder_link_loops_end_and_every_file_is_read_once(tmp_path):
    write(tmp_path, "news/day1/a.txt", GOOD)
    write(tmp_path, "news/b.txt", GOOD)
    (tmp_path / "news/day1/back").symlink_to("..")  # a loop: leads to the folder holding it
    (tmp_path / "news/again").symlink_to("day1")  # the same folder under another name
    corpus = load([tmp_path / "news"])
    assert [a.id for a in corpus.articles] == ["b", "a"]
    found = problems_by_name(corpus)
    assert found["back"][0].startswith("symbolic link loop: leads back to") and "not followed" in found["back"][0]
    assert found["again"][0].endswith("which is read already; not read twice")
    assert {severity for _, severity in found.values()} == {Severity.SKIPPED}


def test_a_linked_folder_outside_the_tree_is_read(tmp_path):
    write(tmp_path, "elsewhere/c.txt", GOOD)
    write(tmp_path, "news/a.txt", GOOD)
    (tmp_path / "news/more").symlink_to(tmp_path / "elsewhere")
    corpus = load([tmp_path / "news"])
    assert [a.id for a in corpus.articles] == ["a", "c"]
    assert corpus.problems == []


# --- front matter --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front_matter", "message", "detail"),
    [
        ("title: [never closed\nsource: Daily\n", "malformed front matter (line 3)", "expected ',' or ']'"),
        ("- a list\n- not keys\n", "malformed front matter (line 2)", "expected 'key: value' lines, found a list"),
        ("title: x\n\tbad: tab\n", "malformed front matter (line 3)", ""),
        # LibYAML's parser overflows the C stack (the process dies) on nesting this deep
        ("x: " + "[" * 100_000 + "]" * 100_000 + "\n", "malformed front matter (line 1)", "nested too deeply"),
        ("x:\n" + "".join(" " * n + f"k{n}:\n" for n in range(1, 1500)), "malformed front matter (line 1)",
         "nested too deeply"),
    ],
)
def test_malformed_front_matter_warns_with_the_line_and_the_body_still_shows(tmp_path, front_matter, message, detail):
    corpus = load([write(tmp_path, "story.md", f"---\n{front_matter}---\nThe body still shows.\n")])
    assert body_text(corpus) == ["The body still shows."]
    [problem] = corpus.problems
    assert problem.path == str(tmp_path / "story.md")
    assert problem.message.startswith(message) and problem.message.endswith("shown without its metadata")
    assert detail in problem.message
    assert problem.severity is Severity.WARNING


def test_unclosed_front_matter_warns_and_shows_everything(tmp_path):
    corpus = load([write(tmp_path, "story.md", "---\ntitle: Never closed\n\nThe body.\n")])
    assert "The body." in body_text(corpus)
    [problem] = corpus.problems
    assert problem.message.startswith("malformed front matter (line 1): the '---' block is never closed")
    assert problem.severity is Severity.WARNING


def test_a_rule_at_the_top_is_not_taken_for_front_matter(tmp_path):
    corpus = load([write(tmp_path, "story.md", "---\n\nA story after a rule.\n")])
    assert corpus.problems == [] and body_text(corpus) == ["A story after a rule."]


@pytest.mark.parametrize("date", ["2024-13-45", "0000-00-00"])
def test_impossible_dates_and_huge_numbers_stay_text(tmp_path, date):
    number = "9" * 5000
    text = f"---\ntitle: Bridge\ndate: {date}\nissue: {number}\n---\nBody.\n"
    article = load([write(tmp_path, "story.md", text)]).articles[0]
    assert article.published == date and article.title == "Bridge"


def test_an_alias_bomb_in_front_matter_is_not_expanded(tmp_path):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    text = "---\n" + "\n".join(lines) + "\nauthor: [*i, Jo Reyes]\n---\nBody.\n"
    article = load([write(tmp_path, "bomb.md", text)]).articles[0]  # 9**9 items if expanded
    assert article.author == "Jo Reyes"


# --- inert text ----------------------------------------------------------------------------

HOSTILE_LINE = (
    "Red \x1b[31malert\x1b[0m, a \x1b]8;;https://evil.example\x07link\x1b]8;;\x07, "
    "a \x1b]0;new title\x07, C1 \x9b2J, bidi \u202eevil\u202c and \u2066isolate\u2069, bell\x07 del\x7f"
)


def test_control_and_bidi_characters_are_shown_visibly_one_for_one(tmp_path):
    path = write(tmp_path, "escapes.txt", HOSTILE_LINE + "\n")
    corpus = load([path])
    [passage] = [p for a in corpus.articles for p in a.passages]
    assert passage.text == inert(HOSTILE_LINE)
    assert len(passage.text) == len(HOSTILE_LINE) and (passage.start, passage.end) == (0, len(HOSTILE_LINE))
    assert "Red \u241b[31malert\u241b[0m" in passage.text
    assert "bidi \ufffdevil\ufffd and \ufffdisolate\ufffd, bell\u2407 del\u2421" in passage.text
    assert not any(ch in passage.text for ch in "\x1b\x07\x9b\x7f\u202e\u202c\u2066\u2069")


def test_inert_keeps_tabs_and_line_breaks_and_reads_a_lone_cr_as_a_break():
    assert inert("a\tb\r\nc\rd\n") == "a\tb\r\nc\nd\n"


def test_front_matter_escapes_cannot_smuggle_control_characters(tmp_path):
    text = '---\ntitle: "Bridge \\e]0;owned\\a \\u202Eclosed"\nauthor: "\\x1b[2J Sam"\n---\nBody.\n'
    article = load([write(tmp_path, "story.md", text)]).articles[0]
    assert article.title == "Bridge \u241b]0;owned\u2407 \ufffdclosed"
    assert article.author == "\u241b[2J Sam"


def test_control_characters_in_file_names_are_made_inert(tmp_path):
    write(tmp_path, "evil\x1b]0;x\x07.txt", GOOD)
    write(tmp_path, "evil\x1b[2J.jpg", b"x")
    corpus = load([tmp_path])
    assert corpus.articles[0].id == "evil\u241b]0;x\u2407"
    assert corpus.problems[0].path.endswith("evil\u241b[2J.jpg")


@pytest.mark.parametrize("name", ["mac.txt", "mac.md"])
def test_old_mac_line_endings_split_lines(tmp_path, name):
    path = write(tmp_path, name, "Bridge closes\r\rThe bridge closes on Monday.\rRepairs take six weeks.\r")
    corpus = load([path])
    text = read_text(path)
    passages = corpus.articles[0].passages
    assert passages[0].text == "Bridge closes" and "\r" not in "".join(p.text for p in passages)
    assert all(0 <= p.start <= p.end <= len(text) for p in passages)


def test_markdown_spans_stay_valid_around_replaced_characters(tmp_path):
    text = "# Head\x1b[1m\r\n\r\nFirst\x01 paragraph\rsecond line \u202e.\r\n\r\n- item \x9b\r\n"
    path = write(tmp_path, "story.md", text)
    corpus = load([path])
    decoded = read_text(path)
    assert len(decoded) == len(text)
    for passage in corpus.articles[0].passages:
        assert 0 <= passage.start <= passage.end <= len(decoded)
        assert inert(passage.text) == passage.text


# --- data safety ---------------------------------------------------------------------------


def tree_fingerprint(folder: Path) -> dict[str, tuple]:
    """Every entry under ``folder`` (hidden ones too) with its kind, mode and content hash or link target."""
    found = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root, name)
            info = path.lstat()
            if path.is_symlink():
                found[str(path)] = ("link", os.readlink(path))
            elif path.is_file():
                found[str(path)] = ("file", info.st_mode, info.st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
            else:
                found[str(path)] = ("other", info.st_mode)
    return found


def test_load_analyse_and_export_never_write_into_the_article_folder(tmp_path, capsys):
    tree = tmp_path / "articles"
    write(tree, "one.txt", GOOD)
    write(tree, "two.md", "---\ntitle: Library plan\nsource: Gazette\n---\n# Library plan\n\nThe council voted on Tuesday.\n")
    write(tree, "bad.md", "---\ntitle: [broken\n---\nBody.\n")
    write(tree, "blob.txt", b"\x00\x01\x02")
    write(tree, "sub/three.txt", "Library vote\nThe council voted on Tuesday to build a library.\n")
    write(tree, ".hidden.txt", "hidden")
    (tree / "sub" / "loop").symlink_to("..")
    before = tree_fingerprint(tree)
    assert main(["export", "--format", "json", str(tree)]) == 1  # blob.txt failed
    export = json.loads(capsys.readouterr().out)
    assert len(export["articles"]) == 4
    assert tree_fingerprint(tree) == before
