"""Working beside other clerks: a login that may only read, and others' changes arriving.

A reader's window keeps every way to look (filters, history, compare, export) and shows the
ways to change disabled, each saying why. Others' changes refresh the list quietly, only when
it does not already show them (a window's own saves are on screen before the news arrives).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QWidget

from custgroups.core.groups import Group
from custgroups.qt.live import LiveUpdates
from custgroups.qt.tasks import Lane
from custgroups.qt.words import tr
from custgroups.ui import style


def read_only_reason(who: str) -> str:
    """Why nothing can be changed, in one sentence."""
    return tr("Your database login ({who}) may look at groups and export them, but not "
              "change them. Ask your administrator for editing rights.").format(who=who)


def lock(reason: str, actions: Iterable[QAction], widgets: Iterable[QWidget]) -> None:
    """Disable ways to change for good, each saying why."""
    for action in actions:
        action.setEnabled(False)
        action.setToolTip(reason)
        action.setStatusTip(reason)
    for widget in widgets:
        widget.setEnabled(False)
        widget.setToolTip(reason)


def read_only_badge(reason: str, parent: QWidget) -> QLabel:
    """The status bar's lasting "Read only", saying why when pointed at."""
    label = QLabel(tr("Read only"), parent)
    label.setObjectName("readOnlyBadge")
    label.setToolTip(reason)
    label.setAccessibleDescription(reason)
    style.badge(label)
    return label


def is_news(changed: dict[int, int] | None, shown: Sequence[Group]) -> bool:
    """True when a change report holds something the shown rows do not: a group that is not
    on the page (it may join it, or move the others), or one at another version."""
    if changed is None:
        return True
    versions = {group.id: group.version for group in shown}
    return any(versions.get(group_id) != version for group_id, version in changed.items())


class ListWatch(QObject):
    """Keeps a list of groups current: others' changes that it does not show yet refresh it.

    News that arrives while the window's own lanes are at work waits for them: a window's own
    change arrives as news too, usually while the window is still fetching it.
    """

    def __init__(self, url: str, shown: Callable[[], Sequence[Group]],
                 refresh: Callable[[], None], lanes: Sequence[Lane], tell: Callable[[str], None],
                 parent: QObject) -> None:
        """``tell`` shows the clerk why live updates stopped, should they."""
        super().__init__(parent)
        self._shown = shown
        self._refresh = refresh
        self._lanes = lanes
        self._held: dict[int, int] | None = {}
        for lane in lanes:
            lane.idle.connect(self._on_lane_idle)
        self.live = LiveUpdates(url, self)
        self.live.changed.connect(self._on_changed)
        self._tell = tell
        self._stopped = False  # live updates failed; the clerk is told once the list is shown
        self.live.failed.connect(self._on_failed)
        self.live.start()

    @Slot(object)
    def _on_changed(self, changed: dict[int, int] | None) -> None:
        if self._held is not None:
            self._held = None if changed is None else self._held | changed
        if not any(lane.busy for lane in self._lanes):
            self._on_lane_idle()

    @Slot()
    def _on_failed(self) -> None:
        self._stopped = True
        self._on_lane_idle()

    @Slot()
    def _on_lane_idle(self) -> None:
        if any(lane.busy for lane in self._lanes):
            return
        if self._stopped:
            self._stopped = False
            self._tell(tr("Other clerks' changes no longer appear by themselves (the details "
                          "are in the log): press F5 to see the list as it is now."))
        if self._held == {}:
            return
        held, self._held = self._held, {}
        if is_news(held, self._shown()):
            self._refresh()

    def stop(self) -> None:
        """Stop watching (the window is closing)."""
        self.live.stop()
