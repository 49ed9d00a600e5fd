"""The kwaliteitstoets: each rule fires where it should and stays silent where it shouldn't.

Every case starts from one good, complete integral commission (which passes cleanly) and
changes exactly what the case is about, so a rule that fires on the good base is a bug.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from tests.support.factories import complete_commission

from opdrachtassistent.commission import (
    SECTIONS,
    Commission,
    Goal,
    Mandate,
    Resources,
    Stakeholder,
)
from opdrachtassistent.passages import Passage
from opdrachtassistent.reviewing import Finding, Review, review
from opdrachtassistent.reviewing.citations import CITATIONS

TODAY = date(2026, 3, 1)


good = complete_commission


Change = Callable[[Commission], None]


def _set(path: str, value: object) -> Change:
    """A change that sets one (dotted) attribute, e.g. _set('mandate.level', 'ambtelijk')."""

    def change(c: Commission) -> None:
        *parents, leaf = path.split(".")
        target: object = c
        for name in parents:
            target = getattr(target, name)
        setattr(target, leaf, value)

    return change


def _all(*changes: Change) -> Change:
    def change(c: Commission) -> None:
        for ch in changes:
            ch(c)

    return change


def _without_kind(kind: str) -> Change:
    def change(c: Commission) -> None:
        c.stakeholders = [s for s in c.stakeholders if s.kind != kind]

    return change


def _add_stakeholder(**fields: str | None) -> Change:
    def change(c: Commission) -> None:
        c.stakeholders = [*c.stakeholders, Stakeholder.model_validate(fields)]

    return change


def _run(change: Change | None = None, today: date = TODAY) -> Review:
    c = good()
    if change is not None:
        change(c)
    return review(c, today=today)


def _only(rule: str, result: Review) -> list[Finding]:
    return [f for f in result.findings if f.rule == rule]


# --------------------------------------------------------------------------------------------
# The good base


def test_good_commission_is_ready_without_findings() -> None:
    result = _run()
    assert result.findings == []
    assert result.ready
    assert result.verdict.startswith("Gereed voor uitvoering")


def test_empty_commission_is_not_ready_and_names_the_open_sections() -> None:
    result = review(Commission(), today=TODAY)
    assert not result.ready
    assert {"geen_doel", "geen_opdrachtgever", "geen_budget", "geen_organisatie"} <= (
        result.rules()
    )
    assert result.verdict.startswith("Nog niet gereed voor uitvoering")
    assert "opdrachtgever en mandaat" in result.verdict


# --------------------------------------------------------------------------------------------
# Table: (id, change, rules that must fire, rules that must stay silent)

CASES: list[tuple[str, Change, set[str], set[str]]] = [
    # Mandate at the wrong level
    (
        "integraal-afdelingshoofd",
        _all(_set("mandate.commissioner", "afdelingshoofd Beheer"), _set("mandate.level", None)),
        {"mandaat_niveau"},
        {"niveau_onbekend", "geen_opdrachtgever"},
    ),
    (
        "integraal-ambtelijk-directeur",
        _all(
            _set("mandate.commissioner", "directeur Stadsbeheer"),
            _set("mandate.level", "ambtelijk"),
        ),
        {"mandaat_niveau"},
        {"niveau_onbekend"},
    ),
    (
        "integraal-afdeling-ook-al-staat-bestuurlijk",
        _set("mandate.commissioner", "afdeling Riolering"),
        {"mandaat_niveau"},
        set(),
    ),
    (
        "integraal-programmamanager-zonder-niveau",
        _all(_set("mandate.commissioner", "programmamanager Wijken"), _set("mandate.level", None)),
        {"mandaat_niveau"},
        {"niveau_onbekend"},
    ),
    (
        "een-thema-afdelingshoofd-mag",
        _all(
            _set("mandate.commissioner", "afdelingshoofd Beheer"),
            _set("mandate.level", "ambtelijk"),
            _set("goal.themes", ["groen"]),
        ),
        set(),
        {"mandaat_niveau"},
    ),
    (
        "college-zonder-niveau-is-bestuurlijk",
        _all(_set("mandate.commissioner", "het college van B&W"), _set("mandate.level", None)),
        set(),
        {"mandaat_niveau", "niveau_onbekend"},
    ),
    (
        "wethouder-en-afdelingshoofd-samen",
        _set("mandate.commissioner", "wethouder De Vries en afdelingshoofd Beheer"),
        set(),
        {"mandaat_niveau"},
    ),
    (
        "naam-zonder-niveau",
        _all(_set("mandate.commissioner", "mevrouw Jansen"), _set("mandate.level", None)),
        {"niveau_onbekend"},
        {"mandaat_niveau"},
    ),
    (
        "geen-opdrachtgever",
        _set("mandate.commissioner", None),
        {"geen_opdrachtgever"},
        {"mandaat_niveau", "niveau_onbekend"},
    ),
    # Decision space and escalation
    ("geen-beslisruimte", _set("mandate.decision_space", None), {"geen_beslisruimte"}, set()),
    ("lege-beslisruimte", _set("mandate.decision_space", "   "), {"geen_beslisruimte"}, set()),
    ("geen-escalatie", _set("mandate.escalation", None), {"geen_escalatie"}, set()),
    # Themes and the parties they imply
    (
        "riolering-zonder-waterschap",
        _without_kind("waterschap"),
        {"stakeholder_ontbreekt"},
        {"te_weinig_stakeholders"},
    ),
    (
        "waterschap-herkend-aan-naam",
        _all(
            _without_kind("waterschap"),
            _add_stakeholder(name="Hoogheemraadschap van Delfland", role="waterbeheerder"),
        ),
        set(),
        {"stakeholder_ontbreekt"},
    ),
    (
        "mobiliteit-alleen-hulpdiensten-volstaat",
        _without_kind("vervoerder"),
        set(),
        {"stakeholder_ontbreekt"},
    ),
    (
        "mobiliteit-zonder-vervoerder-en-hulpdiensten",
        _all(_without_kind("vervoerder"), _without_kind("hulpdiensten")),
        {"stakeholder_ontbreekt"},
        set(),
    ),
    (
        "kabels-zonder-netbeheerder",
        _all(
            _set("goal.themes", ["riolering", "kabels_en_leidingen"]),
            _set("frameworks", ["Omgevingswet", "GRP", "WIBON"]),
        ),
        {"stakeholder_ontbreekt"},
        set(),
    ),
    (
        "kabels-met-netbeheerder-aan-naam",
        _all(
            _set("goal.themes", ["riolering", "kabels_en_leidingen"]),
            _add_stakeholder(name="Enexis", role="netbeheerder elektriciteit en gas"),
            _set("frameworks", ["Omgevingswet", "GRP", "WIBON"]),
        ),
        set(),
        {"stakeholder_ontbreekt"},
    ),
    (
        "energietransitie-met-netbeheerder-zonder-corporatie",
        _all(
            _set("goal.themes", ["energietransitie", "groen"]),
            _add_stakeholder(name="Stedin", kind="netbeheerder", role="warmtenet en stroom"),
            _set("frameworks", ["Omgevingswet", "Transitievisie warmte"]),
        ),
        {"stakeholder_ontbreekt"},
        {"kader_ontbreekt"},
    ),
    (
        "energietransitie-compleet",
        _all(
            _set("goal.themes", ["energietransitie", "groen"]),
            _add_stakeholder(name="Stedin", kind="netbeheerder", role="netbeheerder"),
            _add_stakeholder(name="Woonstichting De Key", role="eigenaar 300 huurwoningen"),
            _set("frameworks", ["Omgevingswet", "Transitievisie warmte"]),
        ),
        set(),
        {"stakeholder_ontbreekt", "kader_ontbreekt"},
    ),
    (
        "een-stakeholder",
        _set("stakeholders", [Stakeholder(name="waterschap", kind="waterschap", role="partner")]),
        {"te_weinig_stakeholders", "stakeholder_ontbreekt"},  # mobiliteit: no OV, no hulpdiensten
        set(),
    ),
    (
        "stakeholder-zonder-rol",
        _add_stakeholder(name="ondernemers"),
        {"stakeholder_zonder_rol"},
        set(),
    ),
    # Goal and results
    ("geen-doel", _set("goal.statement", None), {"geen_doel"}, {"doel_is_activiteit"}),
    (
        "doel-is-activiteit",
        _set("goal.statement", "De Dorpsstraat herinrichten en de riolering vervangen"),
        {"doel_is_activiteit"},
        {"geen_doel"},
    ),
    (
        "doel-is-aanleg",
        _set("goal.statement", "Aanleg van een nieuw fietspad"),
        {"doel_is_activiteit"},
        set(),
    ),
    (
        "activiteit-met-uitkomst-is-doel",
        _set(
            "goal.statement",
            "De straat herinrichten zodat bewoners bij hevige regen droge voeten houden",
        ),
        set(),
        {"doel_is_activiteit"},
    ),
    ("geen-resultaten", _set("goal.results", []), {"geen_resultaten"}, {"resultaat_niet_meetbaar"}),
    (
        "vage-resultaten",
        _set("goal.results", ["een mooiere straat", "minder wateroverlast"]),
        {"resultaat_niet_meetbaar"},
        {"geen_resultaten"},
    ),
    (
        "een-meetbaar-resultaat-volstaat",
        _set("goal.results", ["een mooiere straat", "alle woningen afgekoppeld"]),
        set(),
        {"resultaat_niet_meetbaar"},
    ),
    ("geen-thema", _set("goal.themes", []), {"geen_thema"}, {"mandaat_niveau"}),
    # Resources
    ("geen-budget", _set("resources.budget_eur", None), {"geen_budget"}, set()),
    ("geen-capaciteit", _set("resources.capacity_fte", None), {"geen_capaciteit"}, set()),
    (
        "geen-deadline",
        _set("resources.deadline", None),
        {"geen_deadline"},
        {"deadline_te_krap", "deadline_verstreken"},
    ),
    (
        "budget-alleen-riolering",
        _set("resources.funding", "uit het rioleringsbudget (GRP)"),
        {"budget_een_discipline"},
        set(),
    ),
    (
        "budget-alleen-wegen",
        _set("resources.funding", "Het onderhoudsbudget wegen 2027"),
        {"budget_een_discipline"},
        set(),
    ),
    (
        "budget-riolering-bij-een-thema",
        _all(
            _set("goal.themes", ["riolering"]),
            _set("resources.funding", "uit het rioleringsbudget (GRP)"),
        ),
        set(),
        {"budget_een_discipline"},
    ),
    (
        "budget-twee-disciplines",
        _set("resources.funding", "rioleringsbudget en het groenbudget"),
        set(),
        {"budget_een_discipline"},
    ),
    (
        "budget-riolering-met-bijdrage-waterschap",
        _set("resources.funding", "GRP, met een bijdrage van het waterschap"),
        set(),
        {"budget_een_discipline"},
    ),
    (
        "deadline-zes-maanden-met-riolering",
        _set("resources.deadline", date(2026, 9, 1)),
        {"deadline_te_krap"},
        {"deadline_verstreken"},
    ),
    (
        "deadline-zes-maanden-zonder-lange-voorbereiding-wel-integraal",
        _all(
            _set("goal.themes", ["groen", "verharding"]),
            _set("resources.deadline", date(2026, 7, 1)),
        ),
        {"deadline_te_krap"},
        set(),
    ),
    (
        "deadline-acht-maanden-groen-en-verharding-volstaat",
        _all(
            _set("goal.themes", ["groen", "verharding"]),
            _set("resources.deadline", date(2026, 11, 1)),
        ),
        set(),
        {"deadline_te_krap"},
    ),
    (
        "deadline-verstreken",
        _set("resources.deadline", date(2025, 12, 31)),
        {"deadline_verstreken"},
        {"deadline_te_krap"},
    ),
    # Frameworks
    (
        "integraal-zonder-omgevingswet",
        _set("frameworks", ["GRP", "Mobiliteitsplan", "Klimaatadaptatiestrategie"]),
        {"kader_ontbreekt"},
        set(),
    ),
    (
        "omgevingsplan-telt-als-omgevingswet",
        _set("frameworks", ["Omgevingsplan gemeente", "GRP", "verkeersbesluit", "Deltaplan"]),
        set(),
        {"kader_ontbreekt"},
    ),
    (
        "riolering-zonder-grp",
        _set("frameworks", ["Omgevingswet", "Mobiliteitsplan", "Klimaatadaptatiestrategie"]),
        {"kader_ontbreekt"},
        set(),
    ),
    (
        "wet-gemeentelijke-watertaken-volstaat",
        _set(
            "frameworks",
            ["Omgevingswet", "Wet gemeentelijke watertaken", "GVVP", "klimaatadaptatie"],
        ),
        set(),
        {"kader_ontbreekt"},
    ),
    (
        "geen-kaders-en-geen-themas",
        _all(_set("frameworks", []), _set("goal.themes", [])),
        {"geen_kaders", "geen_thema"},
        {"kader_ontbreekt"},
    ),
    ("geen-instrumenten", _set("instruments", []), {"geen_instrumenten"}, set()),
    # Organisation
    (
        "geen-organisatie",
        _set("organisation", None),
        {"geen_organisatie"},
        {"organisatie_zonder_samenwerking"},
    ),
    (
        "organisatie-zonder-samenwerking",
        _set("organisation", "De afdeling Riolering voert het werk uit volgens planning."),
        {"organisatie_zonder_samenwerking"},
        {"geen_organisatie"},
    ),
    # Open questions and context
    (
        "open-vragen",
        _set("open_questions", ["Wie beslist als het budget overschreden wordt?"]),
        {"open_vragen"},
        set(),
    ),
    ("geen-context", _set("context", "Riolering op."), {"geen_context"}, set()),
]


@pytest.mark.parametrize(
    ("change", "fires", "silent"),
    [pytest.param(ch, f, s, id=i) for i, ch, f, s in CASES],
)
def test_rule(change: Change, fires: set[str], silent: set[str]) -> None:
    result = _run(change)
    rules = result.rules()
    assert fires <= rules, f"expected {fires - rules} in {sorted(rules)}"
    assert not (silent & rules), f"unexpected {sorted(silent & rules)}"
    # Nothing else fires: the good base is clean, so only what the case changed may show.
    assert rules == fires, f"side effects {sorted(rules - fires)}"


def test_case_table_covers_every_rule_with_citations() -> None:
    fired = set().union(*(f for _, _, f, _ in CASES))
    assert fired >= set(CITATIONS), f"rules without a firing case: {set(CITATIONS) - fired}"
    assert len(CASES) >= 20


# --------------------------------------------------------------------------------------------
# Details of single rules


def test_mandate_message_names_themes_and_commissioner() -> None:
    result = _run(_set("mandate.commissioner", "afdelingshoofd Beheer"))
    (finding,) = _only("mandaat_niveau", result)
    assert finding.severity == "hoog"
    assert finding.section == "mandate"
    assert "afdelingshoofd Beheer" in finding.message
    assert "riolering" in finding.message and "bestuurlijk" in finding.message


def test_missing_parties_are_grouped_per_kind() -> None:
    result = _run(
        _all(
            _set("stakeholders", [Stakeholder(name="bewoners", kind="bewoners", role="x")]),
            _set(
                "goal.themes",
                ["riolering", "klimaatadaptatie", "energietransitie", "kabels_en_leidingen"],
            ),
        )
    )
    missing = _only("stakeholder_ontbreekt", result)
    texts = " ".join(f.message for f in missing)
    assert len(missing) == 3  # waterschap (riolering + klimaatadaptatie), netbeheerder, corporatie
    assert "waterschap" in texts and "netbeheerder" in texts and "woningcorporatie" in texts
    netbeheerder = next(f for f in missing if "netbeheerder" in f.message)
    assert netbeheerder.severity == "hoog"
    assert "energietransitie en kabels en leidingen" in netbeheerder.message


def test_deadline_measured_from_today() -> None:
    deadline = _set("resources.deadline", date(2027, 6, 1))
    assert "deadline_te_krap" not in _run(deadline, today=date(2026, 3, 1)).rules()
    assert "deadline_te_krap" in _run(deadline, today=date(2026, 9, 1)).rules()
    assert "deadline_verstreken" in _run(deadline, today=date(2027, 6, 2)).rules()


def test_default_today_is_the_current_date() -> None:
    c = good()
    c.resources.deadline = date(2000, 1, 1)
    assert "deadline_verstreken" in review(c).rules()


def test_each_missing_framework_is_its_own_finding() -> None:
    result = _run(_set("frameworks", []))
    missing = _only("kader_ontbreekt", result)
    texts = " | ".join(f.message for f in missing)
    assert len(missing) == 4  # Omgevingswet, GRP, mobiliteitsplan, klimaatadaptatiestrategie
    for name in ("Omgevingswet", "GRP", "mobiliteitsplan", "klimaatadaptatiestrategie"):
        assert name in texts


def test_frameworks_named_as_instruments_count() -> None:
    c = good()
    c.frameworks = ["Omgevingswet", "Mobiliteitsplan", "Klimaatadaptatiestrategie"]
    c.instruments = ["uitvoeringsprogramma GRP 2026"]
    assert "kader_ontbreekt" not in review(c, today=TODAY).rules()


def test_open_questions_grouped_by_section() -> None:
    result = _run(
        _set(
            "open_questions",
            [
                "Wie beslist als het budget overschreden wordt?",
                "Hoeveel fte levert de afdeling Wegen?",
                "Wat is de einddatum?",
                "Doet de netbeheerder mee?",
                "Wat nog meer?",
            ],
        )
    )
    by_section = {f.section: f for f in _only("open_vragen", result)}
    assert set(by_section) == {"mandate", "resources", "stakeholders", "context"}
    assert "2 open vragen" in by_section["resources"].message
    assert not result.ready


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("Middelen: geld, capaciteit en tijd: Hoeveel fte is er?", "resources"),
        ("Context en kaders: Welk beleid of welke regels gelden hier?", "frameworks"),
        ("Welke regels gelden hier?", "frameworks"),
        ("Opdrachtgever en mandaat: Wat mag het team zelf beslissen?", "mandate"),
        ("Wat mag het projectteam zelf beslissen bij meerkosten?", "mandate"),
        ("Wie zit er in het kernteam?", "organisation"),
        ("Welk instrument zet u in?", "instruments"),
        ("Wat is concreet het resultaat?", "goal"),
        ("Hoe lang speelt dit al?", "context"),
    ],
)
def test_open_question_section(question: str, section: str) -> None:
    (finding,) = _only("open_vragen", _run(_set("open_questions", [question])))
    assert finding.section == section


def test_low_findings_alone_keep_it_ready() -> None:
    result = _run(_set("instruments", []))
    assert [f.severity for f in result.findings] == ["laag"]
    assert result.ready
    assert "1 aandachtspunt" in result.verdict


def test_findings_sorted_high_to_low_then_by_section() -> None:
    result = review(Commission(goal=Goal(themes=["riolering", "groen"])), today=TODAY)
    order = {"hoog": 0, "midden": 1, "laag": 2}
    keys = [(order[f.severity], SECTIONS.index(f.section)) for f in result.findings]
    assert keys == sorted(keys)
    assert result.findings[0].severity == "hoog"
    assert result.count("hoog") + result.count("midden") + result.count("laag") == len(
        result.findings
    )


def test_verdict_lists_blocking_sections_in_order() -> None:
    result = _run(_all(_set("mandate.escalation", None), _set("resources.capacity_fte", None)))
    assert not result.ready
    assert "middelgroot risico" in result.verdict
    assert result.verdict.index("opdrachtgever") < result.verdict.index("middelen")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "<script>alert(1)</script>",
        "🚧🚧🚧",
        "x" * 100_000,
        "Straße ändern – ça va?",
        "[x](javascript:alert(1))",
    ],
)
def test_odd_text_never_raises(text: str) -> None:
    c = Commission(
        title=text,
        context=text,
        goal=Goal(statement=text or None, results=[text], themes=["riolering", "mobiliteit"]),
        mandate=Mandate(commissioner=text or None, decision_space=text, escalation=text),
        stakeholders=[Stakeholder(name=text or "?", role=text)],
        resources=Resources(funding=text),
        frameworks=[text],
        organisation=text,
        open_questions=[text],
    )
    result = review(c, today=TODAY)
    assert isinstance(result.verdict, str) and result.findings


# --------------------------------------------------------------------------------------------
# Citations


class FakeRetriever:
    """Holds passages by id; search returns them in order and records the queries."""

    def __init__(self, passages: list[Passage]) -> None:
        self.passages = {p.id: p for p in passages}
        self.queries: list[tuple[str, str | None]] = []
        self.gets: list[str] = []

    def search(self, query: str, *, k: int = 3, section: str | None = None) -> list[Passage]:
        self.queries.append((query, section))
        return list(self.passages.values())[:k]

    def get(self, passage_id: str) -> Passage | None:
        self.gets.append(passage_id)
        return self.passages.get(passage_id)


def _passage(pid: str) -> Passage:
    return Passage(id=pid, text="tekst", title="Titel", source="Bron", heading=pid)


def test_without_retriever_sources_are_empty() -> None:
    result = review(Commission(), today=TODAY)
    assert all(f.sources == [] for f in result.findings)


def test_pinned_passage_is_cited_first_and_search_fills_up() -> None:
    pinned = CITATIONS["mandaat_niveau"].pinned[0]
    fake = FakeRetriever([_passage("other#a"), _passage(pinned), _passage("other#b")])
    result = review(
        good().model_copy(
            update={
                "mandate": Mandate(
                    commissioner="afdelingshoofd Beheer",
                    level="ambtelijk",
                    decision_space="binnen 10%",
                    escalation="stuurgroep",
                )
            }
        ),
        retriever=fake,
        today=TODAY,
    )
    (finding,) = _only("mandaat_niveau", result)
    assert finding.sources[0].id == pinned
    assert len(finding.sources) == 2
    assert len({p.id for p in finding.sources}) == 2


def test_missing_pinned_ids_fall_back_to_the_rule_query() -> None:
    fake = FakeRetriever([_passage("x#1"), _passage("x#2"), _passage("x#3")])
    result = review(Commission(), retriever=fake, today=TODAY)
    (finding,) = _only("geen_budget", result)
    assert [p.id for p in finding.sources] == ["x#1", "x#2"]
    assert (CITATIONS["geen_budget"].query, "resources") in fake.queries


def test_each_rule_is_looked_up_once_per_review() -> None:
    fake = FakeRetriever([_passage("x#1")])
    c = good()
    c.goal.themes = ["riolering", "mobiliteit", "energietransitie"]
    c.open_questions = ["Wat is het budget?", "Wie beslist?"]
    result = review(c, retriever=fake, today=TODAY)
    assert len(_only("open_vragen", result)) == 2  # two sections, one lookup
    assert len(_only("kader_ontbreekt", result)) == 1
    asked = [q for q, _ in fake.queries if q == CITATIONS["open_vragen"].query]
    assert len(asked) == 1
    assert len(fake.queries) < len(result.findings)
    assert all(f.sources for f in result.findings)


def test_missing_party_cites_the_theme_passage_first() -> None:
    waterschap = "thema-riolering#het-waterschap-als-vaste-partner-bij-riolering"
    general = CITATIONS["stakeholder_ontbreekt"].pinned[0]
    fake = FakeRetriever([_passage(general), _passage(waterschap), _passage("x#1")])
    result = review(
        good().model_copy(
            update={
                "stakeholders": [
                    Stakeholder(name="Arriva", kind="vervoerder", role="OV"),
                    Stakeholder(name="bewoners", kind="bewoners", role="wonen"),
                ]
            }
        ),
        retriever=fake,
        today=TODAY,
    )
    (finding,) = _only("stakeholder_ontbreekt", result)
    assert [p.id for p in finding.sources] == [waterschap, general]


def _corpus_ids() -> set[str]:
    chunking = pytest.importorskip("opdrachtassistent.knowledge.chunking")
    corpus = pytest.importorskip("opdrachtassistent.knowledge.corpus")
    ids: set[str] = set()
    for path in corpus.corpus_files():
        _, _, chunks = chunking.chunk_markdown(
            path.read_text(encoding="utf-8"),
            doc_key=path.stem,
            default_title=path.stem,
            default_source="",
        )
        ids.update(c.id for c in chunks)
    return ids


def test_every_pinned_passage_exists_in_the_built_in_corpus() -> None:
    from opdrachtassistent.reviewing.rules import FRAMEWORK_REQUIREMENTS, PARTY_PASSAGES

    ids = _corpus_ids()
    if not ids:
        pytest.skip("the built-in corpus is not available")
    pinned = {pid for c in CITATIONS.values() for pid in c.pinned}
    pinned |= set(PARTY_PASSAGES.values()) | {fw.passage for fw in FRAMEWORK_REQUIREMENTS}
    assert pinned - ids == set()


def test_with_the_real_knowledge_base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Findings cite the pinned passages of the built-in corpus through a real (Chroma) store."""
    pytest.importorskip("chromadb")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    search = pytest.importorskip("opdrachtassistent.knowledge.search")
    testing = pytest.importorskip("opdrachtassistent.knowledge.testing")
    kb = search.KnowledgeBase.open(tmp_path / "data", embedder=testing.FakeEmbedder())
    kb.ensure_ready()
    result = review(
        good().model_copy(update={"mandate": Mandate(commissioner="afdeling Beheer")}),
        retriever=kb,
        today=TODAY,
    )
    (finding,) = _only("mandaat_niveau", result)
    assert [p.id for p in finding.sources] == list(CITATIONS["mandaat_niveau"].pinned)
    assert finding.sources[0].title and finding.sources[0].source
    assert all(f.sources for f in result.findings)


