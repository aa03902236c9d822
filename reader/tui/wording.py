"""Small helpers for the words the interface shows."""

from __future__ import annotations

from reader.model import Article


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``count`` and the noun agreeing with it: "1 passage", "3 passages"."""
    return f"{count} {singular if count == 1 else plural_form or singular + 's'}"


def source_labels(articles: list[Article], width: int = 14) -> dict[str, str]:
    """A short, distinct label per article id: its source, else its title, numbered when two are alike."""
    labels: dict[str, str] = {}
    seen: dict[str, int] = {}
    for article in articles:
        label = " ".join((article.source or article.display_title[0]).split())
        label = label if len(label) <= width else label[: width - 1] + "…"
        seen[label] = seen.get(label, 0) + 1
        labels[article.id] = label if seen[label] == 1 else f"{label[: width - 3]} {seen[label]}"
    return labels
