"""The house-price data set every regression page uses.

Shapes: ``size`` and ``price`` are float64 arrays of shape (n_houses,); sizes are in square
feet, prices in dollars.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

HOUSES_CSV = Path(__file__).resolve().parents[2] / "data" / "houses.csv"

# The rule behind data/houses.csv, stated once here and in data/README.md.
DOLLARS_PER_SQFT = 180.0
BASE_PRICE = 50_000.0
NOISE_SD = 45_000.0
SIZE_RANGE = (700.0, 3_800.0)
PRICE_FLOOR = 60_000.0


@dataclass(frozen=True)
class Units:
    """A view of house data in friendlier numbers, and the way back to dollars.

    ``size`` square feet make one unit of size and ``price`` dollars one unit of price, so that
    a line's knobs (and a training step's numbers) stay near 1.
    """

    size: float
    price: float

    def view(self, size: np.ndarray, price: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Sizes and prices in these units."""
        return np.asarray(size) / self.size, np.asarray(price) / self.price

    def dollars(self, value: float) -> float:
        """A price (or a miss) in these units, back in dollars."""
        return value * self.price

    def line_in_dollars(self, w: float, b: float) -> tuple[float, float]:
        """A line's knobs in these units as dollars per square foot and dollars."""
        return w * self.price / self.size, b * self.price


SCALED = Units(1_000.0, 100_000.0)  # thousands of sq ft and $100k: the training loop, the bowl
THOUSANDS = Units(1_000.0, 1_000.0)  # thousands of sq ft and $1k ($k): the overfitting samples


@dataclass(frozen=True)
class Houses:
    """House sizes (sq ft) and sale prices ($), one entry per house."""

    size: np.ndarray
    price: np.ndarray

    def __post_init__(self) -> None:
        if self.size.shape != self.price.shape or self.size.ndim != 1:
            raise ValueError(
                f"size and price must be 1-D and of equal length, got {self.size.shape} and {self.price.shape}"
            )

    def __len__(self) -> int:
        return self.size.shape[0]


def generate(rng: np.random.Generator, n_houses: int = 200) -> Houses:
    """Draw a synthetic house market.

    Notes
    -----
    ``size ~ Uniform(700, 3800)`` rounded to 10 sq ft;
    ``price = 180 * size + 50,000 + Normal(0, 45,000)``, floored at $60,000 and rounded to $1,000.
    """
    if n_houses < 2:
        raise ValueError(f"n_houses must be at least 2, got {n_houses}")
    size = np.round(rng.uniform(*SIZE_RANGE, n_houses), -1)
    noise = rng.normal(0.0, NOISE_SD, n_houses)
    price = np.maximum(DOLLARS_PER_SQFT * size + BASE_PRICE + noise, PRICE_FLOOR)
    return Houses(size=size, price=np.round(price, -3))


@functools.cache
def load(path: Path = HOUSES_CSV) -> Houses:
    """Read ``size_sqft`` and ``price_usd`` columns from a CSV file, once per path.

    Every viewer shares the one copy, so its arrays are read-only: nothing can change them.
    """
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    size = np.array([float(r["size_sqft"]) for r in rows])
    price = np.array([float(r["price_usd"]) for r in rows])
    size.flags.writeable = price.flags.writeable = False
    return Houses(size=size, price=price)


def save(houses: Houses, path: Path = HOUSES_CSV) -> None:
    """Write houses as ``size_sqft,price_usd`` rows, whole numbers."""
    with open(path, "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["size_sqft", "price_usd"])
        for s, p in zip(houses.size, houses.price, strict=True):
            writer.writerow([int(s), int(p)])


# Large houses with prices far above what their size suggests (about $650k): the outliers the
# Loss functions page adds one by one.
MANSIONS = ((3_400.0, 2_400_000.0), (3_100.0, 2_100_000.0), (3_600.0, 2_700_000.0), (3_250.0, 2_250_000.0))


def with_mansions(houses: Houses, n: int) -> Houses:
    """The houses plus the first ``n`` of :data:`MANSIONS`, appended at the end."""
    if not 0 <= n <= len(MANSIONS):
        raise ValueError(f"n must be between 0 and {len(MANSIONS)}, got {n}")
    extra = np.array(MANSIONS[:n]).reshape(-1, 2)
    return Houses(size=np.concatenate([houses.size, extra[:, 0]]), price=np.concatenate([houses.price, extra[:, 1]]))