# --------------------------------------------------------------------------------------------
# Messages a policy officer reads: one finding per gap, no repeated prefixes, sound Dutch


@pytest.mark.parametrize(
    ("change", "rule", "question"),
    [
        (
            _set("mandate.escalation", None),
            "geen_escalatie",
            "Opdrachtgever en mandaat: Wie beslist als het budget overschreden wordt?",
        ),
        (
            _set("resources.capacity_fte", None),
            "geen_capaciteit",
            "Middelen: geld, capaciteit en tijd: Hoeveel capaciteit is er beschikbaar, in fte?",
        ),
        (
            _set("context", None),
            "geen_context",
            "Aanleiding en opgave: Kunt u de aanleiding iets uitgebreider beschrijven?",
        ),
        (_set("instruments", []), "geen_instrumenten", "Instrumentarium: Welk instrument?"),
    ],
)
def test_an_open_question_joins_the_finding_for_the_same_gap(
    change: Change, rule: str, question: str
) -> None:
    result = _run(_all(change, _set("open_questions", [question])))
    assert "open_vragen" not in result.rules()
    (finding,) = _only(rule, result)
    bare = question.rsplit(": ", 1)[1]
    assert f"uit het gesprek: '{bare}'" in finding.message
    assert not result.ready  # an open question still blocks, even beside a low finding
    assert "1 open vraag" in result.verdict or "risico" in result.verdict


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("Middelen: geld, capaciteit en tijd: Hoeveel fte is er?", "Middelen"),
        ("Context en kaders: Welk beleid geldt hier?", "Context en kaders"),
        ("Stakeholders: Doet de netbeheerder mee?", "Stakeholders"),
    ],
)
def test_open_question_is_quoted_without_its_section_prefix(question: str, title: str) -> None:
    (finding,) = _only("open_vragen", _run(_set("open_questions", [question])))
    assert f"'{question.rsplit(': ', 1)[1]}'" in finding.message
    assert f"'{title}" not in finding.message.split(": ", 1)[1]


