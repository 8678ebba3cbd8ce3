"""The words a line's page uses, for the houses or for a learner's own two columns.

A page that can learn on uploaded data asks :func:`words` for its labels, amounts and captions,
so "dollars per square foot" becomes "Conversion rate per $1 of Price" without a second copy of
the page. Column names come from outside: every one is quoted as text (``playground.quote``),
never read as Markdown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from playground import format as fmt
from playground.models.dataset import Quantity
from playground.models.losses import NAMES
from playground.models.pricing import Priced
from playground.quote import quote

CHASED = 10.0  # dollars per sq ft: a line whose slope the mansions moved this much bends towards them


def _losses(kinds: list[str]) -> str:
    """Losses named in a sentence: "squared error", "absolute error and Huber"."""
    names = [NAMES[kind] if kind == "huber" else NAMES[kind].lower() for kind in kinds]  # Huber is a name
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _verb(kinds: list[str], one: str, several: str) -> str:
    return one if len(kinds) == 1 else several


@dataclass(frozen=True)
class Words:
    """How a page names its data; ``houses`` is the app's own, anything else a learner's table."""

    x: Quantity
    y: Quantity
    houses: bool

    @property
    def row(self) -> str:
        return "house" if self.houses else "row"

    @property
    def rows(self) -> str:
        return "houses" if self.houses else "rows"

    def y_amount(self, value: float, *, signed: bool = False) -> str:
        """An amount of the predicted column: a price, a miss, a bias."""
        if self.houses:
            return fmt.dollars(value, signed=signed)
        return fmt.amount(value, self.y.prefix, self.y.suffix, signed=signed)

    def loss_amount(self, value: float) -> str:
        """A mean squared error: a bare number, in the square of the predicted column's units."""
        return fmt.count(value) if self.houses else fmt.amount(value)

    @property
    def per_x(self) -> str:
        """What one step of the input is: "per sq ft", "per $1 of `Price`"."""
        if self.houses:
            return "per sq ft"
        one = f"{self.x.prefix}1{self.x.suffix}" if self.x.prefix or self.x.suffix else "1"
        return f"per {one} of {quote(self.x.name)}"

    def slope(self, value: float, *, signed: bool = False) -> str:
        """A weight with its unit: "$182 per sq ft", "-0.0869% per $1 of `Price`"."""
        return f"{self.y_amount(value, signed=signed)} {self.per_x}"

    def labelled(self, label: str) -> str:
        """A metric's label for a weight, with the unit :meth:`weight` leaves out on a learner's data
        (a metric's value has room for a number, not for a column's name)."""
        return label if self.houses else f"{label}, {self.per_x}"

    def weight(self, value: float, *, signed: bool = False) -> str:
        """A weight as a metric shows it: "$182 per sq ft" for the houses, the bare amount on a learner's data."""
        return self.slope(value, signed=signed) if self.houses else self.y_amount(value, signed=signed)

    @property
    def weight_label(self) -> str:
        if self.houses:
            return "Weight w: dollars per square foot"
        return f"Weight w: change in {quote(self.y.name)} {self.per_x}"

    @property
    def bias_label(self) -> str:
        if self.houses:
            return "Bias b: starting price"
        zero = f"{self.x.prefix}0{self.x.suffix}"
        return f"Bias b: {quote(self.y.name)} when {quote(self.x.name)} is {zero}"

    @property
    def loss_help(self) -> str:
        unit = "dollars squared" if self.houses else f"the square of {quote(self.y.name)}'s units"
        return (
            f"The average of the squared misses, in {unit}: a number training pushes down, hard to read "
            "as it stands. Its square root is the typical miss beside it."
        )

    def sampled(self, drawn: int, rows: int) -> str:
        """What a chart of a long table leaves out, or nothing when it draws every row."""
        if drawn >= rows:
            return ""
        return (
            f" Drawn: {drawn:,} of your {rows:,} {self.rows}, picked at random; the line, the loss and every "
            "number use all of them."
        )

    @property
    def misses_caption(self) -> str:
        return f"Each grey stroke is one {self.row}'s miss. The loss averages their squares, so long strokes dominate."

    @property
    def no_perfect_line(self) -> str:
        if self.houses:
            return (
                "No setting of two knobs makes every miss zero: houses of the same size sell for different "
                "prices. The best the line can do is make the misses as small as possible **on average**, "
                "and that best setting is exactly what training searches for."
            )
        return (
            "Unless your rows lie exactly on a straight line, no setting of two knobs makes every miss zero. "
            "The best the line can do is make the misses as small as possible **on average**, and that best "
            "setting is exactly what training searches for."
        )

    @property
    def dirty_label(self) -> str:
        if self.houses:
            return "Share of prices attached to the wrong house (%)"
        return f"Share of {quote(self.y.name)} values attached to the wrong row (%)"

    @property
    def dirty_intro(self) -> str:
        wrong = (
            "some prices were attached to the wrong houses"
            if self.houses
            else f"some {quote(self.y.name)} values were attached to the wrong rows"
        )
        return (
            f"Training moves the knobs towards whatever the data says. If {wrong}, the knobs faithfully "
            "learn that mistake."
        )

    def dirty_caption(self, share: float, clean_w: float, dirty_w: float) -> str:
        """What the wrong prices (a ``share`` of the rows) did to the line's weight, clean to dirty."""
        wrong, what = ("prices", "size") if self.houses else ("values", quote(self.x.name))
        if share == 0:
            return f"No wrong {wrong} yet: both lines are the same line. Raise the share and watch the dashed one move."
        if abs(dirty_w - clean_w) < 0.02 * abs(clean_w):
            return f"These wrong {wrong} barely move the dashed line: a few, scattered evenly, can cancel out."
        if abs(dirty_w) < abs(clean_w):
            return (
                f"Wrong {wrong} pull the dashed line flatter: the model learns that {what} matters less than it does."
            )
        return f"Wrong {wrong} pull the dashed line steeper: the model learns that {what} matters more than it does."

    @property
    def intro(self) -> str | None:
        """The page's intro on this data; None keeps the page's own (the houses)."""
        if self.houses:
            return None
        return (
            f"Below is the simplest model there is: {quote(self.y.name)} guessed from {quote(self.x.name)} by a "
            "straight line, on your rows. It has exactly two knobs. The **weight** says how much "
            f"{quote(self.y.name)} changes for each step of {quote(self.x.name)}; the **bias** is where the "
            "line starts. Turn them and watch how far the line lands from your rows."
        )

    # The Loss functions page.

    @property
    def fits_intro(self) -> str:
        if self.houses:
            return (
                "Each loss is now used to fit a line through all the houses. Add a few mansions that sold for "
                "far more than their size suggests, and watch which lines chase them."
            )
        return (
            "Each loss is now used to fit a line through your rows. Rows that sit far from the rest pull "
            "hardest on squared error's line; absolute error and Huber stay closer to the bulk."
        )

    def fits_caption(self, study: Priced, drawn: Iterable[str]) -> str:
        """What the ``drawn`` losses' lines do: on the houses, which of them the study's mansions pulled
        (their slope moved by :data:`CHASED` or more) and which barely moved."""
        mansions, moved = int(study.mansion.sum()), {kind: study.moved[kind] for kind in drawn}
        if not self.houses:
            return (
                "Each line misses your rows least under its own loss. Where rows sit far from the rest, squared "
                "error bends towards them; absolute error and Huber stay with the bulk."
            )
        if not mansions:
            return (
                "No mansions yet: every line is fitted to ordinary houses alone. Add one and see which line chases it."
            )
        them = "the mansion" if mansions == 1 else "the mansions"
        chase = [kind for kind, slope in moved.items() if abs(slope) >= CHASED]
        still = [kind for kind in moved if kind not in chase]
        bend = f"{_losses(chase)} {_verb(chase, 'bends', 'bend')} towards {them}" if chase else ""
        stay = f"{_losses(still)} barely {_verb(still, 'moves', 'move')}" if still else ""
        if bend and stay:
            return f"{bend[0].upper()}{bend[1:]}; {stay}."
        if bend:
            return f"{bend[0].upper()}{bend[1:]}."
        return f"{stay[0].upper()}{stay[1:]}: {them} cannot drag {'it' if len(still) == 1 else 'them'} far."

    def weight_of(self, name: str) -> str:
        """A metric's label for the weight a loss's line learned; its value is :meth:`weight`."""
        return f"{name}: price per sq ft" if self.houses else f"{name}: w, {self.per_x}"

    @property
    def huber_label(self) -> str:
        return f"Huber: misses of {quote(self.y.name)} above this count as large"

    def band_caption(self, study: Priced) -> str:
        if self.houses:
            mansions = int(study.mansion.sum())
            them = "the mansion" if mansions == 1 else "the mansions"
            then = (
                f"A line that chased {them} over-prices large houses."
                if mansions
                else ("Add mansions: a line that chases them starts over-pricing large houses.")
            )
            return f"Average error on the ordinary houses, by size (above zero: priced too high). {then}"
        return f"Average error on your rows, by {quote(self.x.name)} (above zero: predicted too high)."

    def business_intro(self, k: float) -> str:
        if self.houses:
            cost = "a house listed too cheaply loses the seller"
            end = "one listed too high (it sells fast, below its value)"
        else:
            cost = f"predicting {quote(self.y.name)} too low costs"
            end = "predicting it too high"
        return (
            f"Suppose {cost} **{k:g} times** as much as {end}. Set **k** in the first section. The asymmetric "
            "loss builds that cost into training, and its line moves up to avoid the expensive mistake."
        )

    def asymmetric_caption(self, k: float) -> str:
        if k == 1:
            return (
                f"With k = 1 both mistakes cost the same, so the asymmetric line is absolute error's: half the "
                f"{self.rows} above it, half below. Raise k to see it move up."
            )
        if self.houses:
            return (
                f"With k = {k:g} the asymmetric line sits above most houses: small over-pricing beats costly "
                "under-pricing."
            )
        return (
            f"With k = {k:g} the asymmetric line sits above most of your rows: predicting a little too high beats "
            "a costly miss on the low side."
        )

    @property
    def one_prediction_note(self) -> str | None:
        """Under the first section on a learner's data: it keeps the chapter's house example."""
        if self.houses:
            return None
        return "This section scores one house price, the chapter's example; the sections below learn on your rows."


