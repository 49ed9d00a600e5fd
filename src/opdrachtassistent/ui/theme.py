"""How the app looks: the Gradio theme, and the CSS and JS shipped in `ui/static/`."""

from __future__ import annotations

from importlib import resources

import gradio as gr

# Gradio's bundled Source Sans Pro / IBM Plex Mono SemiBold (600) files are tiny subsets
# (about 5 KB): every semibold heading, label and badge then mixed a few Source Sans glyphs
# with a fallback font ("A" and "B" visibly different). Regular and Bold are complete, so
# the theme declares 400 and 700 only; CSS weight 600 then resolves to the full Bold face.
FONT_WEIGHTS = (400, 700)


def static_text(name: str) -> str:
    """One file of `ui/static/`, read from the installed package (a wheel or a checkout)."""
    return (resources.files("opdrachtassistent.ui") / "static" / name).read_text(encoding="utf-8")


CSS = static_text("app.css")
# Gradio runs this function as soon as the page loads.
JS = static_text("app.js").strip()


def theme() -> gr.themes.Base:
    """Default Gradio theme with a blue that keeps white button text above 4.5:1 contrast."""
    return gr.themes.Default(
        primary_hue="blue",
        neutral_hue="slate",
        font=(
            gr.themes.LocalFont("Source Sans Pro", weights=FONT_WEIGHTS),
            "ui-sans-serif",
            "system-ui",
            "sans-serif",
        ),
        font_mono=(
            gr.themes.LocalFont("IBM Plex Mono", weights=FONT_WEIGHTS),
            "ui-monospace",
            "Consolas",
            "monospace",
        ),
    ).set(
        button_primary_background_fill="#1d4ed8",
        button_primary_background_fill_hover="#1e40af",
        button_primary_text_color="#ffffff",
    )