@pytest.mark.parametrize(
    ("change", "named", "not_named"),
    [
        (_set("resources.capacity_fte", None), "bij: middelen.", "geld, capaciteit en tijd"),
        (_set("frameworks", ["Omgevingswet"]), "bij: kaders.", "Context en kaders"),
        (_set("goal.results", []), "bij: doel en resultaten.", "beoogde"),
    ],
)
def test_verdict_names_sections_briefly(change: Change, named: str, not_named: str) -> None:
    verdict = _run(change).verdict
    assert verdict.endswith(named)
    assert not_named not in verdict


@pytest.mark.parametrize(
    ("themes", "stakeholders", "expected"),
    [
        (["riolering"], [], "Het thema riolering vraagt om het waterschap"),
        (
            ["riolering", "klimaatadaptatie"],
            [],
            "De thema's riolering en klimaatadaptatie vragen om het waterschap",
        ),
        (["mobiliteit"], [], "maar geen van beide staat bij de stakeholders"),
        (["kabels_en_leidingen"], [], "de netbeheerder, maar die staat niet bij"),
    ],
)
def test_missing_party_message_agrees_in_number(
    themes: list[str], stakeholders: list[Stakeholder], expected: str
) -> None:
    result = _run(_all(_set("goal.themes", themes), _set("stakeholders", stakeholders)))
    messages = " ".join(f.message for f in _only("stakeholder_ontbreekt", result))
    assert expected in messages


@pytest.mark.parametrize(
    ("themes", "expected"),
    [
        (["riolering", "groen"], "riolering doorgaans minstens 12 maanden voorbereiding vraagt"),
        (
            ["riolering", "kabels_en_leidingen"],
            "kabels en leidingen doorgaans minstens 12 maanden voorbereiding vragen",
        ),
        (["groen", "mobiliteit"], "een integrale opgave doorgaans minstens 6 maanden"),
    ],
)
def test_tight_deadline_message_agrees_in_number(themes: list[str], expected: str) -> None:
    change = _all(_set("goal.themes", themes), _set("resources.deadline", date(2026, 6, 1)))
    (finding,) = _only("deadline_te_krap", _run(change))
    assert expected in finding.message


def test_missing_framework_message_reads_for_plural_labels() -> None:
    result = _run(_set("goal.themes", ["kabels_en_leidingen", "riolering"]))
    messages = [f.message for f in _only("kader_ontbreekt", result)]
    assert any(m.startswith("De kaders noemen de WIBON en de CROW-richtlijn") for m in messages)
    assert not any("Als kader ontbreekt" in m for m in messages)
