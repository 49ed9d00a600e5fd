"""Settings, read once from the environment (prefix OPDRACHTASSISTENT_) and passed around."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from opdrachtassistent.usertext import MAX_INPUT_CHARS

LLM_TIMEOUT_S = 8.0  # seconds a person waiting for a reply accepts, before the rules answer


def default_data_dir() -> Path:
    """Per-user data: $XDG_DATA_HOME/opdrachtassistent or ~/.local/share/opdrachtassistent."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "opdrachtassistent"


class Settings(BaseSettings):
    """Everything configurable. The defaults run fully offline."""

    model_config = SettingsConfigDict(env_prefix="OPDRACHTASSISTENT_", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir)
    # Own corpus or prompts instead of the built-in package data (None: the built-in ones).
    corpus_dir: Path | None = None
    prompts_dir: Path | None = None
    chroma_url: str | None = Field(
        default=None,
        description="Use a Chroma server (http://host:port) instead of the "
        "embedded store, for several app instances sharing one index.",
    )
    database_url: str | None = Field(
        default=None,
        description="Where conversations are kept: a SQLAlchemy URL such as "
        "postgresql+psycopg://user:password@host:5432/db for a team on a server. "
        "None: the SQLite file sessions.sqlite3 in the data directory.",
    )
    # Optional OpenAI-compatible LLM (OpenAI, Azure, Ollama, vLLM). Off unless a URL or key
    # is configured.
    llm_base_url: str | None = None
    llm_api_key: str | None = None
    llm_model: str = "gpt-4o-mini"
    # How the server is asked for JSON: json_schema (OpenAI, Ollama, vLLM), json_object_schema
    # (llama.cpp's server: {"type": "json_object", "schema": ...}), json_mode or
    # function_calling. A method the server refuses is recognised and the next one is tried.
    llm_method: Literal["json_schema", "json_object_schema", "json_mode", "function_calling"] = (
        "json_schema"
    )
    # One deadline per model call, a re-ask included: long enough for a local model's answer,
    # short enough that a hung endpoint costs a waiting user only this long once (after a
    # timeout the endpoint is skipped for a while, for every conversation).
    llm_timeout_s: float = Field(default=LLM_TIMEOUT_S, gt=0)
    # The bound on the model's output in tokens; None: sized to the output schema.
    llm_max_tokens: int | None = Field(default=None, gt=0)
    # The one bound on any text a user sends (a chat answer, a section in the editor, the
    # text read from an upload): longer is refused with a Dutch message before it is stored.
    max_input_chars: int = Field(default=MAX_INPUT_CHARS, gt=0)
    # Login (see auth/): the users file with argon2id hashes (None: users.json in the data
    # directory), or single sign-on through a reverse proxy that sets `auth_header` to the
    # user's name; the header counts only on requests whose TCP peer is one of
    # `trusted_proxies` (addresses or networks, comma-separated in the environment).
    users_file: Path | None = None
    auth_header: str | None = None
    trusted_proxies: Annotated[list[str], NoDecode] = Field(default_factory=list)

    # How long a conversation is kept after its last change, in days; its exports go with it.
    # None or 0: kept until the user deletes it (the default, for a laptop). A municipality
    # sets its own period (OPDRACHTASSISTENT_RETENTION_DAYS).
    retention_days: int | None = Field(default=None, ge=0)
    # How often the running app enforces the period; a day, shorter only in tests.
    retention_check_s: float = Field(default=24 * 60 * 60.0, gt=0)

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _split_proxies(cls, value: object) -> object:
        """`10.0.0.5, 10.1.0.0/16` in the environment; a list when given in code."""
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @property
    def users_path(self) -> Path:
        """Where the users file is: as configured, else in the data directory."""
        return self.users_file or Path(self.data_dir) / "users.json"

    # Requests that make the app work (answers, uploads) per user or client address per
    # minute; 0 turns the limit off. Without login, this machine itself is not counted.
    rate_limit_per_minute: int = Field(default=120, ge=0)

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url or self.llm_api_key)


# The environment variables that keep every library offline: Gradio analytics, the HF hub,
# Chroma telemetry. The one list; the Makefile, CI, the app and the tests take it from here.
OFFLINE_SWITCHES: dict[str, str] = {
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "TRANSFORMERS_OFFLINE": "1",
    "DO_NOT_TRACK": "1",
}


def set_offline_switches() -> None:
    """Make sure no library phones home (values already set by the user are kept)."""
    for key, value in OFFLINE_SWITCHES.items():
        os.environ.setdefault(key, value)
