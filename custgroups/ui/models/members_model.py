"""A group's members in the editor, with additions and removals pending until Save."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from enum import IntEnum, StrEnum
from operator import attrgetter
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont

from custgroups.core.customers import CustomerRow
from custgroups.core.members import Member, matching
from custgroups.core.ways import BY_HAND, Way
from custgroups.qt.words import moment
from custgroups.ui import style
from custgroups.ui.models.pending_steps import PendingSteps
from custgroups.ui.models.table_model import Index, RowsTableModel

#: The pending changes as undo keeps them: added, expected, removed, and how each came.
_Pending = tuple[tuple[int, ...], frozenset[int], frozenset[int], tuple[tuple[int, Way], ...]]


class MemberState(StrEnum):
    """Which members the table shows, besides the text filter."""

    ALL = "all"
    ACTIVE = "active"  # active customers
    INACTIVE = "inactive"  # inactive customers
    PENDING = "pending"  # added or to be removed, not saved yet


class MemberColumn(IntEnum):
    """The members table's columns."""

    CODE = 0
    NAME = 1
    CITY = 2
    STATUS = 3
    CHANGE = 4
    SINCE = 5  # when the customer last joined the group
    ADDED_BY = 6


class MembersModel(RowsTableModel[CustomerRow]):
    """Members as saved, plus pending additions (marked "new") and removals (struck through).

    What Save writes is held as ids, so it is complete the moment the clerk asks: customers
    chosen in the picker or the paste box count as additions at once, while their rows are
    still being fetched for display. The quick filter shows the members whose keys hold a
    term; scanning the saved members for it is left to the caller (on a worker), see
    :meth:`saved_members` and :meth:`show_matching`.
    """

    changed = Signal()
    sort_asked = Signal(int, bool)  # the column clicked, and whether descending

    def __init__(self, parent: Any = None) -> None:
        super().__init__([self.tr("Code"), self.tr("Name"), self.tr("City"), self.tr("Status"),
                          self.tr("Change"), self.tr("Member since"), self.tr("Added by")],
                         parent)
        self._since: dict[int, tuple[datetime, str]] = {}
        self._saved: tuple[Member, ...] = ()
        self._saved_ids: frozenset[int] = frozenset()
        self._saved_inactive: tuple[int, ...] = ()
        self._added: dict[int, Member] = {}
        self._incoming: set[int] = set()
        self._removed: set[int] = set()
        self._ways: dict[int, Way] = {}  # how each pending change came about
        self._known: dict[int, Member] = {}  # every customer whose row arrived
        self.steps: PendingSteps[_Pending] = PendingSteps(self._restore)
        self._key = ""
        self._state = MemberState.ALL
        self._saved_shown: Sequence[Member] = ()
        self._rows: list[CustomerRow] = []
        self._strike = QFont()
        self._strike.setStrikeOut(True)
        self._bold = QFont()
        self._bold.setBold(True)

    # --- state ---------------------------------------------------------------------------

    def load(self, members: Sequence[Member], rebase: bool = False) -> None:
        """The members as saved, in code order. Pending changes are dropped, or with
        ``rebase`` kept where they still change something (another clerk's version)."""
        self._saved = tuple(members)
        self._saved_ids = frozenset(m.row.id for m in self._saved)
        # Read once per load: the table's actions ask after every click.
        self._saved_inactive = tuple(m.row.id for m in self._saved if not m.row.active)
        if rebase:
            self._added = {i: m for i, m in self._added.items() if i not in self._saved_ids}
            self._incoming -= self._saved_ids
            self._removed &= self._saved_ids
        else:
            self._added.clear()
            self._incoming.clear()
            self._removed.clear()
            self._ways.clear()
            self._since = {}
            self.steps.clear()
        self._saved_shown = matching(self._saved, self._key)
        self._show()

    # --- undo and redo -----------------------------------------------------------------

    def _pending_now(self) -> _Pending:
        return (tuple(sorted(self._added)), frozenset(self._incoming), frozenset(self._removed),
                tuple(sorted(self._ways.items(), key=lambda item: item[0])))

    def _record(self, before: _Pending) -> None:
        if before[:3] != self._pending_now()[:3]:  # the members changed, not only a way
            self.steps.record(before)

    def _restore(self, state: _Pending) -> None:
        # Against the members as saved now: another clerk's version may hold some of them.
        added, incoming, removed, ways = state
        adding = (set(added) | set(incoming)) - self._saved_ids
        self._added = {cid: self._known[cid] for cid in adding if cid in self._known}
        self._incoming = {cid for cid in adding if cid not in self._known}  # on their way
        self._removed = set(removed) & self._saved_ids
        self._ways = dict(ways)
        self._show()

    def undo_step(self) -> bool:
        """Undo the last change to the pending members (Ctrl+Z); False if there is none."""
        return self.steps.undo(self._pending_now())

    def redo_step(self) -> bool:
        """Make the last change undone again (Ctrl+Shift+Z); False if there is none."""
        return self.steps.redo(self._pending_now())

    def order_by(self, ids: Sequence[int]) -> None:
        """Show the saved members in this order (read sorted from the database); members not
        in it keep their place after those that are."""
        place = {cid: n for n, cid in enumerate(ids)}
        last = len(place)
        self._saved = tuple(sorted(self._saved, key=lambda m: place.get(m.row.id, last)))
        self._saved_shown = matching(self._saved, self._key)
        self._show()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the sorting is the database's, asked for by whoever listens."""
        self.sort_asked.emit(column, order == Qt.SortOrder.DescendingOrder)

    def show_since(self, since: dict[int, tuple[datetime, str]]) -> None:
        """When each member joined the group and who added them (read after the members)."""
        self._since = since
        if self._rows:
            self.dataChanged.emit(self.index(0, MemberColumn.SINCE),
                                  self.index(len(self._rows) - 1, MemberColumn.ADDED_BY))

    @property
    def saved_count(self) -> int:
        """How many members the group has as saved."""
        return len(self._saved)

    def saved_members(self) -> tuple[Member, ...]:
        """The saved members (an immutable snapshot a worker may scan)."""
        return self._saved

    @property
    def added_ids(self) -> frozenset[int]:
        """Customers to add on Save, including those whose rows are still on their way."""
        return frozenset(self._added.keys() | self._incoming)

    @property
    def removed_ids(self) -> frozenset[int]:
        """Customers to remove on Save."""
        return frozenset(self._removed)

    def pending_ids(self) -> tuple[frozenset[int], frozenset[int]]:
        """The customers to add and to remove on Save."""
        return self.added_ids, self.removed_ids

    @property
    def pending(self) -> bool:
        """True when anything waits to be saved."""
        return bool(self._added or self._incoming or self._removed)

    @property
    def ways(self) -> dict[int, Way]:
        """How each pending addition and removal came about (the picker, a paste…)."""
        return {cid: self._ways.get(cid, BY_HAND)
                for cid in self._removed | self._added.keys() | self._incoming}

    def member_ids(self) -> set[int]:
        """Everyone who will be a member after Save."""
        return (set(self._saved_ids) - self._removed) | self._added.keys() | self._incoming

    def count_after_save(self) -> int:
        """How many members the group will have after Save."""
        return len(self._saved_ids) - len(self._removed) + len(self._added) + len(self._incoming)

    def expect(self, ids: Iterable[int], way: Way = BY_HAND) -> set[int]:
        """Count customers as added now (``way``: how they came), before their rows arrive;
        returns the ids that are new (a pending removal of a member is undone instead)."""
        before = self._pending_now()
        wanted: set[int] = set()
        undone = False
        for cid in ids:
            if cid in self._removed:
                self._removed.discard(cid)
                undone = True
            elif cid not in self._saved_ids and cid not in self._added:
                wanted.add(cid)
        self._incoming |= wanted
        self._ways.update(dict.fromkeys(wanted, way))
        self._record(before)
        if undone:
            self._marks_changed()
        elif wanted:
            self.changed.emit()
        return wanted

    @property
    def arriving(self) -> bool:
        """True while customers counted as added still wait for their rows."""
        return bool(self._incoming)

    def arrive(self, members: Sequence[Member]) -> None:
        """The rows of customers counted as added by :meth:`expect`, to show them."""
        new = [m for m in members if m.row.id in self._incoming]
        for member in new:
            self._incoming.discard(member.row.id)
            self._added[member.row.id] = member
        self._known.update((m.row.id, m) for m in members)
        if new:
            self._show()

    def forget(self, ids: Iterable[int]) -> None:
        """Drop expected additions whose rows could not be fetched."""
        self._incoming -= set(ids)
        self.changed.emit()

    def remove_rows(self, rows: Sequence[int]) -> None:
        """Remove members shown on these rows: saved ones are struck through, new ones go."""
        before = self._pending_now()
        dropped = False
        for customer in self._customers(rows):
            if customer.id in self._added:
                del self._added[customer.id]
                dropped = True
            elif customer.id in self._saved_ids:
                self._removed.add(customer.id)
                self._ways[customer.id] = BY_HAND
        self._record(before)
        self._after_rows_changed(dropped)

    def remove_ids(self, ids: Iterable[int], way: Way = BY_HAND) -> None:
        """Remove these customers (``way``: how the clerk asked): saved members are struck
        through, pending additions go."""
        before = self._pending_now()
        dropped = forgotten = False
        for cid in ids:
            if cid in self._added:
                del self._added[cid]
                dropped = True
            elif cid in self._incoming:
                self._incoming.discard(cid)
                forgotten = True
            elif cid in self._saved_ids:
                self._removed.add(cid)
                self._ways[cid] = way
        self._record(before)
        self._after_rows_changed(dropped or forgotten)

    def standing(self) -> tuple[list[CustomerRow], frozenset[int]]:
        """What a list is planned against: the saved members that stay (no removal pending)
        and the customers whose addition is pending."""
        removed = self._removed
        return [m.row for m in self._saved if m.row.id not in removed], self.added_ids

    def undo_rows(self, rows: Sequence[int]) -> None:
        """Undo the pending change on these rows: a new member goes, a removed one stays."""
        before = self._pending_now()
        dropped = False
        for customer in self._customers(rows):
            dropped = self._added.pop(customer.id, None) is not None or dropped
            self._removed.discard(customer.id)
        self._record(before)
        self._after_rows_changed(dropped)

    def change_at(self, row: int) -> str:
        """"added", "removed" or "" for the customer on a row."""
        customer = self.row_at(row)
        if customer is None:
            return ""
        if customer.id in self._added:
            return "added"
        return "removed" if customer.id in self._removed else ""

    @property
    def filter_key(self) -> str:
        """The folded term the rows shown are filtered by ("" for all)."""
        return self._key

    def show_matching(self, key: str, saved: tuple[Member, ...],
                      matches: Sequence[Member]) -> bool:
        """Show the rows for ``key``, given the saved members that match it (as scanned on a
        worker from ``saved``); False if the members were reloaded meanwhile."""
        if saved is not self._saved:
            return False
        self._key = key
        self._saved_shown = matches
        self._show()
        return True

    def _customers(self, rows: Sequence[int]) -> list[CustomerRow]:
        return [c for c in map(self.row_at, rows) if c is not None]

    def _after_rows_changed(self, dropped: bool) -> None:
        if dropped or self._state is MemberState.PENDING:  # rows left the list
            self._show()
        else:  # only marks changed: the rows, their order and the selection stay
            self._marks_changed()

    @property
    def state(self) -> MemberState:
        """Which members are shown, besides the text filter."""
        return self._state

    def show_state(self, state: MemberState) -> None:
        """Show only the members in this state (all, active, inactive, pending)."""
        self._state = state
        self._show()

    @property
    def narrowed(self) -> bool:
        """True when the rows shown are not all the members."""
        return bool(self._key) or self._state is not MemberState.ALL

    def inactive_ids(self) -> list[int]:
        """Saved members who are inactive customers and are not being removed already."""
        return [cid for cid in self._saved_inactive if cid not in self._removed]

    def _in_state(self, row: CustomerRow) -> bool:
        state = self._state
        if state is MemberState.ACTIVE:
            return row.active
        if state is MemberState.INACTIVE:
            return not row.active
        return row.id in self._added or row.id in self._removed  # PENDING

    def _show(self) -> None:
        # Additions first, by code; the folded key starts with the code.
        added = sorted(matching(list(self._added.values()), self._key), key=attrgetter("key"))
        rows = [m.row for m in added] + [m.row for m in self._saved_shown]
        if self._state is not MemberState.ALL:
            rows = [row for row in rows if self._in_state(row)]
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        self.changed.emit()

    def _marks_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, MemberColumn.CHANGE))
        self.changed.emit()

    def _joined(self, customer_id: int, column: MemberColumn, change: str) -> str:
        joined = None if change == "added" else self._since.get(customer_id)
        if joined is None:
            return ""
        if column == MemberColumn.ADDED_BY:
            return joined[1]
        return moment(joined[0], clock=False)  # the time is in the tooltip

    # --- Qt --------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        customer = self.item(index)
        if customer is None:
            return None
        column = MemberColumn(index.column())
        change = self.change_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == MemberColumn.CODE:
                return customer.code
            if column == MemberColumn.NAME:
                return customer.name
            if column == MemberColumn.CITY:
                return customer.city
            if column == MemberColumn.STATUS:
                return self.tr("Active") if customer.active else self.tr("Inactive")
            if column in (MemberColumn.SINCE, MemberColumn.ADDED_BY):
                return self._joined(customer.id, column, change)
            return {"added": self.tr("new"), "removed": self.tr("to remove")}.get(change, "")
        if role == Qt.ItemDataRole.ToolTipRole and column == MemberColumn.SINCE:
            joined = None if change == "added" else self._since.get(customer.id)
            return None if joined is None else self.tr("In the group since {when}, added by "
                                                       "{who}").format(
                when=moment(joined[0]), who=joined[1])
        if role == Qt.ItemDataRole.FontRole:
            return {"added": self._bold, "removed": self._strike}.get(change)
        if role == Qt.ItemDataRole.ForegroundRole and change:
            return style.color("added" if change == "added" else "removed")
        return None
