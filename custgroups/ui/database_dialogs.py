"""Choosing a database: Connect to Server (with a connection test), a password when a server
asks for one, and a database file to open."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from custgroups.core import passwords
from custgroups.core.errors import Sentence
from custgroups.qt.database_choice import (
    ServerAddress,
    from_url,
    needs_password,
    probe,
    sqlite_url,
    with_password,
)
from custgroups.qt.tasks import Lane
from custgroups.qt.words import said, tr
from custgroups.ui import style
from custgroups.ui.dialog_form import form_grid, grow_to_fit, labelled, no_keychain_note
from custgroups.ui.field_errors import FieldErrors
from custgroups.ui.widgets import named


@dataclass(frozen=True)
class ServerChoice:
    """What Connect to Server gives back: the password-free address and what to do with the
    password typed ("" for none: the server or a ``.pgpass`` file needs none)."""

    url: str
    password: str
    remember: bool


class ConnectDialog(QDialog):
    """Asks where the shared database is; Test connection tries it without closing."""

    #: A connection test ended and its sentence is shown: True when the server can be used.
    tested = Signal(bool)

    def __init__(self, parent: QWidget | None = None, suggested: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("ConnectDialog")
        self.setWindowTitle(self.tr("Connect to Server"))
        self._suggested = from_url(suggested) if suggested else None
        self._lane = Lane("connection-test", self, self._show_failure_text)
        self._changed_during_test = False
        self._testing = False
        self._init_fields()
        self._init_layout()
        self._show_address(self._suggested)

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: str = "") -> ServerChoice | None:
        """Show the dialog; the server chosen, or None if the clerk cancelled."""
        dialog = cls(parent, suggested)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        choice = dialog.choice() if accepted else None
        dialog.dispose()
        return choice

    def event(self, event: QEvent) -> bool:
        """Grow when a sentence or an error appears (its layout has just been redone)."""
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            grow_to_fit(self)
        return handled

    # --- building ---------------------------------------------------------------------

    def _init_fields(self) -> None:
        self.host_edit = labelled(QLineEdit(self), "serverHostEdit", self.tr("Server"))
        self.host_edit.setPlaceholderText(self.tr("Name or address, such as db.example.com"))
        self.port_spin = labelled(QSpinBox(self), "serverPortSpin", self.tr("Port"))
        self.port_spin.setRange(1, 65535)
        self.database_edit = labelled(QLineEdit(self), "serverDatabaseEdit",
                                       self.tr("Database"))
        self.user_edit = labelled(QLineEdit(self), "serverUserEdit", self.tr("User"))
        self.user_edit.setPlaceholderText(self.tr("Empty: your login name on this computer"))
        self.password_edit = labelled(QLineEdit(self), "serverPasswordEdit",
                                       self.tr("Password"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Empty if the server asks for none"))
        self.tls_combo = labelled(QComboBox(self), "serverTlsCombo", self.tr("Encryption"))
        for text, mode in ((self.tr("Prefer encryption"), "prefer"),
                           (self.tr("Require encryption"), "require"),
                           (self.tr("Require and verify the certificate"), "verify-full"),
                           (self.tr("No encryption"), "disable")):
            self.tls_combo.addItem(text, mode)
        self.remember_check = labelled(
            QCheckBox(self.tr("&Remember the password in the system keychain"), self),
            "rememberPasswordCheck", self.tr("Remember the password in the system keychain"))
        self.keychain_note = named(QLabel(no_keychain_note(), self), "keychainNote")
        self.keychain_note.setWordWrap(True)
        if not passwords.available():
            self.remember_check.setEnabled(False)
            self.remember_check.setToolTip(no_keychain_note())
        else:
            self.keychain_note.hide()
        self.test_button = labelled(QPushButton(self.tr("&Test Connection"), self),
                                     "testConnectionButton", self.tr("Test connection"))
        self.test_button.setAutoDefault(False)  # Enter in a field means Connect
        self.test_button.clicked.connect(self._on_test_button_clicked)
        self.busy = labelled(QProgressBar(self), "connectionBusy",
                              self.tr("Testing the connection"))
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.result_label = labelled(QLabel(self), "connectionResultLabel",
                                      self.tr("Connection test result"))
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.field_errors = FieldErrors(self, ("host", "port", "database"))
        self.field_errors.tie({"host": self.host_edit, "port": self.port_spin,
                               "database": self.database_edit})
        self.buttons = QDialogButtonBox(self)
        self.connect_button = labelled(self.buttons.addButton(
            self.tr("&Connect"), QDialogButtonBox.ButtonRole.AcceptRole), "connectButton",
            self.tr("Connect"))
        self.cancel_button = labelled(self.buttons.addButton(
            QDialogButtonBox.StandardButton.Cancel), "cancelButton", self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.host_edit, self.database_edit, self.user_edit, self.password_edit):
            edit.textEdited.connect(self._on_field_edited)
        self.port_spin.valueChanged.connect(self._on_field_edited)
        self.tls_combo.currentIndexChanged.connect(self._on_field_edited)

    def _init_layout(self) -> None:
        rows: list[tuple[QLabel | None, QWidget]] = []
        errors = self.field_errors.labels
        for text, field, error in (
                (self.tr("&Server"), self.host_edit, "host"),
                (self.tr("P&ort"), self.port_spin, "port"),
                (self.tr("&Database"), self.database_edit, "database"),
                (self.tr("&User"), self.user_edit, None),
                (self.tr("Pass&word"), self.password_edit, None),
                (self.tr("&Encryption"), self.tls_combo, None)):
            label = QLabel(text, self)
            label.setBuddy(field)
            rows.append((label, field))
            if error is not None:
                rows.append((None, errors[error]))
        rows += [(None, self.remember_check), (None, self.keychain_note)]
        layout = QVBoxLayout(self)
        layout.addLayout(form_grid(self, rows))
        layout.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.busy)
        layout.addWidget(self.result_label)
        layout.addWidget(errors["form"])
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        order = (self.host_edit, self.port_spin, self.database_edit, self.user_edit,
                 self.password_edit, self.tls_combo, self.remember_check, self.test_button,
                 self.connect_button, self.cancel_button)
        for before, after in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self.resize(480, self.sizeHint().height())

    def _show_address(self, address: ServerAddress | None) -> None:
        address = address or ServerAddress(host="", database="")
        self.host_edit.setText(address.host)
        self.port_spin.setValue(address.port)
        self.database_edit.setText(address.database)
        self.user_edit.setText(address.user)
        index = self.tls_combo.findData(address.sslmode)
        if index < 0:  # a setting the list does not offer, kept as the address has it
            self.tls_combo.addItem(address.sslmode, address.sslmode)
            index = self.tls_combo.count() - 1
        self.tls_combo.setCurrentIndex(index)
        for edit in (self.host_edit, self.database_edit, self.user_edit):
            edit.setCursorPosition(0)  # a long name shows its beginning
        first_empty = next((edit for edit in (self.host_edit, self.database_edit)
                            if not edit.text()), self.password_edit)
        first_empty.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the address --------------------------------------------------------------------

    def address(self) -> ServerAddress:
        """The server as the fields describe it now."""
        host, port = self.host_edit.text().strip(), self.port_spin.value()
        database = self.database_edit.text().strip()
        suggested = self._suggested
        # A schema comes only with the suggested server; it has no field of its own.
        same = suggested is not None and (suggested.host, suggested.port,
                                           suggested.database) == (host, port, database)
        return ServerAddress(host=host, database=database, user=self.user_edit.text().strip(),
                             port=port, sslmode=str(self.tls_combo.currentData()),
                             schema=suggested.schema if same and suggested else None)

    def choice(self) -> ServerChoice:
        """The address without password, and the password typed."""
        return ServerChoice(self.address().url(), self.password_edit.text(),
                            self.remember_check.isEnabled() and self.remember_check.isChecked())

    def _checked(self) -> ServerAddress | None:
        """The address, or None after showing beside each field what is missing."""
        address = self.address()
        problems = address.problems()
        self.field_errors.show(problems)
        if problems:
            field = {"host": self.host_edit, "port": self.port_spin,
                     "database": self.database_edit}.get(problems[0].field, self.host_edit)
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        return address

    def accept(self) -> None:
        """Close with the address only when it is complete."""
        if self._checked() is not None:
            super().accept()

    def dispose(self) -> None:
        """Delete the dialog once no connection test is running any more."""
        if self._lane.busy:
            self._lane.idle.connect(self.deleteLater)
        else:
            self.deleteLater()

    # --- testing ------------------------------------------------------------------------

    @Slot()
    def _on_field_edited(self) -> None:
        if self._testing:
            self._changed_during_test = True
        else:
            self.result_label.clear()
        shown = [name for name in ("host", "port", "database")
                 if self.field_errors.labels[name].isVisible()]
        if shown:
            self.field_errors.follow(self.address().problems(), shown)

    @Slot()
    def _on_test_button_clicked(self) -> None:
        address = self._checked()
        if address is None or self._testing:
            return
        password = self.password_edit.text()
        target = with_password(address.url(), password) if password else address.url()
        self._changed_during_test = False
        self._testing = True  # until its answer is shown (the lane is busy a moment longer)
        self.test_button.setEnabled(False)
        self.busy.show()
        self._show_result(self.tr("Testing the connection to {server}…").format(
            server=said(address.description)), failed=False)
        self._lane.submit(lambda _progress: probe(target), succeeded=self._on_probe_succeeded,
                          failed=self._on_probe_failed)

    @Slot(object)
    def _on_probe_succeeded(self, sentence: Sentence) -> None:
        self._end_test(said(sentence), failed=False)

    @Slot(object)
    def _on_probe_failed(self, exc: BaseException) -> None:
        message = said(exc)
        if needs_password(exc) and not self.password_edit.text():
            message += " " + self.tr("This server needs a password: type it in Password.")
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._end_test(message, failed=True)

    def _show_failure_text(self, message: str) -> None:
        self._end_test(message, failed=True)

    def _end_test(self, message: str, failed: bool) -> None:
        self._testing = False
        self.busy.hide()
        self.test_button.setEnabled(True)
        if self._changed_during_test:
            message, failed = self.tr("The address was changed during the test: test it "
                                      "again."), False
        self._show_result(message, failed)
        self.tested.emit(not failed)

    def _show_result(self, message: str, failed: bool) -> None:
        self.result_label.setText(message)
        style.error_text(self.result_label, failed)


def choose_database_file(parent: QWidget | None, folder: str = "") -> str | None:
    """File → Open Database…: an existing database file, as a ``sqlite:///`` address."""
    path, _filter = QFileDialog.getOpenFileName(
        parent, tr("Open Database"), folder,
        tr("custgroups databases (*.db *.sqlite *.sqlite3);;All files (*)"))
    return sqlite_url(path) if path else None
