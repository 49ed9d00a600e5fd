"""What changed between two versions of a commission, section by section.

Pure: compares the public JSON (`Commission.model_dump(mode="json")`) of two commissions,
field by field in the order of `fields.FIELDS`. A single value is added (was empty),
removed (is empty now) or changed (old and new); a list is compared by item, so a reorder
is no change and an item that was reworded shows as one removed and one added.
Stakeholders are matched by name (case-insensitive): a new or dropped party is one change,
a changed role or interest of the same party one change per attribute. Provenance and the
schema version are bookkeeping, not content, and are left out.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from opdrachtassistent.commission import SECTION_TITLES, SECTIONS, Commission
from opdrachtassistent.fields import FIELDS

ChangeKind = Literal["added", "removed", "changed"]
KIND_LABELS: dict[ChangeKind, str] = {
    "added": "toegevoegd",
    "removed": "verwijderd",
    "changed": "gewijzigd",
}
GENERAL = "Algemeen"  # the heading of the fields outside the eight sections
STAKEHOLDER_ATTRIBUTES: dict[str, str] = {
    "kind": "soort",
    "role": "rol",
    "interest": "belang",
    "influence": "invloed",
    "concern": "betrokkenheid",
}

CommissionLike = Commission | Mapping[str, Any] | str


class Change(BaseModel):
    """One difference: in `section` (None: title or open questions), at `field` (a dotted
    path of the commission's JSON), for list items the `item` it concerns."""

    model_config = ConfigDict(frozen=True)

    section: str | None
    field: str
    label: str
    kind: ChangeKind
    old: Any = None
    new: Any = None
    item: str | None = None


class Side(BaseModel):
    """Which version a side of the comparison is, and who made it when."""

    model_config = ConfigDict(frozen=True)

    number: int | None = None
    status: str | None = None
    by: str | None = None
    at: datetime | None = None


class Diff(BaseModel):
    model_config = ConfigDict(frozen=True)

    old: Side = Side()
    new: Side = Side()
    changes: list[Change]

    @property
    def empty(self) -> bool:
        return not self.changes

    def by_section(self) -> dict[str | None, list[Change]]:
        """The changes grouped per section, in the order of the sections (None first)."""
        order: list[str | None] = [None, *SECTIONS]
        grouped: dict[str | None, list[Change]] = {}
        for key in order:
            found = [c for c in self.changes if c.section == key]
            if found:
                grouped[key] = found
        return grouped


def section_title(section: str | None) -> str:
    """The Dutch heading of a section key (None: "Algemeen")."""
    titles: dict[str, str] = {str(k): v for k, v in SECTION_TITLES.items()}
    return titles.get(section, section) if section else GENERAL


def as_data(commission: CommissionLike) -> dict[str, Any]:
    """The public JSON of a commission given as a model, its JSON text or its dict."""
    if isinstance(commission, Commission):
        return commission.model_dump(mode="json")
    data = json.loads(commission) if isinstance(commission, str) else dict(commission)
    return Commission.model_validate(data).model_dump(mode="json")


def compare(
    old: CommissionLike,
    new: CommissionLike,
    *,
    old_side: Side | None = None,
    new_side: Side | None = None,
) -> Diff:
    """Every difference from `old` to `new`."""
    a, b = as_data(old), as_data(new)
    changes: list[Change] = []
    for field in FIELDS:
        before, after = _at(a, field.path), _at(b, field.path)
        if field.path == "stakeholders":
            changes.extend(_stakeholders(before or [], after or []))
        elif field.kind == "list":
            changes.extend(_items(field.section, field.path, field.label, before, after))
        else:
            change = _scalar(field.section, field.path, field.label, before, after)
            if change is not None:
                changes.append(change)
    return Diff(old=old_side or Side(), new=new_side or Side(), changes=changes)


def _at(data: Mapping[str, Any], path: str) -> Any:
    value: Any = data
    for part in path.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _scalar(
    section: str | None, path: str, label: str, before: Any, after: Any, item: str | None = None
) -> Change | None:
    if before == after or (_empty(before) and _empty(after)):
        return None
    kind: ChangeKind = "added" if _empty(before) else "removed" if _empty(after) else "changed"
    return Change(
        section=section,
        field=path,
        label=label,
        kind=kind,
        old=None if _empty(before) else before,
        new=None if _empty(after) else after,
        item=item,
    )


def _items(section: str | None, path: str, label: str, before: Any, after: Any) -> list[Change]:
    old, new = list(before or []), list(after or [])
    out = [
        Change(section=section, field=path, label=label, kind="removed", old=x)
        for x in old
        if x not in new
    ]
    out += [
        Change(section=section, field=path, label=label, kind="added", new=x)
        for x in new
        if x not in old
    ]
    return out


def _key(party: Mapping[str, Any]) -> str:
    return " ".join(str(party.get("name") or "").split()).casefold()


def _stakeholders(before: list[Any], after: list[Any]) -> list[Change]:
    old = {_key(p): p for p in before}
    new = {_key(p): p for p in after}
    out: list[Change] = []
    for key, party in old.items():
        if key not in new:
            out.append(
                Change(
                    section="stakeholders",
                    field="stakeholders",
                    label="betrokken partij",
                    kind="removed",
                    old=party,
                    item=party.get("name"),
                )
            )
    for key, party in new.items():
        if key not in old:
            out.append(
                Change(
                    section="stakeholders",
                    field="stakeholders",
                    label="betrokken partij",
                    kind="added",
                    new=party,
                    item=party.get("name"),
                )
            )
            continue
        was = old[key]
        if was.get("name") != party.get("name"):
            change = _scalar(
                "stakeholders",
                "stakeholders.name",
                "naam",
                was.get("name"),
                party.get("name"),
                item=party.get("name"),
            )
            if change is not None:
                out.append(change)
        for attribute, label in STAKEHOLDER_ATTRIBUTES.items():
            change = _scalar(
                "stakeholders",
                f"stakeholders.{attribute}",
                label,
                was.get(attribute),
                party.get(attribute),
                item=party.get("name"),
            )
            if change is not None:
                out.append(change)
    return out
