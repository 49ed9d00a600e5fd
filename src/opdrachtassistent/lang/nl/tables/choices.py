"""Open questions about a choice between two values the text gives (data only).

`{section}` is the section title, `{chosen}` the value taken and `{others}` the rest,
both already written in Dutch.
"""

from __future__ import annotations

AMOUNT_CHOICE = (
    "{section}: de tekst noemt {chosen} als budget en ook {others}; klopt het dat het "
    "budget {chosen} is?"
)
DEADLINE_CHOICE = (
    "{section}: de tekst noemt {chosen} als einddatum en ook {others}; klopt het dat het werk "
    "{chosen} klaar moet zijn?"
)
