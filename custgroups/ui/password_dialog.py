"""The password of a server that asked for one: kept in the keychain if the clerk wants, and
for this run in any case."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from custgroups.core import passwords
from custgroups.qt.database_choice import display_name, from_url
from custgroups.qt.words import said
from custgroups.ui import style
from custgroups.ui.dialog_form import form_grid, grow_to_fit, labelled, no_keychain_note
from custgroups.ui.field_errors import FieldErrors
from custgroups.ui.widgets import named


class PasswordDialog(QDialog):
    """Asks the password of a server that refused to connect without one."""

    def __init__(self, url: str, parent: QWidget | None = None, problem: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("PasswordDialog")
        self.setWindowTitle(self.tr("Password Needed"))
        address = from_url(url)
        where = said(address.description) if address is not None else display_name(url)
        if address is not None and address.user:
            text = self.tr("The database server wants the password of {user} for "
                           "{database}.").format(user=address.user, database=where)
        else:
            text = self.tr("The database server wants a password for {database}.").format(
                database=where)
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        self.problem_label = named(QLabel(problem, self), "passwordProblem")
        self.problem_label.setWordWrap(True)
        style.error_text(self.problem_label)
        self.problem_label.setVisible(bool(problem))
        self.password_edit = labelled(QLineEdit(self), "passwordEdit", self.tr("Password"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_check = labelled(
            QCheckBox(self.tr("&Remember it in the system keychain"), self),
            "rememberPasswordCheck", self.tr("Remember the password in the system keychain"))
        if not passwords.available():
            self.remember_check.setEnabled(False)
            self.remember_check.setToolTip(no_keychain_note())
        self.field_errors = FieldErrors(self, ("password",))
        self.field_errors.tie({"password": self.password_edit})
        buttons = QDialogButtonBox(self)
        self.connect_button = labelled(buttons.addButton(
            self.tr("&Connect"), QDialogButtonBox.ButtonRole.AcceptRole), "connectButton",
            self.tr("Connect"))
        self.cancel_button = labelled(buttons.addButton(
            QDialogButtonBox.StandardButton.Cancel), "cancelButton", self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.password_edit.textEdited.connect(
            lambda text: self.field_errors.set("password", "") if text else None)
        label = QLabel(self.tr("Pass&word"), self)
        label.setBuddy(self.password_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.problem_label)
        layout.addLayout(form_grid(self, [(label, self.password_edit),
                                      (None, self.field_errors.labels["password"]),
                                      (None, self.remember_check)]))
        layout.addWidget(buttons)
        self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(420, self.sizeHint().height())

    def event(self, event: QEvent) -> bool:
        """Grow when an error appears (its layout has just been redone)."""
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            grow_to_fit(self)
        return handled

    @classmethod
    def ask(cls, parent: QWidget | None, url: str,
            problem: str = "") -> tuple[str, bool] | None:
        """Show the dialog; the password and whether to remember it, or None on Cancel."""
        dialog = cls(url, parent, problem)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        answer = (dialog.password_edit.text(), dialog.remember_check.isEnabled()
                  and dialog.remember_check.isChecked()) if accepted else None
        dialog.deleteLater()
        return answer

    def accept(self) -> None:
        """Close only with a password typed."""
        if not self.password_edit.text():
            self.field_errors.set("password", self.tr("Type the password, or choose Cancel."))
            self.password_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()


def ask_password(parent: QWidget | None, url: str, problem: str = "") -> str | None:
    """Ask the password for the server at ``url`` (``problem`` says why again); None on
    Cancel. It is kept in the keychain if the clerk asks, and for this run in any case."""
    answer = PasswordDialog.ask(parent, url, problem)
    if answer is None:
        return None
    password, remember = answer
    if remember:
        passwords.store(url, password)
    else:
        passwords.hold(url, password)
    return password
