"""Language knowledge, one subpackage per language: tables as data, small readers as code."""
