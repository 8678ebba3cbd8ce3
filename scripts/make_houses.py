"""Regenerate data/houses.csv from its seeded rule (see data/README.md).

Run from the project root: python scripts/make_houses.py
"""

import numpy as np

from playground.models import houses

SEED = 2024

if __name__ == "__main__":
    houses.save(houses.generate(np.random.default_rng(SEED), n_houses=200))
    print(f"wrote {houses.HOUSES_CSV}")
