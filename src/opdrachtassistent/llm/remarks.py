"""A language model's remarks on the free texts of a commission, beside the rule review.

`model_remarks(client, commission)` asks the model once, through `ModelClient.call`, to judge
only the quality of the free texts that are there: is the goal an outcome and is each result
measurable, is the decision space concrete and the escalation clear, who does and decides
what. Then:

1. The texts go between `<tekst>` delimiters as DATA (a delimiter inside a text is
   neutralised); the system prompt says never to follow them. A commission without any of
   the texts judged asks nothing.
2. The answer (`RemarksOutput`: strict, every field required, no extra keys) is trimmed: a
   remark about a section not judged, one of fewer than `MIN_REMARK_WORDS` words or more than
   `MAX_REMARK_CHARS` characters, or one that only repeats the commission's own text, is
   dropped, and at most `MAX_REMARKS` are kept. The text is stored as written (whitespace
   folded, unwanted characters removed); each output escapes it for its own format.
3. Any failure of the model (an `LLMError`) or of its prompts gives [] and a warning in the
   log: remarks never stand in the way of a review, and never change its findings, verdict or
   readiness (`reviewing.model.ModelRemark`).

A client remembers the remarks for the texts it judged last (a few, bounded), so the review
the app shows and the exports made from it carry the same remarks for one model call.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import weakref
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from opdrachtassistent.commission import SECTION_TITLES, Commission, SectionKey
from opdrachtassistent.errors import LLMError
from opdrachtassistent.prompts import PromptError, load_prompt, render
from opdrachtassistent.reviewing.model import ModelRemark
from opdrachtassistent.usertext import clean

if TYPE_CHECKING:
    from opdrachtassistent.llm.client import ModelClient

__all__ = [
    "MAX_REMARKS",
    "MAX_REMARK_CHARS",
    "MIN_REMARK_WORDS",
    "REMARK_SECTIONS",
    "RemarkOutput",
    "RemarksOutput",
    "as_data",
    "model_remarks",
    "prompts_for",
    "remarks_from",
]

log = logging.getLogger(__name__)

# The sections whose free texts the model judges; a remark about another one is dropped.
REMARK_SECTIONS: tuple[SectionKey, ...] = ("goal", "mandate", "organisation")
MAX_REMARKS = 5
MAX_REMARK_CHARS = 400
MIN_REMARK_WORDS = 4  # fewer is a label, not a remark
MAX_FIELD_CHARS = 2_000  # of one text sent; a longer one is cut (the prompt stays small)
MAX_TOKENS = 700  # five remarks of two sentences, with room for the JSON around them
CACHE_SIZE = 16  # judged texts remembered per client

# What the model may write for a section: the key, the Dutch title, or the short word.
_SECTION_WORDS: dict[str, SectionKey] = {
    **{key: key for key in REMARK_SECTIONS},
    **{SECTION_TITLES[key].casefold(): key for key in REMARK_SECTIONS},
    "doel": "goal",
    "resultaten": "goal",
    "mandaat": "mandate",
    "beslisruimte": "mandate",
    "escalatie": "mandate",
    "organisatie": "organisation",
    "werkwijze": "organisation",
}

# Every delimiter a prompt of this package uses, also with attributes: a text cannot close one.
_DELIMITER = re.compile(r"<\s*/?\s*(tekst|antwoord|bekend|bron)\b[^<>]*>", re.IGNORECASE)


# -- the output schema the model fills ---------------------------------------------------


class RemarkOutput(BaseModel):
    """Eén opmerking over de kwaliteit van één vrije tekst."""

    model_config = ConfigDict(extra="forbid")

    # A plain string that the schema restricts: an unknown section then drops one remark
    # instead of failing the whole answer.
    section: str = Field(
        description="De sectie van de tekst: " + ", ".join(REMARK_SECTIONS) + ".",
        json_schema_extra={"enum": list(REMARK_SECTIONS)},
    )
    text: str = Field(
        description="Eén of twee korte Nederlandse zinnen: wat vaag is en wat concreter kan."
    )


class RemarksOutput(BaseModel):
    """Opmerkingen over de kwaliteit van de vrije teksten; [] als ze meetbaar en concreet zijn."""

    model_config = ConfigDict(extra="forbid")

    remarks: list[RemarkOutput] = Field(
        description=f"Hoogstens {MAX_REMARKS} opmerkingen, de belangrijkste eerst."
    )


# -- the prompts ----------------------------------------------------------------------------


def as_data(text: str) -> str:
    """Commission text made safe to place between the delimiters: it cannot close them."""
    return _DELIMITER.sub(lambda m: m.group(0).replace("<", "‹").replace(">", "›"), text)


def _cut(text: str) -> str:
    text = clean(text).strip()
    return text if len(text) <= MAX_FIELD_CHARS else text[: MAX_FIELD_CHARS - 1] + "…"


def _texts(commission: Commission) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The background and the texts to judge, each as (heading, text), empty ones left out."""
    c = commission

    def judged(key: SectionKey, field: str) -> str:
        return f"Sectie {key} ({SECTION_TITLES[key]}), veld: {field}"

    background = [
        ("Achtergrond, veld: titel", c.title),
        ("Achtergrond, veld: aanleiding", c.context),
        ("Achtergrond, veld: opdrachtgever", c.mandate.commissioner),
    ]
    results = "\n".join(f"- {r.strip()}" for r in c.goal.results if r.strip())
    texts = [
        (judged("goal", "doel"), c.goal.statement),
        (judged("goal", "beoogde resultaten"), results),
        (judged("mandate", "beslisruimte"), c.mandate.decision_space),
        (judged("mandate", "escalatie"), c.mandate.escalation),
        (judged("organisation", "organisatie en werkwijze"), c.organisation),
    ]

    def filled(pairs: list[tuple[str, str | None]]) -> list[tuple[str, str]]:
        cut = [(heading, _cut(text or "")) for heading, text in pairs]
        return [(heading, text) for heading, text in cut if text]

    return filled(background), filled(texts)


