"""Every Dutch message of the document readers, together (data only).

Each is formatted with `name` (the file name) first, so a batch report says which file.
"""

from __future__ import annotations

SUPPORTED_NAMES = ".docx, .pdf, .odt, .eml, .md en .txt"

NOT_FOUND = "{name}: het bestand bestaat niet."
IS_DIRECTORY = "{name}: dit is een map, geen bestand."
NO_PERMISSION = "{name}: geen toestemming om het bestand te lezen."
UNREADABLE = "{name}: het bestand kan niet worden gelezen ({reason})."
EMPTY = "{name}: het bestand is leeg; er staat geen tekst in."
NO_TEXT = "{name}: geen tekst gevonden in het document."
NO_TEXT_PDF = (
    "{name}: geen tekst gevonden in de PDF. Is het een scan zonder tekstlaag? Laat er eerst "
    "tekstherkenning (OCR) op los, of kopieer de tekst in een tekstbestand."
)
TOO_LARGE = (
    "{name}: het bestand is te groot ({size} MB; maximaal {limit} MB). Sla alleen het "
    "relevante deel op, of kort het in."
)
TOO_LARGE_TEXT = (
    "{name}: het bestand is te groot ({size} MB; maximaal {limit} MB voor een tekstbestand). "
    "Splits de notities of kort ze in."
)
UNSUPPORTED = (
    "{name}: bestandstype '{suffix}' wordt niet ondersteund (wel: " + SUPPORTED_NAMES + ")."
)
BINARY = (
    "{name}: dit is geen tekstbestand (binaire inhoud). Gebruik een van: " + SUPPORTED_NAMES + "."
)
UNKNOWN_ENCODING = (
    "{name}: de tekenset is onbekend (geen UTF-8 of Windows-1252). Sla het bestand op als UTF-8."
)
BROKEN_UTF16 = "{name}: de tekst (UTF-16) is beschadigd."
MSG = (
    "{name}: een Outlook-bericht (.msg) kan ik niet lezen. Sla de mail op als .eml (of als "
    "tekst, .txt) en probeer het opnieuw."
)
OLD_WORD = (
    "{name}: dit is een oud Office-bestand (zoals Word .doc). Sla het op als .docx en probeer "
    "het opnieuw."
)
PDF_ENCRYPTED = (
    "{name}: het PDF-bestand is beveiligd met een wachtwoord en kan niet worden gelezen. "
    "Sla een onbeveiligde versie op."
)
PDF_BROKEN = "{name}: het PDF-bestand is beschadigd of geen geldige PDF."
DOCX_BROKEN = "{name}: het Word-bestand is beschadigd of geen geldig .docx-bestand."
ODT_BROKEN = "{name}: het OpenDocument-bestand is beschadigd of geen geldig .odt-bestand."
ZIP_BOMB = "{name}: het bestand pakt uit tot meer dan {limit} MB; dat lees ik niet."
OTHER_ZIP = (
    "{name}: dit is een zip-, Excel- of PowerPoint-bestand, geen tekstdocument. Gebruik een "
    "van: " + SUPPORTED_NAMES + "."
)
MAIL_BROKEN = "{name}: de mail kan niet worden gelezen."

# Notes: the document was read, but not all of it.
PAGES_CUT = "{name}: alleen de eerste {limit} van de {total} pagina's zijn gelezen."
CHARS_CUT = "{name}: het document is lang; alleen de eerste {limit} tekens zijn gelezen."
ATTACHMENTS_CUT = "{name}: alleen de eerste {limit} bijlagen zijn gelezen."
ATTACHMENT_SKIPPED = "{name}: bijlage '{attachment}' is niet gelezen ({reason})."
ATTACHMENT_UNREAD = "alleen .docx, .pdf, .odt en tekst worden gelezen"

ATTACHMENT_HEADING = "Bijlage: {attachment}"
MAIL_SUBJECT = "Onderwerp: {subject}"
