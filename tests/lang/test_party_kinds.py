"""One table of party kinds: every kind the extractor emits has a role, scores and a label,
and every consumer (interview, stakeholder map, review) reads the same row."""

from __future__ import annotations

import pytest

from opdrachtassistent import Interview
from opdrachtassistent.commission import SectionKey, Stakeholder
from opdrachtassistent.dialogue import texts
from opdrachtassistent.extract.base import Extraction
from opdrachtassistent.extract.rules import RulesExtractor
from opdrachtassistent.lang import nl
from opdrachtassistent.render import stakeholder_map
from opdrachtassistent.render.stakeholder_map import default_scores, normalise_kind, position


@pytest.mark.parametrize("kind", sorted(set(nl.PARTY_KINDS) | set(nl.KINDS)))
def test_every_kind_has_a_role_scores_and_a_label(kind: str) -> None:
    row = nl.KINDS[kind]
    assert row["label"] and row["role"] and row["cues"]
    assert all(1 <= v <= 5 for v in row["scores"])
    assert texts.DEFAULT_ROLES[kind] == row["role"]
    assert stakeholder_map.DEFAULT_SCORES[kind] == row["scores"]
    assert normalise_kind(kind) == kind
    assert normalise_kind(row["label"]) == kind


def test_every_kind_the_extractor_emits_is_in_the_table() -> None:
    emitted = {p.kind for p in nl.find_parties("Staatsbosbeheer, ProRail, de GGD en de scholen.")}
    assert emitted == {"natuurbeheerder", "spoorbeheerder", "overheid", "scholen"}
    assert set(nl.PARTY_KINDS) <= set(nl.KINDS)


def test_scholen_is_the_schools_kind() -> None:
    assert normalise_kind("scholen") == "scholen"
    assert default_scores("scholen") == nl.KINDS["scholen"]["scores"]
    assert position(Stakeholder(name="scholen", kind="scholen")).kind == "school"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Staatsbosbeheer", "natuurbeheerder"),
        ("Natuurmonumenten", "natuurbeheerder"),
        ("Het Brabants Landschap", "natuurbeheerder"),
        ("ProRail", "spoorbeheerder"),
    ],
)
def test_nature_and_rail_managers_get_their_own_place_on_the_map(name: str, kind: str) -> None:
    for given in (kind, None):
        p = position(Stakeholder(name=name, kind=given))
        assert p.kind == nl.KINDS[kind]["label"] != "interne afdeling"
        assert (p.influence, p.concern) == nl.KINDS[kind]["scores"]
        assert p.source == "standaard"


@pytest.mark.parametrize("written", ["waterschap", "Waterschap", "hoogheemraadschap", "Wetterskip"])
def test_a_water_board_gets_the_water_board_role_however_its_kind_is_written(
    written: str,
) -> None:
    assert texts.DEFAULT_ROLES.get(written) == nl.KINDS["waterschap"]["role"]
    assert written in texts.DEFAULT_ROLES
    assert "onbekend soort" not in texts.DEFAULT_ROLES


class _LLMLikeKinds:
    """The rules extractor, with kinds written as a language model writes them."""

    def __init__(self) -> None:
        self._rules = RulesExtractor()

    def extract(self, text: str, *, section: SectionKey | None = None) -> Extraction:
        out = self._rules.extract(text, section=section)
        for s in out.stakeholders:
            if s.kind == "waterschap":
                s.kind = "Hoogheemraadschap"
            elif s.kind == "netbeheerder":
                s.kind = "Netbeheerder"
        return out


def test_in_a_conversation_a_water_board_is_proposed_the_water_board_role() -> None:
    it = Interview(extractor=_LLMLikeKinds())
    turn = it.opening()
    for _ in range(20):
        if turn.asking == "stakeholders":
            break
        turn = it.answer("weet ik niet")
    turn = it.answer("Het Hoogheemraadschap van Delfland en Stedin.")
    roles = {s.name: s.role for s in it.commission.stakeholders}
    assert roles["Hoogheemraadschap van Delfland"] == (
        nl.KINDS["waterschap"]["role"] + texts.DEFAULT_ROLE_SUFFIX
    )
    assert roles["Stedin"] == nl.KINDS["netbeheerder"]["role"] + texts.DEFAULT_ROLE_SUFFIX


def test_review_names_the_kind_it_misses_from_the_table() -> None:
    from opdrachtassistent.reviewing.vocabulary import _kind_named

    assert _kind_named("waterschap") == "het waterschap (of hoogheemraadschap)"
    assert _kind_named("scholen") == "de school"
