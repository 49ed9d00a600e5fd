"""Exports of a commission: Markdown, Word (.docx) and JSON.

Each renderer is its own module so importing one never pulls in the others' dependencies
(python-docx is only loaded by `render.docx`). Everything a user typed is treated as text.
"""

from __future__ import annotations

__all__ = ["as_json", "docx", "markdown"]
