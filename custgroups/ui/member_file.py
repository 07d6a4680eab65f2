"""Import from File… in the editor: a file's column of customer codes put in the paste box,
for the same summary and the same modes as a paste. Read on a worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from custgroups.core.customers import is_customer_code
from custgroups.qt.tasks import Lane
from custgroups.qt.words import said, tr
from custgroups.ui.paste_box import PasteBox
from custgroups.ui.wording import spreadsheet_files


class MemberFileReader:
    """Reads a member file into the paste box; a failure is said in the box and to
    ``problem``."""

    def __init__(self, parent: QWidget, lane: Lane, paste: PasteBox,
                 group_code: Callable[[], str | None], problem: Callable[[str], None]) -> None:
        self._parent = parent
        self._lane = lane
        self._paste = paste
        self._group_code = group_code
        self._problem = problem

    def ask(self) -> None:
        """Ask for a file, then read it."""
        chosen, _filter = QFileDialog.getOpenFileName(
            self._parent, tr("Import Members"), str(Path.home()),
            spreadsheet_files())
        if chosen:
            self.read(Path(chosen))

    def read(self, path: Path, column: str | None = None) -> None:
        """Put the codes of a file's column in the paste box.

        Without ``column`` the clerk chooses among the file's headings (the code column found
        by name comes first); a file without headings gives its first column.
        """
        from custgroups.core.sheets.imports import member_columns

        self._paste.summary.setText(tr("Reading {name}…").format(name=path.name))
        if column is not None:
            self._read_codes(path, column)
            return
        self._lane.submit(lambda _p: member_columns(path, is_customer_code),
                          succeeded=lambda headings: self._on_columns_read(path, headings),
                          failed=self._on_failed)

    def _on_columns_read(self, path: Path, headings: list[str]) -> None:
        column: str | None = headings[0] if headings else None
        if len(headings) > 1:
            column, chosen = QInputDialog.getItem(
                self._parent, tr("Import Members"),
                tr("Which column holds the customer codes?"), headings, 0, False)
            if not chosen:
                self._paste.refresh()
                return
        self._read_codes(path, column)

    def _read_codes(self, path: Path, column: str | None) -> None:
        from custgroups.core.sheets.imports import read_member_codes

        group_code = self._group_code()
        self._lane.submit(lambda _p: read_member_codes(path, group_code, column,
                                                       is_customer_code),
                          succeeded=lambda found: self._paste.set_codes_from_file(
                              found.codes, path.name),
                          failed=self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self._paste.summary.setText(said(exc))
        self._problem(said(exc))
