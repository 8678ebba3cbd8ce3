"""How numbers read on the page: every count, amount of money and stretch of time, formatted one way.

Pages, captions and charts format numbers only through these, so the same number reads the same
everywhere. Each name says what it produces:

- ``count``: 1,250 · 1.5 million (short: 1.25k, 1.5M)
- ``dollars``: whole dollars, $45,125 (signed: +$3, -$40)
- ``dollars_short``: headline amounts, $950 · $63k · $1.6M
- ``dollars_cents``: prices that may be tiny, $12.50 · $0.000033
- ``bill``: what a job costs as people say it, under a cent · $0.35 · $1,250.00
- ``duration``: under a second · 40 seconds · 3.5 hours
- ``short_time``: a fast computation, 0.25 ms · 12 ms · 1.5 s (under 0.01 ms below that)
- ``plural``: 1 bias · 3 biases
- ``decimal``: a small setting written out, 0.00003 (never 3e-05)
- ``significant``: four significant figures in plain decimals, -48.79 · +0.004189 · 0.0004189
- ``amount``: a number of any size in a learner's own units, $1,250 · 12.5% · 0.0421 · 3.2e-09
- ``power_of_ten``: a log axis's tick, 10⁻⁶ · 0.001 · 1 · 100 · 10k · 1M
"""

from __future__ import annotations

import math


def count(n: float, *, short: bool = False) -> str:
    """Counts as people say them: 35, 1,250, 1.5 million, 175 billion (short: 1.25k, 1.5M, 175B)."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if n >= size:
            return f"{n / size:.3g}{word[0].upper()}" if short else f"{n / size:.3g} {word}"
    if short and n >= 1e3:
        return f"{n / 1e3:.3g}k"
    return f"{n:,.0f}"


def dollars_short(dollars_: float) -> str:
    """Short dollar amounts for headline numbers: $950, $63k, $1.6M, $1.6B."""
    sign, size = ("-" if dollars_ < 0 else ""), abs(dollars_)
    for step, unit in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if size >= step:
            return f"{sign}${size / step:.3g}{unit}"
    return f"{sign}${size:,.0f}"


def dollars_cents(dollars_: float) -> str:
    """A price that may be tiny: $12.50, $0.35, $0.000033 (two significant digits below a cent)."""
    if 0 < abs(dollars_) < 0.01:
        return f"${dollars_:.{1 - math.floor(math.log10(abs(dollars_)))}f}"
    return f"${dollars_:,.2f}"


def bill(dollars_: float) -> str:
    """What a job costs, said the way its time is ("under a second"): under a cent, $0.35, $1,250.00."""
    return "under a cent" if abs(dollars_) < 0.01 else dollars_cents(dollars_)


def duration(seconds: float) -> str:
    """A stretch of time as people say it: under a second, 40 seconds, 12 minutes, 3.5 hours, 2.1 days."""
    if seconds < 1:
        return "under a second"
    size, unit = next(
        (s, u) for s, u in ((86_400, "day"), (3_600, "hour"), (60, "minute"), (1, "second")) if seconds >= s
    )
    value = seconds / size
    text = f"{value:,.0f}" if value >= 10 else f"{value:.2g}"
    return f"{text} {unit}" if text == "1" else f"{text} {unit}s"


def short_time(seconds: float) -> str:
    """A computation's time, in milliseconds under a second: 0.25 ms, 12 ms, 1.5 s; tinier is "under 0.01 ms"."""
    if seconds < 1e-5:
        return "under 0.01 ms"
    if seconds < 0.01:
        return f"{seconds * 1e3:.2g} ms"
    if seconds < 0.9995:  # whole milliseconds: .2g would write 730 ms as 7.3e+02
        return f"{seconds * 1e3:.0f} ms"
    return duration(seconds)


def decimal(value: float) -> str:
    """A number in plain decimals, however small: 0.00003, 0.01, 1 (never 3e-05)."""
    text = f"{value:.12f}".rstrip("0").rstrip(".")
    return text or "0"


def significant(value: float, digits: int = 4, *, signed: bool = False) -> str:
    """``value`` to ``digits`` significant figures, written out however small: 0.0004189, never 4.189e-04."""
    if value == 0:
        return "0"  # no sign: a change of nothing (and -0) has no way to go
    if not math.isfinite(value):
        return f"{value:{'+' if signed else ''}g}"
    places = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    return f"{value:{'+' if signed else ''},.{places}f}"


def graph_number(value: float, *, signed: bool = True) -> str:
    """A value or gradient on Backpropagation's graph: three decimals, fewer from 10 and from 100 up,
    so a box or an edge's label stays narrow at the controls' extremes (-135.3, not -135.349). Under
    0.0005 one significant digit, as many decimals as that takes (-0.0002: "-0.000" read as a negative
    zero, where a saturated sigmoid lets a trickle of blame through); under a millionth, 0.000."""
    size, sign = abs(value), "+" if signed else ""
    if size < 5e-7:
        return "0.000"
    if size < 5e-4:
        return f"{value:{sign}.{-math.floor(math.log10(size))}f}"
    return f"{value:{sign}.{3 if size < 10 else 2 if size < 100 else 1}f}"


def power_of_ten(exponent: int) -> str:
    """Ten to a whole power, short enough for a tick: 10⁻⁶, 0.001, 1, 100, 10k, 1M."""
    if exponent < -4:
        return "10" + str(exponent).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return count(10**exponent, short=True) if exponent >= 0 else decimal(10.0**exponent)


def sure(probability: float) -> str:
    """How sure a model is, to a tenth of a percent, never rounded to a certainty it does not have:
    "over 99.9%" rather than "100.0%", "under 0.1%" rather than "0.0%"."""
    if probability >= 0.9995:
        return "over 99.9%"
    if probability < 0.0005:
        return "under 0.1%"
    return f"{probability:.1%}"


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and the word, plural unless ``n`` is 1: 1 bias, 3 biases (``many`` for irregular plurals)."""
    return f"{n:,} {word if n == 1 else many or word + 's'}"


def dollars(value: float, *, signed: bool = False) -> str:
    """Whole dollars with thousands separators: $45,125; signed: +$3 or -$40 (and $0: no way to go)."""
    text = f"${abs(value):,.0f}"
    if round(value) == 0:
        return text
    if value < 0:
        return f"-{text}"
    return f"+{text}" if signed else text


def amount(value: float, prefix: str = "", suffix: str = "", *, signed: bool = False) -> str:
    """A number in a learner's own units, whatever its size: $1,250 · 12.5% · 0.0421 · 3.2e-09 kg.

    Four significant digits below 1,000; whole numbers with separators up to a trillion; powers
    of ten beyond either end, where separators or zeros would run off the page.
    """
    size = abs(value)
    if not math.isfinite(value):
        return "not a number" if math.isnan(value) else ("-" if value < 0 else "") + "infinity"
    if size == 0:
        body = "0"
    elif size >= 1e12 or size < 1e-3:
        mantissa, exponent = f"{size:.2e}".split("e")
        body = f"{float(mantissa):g}e{int(exponent)}"
    elif size >= 999.95:
        body = f"{size:,.0f}"
    else:
        body = f"{size:.4g}"
    sign = "" if body == "0" else "-" if value < 0 else "+" if signed else ""
    return f"{sign}{prefix}{body}{suffix}"
