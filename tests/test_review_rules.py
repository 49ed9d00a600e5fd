"""The rule table of the kwaliteitstoets: every row has its check, cites real passages and
fills its message from what its check gives."""

from __future__ import annotations

import re
import string
from datetime import date

import pytest
from tests.support.factories import complete_commission

from opdrachtassistent.commission import SECTIONS, Commission
from opdrachtassistent.lang.nl.cues import review as cues
from opdrachtassistent.reviewing import checks, texts
from opdrachtassistent.reviewing.model import SEVERITIES, Rule, Wording
from opdrachtassistent.reviewing.rules import (
    FRAMEWORK_REQUIREMENTS,
    IMPLIED_PARTIES,
    OPEN_QUESTIONS_JOINED,
    PARTY_PASSAGES,
    RULES,
)
from opdrachtassistent.reviewing.vocabulary import _KIND_LABELS


def _slots(wording: Wording) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(wording.text) if name}


def test_rule_ids_are_unique() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))


def test_every_rule_has_a_check_and_every_check_a_rule() -> None:
    assert set(checks.CHECKS) == {rule.id for rule in RULES}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_each_row_is_complete(rule: Rule) -> None:
    assert rule.section is None or rule.section in SECTIONS
    assert rule.severity in SEVERITIES
    assert rule.when and rule.message.text and rule.cite.query
    assert rule.cite.pinned, "every rule cites at least one passage of the built-in corpus"
    # Each choice fills a slot of the message, from a value the check gives (not a slot).
    assert set(rule.message.choices) <= _slots(rule.message)


def test_the_open_questions_rule_is_the_one_without_a_section() -> None:
    assert [rule.id for rule in RULES if rule.section is None] == ["open_vragen"]


@pytest.mark.parametrize(
    "wording",
    [
        OPEN_QUESTIONS_JOINED,
        texts.READY,
        texts.READY_WITH_LOW,
        texts.NOT_READY,
        texts.COUNT_HIGH,
        texts.COUNT_MEDIUM,
        texts.COUNT_OPEN_QUESTIONS,
    ],
)
def test_texts_choose_only_words_they_show(wording: Wording) -> None:
    assert set(wording.choices) <= _slots(wording)


def test_every_message_fills_without_a_missing_value() -> None:
    """A commission with many gaps, before and after its deadline, fires most rules;
    `tests/test_review.py` has a firing case for every rule."""
    c = complete_commission()
    c.goal.themes = ["riolering", "energietransitie", "kabels_en_leidingen", "mobiliteit"]
    c.stakeholders = [c.stakeholders[0]]
    c.goal.statement = "Herinrichten van de straat"
    c.goal.results = ["mooi"]
    c.mandate.commissioner = "afdelingshoofd Beheer"
    c.resources.funding = "uit het GRP"
    c.organisation = "Elke afdeling doet haar eigen deel van het werk"
    c.frameworks = []
    c.open_questions = ["Wat nog meer?", "Welk instrument?"]
    results = [checks.review(c, today=date(2028, 1, 1)), checks.review(c, today=date(2030, 1, 1))]
    results.append(checks.review(Commission(), today=date(2028, 1, 1)))
    findings = [f for result in results for f in result.findings]
    assert len({f.rule for f in findings}) >= 20
    for finding in findings:
        assert "{" not in finding.message and "}" not in finding.message


def test_framework_requirements_have_their_aliases() -> None:
    keys = [fw.key for fw in FRAMEWORK_REQUIREMENTS]
    assert len(keys) == len(set(keys))
    assert set(keys) == set(cues.FRAMEWORK_ALIASES)


def test_implied_parties_have_a_label_and_a_passage() -> None:
    kinds = {kind for groups in IMPLIED_PARTIES.values() for group in groups for kind in group}
    assert kinds <= set(_KIND_LABELS)
    assert kinds <= set(PARTY_PASSAGES)


def test_review_cues_compile() -> None:
    patterns = [cues.NUMBERISH, cues.ACTIVITY, cues.OUTCOME, cues.COOPERATION]
    patterns += [cues.SHARED_FUNDING, *cues.DISCIPLINE_BUDGETS.values()]
    patterns += [*cues.FRAMEWORK_ALIASES.values(), *(p for _, p in cues.QUESTION_SECTIONS)]
    for pattern in patterns:
        re.compile(pattern)
    assert {key for key, _ in cues.QUESTION_SECTIONS} <= set(SECTIONS)
