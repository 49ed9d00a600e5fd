"""The product's own model path (Services, the interview, drafting) against llama.cpp's real
OpenAI-compatible server, for each configured method (issue 12, point 6).

Each method is either accepted or recognised as refused and replaced by one that works; the
model's real answer goes through our parsing into our types; a turn completes with one model
call; the rules still supply the numbers. Gemma 3 270M extracts badly: this is about the
protocol and our handling of real output, not about accuracy.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

import pytest
from tests.support.llama_server import LlamaServer

from opdrachtassistent.config import Settings
from opdrachtassistent.services import Services

pytestmark = pytest.mark.realmodel

ANSWER = (
    "De riolering onder de Dorpsstraat is zestig jaar oud en moet worden vervangen. "
    "Er is 2,8 miljoen euro beschikbaar en het werk moet eind 2027 klaar zijn."
)
# A small model on two shared cores reads the system prompt at some tens of tokens a second
# and writes under a grammar at about ten: a generous deadline, a small output bound.
TIMEOUT_S = 150.0
MAX_TOKENS = 300


def services_for(server: LlamaServer, method: str) -> Services:
    return Services(
        Settings(
            llm_base_url=server.base_url,
            llm_model=server.model,
            llm_method=method,
            llm_timeout_s=TIMEOUT_S,
            llm_max_tokens=MAX_TOKENS,
        )
    )


def failures(caplog: pytest.LogCaptureFixture) -> list[str]:
    """What our code said when the model's answer could not be used (then the rules read)."""
    return [r.getMessage() for r in caplog.records if "extraction failed" in r.getMessage()]


@pytest.mark.parametrize(
    ("method", "used", "must_parse"),
    [
        # refused by llama.cpp (HTTP 500 naming response_format): recognised, and its own
        # json_object with a schema is used instead; the grammar makes the answer parse
        ("json_schema", "json_object_schema", True),
        # accepted; free JSON of any shape, so our validation and re-ask decide
        ("json_mode", "json_mode", False),
        # accepted; the forced tool call's arguments follow the schema's grammar
        ("function_calling", "function_calling", False),
    ],
)
def test_an_interview_turn_through_the_real_server(
    llama_server: LlamaServer,
    caplog: pytest.LogCaptureFixture,
    method: str,
    used: str,
    must_parse: bool,
) -> None:
    services = services_for(llama_server, method)
    client = services.model_client
    assert client is not None
    interview = services.new_interview(with_sources=False)
    interview.opening()
    with caplog.at_level(logging.INFO):
        turn = interview.answer(ANSWER)
    notices = [r.getMessage() for r in caplog.records if "kent de methode" in r.getMessage()]
    if used != method:
        assert len(notices) == 1 and f"OPDRACHTASSISTENT_LLM_METHOD={used}" in notices[0]
    else:
        assert notices == []
    assert client.methods[0] == used  # what the endpoint is asked with from now on
    assert client.usage.calls == 1  # one model call for the turn
    assert client.usage.tokens_out > 0
    told = failures(caplog)
    if must_parse:
        assert told == [], told
    for message in told:  # anything else is our handling of a real answer, not a crash
        assert "schema" in message or "onbruikbaar" in message, message
    commission = interview.commission
    # the turn completed with a next question (what a model this small fills in may move the
    # interview past several sections: that is its accuracy, not the protocol)
    assert turn.message.rstrip().endswith(("?", ".")) and turn.asking not in (None, "context")
    assert commission.resources.budget_eur == 2_800_000  # the rules' number
    assert commission.resources.deadline == date(2027, 12, 31)


def test_a_draft_through_the_real_server(llama_server: LlamaServer) -> None:
    services = services_for(llama_server, "json_object_schema")
    commission = services.draft(ANSWER, document="notitie.txt")
    client = services.model_client
    assert client is not None and client.usage.calls == 1
    assert commission.resources.budget_eur == 2_800_000
    sources: dict[str, Any] = {k: o.source for k, o in commission.provenance.items()}
    assert sources["resources.budget_eur"] == "document"
