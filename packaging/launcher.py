"""The script PyInstaller freezes into both executables: custgroups-app (windowed) and
custgroups (console). Both run the same launcher as ``python -m custgroups``."""

from custgroups.__main__ import main

raise SystemExit(main())
