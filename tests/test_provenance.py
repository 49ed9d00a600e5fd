"""Provenance: every value of a commission names where it came from."""

from __future__ import annotations

import pytest

from opdrachtassistent.commission import Commission, Origin, SectionKey, Stakeholder
from opdrachtassistent.dialogue.interview import Interview
from opdrachtassistent.dialogue.scenarios import SCENARIOS, Replay
from opdrachtassistent.drafting.notes import draft
from opdrachtassistent.extract.base import Extraction
from opdrachtassistent.extract.evidence import Evidence, quotes, sentence_spans
from opdrachtassistent.extract.llm import merge_extractions
from opdrachtassistent.extract.rules import RulesExtractor
from opdrachtassistent.provenance import carry, prune, value_of, value_paths
from opdrachtassistent.ui.forms import apply_section_text, section_to_text

NOTES = """Het riool in de Dorpsstraat zakt elk jaar verder in.
De bewoners klagen over wateroverlast.
Wethouder De Vries is opdrachtgever. Er is een budget van 2 miljoen euro.
We betrekken het waterschap en de bewoners van de Dorpsstraat.
"""


def test_value_paths_name_items_by_index() -> None:
    c = Commission(frameworks=["Omgevingswet", "GRP"])
    c.goal.statement = "Een droge Dorpsstraat"
    c.stakeholders = [Stakeholder(name="waterschap", role="adviseert"), Stakeholder(name="Enexis")]
    assert value_paths(c) == [
        "goal.statement",
        "stakeholders.0",
        "stakeholders.0.role",
        "stakeholders.1",
        "frameworks.0",
        "frameworks.1",
    ]


def test_draft_from_a_document_names_it() -> None:
    c = draft(NOTES, document="raadsvoorstel.docx")
    assert value_paths(c)
    assert set(c.provenance) == set(value_paths(c))
    assert all(
        o.source == "document" and o.document == "raadsvoorstel.docx" for o in c.provenance.values()
    )


def test_draft_from_pasted_notes_is_the_users() -> None:
    c = draft(NOTES)
    assert set(c.provenance) == set(value_paths(c))
    assert all(o.source == "user" and o.document is None for o in c.provenance.values())


def test_prune_drops_entries_for_values_that_are_gone() -> None:
    c = Commission(frameworks=["Omgevingswet"])
    c.provenance = {"frameworks.0": Origin(source="user"), "frameworks.1": Origin(source="user")}
    prune(c)
    assert list(c.provenance) == ["frameworks.0"]


# -- quotes ------------------------------------------------------------------------------

COLLEGEBESLUIT = """Collegebesluit herinrichting Stationsweg

Het college besluit de Stationsweg opnieuw in te richten. De bestrating ligt scheef en
fietsers komen er vaak ten val.
Opdrachtgever is wethouder Bakker. Voor het werk is € 850.000 beschikbaar uit de
begroting 2026; de uitvoering moet uiterlijk in het vierde kwartaal van 2027 gereed zijn.
Betrokken:
- Stichting Oud-Stationsweg
- de ondernemersvereniging
"""


def test_every_quote_is_a_sentence_of_the_document() -> None:
    c = draft(COLLEGEBESLUIT, document="besluit.pdf")
    assert set(c.provenance) == set(value_paths(c))
    quotes = {p: o.quote for p, o in c.provenance.items()}
    assert all(q is None or q in COLLEGEBESLUIT for q in quotes.values())
    assert quotes["resources.budget_eur"] == (
        "Voor het werk is € 850.000 beschikbaar uit de\nbegroting 2026;"
        " de uitvoering moet uiterlijk in het vierde kwartaal van 2027 gereed zijn."
    )
    assert quotes["mandate.commissioner"] == "Opdrachtgever is wethouder Bakker."


def test_a_wrapped_line_is_one_sentence_and_a_bullet_is_left_out() -> None:
    wrapped = "Wij willen het riool in de Brink vervangen omdat het bij elke\nbui overloopt."
    text = wrapped + "\n- bewoners\n"
    assert [text[a:b] for a, b in sentence_spans(text)] == [wrapped, "bewoners"]


def test_a_value_no_sentence_gives_has_no_quote() -> None:
    evidence = Evidence("De wethouder wil dat de straat veiliger wordt.")
    assert evidence.quote("budget_eur", 1_000_000.0) is None
    assert evidence.quote("frameworks", "Mobiliteitsplan 2030") is None


