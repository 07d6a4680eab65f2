"""Small makers the widgets share, typed where Qt's constructor keywords are not."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableView,
    QWidget,
)

from custgroups.ui.cut_text import CutTextTips

Named = TypeVar("Named", bound=QObject)


def named(thing: Named, name: str) -> Named:
    """``thing`` with its object name: the name tests and accessibility tools find it by."""
    thing.setObjectName(name)
    return thing


def shortcut(keys: QKeySequence | QKeySequence.StandardKey, parent: QWidget,
             slot: Callable[[], object],
             context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QShortcut:
    """A shortcut on ``parent`` that calls ``slot``, alive as long as ``parent`` is."""
    made = QShortcut(keys, parent)
    made.setContext(context)
    made.activated.connect(slot)
    return made


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Size a window as wished, but never larger than nine tenths of the screen it opens on
    (a small screen, or one scaled to 150 %, keeps its buttons in view)."""
    screen = (window.parentWidget() or window).screen()
    room = screen.availableGeometry() if screen is not None else None
    if room is not None:
        width, height = min(width, room.width() * 9 // 10), min(height, room.height() * 9 // 10)
    window.resize(width, height)


def split(parent: QWidget, orientation: Qt.Orientation, *panes: tuple[QWidget, int]
          ) -> QSplitter:
    """A splitter of ``panes``, each with the share of room it takes as the window grows."""
    splitter = QSplitter(orientation, parent)
    for index, (pane, stretch) in enumerate(panes):
        splitter.addWidget(pane)
        splitter.setStretchFactor(index, stretch)
    return splitter


def tab_order(*widgets: QWidget) -> None:
    """Tab moves through ``widgets`` in this order."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


def focus_chain(container: QWidget) -> list[QWidget]:
    """The widgets inside ``container`` that Tab reaches, in their present order."""
    found: list[QWidget] = []
    widget = container.nextInFocusChain()
    while widget is not None and widget is not container:
        if container.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def read_only_table(parent: QWidget, name: str, model: QAbstractItemModel,
                    accessible: str = "", *, several: bool = False,
                    cells: bool = False) -> QTableView:
    """A table that shows rows and changes nothing by itself: whole rows selected (or single
    ``cells``), one at a time unless ``several``; Tab leaves it while the arrows move inside;
    text cut short shows whole in a tooltip; rows keep one height, so a reset over 50,000
    rows measures nothing."""
    table = named(QTableView(parent), name)
    if accessible:
        table.setAccessibleName(accessible)
    table.setTabKeyNavigation(False)
    table.setItemDelegate(CutTextTips(table))
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems if cells
                               else QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if several
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    return table


#: A moment as wide as any the tables show (two-digit month, day and hour), stored as UTC.
WIDEST_MOMENT = datetime(2026, 12, 28, 22, 58)


def fit_columns(table: QTableView, widest: Mapping[int, str]) -> None:
    """Size each column of ``widest`` by the font in use, to show that text (or its heading,
    if wider) whole; rows get the font's height. A larger font or another language's words
    get the room they need."""
    metrics = table.fontMetrics()
    heading = table.horizontalHeader().fontMetrics()
    model = table.model()
    for column, text in widest.items():  # room for the cell's margins; the heading's arrow
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        table.horizontalHeader().resizeSection(column, max(
            metrics.horizontalAdvance(text) + metrics.height(),
            max((heading.horizontalAdvance(line) for line in title.split("\n")), default=0)
            + 2 * heading.height()))
    table.verticalHeader().setDefaultSectionSize(metrics.height() + metrics.height() // 2 + 4)
