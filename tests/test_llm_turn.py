"""The interview with a language model (issue 12): one call per turn that reads the answer
and phrases the next question, the policy judging that question, and a whole interview that
ends with the rules' values when the endpoint fails, hangs or answers nonsense.

Against `FakeOpenAIServer` (a real HTTP server on loopback, the real `openai` client and
LangChain); `tests/llm/` runs the same path against llama.cpp's own server.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from typing import Any

import pytest
from tests.support.fake_llm import FakeOpenAIServer

from opdrachtassistent.commission import Commission
from opdrachtassistent.config import Settings
from opdrachtassistent.dialogue.interview import Interview
from opdrachtassistent.dialogue.scenarios import Replay
from opdrachtassistent.extract.llm import LLMExtractor, TurnOutput
from opdrachtassistent.extract.rules import RulesExtractor
from opdrachtassistent.llm.client import max_tokens_for

MAX_TURNS = 40


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(model="fake-model") as fake:
        yield fake


def settings_for(server: FakeOpenAIServer, **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "llm_base_url": server.base_url,
        "llm_model": "fake-model",
        "llm_timeout_s": 2.0,
    }
    values.update(extra)
    return Settings(**values)


def model_extractor(server: FakeOpenAIServer, **extra: Any) -> LLMExtractor:
    return LLMExtractor(settings_for(server, **extra), fallback=RulesExtractor())


def empty(**overrides: Any) -> dict[str, Any]:
    """A valid answer that finds nothing (every field present, as strict mode wants)."""
    base: dict[str, Any] = {
        name: [] if field.annotation is not None and "list" in str(field.annotation) else None
        for name, field in TurnOutput.model_fields.items()
    }
    base.update(overrides)
    return base


def empty_facts() -> dict[str, Any]:
    """`empty()` without the question: the answer to a call that reads facts only."""
    facts = empty()
    facts.pop("question")
    return facts


def play(interview: Interview, *, on_turn: Any = None) -> list[float]:
    """Answer the Dorpsstraat scenario to the end; the seconds each turn took."""
    replay = Replay(scenario_id="dorpsstraat")
    interview.opening()
    took: list[float] = []
    for _ in range(MAX_TURNS):
        text = replay.next_answer(interview.asking)
        if text is None:
            break
        if on_turn is not None:
            on_turn(interview)
        began = time.perf_counter()
        interview.answer(text)
        took.append(time.perf_counter() - began)
    return took


def values(commission: Commission) -> dict[str, Any]:
    """What the commission says, without where each value came from."""
    data = commission.model_dump(mode="json")
    data.pop("provenance", None)
    return data


def rules_values() -> dict[str, Any]:
    interview = Interview(extractor=RulesExtractor())
    play(interview)
    return values(interview.commission)


def test_one_model_call_per_turn_that_also_phrases_the_question(
    server: FakeOpenAIServer,
) -> None:
    interview = Interview(extractor=model_extractor(server))
    sent: list[int] = []

    def queue(iv: Interview) -> None:
        sent.append(len(server.completions))
        if iv.asking in (None, "confirm"):  # after the summary: facts only, no question
            server.enqueue(empty_facts())
        else:
            text = "Kunt u dat toelichten?"
            server.enqueue(empty(question={"section": iv.asking, "text": text}))

    play(interview, on_turn=queue)
    sent.append(len(server.completions))
    calls = [b - a for a, b in itertools.pairwise(sent)]
    assert calls == [1] * len(calls) and len(calls) >= 8, calls  # one request per turn
    assert server.pending == 0
    body = server.completions[0].body
    assert "question" in body["response_format"]["json_schema"]["schema"]["properties"]
    # bounded under both names: LangChain's (OpenAI's current) and the one local servers read
    assert body["max_completion_tokens"] == body["max_tokens"] == max_tokens_for(TurnOutput)


def test_the_models_question_is_used_for_the_section_the_policy_asks(
    server: FakeOpenAIServer,
) -> None:
    interview = Interview(extractor=model_extractor(server))
    interview.opening()
    server.enqueue(
        empty(
            context="Het riool is op.",
            question={"section": "goal", "text": "Wat wilt u met de straat *bereiken*?"},
        )
    )
    turn = interview.answer("Het riool onder de Dorpsstraat is op en moet worden vervangen.")
    assert turn.asking == "goal"
    assert "Wat wilt u met de straat \\*bereiken\\*?" in turn.message  # escaped, not bold


@pytest.mark.parametrize(
    "question",
    [
        {"section": "resources", "text": "Wat is het budget?"},  # drifts to another section
        {"section": "goal", "text": "Het doel is nu compleet, klopt dat?"},  # claims done
        {"section": "goal", "text": "Vertel eens meer"},  # not a question
        {"section": "goal", "text": "Waarom? " * 80},  # a speech, not a question
    ],
)
def test_a_question_the_policy_cannot_use_gives_the_fixed_wording(
    server: FakeOpenAIServer, question: dict[str, str]
) -> None:
    offline = Interview(extractor=RulesExtractor())
    offline.opening()
    expected = offline.answer("Het riool onder de Dorpsstraat is op en moet worden vervangen.")
    interview = Interview(extractor=model_extractor(server))
    interview.opening()
    server.enqueue(empty(question=question))
    turn = interview.answer("Het riool onder de Dorpsstraat is op en moet worden vervangen.")
    assert turn.asking == expected.asking == "goal"
    assert turn.message == expected.message


def test_a_model_claiming_a_section_complete_does_not_end_it(server: FakeOpenAIServer) -> None:
    interview = Interview(extractor=model_extractor(server))
    interview.opening()
    server.enqueue(empty(question={"section": "mandate", "text": "Wie is de opdrachtgever?"}))
    turn = interview.answer("Iets met de straat.")  # says nothing of the context's substance
    assert turn.asking == "context"
    assert "opdrachtgever" not in turn.message.casefold()


def test_a_failing_endpoint_still_gives_the_rules_values(server: FakeOpenAIServer) -> None:
    expected = rules_values()
    interview = Interview(extractor=model_extractor(server))
    play(interview, on_turn=lambda _: server.enqueue(500))
    assert values(interview.commission) == expected


def test_nonsense_from_the_model_still_gives_the_rules_values(server: FakeOpenAIServer) -> None:
    expected = rules_values()
    interview = Interview(extractor=model_extractor(server))

    def nonsense(_: Interview) -> None:
        server.enqueue("dit is geen json {")
        server.enqueue({"budget_eur": "veel", "themes": ["ruimtevaart"]})  # the re-ask

    play(interview, on_turn=nonsense)
    assert values(interview.commission) == expected


def test_a_hung_endpoint_costs_the_first_turn_one_timeout_and_later_turns_nothing(
    server: FakeOpenAIServer,
) -> None:
    expected = rules_values()
    interview = Interview(extractor=model_extractor(server, llm_timeout_s=1.0))
    took = play(interview, on_turn=lambda _: server.enqueue(empty(), delay_s=30))
    assert values(interview.commission) == expected
    assert took[0] < 1.8, took  # one deadline, re-ask included
    assert max(took[1:]) < 0.5, took  # the breaker skips the endpoint for every later turn


def test_the_breaker_belongs_to_the_endpoint_not_the_conversation(
    server: FakeOpenAIServer,
) -> None:
    settings = settings_for(server, llm_timeout_s=0.5)
    first = Interview(extractor=LLMExtractor(settings, fallback=RulesExtractor()))
    first.opening()
    server.enqueue(empty(), delay_s=30)
    first.answer("Het riool onder de Dorpsstraat is op.")
    second = Interview(extractor=LLMExtractor(settings, fallback=RulesExtractor()))
    second.opening()
    began = time.perf_counter()
    second.answer("Het riool onder de Kerklaan is op.")
    assert time.perf_counter() - began < 0.3
    assert len(server.completions) == 1


def test_with_the_default_timeout_a_hung_endpoint_costs_the_first_turn_at_most_that(
    server: FakeOpenAIServer,
) -> None:
    default = Settings().llm_timeout_s
    assert default <= 10  # what a person waiting for a reply accepts
    settings = Settings(llm_base_url=server.base_url, llm_model="fake-model")
    interview = Interview(extractor=LLMExtractor(settings, fallback=RulesExtractor()))
    interview.opening()
    server.enqueue(empty(), delay_s=60)
    began = time.perf_counter()
    turn = interview.answer("Het riool onder de Dorpsstraat is op en moet worden vervangen.")
    took = time.perf_counter() - began
    assert default - 0.5 < took < default + 1.0, took
    assert turn.asking == "goal"  # the rules answered


@pytest.mark.parametrize(
    ("configured", "refuses", "refused", "used"),
    [
        ("json_schema", {"json_schema"}, 1, "json_object_schema"),
        ("json_schema", {"json_schema", "json_object"}, 3, "function_calling"),
        ("function_calling", {"tools"}, 1, "json_schema"),
    ],
)
def test_a_refused_method_is_recognised_and_the_next_one_tried(
    server: FakeOpenAIServer,
    caplog: pytest.LogCaptureFixture,
    configured: str,
    refuses: set[str],
    refused: int,
    used: str,
) -> None:
    server.refuses = refuses
    extractor = LLMExtractor(settings_for(server, llm_method=configured))
    server.enqueue(empty_facts() | {"commissioner": "wethouder De Vries"})
    server.enqueue(empty_facts() | {"commissioner": "wethouder Jansen"})
    with caplog.at_level("WARNING"):
        first = extractor.extract("De opdrachtgever is wethouder De Vries.")
        after_first = len(server.completions)
        second = extractor.extract("De opdrachtgever is wethouder Jansen.")
    assert first.commissioner == "wethouder De Vries"
    assert second.commissioner == "wethouder Jansen"
    notices = [r.getMessage() for r in caplog.records if "kent de methode" in r.getMessage()]
    assert len(notices) == refused  # once per refused method, in Dutch
    assert f"OPDRACHTASSISTENT_LLM_METHOD={used}" in notices[-1]
    shown = extractor.client.take_notice()  # the app's status line says it once too
    assert f"OPDRACHTASSISTENT_LLM_METHOD={used}" in shown
    assert extractor.client.take_notice() == ""
    assert after_first == refused + 1
    assert len(server.completions) == after_first + 1  # remembered: straight to `used`
    last = server.completions[-1].body
    sent = {
        "json_object_schema": "schema" in last.get("response_format", {}),
        "function_calling": bool(last.get("tools")),
        "json_schema": last.get("response_format", {}).get("type") == "json_schema",
    }
    assert sent[used]


def test_llama_cpps_json_object_with_schema_is_sent_as_such(server: FakeOpenAIServer) -> None:
    extractor = LLMExtractor(settings_for(server, llm_method="json_object_schema"))
    server.enqueue(empty_facts() | {"title": "Dorpsstraat"})
    assert extractor.extract("De Dorpsstraat gaat op de schop.").title == "Dorpsstraat"
    form = server.completions[0].body["response_format"]
    assert form["type"] == "json_object"
    assert form["schema"]["properties"]["title"]


def test_max_tokens_is_sized_to_the_schema() -> None:
    from opdrachtassistent.extract.llm import ExtractionOutput

    small = max_tokens_for(ExtractionOutput)
    larger = max_tokens_for(TurnOutput)
    assert 500 < small < larger <= 4096


def test_a_grammar_server_gets_bounds_that_fit_max_tokens(server: FakeOpenAIServer) -> None:
    """llama.cpp compiles the schema into a grammar: bounded texts and lists stop a small
    model that would write on; OpenAI's strict json_schema gets the plain schema."""
    from opdrachtassistent.llm.client import _nodes

    for method, tokens in (("json_object_schema", None), ("json_object_schema", 500)):
        extractor = LLMExtractor(settings_for(server, llm_method=method, llm_max_tokens=tokens))
        server.enqueue(empty_facts())
        extractor.extract("De Dorpsstraat gaat op de schop.")
    plain = LLMExtractor(settings_for(server))
    server.enqueue(empty_facts())
    plain.extract("De Dorpsstraat gaat op de schop.")
    full, small, strict = (r.body for r in server.completions)
    lengths = [
        {n["maxLength"] for n in _nodes(b["response_format"]["schema"]) if "maxLength" in n}
        for b in (full, small)
    ]
    assert lengths[0] == {200} and max(lengths[1]) < 200
    assert small["max_tokens"] == 500
    assert not [n for n in _nodes(strict["response_format"]) if "maxLength" in n]


def test_a_raw_control_character_in_a_string_is_read(server: FakeOpenAIServer) -> None:
    """llama.cpp's grammar lets a tab or newline through inside a string; such an answer is
    read (as JSON readers commonly do) instead of costing a re-ask."""
    import json

    raw = json.dumps(empty_facts() | {"title": "TITEL"}).replace("TITEL", "Dorps\tstraat\nnoord")
    server.enqueue(raw)
    found = LLMExtractor(settings_for(server)).extract("De Dorpsstraat gaat op de schop.")
    assert found.title == "Dorps straat noord"  # whitespace is normalised by the schema
    assert len(server.completions) == 1
