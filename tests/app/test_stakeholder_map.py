"""The stakeholder map: defaults per kind, user overrides, escaping, SVG/HTML and PNG output."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from opdrachtassistent.commission import Stakeholder
from opdrachtassistent.render.stakeholder_map import (
    CELL_W,
    DEFAULT_SCORES,
    LABEL_PAD_L,
    LABEL_W,
    MARGIN_L,
    UNKNOWN_SCORES,
    default_scores,
    normalise_kind,
    position,
    quadrant,
    svg_text_width,
    to_html,
    to_png,
    to_svg,
)


@pytest.mark.parametrize(
    ("kind", "name", "expected"),
    [
        ("waterschap", "", (4, 4)),
        ("netbeheerder", "", (4, 3)),
        ("bewoners", "", (2, 5)),
        ("hulpdiensten", "", (3, 3)),
        ("raad", "", (5, 3)),
        (None, "Waterschap Aa en Maas", (4, 4)),
        (None, "Hoogheemraadschap van Delfland", (4, 4)),
        (None, "Liander", (4, 3)),
        (None, "Stedin Netbeheer", (4, 3)),
        (None, "Woonstichting De Key", (4, 4)),
        (None, "Bewoners van de Dorpsstraat", (2, 5)),
        (None, "Wijkraad Oost", (2, 5)),
        (None, "Gemeenteraad", (5, 3)),
        (None, "Brandweer en ambulance", (3, 3)),
        (None, "Basisschool De Regenboog", (2, 5)),
        ("Woningcorporatie", "Portaal", (4, 4)),
        (None, "Iets heel anders", UNKNOWN_SCORES),
        ("", "", UNKNOWN_SCORES),
    ],
)
def test_default_scores(kind: str | None, name: str, expected: tuple[int, int]) -> None:
    assert default_scores(kind, name) == expected


def test_every_known_kind_normalises_to_itself() -> None:
    for kind in DEFAULT_SCORES:
        assert normalise_kind(kind) == kind


def test_user_override_wins_per_axis() -> None:
    p = position(Stakeholder(name="Waterschap Rivierenland", influence=2))
    assert (p.influence, p.concern, p.source) == (2, 4, "aangepast")
    p = position(Stakeholder(name="Buurtbewoners", concern=1, influence=5))
    assert (p.influence, p.concern, p.quadrant) == (5, 1, "tevreden houden")
    assert position(Stakeholder(name="Onbekende partij")).source == "onbekend"
    assert position(Stakeholder(name="Vitens")).source == "standaard"


@pytest.mark.parametrize(
    ("influence", "concern", "expected"),
    [(5, 5, "samenwerken"), (4, 1, "tevreden houden"), (1, 5, "informeren"), (2, 2, "monitoren")],
)
def test_quadrants(influence: int, concern: int, expected: str) -> None:
    assert quadrant(influence, concern) == expected


HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_svg_is_wellformed_accessible_and_escaped() -> None:
    svg = to_svg([Stakeholder(name=HOSTILE), Stakeholder(name="Waterschap")])
    root = ET.fromstring(svg)  # well-formed XML: nothing the user typed broke out
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "skm-title skm-desc"
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{ns}title") is not None
    desc = root.find(f"{ns}desc")
    assert desc is not None and "Waterschap: invloed 4, belang 4" in (desc.text or "")
    assert "<script" not in svg and "<img" not in svg
    assert "&lt;script&gt;" in svg


def test_html_has_table_and_escapes() -> None:
    page = to_html([Stakeholder(name=HOSTILE, kind="<b>soort</b>"), Stakeholder(name="Stedin")])
    assert "<script" not in page and "<b>soort" not in page
    assert "<caption>Stakeholders op de kaart</caption>" in page
    assert page.count("<tr>") == 3  # header + two rows
    assert "standaard voor dit soort partij" in page


def test_html_when_empty_explains_what_to_do() -> None:
    assert "Nog geen stakeholders" in to_html([])


def test_many_in_one_cell_are_summarised() -> None:
    svg = to_svg([Stakeholder(name=f"Bewoner {i}", kind="bewoners") for i in range(7)])
    assert "+ 4 meer" in svg


def test_png_bytes() -> None:
    data = to_png([Stakeholder(name="Waterschap"), Stakeholder(name=HOSTILE)], scale=1)
    img = Image.open(io.BytesIO(data))
    assert img.format == "PNG"
    assert img.size[0] > 600 and img.size[1] > 400
    assert len(to_png([])) > 1000  # an empty grid is still a valid picture


# Names seen in the browser: labels ran into the next cell ("ondernemers van de …bewoners")
# and past the right edge of the grid.
CROWDED = [
    Stakeholder(name="ondernemers van de Dorpsstraat", kind="ondernemers"),
    Stakeholder(name="bewoners", kind="bewoners"),
    Stakeholder(name="Stichting Kinderopvang De Regenboog", kind="school"),
    Stakeholder(name="<svg onload=alert(5)>", kind="bewoners"),
    Stakeholder(name="Buurtvereniging", kind="bewoners"),
    Stakeholder(name="waterschap Brabantse Delta", kind="waterschap"),
    Stakeholder(name="Hoogheemraadschap van Schieland en de Krimpenerwaard", kind="waterschap"),
    Stakeholder(name="MMMMMMMMMMMMMMMMMMMMMMMMMMMM", kind="waterschap"),
]
SVG_NS = "{http://www.w3.org/2000/svg}"


def _labels(svg: str) -> list[tuple[float, str]]:
    root = ET.fromstring(svg)
    return [
        (float(t.get("x", "0")), t.text or "")
        for t in root.iter(f"{SVG_NS}text")
        if t.get("font-size") == "12" and t.get("font-style") is None
    ]


def test_svg_labels_stay_inside_their_cell() -> None:
    labels = _labels(to_svg(CROWDED))
    assert labels
    for x, text in labels:
        column_start = MARGIN_L + ((x - LABEL_PAD_L - MARGIN_L) // CELL_W) * CELL_W
        # a deliberately generous (wide-font) estimate must still end inside the cell
        assert x + svg_text_width(text) <= column_start + CELL_W, text
        assert len(text) <= 24, text
    texts = [t for _, t in labels]
    # long names are wrapped between words, not only cut
    assert "ondernemers van de" in texts and "Dorpsstraat" in texts
    assert any(t.startswith("+ ") and t.endswith(" meer") for t in texts)  # 5 in one cell
    assert any(t.endswith("…") for t in texts)
    assert "clip-path=" in to_svg(CROWDED)


def test_png_labels_fit_their_cell() -> None:
    from PIL import ImageDraw, ImageFont

    from opdrachtassistent.render import stakeholder_map as sm

    draw = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    font = ImageFont.load_default(size=13)
    members = [sm.position(s) for s in CROWDED if s.kind == "waterschap"]
    lines = sm.cell_lines(members, lambda t: draw.textlength(t, font=font))
    assert 1 < len(lines) <= sm.MAX_LINES
    assert all(draw.textlength(line, font=font) <= LABEL_W for line in lines)
    Image.open(io.BytesIO(to_png(CROWDED))).verify()
