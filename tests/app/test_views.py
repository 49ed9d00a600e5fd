"""The app's HTML views and theme, without a browser: what the user reads in each panel."""

from __future__ import annotations

from pathlib import Path

import gradio as gr

from opdrachtassistent.passages import Passage
from opdrachtassistent.reviewing.checks import Finding, Review
from opdrachtassistent.ui.theme import FONT_WEIGHTS, theme
from opdrachtassistent.ui.views import (
    NO_SOURCES,
    SUMMARY_NO_SOURCES,
    review_html,
    sources_html,
)

LONG_SOURCE = (
    "Redactie opdrachtassistent, op basis van Stantec, Probleemanalyse integrale uitvoering "
    "(City Deal Openbare Ruimte, OT3); Binnenlands Bestuur en Royal HaskoningDHV"
)


def passage(n: int, source: str = LONG_SOURCE) -> Passage:
    return Passage(
        id=f"knelpunten#p{n}",
        text=f"Tekst van passage {n}.",
        title="Knelpunten bij integrale uitvoering",
        heading=f"Knelpunt {n}",
        source=source,
    )


def test_sources_panel_cites_a_shared_source_once() -> None:
    out = sources_html([passage(1), passage(2), passage(3)], why="Daarom.")
    assert out.count("Redactie opdrachtassistent") == 1
    assert out.count("<blockquote>") == 3
    assert "Knelpunt 3" in out
    two = sources_html([passage(1), passage(2, source="Stantec, essay")])
    assert "Bronnen: " in two and two.count("Stantec, essay") == 1


def test_sources_panel_at_the_summary_says_why_there_are_none() -> None:
    assert NO_SOURCES in sources_html([])
    out = sources_html([], empty=SUMMARY_NO_SOURCES)
    assert SUMMARY_NO_SOURCES in out and NO_SOURCES not in out


def test_sources_panel_escapes_corpus_text() -> None:
    out = sources_html([passage(1, source="<script>alert(1)</script>")])
    assert "<script>" not in out and "&lt;script&gt;" in out


def _review() -> Review:
    shared = passage(1)
    return Review(
        findings=[
            Finding(
                severity="hoog",
                section="organisation",
                rule="geen_organisatie",
                message="Er is geen organisatie beschreven.",
                sources=[shared, passage(2)],
            ),
            Finding(
                severity="midden",
                section="frameworks",
                rule="kader_ontbreekt",
                message="Als kader ontbreekt het mobiliteitsplan.",
                sources=[shared],
            ),
        ],
        verdict="Nog niet gereed voor uitvoering.",
        ready=False,
    )


def test_review_panel_names_sources_short_and_cites_them_once() -> None:
    """The long attribution of each passage was repeated after every finding, inline."""
    out = review_html(_review())
    assert out.count(LONG_SOURCE) == 2  # passage 1 and 2, once each in the list
    assert out.count("Bron: Knelpunten bij integrale uitvoering, Knelpunt 1") == 2
    assert "<h4>Bronnen</h4><ol" in out
    # the citation is its own block after the message, not glued to its last sentence
    assert 'beschreven.<span class="oa-cite">' in out
    from opdrachtassistent.ui.theme import CSS

    assert ".oa-cite { display:block;" in CSS


def test_review_panel_without_findings() -> None:
    out = review_html(Review(findings=[], verdict="Gereed voor uitvoering.", ready=True))
    assert "Klaar voor de uitvoering" in out and "Geen bevindingen." in out
    assert "Bronnen" not in out


def test_theme_uses_only_complete_font_files() -> None:
    """Gradio's SemiBold files are 5 KB subsets: semibold text mixed two fonts."""
    static = Path(gr.__file__).parent / "templates" / "frontend" / "static" / "fonts"
    t = theme()
    local = [f for f in (*t._font, *t._font_mono) if isinstance(f, gr.themes.LocalFont)]
    assert local
    for font in local:
        assert tuple(font.weights) == FONT_WEIGHTS
        css = font.stylesheet()["css"]
        for url in css.split("url('static/fonts/")[1:]:
            path = static / url.split("'")[0]
            assert path.stat().st_size > 20_000, path
