"""Regenerate data/conversion.csv, the sample table of the Your data page, from its seeded rule
(see data/README.md).

Run from the project root: python scripts/make_conversion.py
"""

import csv
import io
from pathlib import Path

import numpy as np

SEED = 7
PATH = Path(__file__).resolve().parents[1] / "data" / "conversion.csv"


def table(seed: int = SEED, n: int = 120) -> str:
    """The sample as CSV text: prices with a dollar sign, visitors with thousands separators,
    conversion rates with a percent sign, as a spreadsheet exports them."""
    rng = np.random.default_rng(seed)
    price = np.floor(rng.uniform(5, 80, n)) + 0.99
    conversion = np.clip(11.5 - 0.09 * price + rng.normal(0, 1.1, n), 0.3, None).round(1)
    visitors = rng.integers(800, 5001, n)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Product page", "Price", "Visitors", "Conversion rate"])
    for i in range(n):
        writer.writerow([f"Product {i + 1}", f"${price[i]:.2f}", f"{visitors[i]:,}", f"{conversion[i]:.1f}%"])
    return out.getvalue()


if __name__ == "__main__":
    PATH.write_text(table())
    print(f"wrote {PATH}")
