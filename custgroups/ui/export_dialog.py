"""Where to export, in which format, and whether to include members."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from custgroups.qt.words import list_separator
from custgroups.ui import style
from custgroups.ui.widgets import named


class ExportDialog(QDialog):
    """Asks for the file (xlsx or csv) and the Members option before an export starts."""

    def __init__(self, suggested: Path, matching: int, parent: QWidget | None = None,
                 selected: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("ExportDialog")
        self.setWindowTitle(self.tr("Export Groups"))
        if selected:
            text = self.tr("Export the %Ln selected group(s), in the current order.", "",
                           matching)
        else:
            text = self.tr("Export the %Ln group(s) that the current filters match, in the "
                           "current order — every page, not just this one.", "", matching)
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        self.path_edit = named(QLineEdit(str(suggested), self), "exportPathEdit")
        self.path_edit.setAccessibleName(self.tr("File to write"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._on_browse_clicked)
        self.members_check = named(QCheckBox(
            self.tr("Include a Members sheet (each group's customers)"), self),
            "exportMembersCheck")
        self.separator_combo = named(QComboBox(self), "exportSeparatorCombo")
        for text, mark in ((self.tr("Semicolon (;)"), ";"), (self.tr("Comma (,)"), ",")):
            self.separator_combo.addItem(text, mark)
        self.separator_combo.setCurrentIndex(self.separator_combo.findData(list_separator()))
        separator_label = QLabel(self.tr("csv &separator"), self)
        separator_label.setBuddy(self.separator_combo)
        self.path_edit.textChanged.connect(self._on_path_changed)
        hint = QLabel(self.tr("Ends in .xlsx for an Excel workbook or .csv for plain text; with "
                              "csv, members go to a second file."), self)
        hint.setWordWrap(True)
        hint.setEnabled(False)
        self.error = QLabel(self)
        style.error_text(self.error)
        self.error.hide()
        buttons = QDialogButtonBox(self)
        export_button = buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        export_button.setObjectName("exportStartButton")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        separator_row = QHBoxLayout()
        separator_row.addWidget(separator_label)
        separator_row.addWidget(self.separator_combo)
        separator_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addLayout(separator_row)
        layout.addWidget(self.members_check)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._on_path_changed(self.path_edit.text())
        self.resize(560, self.sizeHint().height())

    @classmethod
    def ask(cls, suggested: Path, matching: int, parent: QWidget | None,
            selected: bool = False) -> tuple[Path, bool, str] | None:
        """The chosen file, members option and csv separator, or None if the clerk
        cancelled; ``selected`` says the groups are those selected, not all the filters
        match."""
        dialog = cls(suggested, matching, parent, selected)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.path(), dialog.members_check.isChecked(), dialog.separator

    @property
    def separator(self) -> str:
        """What separates the cells of a csv file."""
        return str(self.separator_combo.currentData())

    def _on_path_changed(self, text: str) -> None:
        self.separator_combo.setEnabled(text.strip().lower().endswith(".csv"))

    def path(self) -> Path:
        """The file as typed, with .xlsx added when no suffix was given."""
        path = Path(self.path_edit.text().strip()).expanduser()
        return path if path.suffix else path.with_suffix(".xlsx")

    @Slot()
    def _on_browse_clicked(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export Groups"), self.path_edit.text(),
            self.tr("Excel workbook (*.xlsx);;CSV text (*.csv)"))
        if chosen:
            self.path_edit.setText(chosen)

    def accept(self) -> None:
        """Refuse a target that cannot work, in plain words, before any work starts."""
        path = self.path()
        problem = ""
        if path.suffix.lower() not in (".xlsx", ".csv"):
            problem = self.tr("Choose a file ending in .xlsx or .csv.")
        elif not path.parent.is_dir():
            problem = self.tr("The folder {folder} does not exist.").format(folder=path.parent)
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()
