"""How much of a document is read: bounds that keep a huge or hostile file from hanging a run.

Data only. A file above `MAX_FILE_BYTES` is refused before it is parsed; a longer document is
read up to `MAX_PAGES` pages and `MAX_CHARS` characters, and the reader says so in Dutch.
"""

from __future__ import annotations

from opdrachtassistent.usertext import MAX_INPUT_CHARS

MAX_FILE_BYTES = 25_000_000  # a 20-page raadsvoorstel with images is a few MB
MAX_TEXT_BYTES = 1_000_000  # plain-text notes (.txt, .md) above this are refused, not cut
MAX_PAGES = 100  # PDF pages read; the rest is skipped with a note
MAX_CHARS = MAX_INPUT_CHARS  # characters kept from any document: the limit on all user text
MAX_UNZIPPED_BYTES = 100_000_000  # the XML inside a .docx or .odt, against zip bombs
MAX_ATTACHMENTS = 10  # attachments of a mail that are read