def test_quotes_of_an_extraction_are_keyed_by_field_and_index() -> None:
    text = "Wij betrekken Vitens bij de aanleg.\nHet budget is 2 ton."
    found = quotes(text, Extraction(budget_eur=200_000, stakeholders=[Stakeholder(name="Vitens")]))
    assert found == {
        "stakeholders.0": "Wij betrekken Vitens bij de aanleg.",
        "budget_eur": "Het budget is 2 ton.",
    }


class _ModelLike:
    """Stands in for the LLM extractor: the rules' values plus one paraphrased goal and one
    party the rules do not know, merged as the real adapter merges."""

    def extract(self, text: str, *, section: SectionKey | None = None) -> Extraction:
        rules = RulesExtractor().extract(text, section=section)
        model = Extraction(
            goal_statement="Een veilige en goed begaanbare Stationsweg",
            stakeholders=[Stakeholder(name="Fietsersbond afdeling Noord")],
        )
        return merge_extractions(model, rules)


def _shown(value: object) -> str:
    return value.name if isinstance(value, Stakeholder) else str(value)


def test_what_the_model_added_is_marked_llm() -> None:
    c = draft(COLLEGEBESLUIT, extractor=_ModelLike(), document="besluit.pdf")
    by_value = {_shown(value_of(c, p)): o for p, o in c.provenance.items()}
    assert by_value["Een veilige en goed begaanbare Stationsweg"].source == "llm"
    assert by_value["Fietsersbond afdeling Noord"].source == "llm"
    assert by_value["Fietsersbond afdeling Noord"].quote is None
    assert c.provenance["resources.budget_eur"].source == "document"
    assert all(o.document == "besluit.pdf" for o in c.provenance.values())


# -- the interview -----------------------------------------------------------------------


def _interview(scenario_id: str) -> Interview:
    interview = Interview()
    interview.opening()
    replay = Replay(scenario_id=scenario_id)
    for _ in range(40):
        answer = replay.next_answer(interview.asking)
        if answer is None or interview.complete:
            break
        interview.answer(answer)
    return interview


@pytest.mark.parametrize("scenario_id", [s.id for s in SCENARIOS])
def test_after_a_full_interview_every_value_has_an_origin(scenario_id: str) -> None:
    interview = _interview(scenario_id)
    c = interview.commission
    answers = [m.content for m in interview.messages if m.role == "user"]
    assert value_paths(c) and set(c.provenance) == set(value_paths(c))
    for path, origin in c.provenance.items():
        if origin.source == "default":
            assert path.endswith(".role") and origin.quote is None and origin.turn is None
            continue
        assert origin.source == "user" and origin.turn is not None
        assert origin.quote is None or origin.quote in answers[origin.turn - 1]
    quoted = [o for o in c.provenance.values() if o.quote]
    assert len(quoted) >= 0.8 * len([o for o in c.provenance.values() if o.source == "user"])


def test_the_turn_that_gave_a_value_is_recorded() -> None:
    interview = Interview()
    interview.opening()
    interview.answer("De kademuur langs de Havenkade verzakt en moet worden hersteld.")
    interview.answer("Doel is een veilige kade. Resultaat: een nieuwe kademuur van 300 meter.")
    interview.answer("Opdrachtgever is wethouder Smit, dus bestuurlijk. Het budget is 4 miljoen.")
    c = interview.commission
    assert c.provenance["context"].turn == 1
    assert c.provenance["goal.results.0"] == Origin(
        source="user", quote="Resultaat: een nieuwe kademuur van 300 meter.", turn=2
    )
    assert c.provenance["resources.budget_eur"].turn == 3
    assert c.provenance["resources.budget_eur"].quote == "Het budget is 4 miljoen."
    interview.answer("Het budget is toch 5 miljoen.")
    assert c.provenance["resources.budget_eur"].turn == 4
    assert c.provenance["mandate.commissioner"].turn == 3


def test_a_proposed_role_is_a_default() -> None:
    interview = Interview()
    interview.opening()
    interview.answer("Het riool in de Molenstraat is op en moet worden vervangen.")
    while interview.asking != "stakeholders":
        interview.answer("weet ik niet")
    interview.answer("Het waterschap en de bewoners.")
    interview.answer("weet ik niet")
    c = interview.commission
    roles = [p for p in c.provenance if p.endswith(".role")]
    assert roles and all(c.provenance[p].source == "default" for p in roles)
    assert all(c.provenance[f"stakeholders.{i}"].source == "user" for i in range(2))


