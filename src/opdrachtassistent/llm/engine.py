"""Which engine answers, in Dutch, for the app's banner and the CLI (AI Act art. 50).

`describe(settings)` names the engine the settings select: the Dutch rules, or a language
model and the host the text is sent to. When a model is on, its `notice` tells the user, before
they type anything, that they are working with an AI system, that they must check what it fills
in, and where their text goes. Pure: no network.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from opdrachtassistent.config import Settings

OFFLINE_LABEL = "Offline: Nederlandse regels"
MODEL_LABEL = "Taalmodel: {model} op {host}"
OPENAI_HOST = "api.openai.com"
# Shown whenever a model is on: the user works with an AI system, checks its output, and
# knows where the text goes. Where the rules and the model both read an amount, fte or date,
# the rules win (`fields.RULES_FIRST`); the model only fills what the rules did not find.
AI_NOTICE = (
    "U werkt met een AI-systeem. Een taalmodel leest uw antwoorden en documenten en vult "
    "daarmee de opdracht in; het kan zich vergissen. Controleer wat het invult voordat u de "
    "opdracht gebruikt. Uw tekst wordt verstuurd naar {host}. Bij bedragen, fte en datums "
    "gaan de Nederlandse regels voor."
)
OFFLINE_NOTICE = "Er wordt geen taalmodel gebruikt; uw tekst gaat niet naar een AI-dienst."
MAX_NAME = 80  # a model name longer than this is cut in the label


@dataclass(frozen=True)
class EngineInfo:
    """What the user is told about the engine: a short label and a notice."""

    model: bool  # True when a language model answers
    label: str
    notice: str
    host: str | None = None


def endpoint_host(settings: Settings) -> str:
    """The host (and port, when not the default) the text is sent to; never the credentials
    of a URL like `https://user:secret@host/v1`."""
    if not settings.llm_base_url:
        return OPENAI_HOST
    parts = urlsplit(settings.llm_base_url)
    return _printable(parts.netloc.rsplit("@", 1)[-1] or settings.llm_base_url)


def _printable(value: str) -> str:
    """A configured name as one line of text: control characters (a newline, a terminal
    escape) become spaces, and it is cut at `MAX_NAME` characters."""
    text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in value)
    text = " ".join(text.split())
    return text if len(text) <= MAX_NAME else text[: MAX_NAME - 1] + "…"


def describe(settings: Settings) -> EngineInfo:
    """The engine the settings select, as the app and the CLI name it."""
    if not settings.llm_enabled:
        return EngineInfo(model=False, label=OFFLINE_LABEL, notice=OFFLINE_NOTICE)
    host = endpoint_host(settings)
    return EngineInfo(
        model=True,
        label=MODEL_LABEL.format(model=_printable(settings.llm_model) or "?", host=host),
        notice=AI_NOTICE.format(host=host),
        host=host,
    )
