"""`python -m lintnews` works exactly like the `lintnews` command."""
import sys

from .gcpause import pause

pause()  # before the imports: see lintnews.gcpause

from .cli import main  # noqa: E402

sys.exit(main())
