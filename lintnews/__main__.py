"""`python -m lintnews` works exactly like the `lintnews` command."""
import sys

from .cli import main

sys.exit(main())
