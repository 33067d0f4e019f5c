"""``python -m acurefs``: the command line."""

from .cli import main

raise SystemExit(main())
