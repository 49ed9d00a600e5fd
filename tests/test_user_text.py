"""User text shows as typed in the assistant's messages and enters without control characters."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt
from tests.support.factories import complete_commission

from opdrachtassistent.commission import Stakeholder
from opdrachtassistent.config import Settings
from opdrachtassistent.dialogue.interview import Interview
from opdrachtassistent.dialogue.phrasing import fill, known, summary
from opdrachtassistent.documents import read_bytes
from opdrachtassistent.errors import InputError
from opdrachtassistent.usertext import MAX_INPUT_CHARS, check_length, clean, literal

PIXEL = "![x](http://tracker.example/pixel.png)"
HOSTILE = f"Zie {PIXEL}, **vet**, [site](http://a.example) en www.b.example of https://c.example"
# What a GFM renderer (as in the chat) links without brackets.
BARE_URL = re.compile(r"(?i)\b(?:https?|ftp)://|\bwww\.")
HIDDEN = "\u202eroodnaG\u202c \u2066a\u2069\u200e\u200f\x00\x07\x1b[31m"


def _html(markdown: str) -> str:
    return MarkdownIt("commonmark").render(markdown)


def _inert(markdown: str) -> None:
    rendered = _html(markdown)
    assert "<img" not in rendered
    assert "<a " not in rendered
    assert "<strong>vet</strong>" not in rendered
    assert not BARE_URL.search(markdown)


def test_literal_renders_as_typed() -> None:
    rendered = _html(literal(HOSTILE))
    assert "<img" not in rendered and "<a " not in rendered and "<strong>" not in rendered
    assert "**vet**" in rendered and PIXEL in rendered
    assert not BARE_URL.search(literal(HOSTILE))


def test_summary_shows_user_values_as_typed() -> None:
    c = complete_commission(context=HOSTILE, title="**Titel** " + PIXEL)
    c.stakeholders.append(Stakeholder(name="[Bewoners](http://x.example)", role="**beslist**"))
    c.open_questions.append("Wie betaalt " + PIXEL + "?")
    message = summary(c)
    _inert(message)
    assert "**Aanleiding:**" in message  # the assistant's own markup stays


def test_known_and_follow_up_names_are_inert() -> None:
    c = complete_commission(frameworks=[HOSTILE])
    _inert(known(c, "frameworks"))
    c.stakeholders = [Stakeholder(name=PIXEL), Stakeholder(name="**vet** www.d.example")]
    _inert(fill("Wat is de rol van {names}?", c))


def test_acknowledgement_quoting_the_answer_is_inert() -> None:
    interview = Interview()
    interview.opening()
    turn = interview.answer(f"Kaders: de Omgevingswet, {HOSTILE}. Dit is het kader.")
    ack = turn.message.split("\n\n")[0]
    assert ack.startswith("Genoteerd:"), turn.message
    _inert(turn.message)


def test_document_name_in_the_first_message_is_inert() -> None:
    interview = Interview()
    turn = interview.start_from(complete_commission(), document=f"**vet** {PIXEL}.docx")
    _inert(turn.message)


def test_clean_strips_control_and_bidi_override_characters() -> None:
    assert clean(f"a{HIDDEN}\tb\r\nc") == "aroodnaG a[31m\tb\nc"


def test_chat_answer_is_stored_without_hidden_characters() -> None:
    interview = Interview()
    interview.opening()
    interview.answer(f"De aanleiding is {HIDDEN} wateroverlast in de wijk.")
    stored = interview.messages[-2].content
    assert stored == clean(stored) and "wateroverlast" in stored
    assert interview.commission.context == clean(interview.commission.context or "")


def test_uploaded_text_is_read_without_hidden_characters() -> None:
    hidden = HIDDEN.replace("\x00", "")  # a NUL marks a binary file, refused as such
    read = read_bytes(f"Aanleiding: {hidden} wateroverlast.\n".encode(), "notitie\u202e.txt")
    assert read.text == clean(read.text) and "wateroverlast" in read.text
    assert read.name == "notitie.txt"


def test_one_limit_default_and_setting() -> None:
    assert Settings().max_input_chars == MAX_INPUT_CHARS
    assert Settings(max_input_chars=10).max_input_chars == 10
    check_length("x" * 10, 10)
    with pytest.raises(InputError, match="te lang"):
        check_length("x" * 11, 10)
