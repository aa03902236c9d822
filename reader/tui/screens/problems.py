"""The problems screen: files that could not be opened, or only in part, and why."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content

from reader.model import Problem, Severity
from reader.tui.wording import plural
from reader.tui.screens.text_dialog import TextDialog


class ProblemsScreen(TextDialog):
    BINDINGS = [Binding("escape,q,p", "dismiss", "Close problems", id="problems.close")]
    hint = "escape, q or p closes this list"

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems

    def body(self) -> Content:
        if not self.problems:
            return Content("Every file opened without a problem.")
        skipped = sum(p.severity is Severity.SKIPPED for p in self.problems)
        failed = plural(len(self.problems) - skipped, "file") + " had problems"
        lines = [Content.styled(failed + (f"; {skipped} skipped" if skipped else ""), "bold")]
        for problem in self.problems:
            lines.append(Content.assemble((f"{problem.severity.value:<8}", "bold"), problem.path))
            lines.append(Content.assemble("         ", problem.message))
        return Content("\n").join(lines)
