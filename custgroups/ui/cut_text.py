"""Text cut short in a table cell shows whole in a tooltip; text that fits needs none."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)


class CutTextTips(QStyledItemDelegate):
    """A table's delegate that shows a cell's whole text when the cell cuts it (unless the
    model has a tooltip of its own for the cell)."""

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,  # noqa: N802
                  option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        if (event.type() == QHelpEvent.Type.ToolTip and index.isValid()
                and index.data(Qt.ItemDataRole.ToolTipRole) is None):
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if isinstance(text, str) and text and self.is_cut(option, index, text):
                QToolTip.showText(event.globalPos(), text, view)
                return True
        return super().helpEvent(event, view, option, index)

    def is_cut(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
               text: str) -> bool:
        """True when the cell is too narrow for the whole of ``text``."""
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        style = shown.widget.style() if shown.widget is not None else None
        room = (style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, shown, shown.widget)
                if style is not None else shown.rect)
        return shown.fontMetrics.horizontalAdvance(text) > room.width()
