"""How a membership change came about: the ``how`` and ``source`` of its events, in the
words downstream systems read (``changes --since``) and the windows translate."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class How(StrEnum):
    """How a customer was added or removed: the ``how`` of a membership event."""

    EDITOR = "editor"  # by hand in the group editor: Remove, Delete, Remove Inactive
    PICKER = "picker"  # chosen in the editor's customer picker
    PASTE = "paste"  # a pasted list, added or removed
    FILE = "file"  # a list read from a file, added or removed (source: the file's name)
    SYNC = "sync"  # the group made to match a list (source: the file's name, if any)
    COMBINE = "combine"  # a group made from others (source: the formula)
    COPY = "copy"  # copied from another group (source: its code)
    MOVE = "move"  # moved between groups (source: the other group's code)
    COMMAND_LINE = "command line"  # by a command (source: the file it read)
    CUSTOMERS = "customers"  # in the Customers window, one customer or a pasted list's grid
    REVERT = "revert"  # an earlier change undone from History


@dataclass(frozen=True)
class Way:
    """How a change came about, and from what (a file, a formula, a group's code)."""

    how: str
    source: str = ""


#: A change made by hand in the group editor.
BY_HAND = Way(How.EDITOR)

#: The ``how`` the first events were written with (the list mode, the combination or the
#: transfer, as the history names them), and what each is now.
LEGACY_HOW = {"add": How.PASTE, "remove": How.PASTE, "match": How.SYNC,
              "union": How.COMBINE, "intersection": How.COMBINE, "difference": How.COMBINE,
              "moved_to": How.MOVE, "moved_from": How.MOVE, "copied_from": How.COPY}


def legacy_how(how: str, source: str) -> str:
    """The ``how`` of an event written before :class:`How` from the history's words: a list
    added or removed from a named file came from that file, else from a paste."""
    if how in ("add", "remove") and source:
        return How.FILE.value
    return LEGACY_HOW[how].value if how in LEGACY_HOW else how
