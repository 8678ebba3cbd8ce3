"""How a control's value is written into the page link and read back from it.

Pure Python: no Streamlit here, so every rule about what a link may hold is tested on its own.
A spec's ``parse`` either returns a valid value or raises ``ValueError`` with a sentence a
learner can read ("it is not a number", "it is outside 0 to 400"). The sentence never repeats the
link's own text: the notice quotes that once, inertly (``playground.quote``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off")


def format_number(value: float) -> str:
    """Shortest exact-enough text for a number in a link: ``180`` not ``180.0``."""
    value = float(value)
    return str(int(value)) if value.is_integer() else f"{value:.10g}"


# What a link may write as a number: the digits 0 to 9, a sign, a point, an exponent; nothing else.
# Python's float() also reads "１２", "٣", "1_0" and " 12 ", which a link a person typed or copied
# should not carry silently (they look like other numbers, or like none).
NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_NOT_FINITE = frozenset({"nan", "inf", "infinity"})


def _finite(raw: str) -> float:
    if raw.lower().lstrip("+-") in _NOT_FINITE:
        raise ValueError("it is not a finite number")
    try:
        value = float(raw)
    except ValueError:
        raise ValueError("it is not a number") from None
    if not NUMBER.fullmatch(raw):
        raise ValueError("it is not a number written with the digits 0 to 9")
    if not math.isfinite(value):
        raise ValueError("it is not a finite number")
    return value


def changed(spec: Spec, raw: Sequence[str], value: Any) -> bool:
    """Whether a number the link gave was moved to ``value``, the nearest the control can take
    (off its grid of steps, or between its options): the learner is told, not surprised."""
    if not raw or not isinstance(spec, Range | Choice) or (isinstance(spec, Choice) and not spec.numeric):
        return False
    try:
        return _finite(raw[-1]) != value
    except ValueError:
        return False


class _Spec:
    """What every spec shares; ``default`` is declared by each."""

    default: Any

    def same(self, a: Any, b: Any) -> bool:
        return a == b

    def widget_value(self, value: Any) -> Any:
        """The value in the form the Streamlit widget keeps in session state."""
        return value


@dataclass(frozen=True)
class Range(_Spec):
    """A number between ``low`` and ``high`` on a grid of ``step``; whole numbers if all are ints."""

    low: float
    high: float
    step: float
    default: float

    def __post_init__(self) -> None:
        if not (self.low <= self.default <= self.high and self.step > 0):
            raise ValueError(f"bad range spec: {self}")

    @property
    def whole(self) -> bool:
        return all(isinstance(v, int) for v in (self.low, self.high, self.step, self.default))

    def snap(self, value: float) -> float | int:
        snapped = self.low + round((value - self.low) / self.step) * self.step
        snapped = min(max(snapped, self.low), self.high)
        return round(snapped) if self.whole else round(float(snapped), 12)

    def parse(self, raw: str) -> float | int:
        value = _finite(raw)
        if not self.low <= value <= self.high:
            raise ValueError(f"it is outside {format_number(self.low)} to {format_number(self.high)}")
        return self.snap(value)

    def valid(self, value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        return math.isfinite(value) and self.low <= value <= self.high and (not self.whole or isinstance(value, int))

    def to_text(self, value: float) -> str:
        return format_number(value)


@dataclass(frozen=True)
class Choice(_Spec):
    """One of a fixed list of options. Numeric options snap to the nearest one in log space."""

    options: tuple[Any, ...]
    default: Any

    def __post_init__(self) -> None:
        if not self.options or self.default not in self.options:
            raise ValueError(f"bad choice spec: default {self.default!r} not in {self.options}")

    @property
    def numeric(self) -> bool:
        return all(isinstance(o, int | float) and not isinstance(o, bool) for o in self.options)

    def parse(self, raw: str) -> Any:
        if not self.numeric:
            if raw in self.options:
                return raw
            raise ValueError(f"it is not one of {', '.join(map(str, self.options))}")
        value = _finite(raw)
        if value in self.options:  # exact, including a 0 ("off") among log-spaced options
            return self.options[self.options.index(value)]
        low, high = min(self.options), max(self.options)
        if not low <= value <= high or value <= 0:
            raise ValueError(f"it is outside {format_number(low)} to {format_number(high)}")
        positive = [o for o in self.options if o > 0]
        return min(positive, key=lambda o: abs(math.log(o) - math.log(value)))

    def valid(self, value: Any) -> bool:
        return value in self.options

    def to_text(self, value: Any) -> str:
        return format_number(value) if self.numeric else str(value)


@dataclass(frozen=True)
class Switch(_Spec):
    """On or off; the link says 1 or 0."""

    default: bool

    def parse(self, raw: str) -> bool:
        word = raw.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ValueError("it is not on or off (use 1 or 0)")

    def valid(self, value: Any) -> bool:
        return isinstance(value, bool)

    def to_text(self, value: bool) -> str:
        return "1" if value else "0"


@dataclass(frozen=True)
class Choices(_Spec):
    """Any subset of a fixed list of named options; the link says ``a,b`` or ``none``."""

    options: tuple[str, ...]
    default: tuple[str, ...]

    def __post_init__(self) -> None:
        if not set(self.default) <= set(self.options):
            raise ValueError(f"bad choices spec: default {self.default} not within {self.options}")

    def parse(self, raw: str) -> list[str]:
        if raw == "none":
            return []
        picked = raw.split(",")
        unknown = [p for p in picked if p not in self.options]
        if unknown:
            raise ValueError(f"it lists something other than {', '.join(self.options)}")
        return [o for o in self.options if o in picked]

    def valid(self, value: Any) -> bool:
        return isinstance(value, list) and set(value) <= set(self.options)

    def to_text(self, value: Sequence[str]) -> str:
        return ",".join(value) if value else "none"

    def same(self, a: Sequence[str], b: Sequence[str]) -> bool:
        return set(a) == set(b)

    def widget_value(self, value: Sequence[str]) -> list[str]:
        return list(value)


@dataclass(frozen=True)
class Text(_Spec):
    """Free text up to ``max_length`` characters, such as a search."""

    default: str
    max_length: int = 60

    def parse(self, raw: str) -> str:
        text = raw.strip()
        if len(text) > self.max_length:
            raise ValueError(f"it is longer than {self.max_length} characters")
        return text

    def valid(self, value: Any) -> bool:
        return isinstance(value, str) and len(value) <= self.max_length

    def to_text(self, value: str) -> str:
        return value


Spec = Range | Choice | Switch | Choices | Text


def read(spec: Spec, raw: Sequence[str]) -> tuple[Any, str | None]:
    """The value a link asks for, or the default and the reason the link's value was ignored.

    ``raw`` is every value the link gives for this name; the last one wins, as in a browser.
    """
    if not raw:
        return spec.default, None
    try:
        return spec.parse(raw[-1]), None
    except ValueError as reason:
        return spec.default, str(reason)