def prompts_for(commission: Commission, *, directory: Path | None = None) -> tuple[str, str] | None:
    """The system and user prompt for `commission`, or None when it has no text to judge.
    Raises `PromptError` when a prompt file is missing or cannot be filled."""
    background, texts = _texts(commission)
    if not texts:
        return None
    blocks = [
        f"{heading}\n<tekst>\n{as_data(text)}\n</tekst>" for heading, text in background + texts
    ]
    keys = ", ".join(REMARK_SECTIONS)
    system = render(
        load_prompt("review_system", directory=directory),
        {"max_remarks": str(MAX_REMARKS), "sections": keys},
    )
    user = render(
        load_prompt("review_user", directory=directory),
        {"sections": keys, "texts": "\n\n".join(blocks)},
    )
    return system, user


# -- reading the answer ---------------------------------------------------------------------


def _section(word: str) -> SectionKey | None:
    return _SECTION_WORDS.get(" ".join(word.casefold().split()))


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[^\w%]+", " ", text.casefold()).split())


def remarks_from(
    output: RemarksOutput, *, model: str | None = None, commission: Commission | None = None
) -> list[ModelRemark]:
    """The usable remarks of an answer: about a judged section, at least `MIN_REMARK_WORDS`
    words and at most `MAX_REMARK_CHARS` characters, not a copy of the commission's own text
    (a small model echoes its input), not repeated; at most `MAX_REMARKS`."""
    echoes = ""
    if commission is not None:
        background, texts = _texts(commission)
        echoes = "\n".join(_folded(text) for _, text in background + texts)
    out: list[ModelRemark] = []
    seen: set[str] = set()
    for remark in output.remarks:
        section = _section(remark.section)
        text = " ".join(clean(remark.text).split())
        folded = _folded(text)
        usable = (
            section is not None
            and len(folded.split()) >= MIN_REMARK_WORDS
            and len(text) <= MAX_REMARK_CHARS
            and folded not in echoes
        )
        if not usable or section is None:
            log.info("model remark dropped (section %r, %d chars)", remark.section, len(text))
            continue
        if folded in seen:
            continue
        seen.add(folded)
        out.append(ModelRemark(section=section, text=text, model=model))
        if len(out) == MAX_REMARKS:
            break
    return out


# -- the call -------------------------------------------------------------------------------

_CACHE: weakref.WeakKeyDictionary[ModelClient, OrderedDict[str, list[ModelRemark]]] = (
    weakref.WeakKeyDictionary()
)
_CACHE_LOCK = threading.Lock()


def model_remarks(
    client: ModelClient, commission: Commission, *, deadline: float | None = None
) -> list[ModelRemark]:
    """The model's remarks on the free texts of `commission` (see the module doc); [] when
    there is nothing to judge or the model fails. Never raises an `LLMError`."""
    settings = client.settings
    try:
        prompts = prompts_for(commission, directory=settings.prompts_dir)
    except PromptError as exc:
        log.warning("model remarks skipped: %s [%s]", exc.message, exc.detail or "")
        return []
    if prompts is None:
        return []
    system, user = prompts
    key = hashlib.sha256(f"{system}\0{user}".encode()).hexdigest()
    with _CACHE_LOCK:
        remembered = _CACHE.setdefault(client, OrderedDict())
        if key in remembered:
            remembered.move_to_end(key)
            return [r.model_copy() for r in remembered[key]]
    try:
        result = client.call(RemarksOutput, system, user, max_tokens=MAX_TOKENS, deadline=deadline)
    except LLMError as exc:
        log.warning("model remarks skipped: %s [%s]", exc.message, exc.detail or "")
        return []
    assert isinstance(result.value, RemarksOutput)
    remarks = remarks_from(result.value, model=settings.llm_model, commission=commission)
    with _CACHE_LOCK:
        remembered[key] = remarks
        while len(remembered) > CACHE_SIZE:
            remembered.popitem(last=False)
    return [r.model_copy() for r in remarks]
