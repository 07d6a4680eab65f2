"""The command line: scripted work on the same data floor as the windows, with plain errors.

``parser`` builds the arguments, ``run`` runs one command; each family of commands adds its
own subcommands: ``data`` (demo, info, export, customers, history), ``groups`` (one group
for scripts), ``members`` (lists of customers applied to one group) and ``sets`` (groups
compared and combined).
"""

from custgroups.cli.arguments import EXIT_FAILED, EXIT_OK
from custgroups.cli.parser import build_parser
from custgroups.cli.run import OpenWindow, main

__all__ = ["EXIT_FAILED", "EXIT_OK", "OpenWindow", "build_parser", "main"]
