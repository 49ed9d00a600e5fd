"""The stakeholder map of a krachtenveldanalyse: influence (invloed) x interest (belang).

Every stakeholder lands in a 5 x 5 grid. Its position is what the user set
(`Stakeholder.influence`, `Stakeholder.concern`) or else a sensible default for its kind
of party (a water board has much influence and much at stake; residents have much at stake
and little formal influence). The map is drawn twice from one layout: as accessible SVG with a
table beside it for the app, and as PNG bytes (Pillow) for the Word export.
All names are escaped; nothing a user typed becomes markup.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from PIL import Image, ImageDraw, ImageFont

from opdrachtassistent.commission import Stakeholder
from opdrachtassistent.lang import nl

Quadrant = Literal["samenwerken", "tevreden houden", "informeren", "monitoren"]
Source = Literal["aangepast", "standaard", "onbekend"]

# Default (influence, concern) per kind of party, on 1-5 scales: from the one kind table.
DEFAULT_SCORES: dict[str, tuple[int, int]] = {k: v["scores"] for k, v in nl.KINDS.items()}
UNKNOWN_SCORES = (3, 3)

QUADRANT_ADVICE: dict[Quadrant, str] = {
    "samenwerken": "veel invloed, groot belang: nauw betrekken en samen beslissen",
    "tevreden houden": "veel invloed, klein belang: tevreden houden en tijdig afstemmen",
    "informeren": "weinig invloed, groot belang: goed informeren en laten meedenken",
    "monitoren": "weinig invloed, klein belang: volgen en op de hoogte houden",
}

# Light fills with dark text: contrast well above 4.5:1 (WCAG 2.1 AA).
QUADRANT_FILL: dict[Quadrant, str] = {
    "samenwerken": "#d6e6f5",
    "tevreden houden": "#e2f0dc",
    "informeren": "#fbefd3",
    "monitoren": "#ececec",
}
TEXT_COLOUR = "#1b1b1b"
GRID_COLOUR = "#5c5c5c"


@dataclass(frozen=True, slots=True)
class Position:
    """Where one stakeholder sits on the map, and why."""

    name: str
    kind: str | None
    influence: int
    concern: int
    source: Source

    @property
    def quadrant(self) -> Quadrant:
        return quadrant(self.influence, self.concern)


def quadrant(influence: int, concern: int) -> Quadrant:
    """The quadrant of a position: 3 and up counts as high on either axis."""
    high_influence, high_concern = influence >= 3, concern >= 3
    if high_influence:
        return "samenwerken" if high_concern else "tevreden houden"
    return "informeren" if high_concern else "monitoren"


normalise_kind = nl.kind_of


def default_scores(kind: str | None, name: str = "") -> tuple[int, int]:
    """Default (influence, concern) for a kind of party; (3, 3) when the kind is unknown."""
    known = normalise_kind(kind, name)
    return DEFAULT_SCORES.get(known, UNKNOWN_SCORES) if known else UNKNOWN_SCORES


def position(stakeholder: Stakeholder) -> Position:
    kind = normalise_kind(stakeholder.kind, stakeholder.name)
    influence, concern = DEFAULT_SCORES.get(kind, UNKNOWN_SCORES) if kind else UNKNOWN_SCORES
    adjusted = stakeholder.influence is not None or stakeholder.concern is not None
    source: Source = "aangepast" if adjusted else ("standaard" if kind else "onbekend")
    return Position(
        name=stakeholder.name,
        kind=nl.KINDS[kind]["label"] if kind else stakeholder.kind,
        influence=stakeholder.influence if stakeholder.influence is not None else influence,
        concern=stakeholder.concern if stakeholder.concern is not None else concern,
        source=source,
    )


def positions(stakeholders: Sequence[Stakeholder]) -> list[Position]:
    return [position(s) for s in stakeholders]


# --- layout shared by SVG and PNG -------------------------------------------------------------

CELL_W, CELL_H = 150, 84
MARGIN_L, MARGIN_T, MARGIN_R, MARGIN_B = 70, 40, 16, 56
GRID_W, GRID_H = 5 * CELL_W, 5 * CELL_H
WIDTH, HEIGHT = MARGIN_L + GRID_W + MARGIN_R, MARGIN_T + GRID_H + MARGIN_B
LINE_H = 16
MAX_LINES = 4
LABEL_SIZE = 12  # px in the SVG
LABEL_PAD_L, LABEL_PAD_R = 8, 6
LABEL_W = CELL_W - LABEL_PAD_L - LABEL_PAD_R  # room for a label inside its cell
TITLE = "Krachtenveld: invloed en belang van de stakeholders"

Measure = Callable[[str], float]


def svg_text_width(text: str, size: float = LABEL_SIZE) -> float:
    """A generous estimate of a label's width in a wide sans-serif (DejaVu Sans), in px.

    The browser picks the font, so the SVG cannot measure; estimating on the wide side keeps
    labels inside their cell with narrower fonts too (and a clip path catches the rest).
    """
    em = 0.0
    for ch in text:
        if ch in "ilj.,;:'|!() ":
            em += 0.34
        elif ch in "MWmw@%":
            em += 1.05
        elif ch.isupper() or ch.isdigit() or ch in "<>=&#_~":
            em += 0.74
        else:
            em += 0.62
    return em * size


def _fit(text: str, measure: Measure, width: float) -> str:
    """`text` cut with an ellipsis so that it fits `width`."""
    if measure(text) <= width:
        return text
    while text and measure(text.rstrip() + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _wrap(name: str, measure: Measure, width: float, max_lines: int) -> list[str]:
    """A name over at most `max_lines` lines that each fit `width`, broken between words."""
    words = " ".join(name.split()).split(" ")
    lines: list[str] = []
    current = ""
    for i, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if measure(candidate) <= width or not current:
            current = candidate
            continue
        if len(lines) == max_lines - 1:  # last line: the rest, cut to fit
            return [*lines, _fit(" ".join([current, *words[i:]]), measure, width)]
        lines.append(_fit(current, measure, width))
        current = word
    return [*lines, _fit(current, measure, width)][:max_lines]


def _max_lines(influence: int, concern: int) -> int:
    # the bottom corner cells hold a quadrant name on their last line
    return MAX_LINES - 1 if influence == 1 and concern in (1, 5) else MAX_LINES


def cell_lines(
    members: Sequence[Position],
    measure: Measure,
    *,
    width: float = LABEL_W,
    max_lines: int = MAX_LINES,
) -> list[str]:
    """The label lines of one cell: every name wrapped (two lines at most) and cut to fit;
    when they do not all fit, as many names as fit and '+ n meer'."""
    wrapped = [_wrap(p.name, measure, width, 2) for p in members]
    lines: list[str] = []
    for n, name_lines in enumerate(wrapped):
        rest = len(wrapped) - n - 1
        room = max_lines - len(lines) - (1 if rest else 0)
        if len(name_lines) > room:
            if room >= 1 and not rest:
                lines.append(_fit(" ".join(name_lines), measure, width))
                return lines
            return [*lines, _fit(f"+ {len(wrapped) - n} meer", measure, width)]
        lines.extend(name_lines)
    return lines


def _cell_origin(influence: int, concern: int) -> tuple[int, int]:
    x = MARGIN_L + (concern - 1) * CELL_W
    y = MARGIN_T + (5 - influence) * CELL_H
    return x, y


def _cells(items: Sequence[Position]) -> dict[tuple[int, int], list[Position]]:
    cells: dict[tuple[int, int], list[Position]] = {}
    for p in items:
        cells.setdefault((p.influence, p.concern), []).append(p)
    return cells


def to_svg(stakeholders: Sequence[Stakeholder]) -> str:
    """The map as an SVG image with a title and description for screen readers."""
    items = positions(stakeholders)
    e = html.escape
    desc = "; ".join(
        f"{p.name}: invloed {p.influence}, belang {p.concern} ({p.quadrant})" for p in items
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" role="img" aria-labelledby="skm-title skm-desc" '
        f'style="max-width:{WIDTH}px;font-family:system-ui,sans-serif">',
        f'<title id="skm-title">{e(TITLE)}</title>',
        f'<desc id="skm-desc">{e(desc or "Nog geen stakeholders.")}</desc>',
    ]
    for influence in range(1, 6):
        for concern in range(1, 6):
            x, y = _cell_origin(influence, concern)
            fill = QUADRANT_FILL[quadrant(influence, concern)]
            parts.append(
                f'<rect x="{x}" y="{y}" width="{CELL_W}" height="{CELL_H}" fill="{fill}" '
                f'stroke="#ffffff" stroke-width="2"/>'
            )
    # quadrant names in the corners
    for q, (inf, con, anchor) in {
        "samenwerken": (5, 5, "end"),
        "tevreden houden": (5, 1, "start"),
        "informeren": (1, 5, "end"),
        "monitoren": (1, 1, "start"),
    }.items():
        x, y = _cell_origin(inf, con)
        tx = x + CELL_W - 6 if anchor == "end" else x + 6
        ty = y + (CELL_H - 6 if inf == 1 else 14)
        parts.append(
            f'<text x="{tx}" y="{ty}" font-size="11" font-style="italic" fill="#3d3d3d" '
            f'text-anchor="{anchor}">{e(q)}</text>'
        )
    for (inf, con), members in _cells(items).items():
        x, y = _cell_origin(inf, con)
        clip = f"skm-cell-{inf}-{con}"
        parts.append(
            f'<clipPath id="{clip}"><rect x="{x}" y="{y}" width="{CELL_W}" '
            f'height="{CELL_H}"/></clipPath><g clip-path="url(#{clip})">'
        )
        lines = cell_lines(members, svg_text_width, max_lines=_max_lines(inf, con))
        for i, line in enumerate(lines):
            parts.append(
                f'<text x="{x + LABEL_PAD_L}" y="{y + 30 + i * LINE_H}" '
                f'font-size="{LABEL_SIZE}" fill="{TEXT_COLOUR}">{e(line)}</text>'
            )
        parts.append("</g>")
    gx, gy = MARGIN_L, MARGIN_T
    parts.append(
        f'<rect x="{gx}" y="{gy}" width="{GRID_W}" height="{GRID_H}" fill="none" '
        f'stroke="{GRID_COLOUR}" stroke-width="1.5"/>'
    )
    for v in range(1, 6):
        cx = MARGIN_L + (v - 1) * CELL_W + CELL_W // 2
        cy = MARGIN_T + (5 - v) * CELL_H + CELL_H // 2
        parts.append(
            f'<text x="{cx}" y="{gy + GRID_H + 18}" font-size="12" text-anchor="middle" '
            f'fill="{TEXT_COLOUR}">{v}</text>'
        )
        parts.append(
            f'<text x="{gx - 10}" y="{cy + 4}" font-size="12" text-anchor="end" '
            f'fill="{TEXT_COLOUR}">{v}</text>'
        )
    parts.append(
        f'<text x="{gx + GRID_W // 2}" y="{HEIGHT - 10}" font-size="14" font-weight="bold" '
        f'text-anchor="middle" fill="{TEXT_COLOUR}">Belang (1 = laag, 5 = hoog)</text>'
    )
    parts.append(
        f'<text x="18" y="{gy + GRID_H // 2}" font-size="14" font-weight="bold" '
        f'text-anchor="middle" fill="{TEXT_COLOUR}" '
        f'transform="rotate(-90 18 {gy + GRID_H // 2})">Invloed (1 = laag, 5 = hoog)</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


SOURCE_LABEL: dict[Source, str] = {
    "aangepast": "door u aangepast",
    "standaard": "standaard voor dit soort partij",
    "onbekend": "soort partij onbekend: midden van de kaart",
}


def to_html(stakeholders: Sequence[Stakeholder]) -> str:
    """The map for the app: the SVG plus a table with the same facts (for every reader)."""
    if not stakeholders:
        return (
            '<p class="oa-empty">Nog geen stakeholders. Noem ze in het gesprek of vul het '
            "onderdeel Stakeholders in bij Bewerken; dan verschijnt hier het krachtenveld.</p>"
        )
    e = html.escape
    rows = "".join(
        "<tr>"
        f"<th scope='row'>{e(p.name)}</th><td>{e(p.kind or '-')}</td>"
        f"<td>{p.influence}</td><td>{p.concern}</td>"
        f"<td>{e(p.quadrant)}</td><td>{e(SOURCE_LABEL[p.source])}</td>"
        "</tr>"
        for p in positions(stakeholders)
    )
    legend = "".join(
        f"<li><strong>{e(q)}</strong>: {e(text)}</li>" for q, text in QUADRANT_ADVICE.items()
    )
    return (
        '<figure class="oa-map">'
        f"{to_svg(stakeholders)}"
        f"<figcaption>{e(TITLE)}. Invloed en belang lopen van 1 (laag) tot 5 (hoog).</figcaption>"
        "</figure>"
        f'<ul class="oa-legend">{legend}</ul>'
        '<table class="oa-table"><caption>Stakeholders op de kaart</caption>'
        "<thead><tr><th scope='col'>Naam</th><th scope='col'>Soort</th>"
        "<th scope='col'>Invloed</th><th scope='col'>Belang</th>"
        "<th scope='col'>Kwadrant</th><th scope='col'>Bron van de positie</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.load_default(size=size)
    except (OSError, TypeError, ValueError):  # pragma: no cover - Pillow without FreeType
        return ImageFont.load_default()


def _hex(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def to_png(stakeholders: Sequence[Stakeholder], *, scale: int = 2) -> bytes:
    """The same map as PNG bytes, for the Word export (drawn at `scale` for print)."""
    items = positions(stakeholders)
    img = Image.new("RGB", (WIDTH * scale, HEIGHT * scale), "white")
    draw = ImageDraw.Draw(img)
    text_c, grid_c = _hex(TEXT_COLOUR), _hex(GRID_COLOUR)
    small, normal, bold = _font(11 * scale), _font(13 * scale), _font(14 * scale)

    def s(v: float) -> int:
        return round(v * scale)

    for influence in range(1, 6):
        for concern in range(1, 6):
            x, y = _cell_origin(influence, concern)
            fill = _hex(QUADRANT_FILL[quadrant(influence, concern)])
            draw.rectangle(
                (s(x), s(y), s(x + CELL_W), s(y + CELL_H)), fill=fill, outline="white", width=s(2)
            )
    corner: dict[Quadrant, tuple[int, int, bool]] = {
        "samenwerken": (5, 5, True),
        "tevreden houden": (5, 1, False),
        "informeren": (1, 5, True),
        "monitoren": (1, 1, False),
    }
    for q, (inf, con, right) in corner.items():
        x, y = _cell_origin(inf, con)
        tw = draw.textlength(q, font=small)
        tx = s(x + CELL_W - 6) - tw if right else s(x + 6)
        ty = s(y + (CELL_H - 18 if inf == 1 else 4))
        draw.text((tx, ty), q, fill=(61, 61, 61), font=small)

    def measure(text: str) -> float:
        return draw.textlength(text, font=normal) / scale

    for (inf, con), members in _cells(items).items():
        x, y = _cell_origin(inf, con)
        lines = cell_lines(members, measure, max_lines=_max_lines(inf, con))
        for i, line in enumerate(lines):
            draw.text((s(x + LABEL_PAD_L), s(y + 18 + i * LINE_H)), line, fill=text_c, font=normal)
    draw.rectangle(
        (s(MARGIN_L), s(MARGIN_T), s(MARGIN_L + GRID_W), s(MARGIN_T + GRID_H)),
        outline=grid_c,
        width=max(1, s(1.5)),
    )
    for v in range(1, 6):
        cx = MARGIN_L + (v - 1) * CELL_W + CELL_W / 2
        cy = MARGIN_T + (5 - v) * CELL_H + CELL_H / 2
        draw.text((s(cx), s(MARGIN_T + GRID_H + 12)), str(v), fill=text_c, font=normal, anchor="mm")
        draw.text((s(MARGIN_L - 12), s(cy)), str(v), fill=text_c, font=normal, anchor="rm")
    draw.text(
        (s(MARGIN_L + GRID_W / 2), s(HEIGHT - 14)),
        "Belang (1 = laag, 5 = hoog)",
        fill=text_c,
        font=bold,
        anchor="mm",
    )
    draw.text((s(MARGIN_L), s(12)), TITLE, fill=text_c, font=bold)
    label = Image.new("RGB", (s(240), s(22)), "white")
    ImageDraw.Draw(label).text(
        (s(120), s(11)), "Invloed (1 = laag, 5 = hoog)", fill=text_c, font=bold, anchor="mm"
    )
    img.paste(label.rotate(90, expand=True), (s(8), s(MARGIN_T + GRID_H / 2 - 120)))
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()
