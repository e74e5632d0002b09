"""A combo box over an enum, optionally with a "not recorded" first item.

The enum members are kept in a Python list rather than as item data: Qt would hand
a StrEnum back as a plain str.
"""

from enum import StrEnum
from typing import Generic, TypeVar

from PySide6.QtWidgets import QComboBox, QWidget

E = TypeVar("E", bound=StrEnum)

NOT_RECORDED = "not recorded"


def readable(value: StrEnum) -> str:
    return value.value.replace("_", " ").capitalize()


class ChoiceCombo(QComboBox, Generic[E]):
    def __init__(
        self,
        choices: list[E],
        *,
        optional: bool = False,
        labels: dict[E, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._choices: list[E | None] = [None] if optional else []
        if optional:
            self.addItem(NOT_RECORDED)
        for choice in choices:
            self._choices.append(choice)
            self.addItem((labels or {}).get(choice, readable(choice)))

    def value(self) -> E | None:
        index = self.currentIndex()
        return self._choices[index] if 0 <= index < len(self._choices) else None

    def setValue(self, value: E | None) -> None:
        self.setCurrentIndex(self._choices.index(value) if value in self._choices else 0)
