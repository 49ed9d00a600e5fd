"""Test support: fakes at the outer boundary, app-process helpers, factories (checkout only)."""
