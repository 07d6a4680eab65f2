"""What the group list shows instead of an empty table: a first start, or filters that match
nothing, each with the buttons that lead on."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from custgroups.ui.widgets import named


class EmptyState(QWidget):
    """A title, a sentence and the way on: add, import, sample data, or reset the filters."""

    add_requested = Signal()
    import_requested = Signal()
    sample_requested = Signal()
    reset_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setFixedWidth(560)  # a fixed width lets the wrapped text get its height
        self.text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.add_button = QPushButton(self.tr("Add New Group"), self)
        self.add_button.clicked.connect(self.add_requested)
        self.import_button = QPushButton(self.tr("Import Customers…"), self)
        self.import_button.clicked.connect(self.import_requested)
        self.sample_button = named(QPushButton(self.tr("Load Sample Data"), self),
                                   "sampleDataButton")
        self.sample_button.clicked.connect(self.sample_requested)
        self.reset_button = QPushButton(self.tr("Reset Filters"), self)
        self.reset_button.clicked.connect(self.reset_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.add_button, self.import_button, self.sample_button,
                       self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(2)

    def changing_buttons(self) -> tuple[QPushButton, ...]:
        """The buttons that would change the database."""
        return (self.add_button, self.import_button, self.sample_button)

    def show_for(self, filtered: bool) -> None:
        """Word it for filters that match nothing, or for a database without groups."""
        if filtered:
            self.title.setText(self.tr("No groups match these filters"))
            self.text.setText(self.tr("Change the filters above, or press Reset to see "
                                      "every group."))
        else:
            self.title.setText(self.tr("No customer groups yet"))
            self.text.setText(self.tr(
                "Groups gather customers for pricing, reporting and inventory reservation. "
                "Start with Add New. If the customer list is still empty, import it from your "
                "ERP's spreadsheet first — or, to try the app out, load sample customers and "
                "groups into this empty database."))
        # A wrapped label inside a centring layout is not asked for its height: give it.
        self.text.setFixedHeight(self.text.heightForWidth(self.text.width()))
        for button in (self.add_button, self.import_button, self.sample_button):
            button.setVisible(not filtered)
        self.reset_button.setVisible(filtered)
