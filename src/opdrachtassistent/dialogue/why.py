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


def query(section: SectionKey, commission: Commission) -> str:
    """The question and the themes of the answers so far: a short query (fast to embed)
    that recurs across turns and sessions, so a caching retriever answers it at once."""
    themes = " ".join(t.replace("_", " ") for t in commission.goal.themes)
    return f"{SECTION_TITLES[section]}. {texts.QUESTIONS[section]} {themes}".strip()


def sources(retriever: Retriever, section: SectionKey, commission: Commission) -> list[Passage]:
    """The passages behind the question about `section`; raises the retriever's errors."""
    return retriever.search(query(section, commission), k=3, section=section)
