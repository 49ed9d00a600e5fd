"""Dutch language knowledge: numbers, dates, names, parties, vocabularies and cue words."""