def test_an_edit_keeps_origins_across_reindexing_and_marks_what_changed() -> None:
    interview = _interview(SCENARIOS[0].id)
    c = interview.commission.model_copy(deep=True)
    second = interview.commission.provenance["stakeholders.1"]
    removed = c.stakeholders.pop(0)
    c.frameworks = [*c.frameworks, "Bomenverordening"]
    interview.edit(c)
    after = interview.commission
    assert removed.name not in [s.name for s in after.stakeholders]
    assert after.provenance["stakeholders.0"] == second
    assert after.provenance[f"frameworks.{len(after.frameworks) - 1}"] == Origin(source="edit")
    assert set(after.provenance) == set(value_paths(after))


def test_the_section_editor_marks_edits_and_keeps_the_rest() -> None:
    interview = _interview(SCENARIOS[0].id)
    c = interview.commission
    kept = c.provenance["stakeholders.2"]
    lines = section_to_text(c, "stakeholders").splitlines()
    edited = apply_section_text(c, "stakeholders", "\n".join(lines[1:]))
    budget = c.provenance["resources.budget_eur"]
    interview.edit(edited)
    after = interview.commission
    assert after.provenance["stakeholders.1"] == kept  # moved up one place with its value
    assert after.provenance["resources.budget_eur"] == budget
    text = section_to_text(after, "resources").replace("3.200.000", "3.400.000")
    interview.edit(apply_section_text(after, "resources", text))
    assert interview.commission.provenance["resources.budget_eur"] == Origin(source="edit")
    assert set(interview.commission.provenance) == set(value_paths(interview.commission))


def test_a_start_and_a_deadline_are_quoted_from_their_own_sentences() -> None:
    page = (
        "Projectpagina Parkweg\n"
        "De aannemer begint op 2 maart 2027 met de werkzaamheden. Oplevering is uiterlijk "
        "30 november 2027.\nHet budget bedraagt 3 ton."
    )
    c = draft(page, document="parkweg.html")
    assert c.provenance["resources.start"].quote == (
        "De aannemer begint op 2 maart 2027 met de werkzaamheden."
    )
    assert c.provenance["resources.deadline"].quote == "Oplevering is uiterlijk 30 november 2027."


def test_in_the_interview_what_the_model_added_is_marked_llm() -> None:
    interview = Interview(extractor=_ModelLike())
    interview.opening()
    answer = "De Stationsweg is versleten en fietsers vallen er. Het budget is 6 ton."
    interview.answer(answer)
    c = interview.commission
    by_value = {_shown(value_of(c, p)): o for p, o in c.provenance.items()}
    assert by_value["Fietsersbond afdeling Noord"] == Origin(source="llm", turn=1)
    assert c.provenance["resources.budget_eur"] == Origin(
        source="user", quote="Het budget is 6 ton.", turn=1
    )


def test_an_initial_does_not_end_the_sentence() -> None:
    text = "Met vriendelijke groet, namens het college, mevrouw J.P. de Wit. Tot ziens."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Met vriendelijke groet, namens het college, mevrouw J.P. de Wit.",
        "Tot ziens.",
    ]


def test_the_level_is_quoted_where_the_commissioner_is_named() -> None:
    besluit = (
        "Gedeputeerde Staten besluiten:\n"
        "de gedeputeerde Water, mevrouw Kramer, aan te wijzen als bestuurlijk opdrachtgever."
    )
    c = draft(besluit, document="gs-besluit.pdf")
    commissioner = c.provenance["mandate.commissioner"].quote
    assert commissioner is not None and "Kramer" in commissioner
    assert c.provenance["mandate.level"].quote == commissioner


def test_a_party_is_quoted_where_its_proper_name_stands() -> None:
    evidence = Evidence("De gemeenten Rheden en Brummen doen mee aan het project.")
    assert evidence.quote("stakeholders", Stakeholder(name="gemeente Brummen")) == (
        "De gemeenten Rheden en Brummen doen mee aan het project."
    )


def test_carry_follows_values_to_their_new_index() -> None:
    old = Commission(frameworks=["Omgevingswet", "GRP", "Bomenbeleid"])
    old.provenance = {
        f"frameworks.{i}": Origin(source="user", turn=i + 1) for i in range(len(old.frameworks))
    }
    new = old.model_copy(deep=True)
    new.frameworks = ["GRP", "Bomenbeleid", "Waterwet"]
    carry(old, new, lambda _path: Origin(source="edit"))
    assert new.provenance == {
        "frameworks.0": Origin(source="user", turn=2),
        "frameworks.1": Origin(source="user", turn=3),
        "frameworks.2": Origin(source="edit"),
    }
