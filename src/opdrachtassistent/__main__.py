"""`python -m opdrachtassistent` runs the CLI."""

import sys

from opdrachtassistent.cli import main

sys.exit(main())
