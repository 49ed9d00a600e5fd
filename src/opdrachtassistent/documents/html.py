"""HTML to plain text (the HTML part of a mail), with the standard library's parser.

Block elements end a paragraph, `<br>` ends a line, scripts and styles are dropped, and
character references are resolved. Good enough for mail bodies; not a renderer.
"""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCKS = frozenset(
    {"p", "div", "li", "tr", "table", "ul", "ol", "blockquote", "section", "article"}
    | {"header", "footer", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_SKIP = frozenset({"script", "style", "head", "title"})


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag in ("td", "th"):
            self.parts.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(" ".join(data.split()) if data.strip() else " ")


def html_to_text(html: str) -> str:
    """The readable text of an HTML fragment or page, paragraphs separated by blank lines."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()).strip(" |") for line in "".join(parser.parts).split("\n")]
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()
