"""A spin box for amounts such as minutes or tablets: "20", "22.5", never "20.00".

Its range is deliberately wider than the rule it feeds: a QSpinBox capped at 720 turns a
typed "900" silently into "90"; this one takes 900 and the form's validation says why
that is too long (core.validation holds the limits).
"""

from PySide6.QtWidgets import QDoubleSpinBox, QWidget


def plain_number(value: float) -> str:
    """The shortest text that reads back as the same number: 2.345, 22.5, 20."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


class NumberBox(QDoubleSpinBox):
    def __init__(
        self,
        *,
        maximum: float,
        decimals: int = 2,
        step: float = 1,
        suffix: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setDecimals(decimals)
        self.setRange(0, maximum)
        self.setSingleStep(step)
        self.setSuffix(suffix)

    def textFromValue(self, value: float) -> str:
        return f"{value:.{self.decimals()}f}".rstrip("0").rstrip(".")
