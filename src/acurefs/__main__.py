"""``python -m acurefs``: the same as the ``acurefs`` command."""

from ._cli import main

raise SystemExit(main())
