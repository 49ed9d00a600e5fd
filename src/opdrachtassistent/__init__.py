"""opdrachtassistent: draft an integral commission for public space, offline first."""
