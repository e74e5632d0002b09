"""`python -m sciajournal` runs the same command line as the `sciajournal` script."""

import sys

from sciajournal.cli import main

sys.exit(main())
