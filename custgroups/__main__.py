"""Run custgroups with ``python -m custgroups``."""

from custgroups.cli import main

raise SystemExit(main())
