""" "Waarom vraag ik dit?": the reason for a question and the passages behind it, built once
for the interview, the app and the console chat.
"""

from __future__ import annotations

from opdrachtassistent.commission import SECTION_TITLES, Commission, SectionKey
from opdrachtassistent.dialogue import texts
from opdrachtassistent.passages import Passage, Retriever


def reason(section: SectionKey) -> str:
    """Why the interview asks about this section, in one Dutch sentence."""
    return texts.WHY[section]


def question(section: SectionKey) -> str:
    """The question about `section` as the knowledge base is asked it (without themes)."""
    return f"{SECTION_TITLES[section]}. {texts.QUESTIONS[section]}"


def theme_word(theme: str) -> str:
    """A theme key as the words searched for: `kabels_en_leidingen` -> `kabels en leidingen`."""
    return theme.replace("_", " ")


def themes(commission: Commission) -> tuple[str, ...]:
    """The themes found so far as search words: a set (sorted), so the order in which the
    answers named them does not change the sources."""
    return tuple(sorted({theme_word(t) for t in commission.goal.themes}))


def query(section: SectionKey, commission: Commission) -> str:
    """The question and the themes of the answers so far, as one search text."""
    return " ".join([question(section), *themes(commission)])


def sources(retriever: Retriever, section: SectionKey, commission: Commission) -> list[Passage]:
    """The passages behind the question about `section`; raises the retriever's errors.

    A retriever that prepared the questions and themes (`QuestionRetriever`) answers from
    that, without embedding anything on the turn; any other is searched with `query`."""
    prepared = getattr(retriever, "question_sources", None)
    if prepared is not None:
        found: list[Passage] = prepared(question(section), themes(commission), k=3, section=section)
        return found
    return retriever.search(query(section, commission), k=3, section=section)
