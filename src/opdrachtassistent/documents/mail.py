"""Mail (.eml, the standard library's `email`): the text part (or the HTML part as text),
the subject as title, and the attachments that are documents themselves (Word, PDF, ODT,
text) read after the message.

Outlook's own .msg format needs a library that is not part of this install; `reading.py`
asks for the mail as .eml instead.
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import Callable
from dataclasses import replace
from email.message import EmailMessage, Message

from opdrachtassistent.documents import texts
from opdrachtassistent.documents.html import html_to_text
from opdrachtassistent.documents.limits import MAX_ATTACHMENTS
from opdrachtassistent.documents.model import DocumentText, Section
from opdrachtassistent.documents.plain import paragraphs
from opdrachtassistent.errors import DocumentError

Reader = Callable[[bytes, str], DocumentText]
_READABLE = (".docx", ".pdf", ".odt", ".txt", ".md")


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    content = part.get_content()
    if not isinstance(content, str):
        return ""
    return html_to_text(content) if part.get_content_subtype() == "html" else content


def _payload(part: Message) -> bytes:
    data = part.get_payload(decode=True)
    return data if isinstance(data, bytes) else b""


def read_eml(data: bytes, name: str, *, read_attachment: Reader) -> DocumentText:
    """The mail's text, then each readable attachment under a heading 'Bijlage: <naam>'."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except (ValueError, TypeError, LookupError) as exc:
        raise DocumentError(texts.MAIL_BROKEN.format(name=name)) from exc
    if not isinstance(message, EmailMessage):  # pragma: no cover - policy.default gives one
        raise DocumentError(texts.MAIL_BROKEN.format(name=name))
    subject = " ".join(str(message.get("subject", "")).split())
    addresses = getattr(message.get("from"), "addresses", ())
    author = str(addresses[0].display_name) if addresses else ""
    heading = texts.MAIL_SUBJECT.format(subject=subject) if subject else ""
    sections = [Section(heading, tuple(paragraphs(_body(message))))]
    notes: list[str] = []
    attachments = [p for p in message.iter_attachments() if p.get_filename()]
    if len(attachments) > MAX_ATTACHMENTS:
        notes.append(texts.ATTACHMENTS_CUT.format(name=name, limit=MAX_ATTACHMENTS))
    for part in attachments[:MAX_ATTACHMENTS]:
        filename = str(part.get_filename())
        if not filename.lower().endswith(_READABLE):
            reason = texts.ATTACHMENT_UNREAD
            notes.append(
                texts.ATTACHMENT_SKIPPED.format(name=name, attachment=filename, reason=reason)
            )
            continue
        try:
            attached = read_attachment(_payload(part), filename)
        except DocumentError as exc:
            reason = exc.message.removeprefix(f"{filename}: ").rstrip(".")
            notes.append(
                texts.ATTACHMENT_SKIPPED.format(name=name, attachment=filename, reason=reason)
            )
            continue
        head = texts.ATTACHMENT_HEADING.format(attachment=filename)
        body = attached.sections or (Section("", tuple(paragraphs(attached.body))),)
        for i, section in enumerate(body):
            heading = f"{head}: {section.heading}" if section.heading else (head if i == 0 else "")
            sections.append(replace(section, heading=heading, own_heading=True))
        notes.extend(attached.notes)
    found = tuple(s for s in sections if s.paragraphs)
    if not found:
        raise DocumentError(texts.NO_TEXT.format(name=name))
    return DocumentText(
        name=name,
        kind="structured",
        sections=found,
        title=subject,
        author=author,
        notes=tuple(notes),
    )
