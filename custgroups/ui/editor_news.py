"""The group editor when another clerk saves the same group while it is open: a line above
Save says who and when, before the clerk presses Save, and Review shows their version."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from custgroups.core.groups import Group, get_group
from custgroups.core.members import Member
from custgroups.qt import live
from custgroups.qt.tasks import Lane
from custgroups.qt.words import time_of_day
from custgroups.ui import style
from custgroups.ui.members_panel import read_members
from custgroups.ui.widgets import named

if TYPE_CHECKING:
    from custgroups.core.groups import GroupChange

    _Dialog = QDialog
else:
    _Dialog = object


class NewsOfOthers(_Dialog):
    """Part of :class:`~custgroups.ui.group_form.GroupDialog`: others' saves of the group it
    shows. Only the type checker sees it as a dialog."""

    _lane: Lane
    _group: Group | None
    _saving: bool

    if TYPE_CHECKING:  # the editor's own, which these methods call
        def has_changes(self) -> bool: ...
        def change(self) -> GroupChange: ...
        def _show_group(self, group: Group | None,
                        members: list[Member] | None = None) -> None: ...
        def _review_theirs(self, base: Group, mine: GroupChange) -> None: ...

    def _news_banner(self) -> QWidget:
        """The line that tells of another clerk's save (hidden until there is one); starts
        listening for such saves."""
        self.news = named(QWidget(self), "newsBanner")
        row = QHBoxLayout(self.news)
        row.setContentsMargins(0, 0, 0, 0)
        self.news_label = named(QLabel(self.news), "newsLabel")
        self.news_label.setWordWrap(True)
        style.notice(self.news_label)
        self.review_button = named(QPushButton(self.tr("&Review"), self.news), "reviewButton")
        self.review_button.setAutoDefault(False)
        self.review_button.setToolTip(self.tr("See what they changed, and keep yours on top"))
        self.review_button.clicked.connect(self._on_review_clicked)
        row.addWidget(self.news_label, 1)
        row.addWidget(self.review_button, 0, Qt.AlignmentFlag.AlignTop)
        self.news.hide()
        watching = live.current()
        if watching is not None:
            watching.changed.connect(self._on_others_changed)
        return self.news

    def _on_others_changed(self, changed: dict[int, int] | None) -> None:
        group = self._group
        if group is None or self._saving:
            return  # a save under way meets any conflict itself
        if changed is not None and changed.get(group.id, group.version) == group.version:
            return
        self._lane.submit(lambda _p: get_group(group.id), succeeded=self._on_theirs_seen)

    def _on_theirs_seen(self, theirs: Group) -> None:
        if self._group is None or theirs.version == self._group.version or self._saving:
            return
        self.news_label.setText(self.tr("Changed by {who} at {time} — review it before you "
                                        "save.").format(
            who=theirs.updated_by, time=time_of_day(theirs.updated_at)))
        self.news.show()

    def _on_review_clicked(self) -> None:
        base = self._group
        if base is None:
            return
        self.news.hide()
        if self.has_changes():
            self._review_theirs(base, self.change())
            return

        def read(_progress: object) -> tuple[Group, tuple[Member, ...]]:
            return get_group(base.id), read_members(base.id)

        self._lane.submit(read, succeeded=lambda theirs: self._show_group(theirs[0],
                                                                          list(theirs[1])))