HOUSES = Words(Quantity("House size (sq ft)"), Quantity("Sale price", "$"), houses=True)


def words(x: Quantity | None = None, y: Quantity | None = None) -> Words:
    """The words for a learner's two columns, or the houses' when none are given."""
    return HOUSES if x is None or y is None else Words(x, y, houses=False)


def _printf(quantity: Quantity, top: float, decimals: int) -> str:
    """A printf-style number in the column's own signs: powers of ten beyond a trillion or below a
    thousandth, else ``decimals`` decimals with thousands separators."""
    prefix, suffix = (s.replace("%", "%%") for s in (quantity.prefix, quantity.suffix))
    if top >= 1e12 or 0 < top < 1e-3:
        return f"{prefix}%.3e{suffix}"
    return f"{prefix}%,.{decimals}f{suffix}"


def slider_format(step: float, top: float, quantity: Quantity) -> str:
    """A slider's readout for numbers up to ``top``: as many decimals as the step has."""
    written = f"{step:.12g}"
    return _printf(quantity, top, 3 if "e" in written else len(written.partition(".")[2]))


def column_format(quantity: Quantity, sample: list[float]) -> str:
    """A table column's format: as many decimals as its numbers carry (at most six)."""
    top = max((abs(v) for v in sample), default=0.0)
    return _printf(quantity, top, max((len(f"{v:.6f}".rstrip("0").partition(".")[2]) for v in sample), default=0))
