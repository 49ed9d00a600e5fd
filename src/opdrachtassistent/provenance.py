"""Where each value of a commission came from: its value paths, and keeping the map in step.

`Commission.provenance` maps a field path ("resources.budget_eur", "goal.themes.1",
"stakeholders.0", "stakeholders.0.role") to an `Origin`. List items are keyed by index, so
when a list changes the map is rebuilt against the commission (`prune`). Pure: the
commission's types only.
"""

from __future__ import annotations

from collections.abc import Callable

from opdrachtassistent.commission import Commission, Origin, Stakeholder

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
        value = value_of(c, path)
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


def prune(c: Commission) -> None:
    """Drop entries whose value is gone, so the map names only what the commission holds."""
    present = set(value_paths(c))
    c.provenance = {k: v for k, v in c.provenance.items() if k in present}


def value_of(c: Commission, path: str) -> object:
    """The value at a value path: "goal.themes.1" is the second theme."""
    obj: object = c
    for part in path.split("."):
        obj = obj[int(part)] if part.isdigit() and isinstance(obj, list) else getattr(obj, part)
    return obj


def field_of(path: str) -> str:
    """The path without its index: "stakeholders.2.role" -> "stakeholders.role"."""
    return ".".join(p for p in path.split(".") if not p.isdigit())


def key_of(c: Commission, path: str) -> tuple[str, str]:
    """What identifies a value across re-indexing: its field and its (folded) value; a
    party's role or interest goes with the party's name."""
    field = field_of(path)
    value = value_of(c, path)
    if field.startswith("stakeholders."):
        owner = value_of(c, path.rpartition(".")[0])
        assert isinstance(owner, Stakeholder)
        return field, fold_value(owner.name) + "\n" + fold_value(value)
    return field, fold_value(value)


def fold_value(value: object) -> str:
    """A comparable form of one value: a party by its name, text case- and space-folded."""
    if isinstance(value, Stakeholder):
        value = value.name
    if isinstance(value, str):
        return " ".join(value.casefold().split())
    return repr(value)


def carry(old: Commission | None, new: Commission, fresh: Callable[[str], Origin]) -> None:
    """Rebuild `new.provenance` after a change from `old`: a value that was already there
    keeps its origin (also when its list was re-indexed), an entry recorded during the
    change (a proposed default) stays, and every other value gets `fresh(path)`."""
    before = old.provenance if old is not None else {}
    recorded = {k: v for k, v in new.provenance.items() if before.get(k) != v}
    pool: dict[tuple[str, str], list[Origin]] = {}
    old_paths = value_paths(old) if old is not None else []
    for path in old_paths:
        if old is not None and path in before:
            pool.setdefault(key_of(old, path), []).append(before[path])
    out: dict[str, Origin] = {}
    for path in value_paths(new):
        if path in recorded:
            out[path] = recorded[path]
            continue
        same = pool.get(key_of(new, path))
        out[path] = same.pop(0) if same else fresh(path)
    new.provenance = out
