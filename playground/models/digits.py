"""The 8x8 handwritten digits and the small network that reads them.

Images are rows of 64 pixel values scaled to [0, 1] (the files hold 0..16), read row by row
from the top left. See data/README.md for where the images come from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from playground.models import descent, nn

DATA = Path(__file__).resolve().parents[2] / "data"
DIGITS_CSV = DATA / "digits.csv.gz"
WEIGHTS = DATA / "digits_net.npz"
WIDTHS = (64, 32, 10)
SEED = 7
HELD_OUT = 0.25  # share of images never used for training


@dataclass(frozen=True)
class Digits:
    X: np.ndarray  # (n_images, 64), in [0, 1]
    y: np.ndarray  # (n_images,), 0..9


def load(path: Path = DIGITS_CSV) -> Digits:
    table = np.loadtxt(path, delimiter=",", dtype=np.int64)
    return Digits(X=table[:, :64] / 16.0, y=table[:, 64])


def split(d: Digits, seed: int = SEED) -> tuple[Digits, Digits]:
    """A fixed random split: training images and held-out images."""
    order = np.random.default_rng(seed).permutation(len(d.y))
    cut = round(len(order) * (1 - HELD_OUT))
    train, test = order[:cut], order[cut:]
    return Digits(d.X[train], d.y[train]), Digits(d.X[test], d.y[test])


def train(d: Digits, seed: int = SEED, epochs: int = 400, lr: float = 0.01) -> nn.Params:
    """Full-batch Adam on mean cross-entropy, from seeded initial weights: the same weights every run."""
    params = nn.init(WIDTHS, np.random.default_rng(seed))
    states = {k: descent.OptState() for k in params}
    for _ in range(epochs):
        grads = nn.backward(params, nn.forward(params, d.X), d.y)
        for k in params:  # the same Adam step the Gradient descent page races
            params[k], states[k] = descent.step("adam", params[k], grads[k], states[k], lr)
    return params


def accuracy(params: nn.Params, d: Digits) -> float:
    return float(np.mean(nn.forward(params, d.X).a[-1].argmax(axis=1) == d.y))


def save(params: nn.Params, path: Path = WEIGHTS) -> None:
    np.savez_compressed(path, **params)


def load_weights(path: Path = WEIGHTS) -> nn.Params:
    with np.load(path) as stored:
        return {k: stored[k] for k in stored.files}


def another(index: int, count: int) -> int:
    """The next index in ``range(count)`` after ``index``, far from it: the "Random digit" button.

    A fixed jump of about 0.618 of the way round (the golden ratio spreads the picks evenly),
    made coprime with ``count`` so that every digit comes up once before any repeats, whatever
    the count. No random state is kept between runs: the same clicks give the same digits.
    """
    jump = max(1, round(count * 0.6180339887))
    while math.gcd(jump, count) != 1:
        jump += 1
    return (index + jump) % count


def with_noise(image: np.ndarray, amount: float, rng: np.random.Generator) -> np.ndarray:
    """The image with Normal(0, amount) noise on every pixel, kept within [0, 1]."""
    return np.clip(image + rng.normal(0.0, amount, image.shape), 0.0, 1.0)
