"""`python -m lintnews` works exactly like the `lintnews` command."""
import sys

from lintnews.run.gcpause import pause

pause()  # before the imports: see lintnews.run.gcpause

from lintnews.run.cli import main  # noqa: E402

sys.exit(main())
