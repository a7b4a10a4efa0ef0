"""Run the command line as ``python -m nbreport``."""

from .cli import main

raise SystemExit(main())
