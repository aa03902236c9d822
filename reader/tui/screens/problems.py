"""The problems screen: files that could not be opened, or only in part, and why."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.model import Problem


class ProblemsScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,p", "dismiss", "Close problems", id="problems.close")]

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(self._listing(), id="problems-table")
            yield Static(Content.styled("escape, q or p closes this list", "dim"))

    def _listing(self) -> Content:
        if not self.problems:
            return Content("Every file opened without a problem.")
        lines = [Content.styled(f"{len(self.problems)} files had problems", "bold")]
        for problem in self.problems:
            lines.append(Content.assemble((f"{problem.severity.value:<8}", "bold"), problem.path))
            lines.append(Content.assemble("         ", problem.message))
        return Content("\n").join(lines)
