"""Where each value of a commission came from: its value paths, and keeping the map in step.

`Commission.provenance` maps a field path ("resources.budget_eur", "goal.themes.1",
"stakeholders.0", "stakeholders.0.role") to an `Origin`. List items are keyed by index, so
when a list changes the map is rebuilt against the commission (`prune`). Pure: the
commission's types only.
"""

from __future__ import annotations

from opdrachtassistent.commission import Commission, Origin

# Every place a value lives, in document order: a single value, a list of items keyed
# "<path>.<index>", or the stakeholders (each keyed "stakeholders.<index>", with the parts
# someone says as "stakeholders.<index>.role"; kind and grid position are inferred).
LAYOUT: tuple[tuple[str, str], ...] = (
    ("title", "scalar"),
    ("context", "scalar"),
    ("goal.statement", "scalar"),
    ("goal.results", "list"),
    ("goal.themes", "list"),
    ("mandate.commissioner", "scalar"),
    ("mandate.level", "scalar"),
    ("mandate.decision_space", "scalar"),
    ("mandate.escalation", "scalar"),
    ("stakeholders", "stakeholders"),
    ("resources.budget_eur", "scalar"),
    ("resources.capacity_fte", "scalar"),
    ("resources.deadline", "scalar"),
    ("resources.start", "scalar"),
    ("resources.funding", "scalar"),
    ("frameworks", "list"),
    ("instruments", "list"),
    ("organisation", "scalar"),
)
STAKEHOLDER_PARTS: tuple[str, ...] = ("role", "interest")


def value_paths(c: Commission) -> list[str]:
    """Every path of the commission that holds a value, in document order."""
    paths: list[str] = []
    for path, kind in LAYOUT:
        value = _at(c, path)
        if kind == "scalar":
            if value is not None and value != "":
                paths.append(path)
        elif kind == "list":
            assert isinstance(value, list)
            paths.extend(f"{path}.{i}" for i in range(len(value)))
        else:
            for i, s in enumerate(c.stakeholders):
                paths.append(f"stakeholders.{i}")
                paths.extend(
                    f"stakeholders.{i}.{part}" for part in STAKEHOLDER_PARTS if getattr(s, part)
                )
    return paths


def mark(c: Commission, origin: Origin, *, only_missing: bool = True) -> None:
    """Give every value without an entry (or every value) this origin."""
    for path in value_paths(c):
        if not only_missing or path not in c.provenance:
            c.provenance[path] = origin.model_copy()


def prune(c: Commission) -> None:
    """Drop entries whose value is gone, so the map names only what the commission holds."""
    present = set(value_paths(c))
    c.provenance = {k: v for k, v in c.provenance.items() if k in present}


def _at(c: Commission, path: str) -> object:
    obj: object = c
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj
