"""Which engine answers, in Dutch, for the app's banner and the CLI (AI Act art. 50)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from opdrachtassistent.config import Settings

OFFLINE_LABEL = "Offline: Nederlandse regels"
MODEL_LABEL = "Taalmodel: {model} op {host}"
OPENAI_HOST = "api.openai.com"
# Shown whenever a model is on: the user talks with an AI system, checks its output, and
# knows where the text goes.
AI_NOTICE = (
    "U werkt met een AI-systeem: een taalmodel leest uw antwoorden en stelt vragen voor. "
    "Controleer wat het invult voordat u de opdracht gebruikt. Uw tekst gaat naar {host}; "
    "bedragen, fte en datums komen altijd uit de Nederlandse regels."
)
OFFLINE_NOTICE = "Er wordt geen taalmodel gebruikt: uw tekst gaat niet buiten deze installatie."


@dataclass(frozen=True)
class EngineInfo:
    """What the user is told about the engine: a short label and a notice."""

    model: bool  # True when a language model is configured
    label: str
    notice: str
    host: str | None = None


def endpoint_host(settings: Settings) -> str:
    """The host (and port, when not the default) the text is sent to."""
    if not settings.llm_base_url:
        return OPENAI_HOST
    parts = urlsplit(settings.llm_base_url)
    return parts.netloc.rsplit("@", 1)[-1] or settings.llm_base_url


def describe(settings: Settings) -> EngineInfo:
    """The engine the settings select, as the app and the CLI name it."""
    if not settings.llm_enabled:
        return EngineInfo(model=False, label=OFFLINE_LABEL, notice=OFFLINE_NOTICE)
    host = endpoint_host(settings)
    return EngineInfo(
        model=True,
        label=MODEL_LABEL.format(model=settings.llm_model, host=host),
        notice=AI_NOTICE.format(host=host),
        host=host,
    )
