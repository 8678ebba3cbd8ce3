"""Polynomial regression with a ridge (L2) penalty: a model whose flexibility is one knob.

Shapes: ``x`` and ``y`` are arrays of shape (n_samples,). House sizes are in thousands of square
feet and prices in thousands of dollars. Errors are root mean squared errors (RMSE), in $k.

Numerical stability: x is mapped to [-1, 1] over :data:`X_RANGE` and expanded in Legendre
polynomials, which stay well conditioned up to degree 15 where plain powers of x do not.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from numpy.polynomial import legendre

X_RANGE = (0.6, 4.0)  # thousand sq ft
MAX_DEGREE = 15


def truth(x: np.ndarray) -> np.ndarray:
    """The real relation the samples come from: price ($k) rises with size, then flattens.

    Notes
    -----
    ``40 + 320 x - 38 x**2``: $322k at 1,000 sq ft, $712k at 4,000 sq ft.
    """
    return 40.0 + 320.0 * x - 38.0 * x**2


@dataclass(frozen=True)
class Sample:
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_range: tuple[float, float] = X_RANGE  # where the features map onto [-1, 1]: the houses', or a learner's rows'


def sample(rng: np.random.Generator, n_train: int, noise: float, n_val: int = 200) -> Sample:
    """Houses drawn uniformly over :data:`X_RANGE`, priced by :func:`truth` plus Normal(0, noise) $k.

    The validation houses come from the same market but are never used for fitting.
    """
    if n_train < 1 or n_val < 1:
        raise ValueError(f"need at least one training and one validation house, got {n_train} and {n_val}")
    if noise < 0:
        raise ValueError(f"noise must be non-negative, got {noise}")
    x_train = rng.uniform(*X_RANGE, n_train)
    y_train = truth(x_train) + rng.normal(0.0, noise, n_train)
    x_val = rng.uniform(*X_RANGE, n_val)
    y_val = truth(x_val) + rng.normal(0.0, noise, n_val)
    return Sample(x_train, y_train, x_val, y_val)


def _features(x: np.ndarray, degree: int, x_range: tuple[float, float] = X_RANGE) -> np.ndarray:
    z = 2 * (np.asarray(x, dtype=np.float64) - x_range[0]) / (x_range[1] - x_range[0]) - 1
    return legendre.legvander(z, degree)


@dataclass(frozen=True)
class Polynomial:
    """A fitted polynomial: Legendre coefficients of shape (degree + 1,) over ``x_range``."""

    coef: np.ndarray
    x_range: tuple[float, float] = X_RANGE

    @property
    def degree(self) -> int:
        return self.coef.shape[0] - 1

    def predict(self, x: np.ndarray) -> np.ndarray:
        return _features(x, self.degree, self.x_range) @ self.coef


def roughness(degree: int) -> np.ndarray:
    """Penalty weight of each Legendre coefficient: ``j**2``, so wiggles cost more than the trend.

    The constant (j = 0) is free, and a straight line's slope is barely touched.
    """
    return np.arange(degree + 1, dtype=np.float64) ** 2


def fit(
    x: np.ndarray, y: np.ndarray, degree: int, l2: float = 0.0, x_range: tuple[float, float] = X_RANGE
) -> Polynomial:
    """Least squares with an L2 penalty on the coefficients, weighted by roughness, in closed form.

    Notes
    -----
    Minimises ``mean((V c - y)**2) + l2 * sum((j**2 * c_j)**2)`` where ``V`` holds the Legendre
    features (see :func:`roughness`). It is solved as one ordinary least-squares problem on
    ``V`` stacked over ``sqrt(n * l2) * diag(j**2)``, which stays stable where the normal
    equations would not. With fewer points than coefficients and no penalty, the minimum-norm
    solution is returned.
    """
    if not 0 <= degree <= MAX_DEGREE:
        raise ValueError(f"degree must be between 0 and {MAX_DEGREE}, got {degree}")
    if not l2 >= 0:
        raise ValueError(f"the L2 penalty must be non-negative, got {l2}")
    return Polynomial(_solve(_features(x, degree, x_range), y, l2), x_range)


def _solve(V: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """The coefficients :func:`fit` finds, from features ``V`` whose column count sets the degree."""
    n, k = V.shape
    penalty = np.sqrt(n * l2) * np.diag(roughness(k - 1))
    coef, *_ = np.linalg.lstsq(np.vstack([V, penalty]), np.concatenate([y, np.zeros(k)]), rcond=None)
    return coef


def _rms(r: np.ndarray) -> float:
    return float(np.sqrt(np.mean(r**2)))


def rmse(model: Polynomial, x: np.ndarray, y: np.ndarray) -> float:
    return _rms(model.predict(x) - y)


@dataclass(frozen=True)
class Sweep:
    """Training and validation RMSE ($k) at each value of what was varied: degrees 0 to
    MAX_DEGREE (:func:`sweep`) or training-set sizes (:func:`learning_curve`)."""

    x: np.ndarray
    train: np.ndarray
    val: np.ndarray

    @property
    def best(self) -> int:
        return int(self.x[np.argmin(self.val)])

    @property
    def lowest(self) -> float:
        """The least validation error of all: on a learner's rows, whose real pattern nobody knows,
        the miss a model is judged against."""
        return float(np.min(self.val))


def sweep(s: Sample, l2: float = 0.0) -> Sweep:
    """:func:`fit` at every degree. A degree's Legendre features are the first columns of the
    highest degree's, so the features are built once."""
    V, Vv = _features(s.x_train, MAX_DEGREE, s.x_range), _features(s.x_val, MAX_DEGREE, s.x_range)
    train, val = [], []
    for d in range(MAX_DEGREE + 1):
        coef = _solve(V[:, : d + 1], s.y_train, l2)
        train.append(_rms(V[:, : d + 1] @ coef - s.y_train))
        val.append(_rms(Vv[:, : d + 1] @ coef - s.y_val))
    return Sweep(np.arange(MAX_DEGREE + 1), np.array(train), np.array(val))


def price_range(s: Sample) -> tuple[float, float]:
    """The market's prices ($k) with 15 % room either side: the range a fit is drawn on."""
    prices = np.concatenate([s.y_train, s.y_val])
    room = 0.15 * float(np.ptp(prices))
    return float(prices.min() - room), float(prices.max() + room)


def leaves_market(s: Sample, curve: np.ndarray) -> bool:
    """Whether a model's curve runs outside :func:`price_range` anywhere: off the chart."""
    low, high = price_range(s)
    return bool(np.any((curve < low) | (curve > high)))


def noise_floor(s: Sample) -> float:
    """How far the real pattern itself misses the validation houses (RMSE, $k): the luck in each
    sale, which no model can predict. No model can do much better on new houses."""
    return _rms(truth(s.x_val) - s.y_val)


# The verdict rule, stated once: validation error against the noise floor, training error against validation.
GOOD_FIT_SLACK = 1.15  # new houses missed by at most 15 % more than the noise floor: a good fit
NO_GAP = 0.9  # training error at least 90 % of validation error: it fits its own houses no better


def verdict(degree: int, train: float, val: float, floor: float, best_degree: int) -> str:
    """``"good fit"``, ``"underfit"`` or ``"overfit"``.

    Notes
    -----
    Good fit when the validation error is within 15 % of the noise floor (what the real pattern
    itself misses by). Otherwise the model misses new houses by clearly more than it must. It
    is underfitting when it is simpler than the best degree, or when it misses its own training
    houses about as badly as new ones (a strong penalty does that at any degree); it is
    overfitting when it fits its training houses clearly better than new ones.
    """
    if val <= GOOD_FIT_SLACK * floor:
        return "good fit"
    return "underfit" if degree < best_degree or train >= NO_GAP * val else "overfit"


def verdicts(sweep: Sweep, floor: float) -> list[str]:
    """:func:`verdict` for every degree of a :func:`sweep`."""
    return [
        verdict(int(d), float(t), float(v), floor, sweep.best)
        for d, t, v in zip(sweep.x, sweep.train, sweep.val, strict=True)
    ]


# The last epoch's validation error this many times the lowest: training went on too long, by enough to
# see on the chart (10 % of a typical miss); over 2 % it cost a little, under that nothing at all.
OVERTRAINED = 1.10
LEVEL = 1.02
# Validation errors this close to the lowest (relatively) are the lowest: once the walk has settled they
# differ only by rounding, for thousands of epochs, and early stopping takes the first of them.
LOWEST = 1e-6


@dataclass(frozen=True)
class EpochErrors:
    """Training by gradient descent: training and validation RMSE ($k) per epoch, and the best epoch."""

    epochs: np.ndarray
    train: np.ndarray
    val: np.ndarray

    @property
    def best_epoch(self) -> int:
        """The first epoch at the lowest validation error (within :data:`LOWEST`)."""
        return int(self.epochs[np.argmax(self.val <= self.val.min() * (1 + LOWEST))])

    @property
    def overtrained(self) -> bool:
        """Whether training on past the best epoch cost more than 10 % of validation error."""
        return bool(self.val[-1] > OVERTRAINED * self.val.min())

    @property
    def level(self) -> bool:
        """Whether validation error ends within 2 % of its lowest: training on neither helped nor hurt."""
        return bool(self.val[-1] <= LEVEL * self.val.min())

    @property
    def level_from(self) -> int:
        """The first epoch from which validation error stays within 2 % of its lowest (the last epoch when
        it ends above that): where a level curve's fall ends, to the eye."""
        above = np.flatnonzero(self.val > LEVEL * self.val.min())
        return int(self.epochs[min(above[-1] + 1 if above.size else 0, len(self.epochs) - 1)])


def train_by_descent(s: Sample, degree: int, epochs: int, l2: float = 0.0, *, keep: int | None = None) -> EpochErrors:
    """Full-batch gradient descent on the same penalised loss as :func:`fit`, from a flat line.

    Each epoch is one step over the whole training set (a batch of everything) at rate ``1 / L``,
    where ``L`` is the largest curvature of the squared-error part: the fastest rate that cannot
    diverge on it. The penalty's part of the step is taken implicitly (a proximal step, exact for
    an L2 penalty), so a strong penalty cannot force a tiny rate: the walk ends at :func:`fit`'s
    answer whatever the penalty. Errors are RMSE ($k) after every epoch, starting at epoch 0.

    ``keep`` thins what is returned to at most that many epochs, spaced evenly on a log scale, plus
    epoch 0 and the best epoch (found among every epoch between the lowest kept one's neighbours).

    Notes
    -----
    Every step is the same linear map of the coefficients, ``c -> A c + d`` with
    ``A = S (I - lr H)``, ``S`` the penalty's shrink (diagonal) and ``H`` the loss's curvature. In
    ``u = S^(-1/2) c`` the map is symmetric, ``M = S^(1/2) (I - lr H) S^(1/2)``, with eigenvalues
    ``mu`` in [0, 1]; in its eigenbasis each coordinate after ``t`` steps is
    ``mu**t z0 + (1 - mu**t) / (1 - mu) e`` (``t e`` where ``mu`` is 1). So ten thousand epochs cost
    what ten do, and the result is the step-by-step walk's (the tests check it against one).
    """
    V, Vv = _features(s.x_train, degree, s.x_range), _features(s.x_val, degree, s.x_range)
    n = V.shape[0]
    curvature = 2 * V.T @ V / n
    lr = 1.0 / np.linalg.eigvalsh(curvature).max()
    root = np.sqrt(1.0 / (1.0 + 2 * lr * l2 * roughness(degree) ** 2))  # the shrink's square root
    start = np.zeros(degree + 1)
    start[0] = s.y_train.mean()  # start level with the average price: the data, not zero, is the origin
    mu, Q = np.linalg.eigh(root[:, None] * (np.eye(degree + 1) - lr * curvature) * root[None, :])
    mu = np.clip(mu, 0.0, 1.0)
    z0, push = Q.T @ (start / root), Q.T @ (root * lr * (2 * V.T @ s.y_train / n))
    # coordinate i after t steps: mu_i**t (z0_i - rest_i) + rest_i, where rest_i = e_i / (1 - mu_i) is
    # where the walk heads; along a direction the loss does not tilt (mu_i = 1), z0_i + t e_i
    flat = 1.0 - mu <= 1e-12
    rest = np.where(flat, 0.0, push / np.where(flat, 1.0, 1.0 - mu))
    basis = root[:, None] * Q  # a row of walk @ basis.T: the coefficients after that epoch
    W, Wv = V @ basis, Vv @ basis

    def errors(t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        walk = mu ** t[:, None] * (z0 - rest) + rest
        walk[:, flat] = z0[flat] + t[:, None] * push[flat]
        return _rmse_rows(walk, W, s.y_train), _rmse_rows(walk, Wv, s.y_val)

    if keep is None or epochs + 1 <= keep:
        kept = np.arange(epochs + 1)
        return EpochErrors(kept, *errors(kept.astype(np.float64)))
    kept = np.unique(np.rint(np.concatenate([[0.0], np.geomspace(1, epochs, keep)]))).astype(int)
    history = EpochErrors(kept, *errors(kept.astype(np.float64)))
    # The lowest of all lies between the lowest kept epoch's neighbours (the curve is smooth, the kept
    # epochs at most 6 % apart): every epoch there. The best epoch is the first that low, which on a
    # walk that has settled can be thousands of epochs earlier, before the first kept epoch that low.
    i = int(np.argmin(history.val))
    near = np.arange(kept[max(i - 1, 0)], kept[min(i + 1, len(kept) - 1)] + 1)
    near_train, near_val = errors(near.astype(np.float64))
    k = int(np.argmin(near_val))
    history = _with_epoch(history, near[k], near_train[k], near_val[k])
    low = history.val.min() * (1 + LOWEST)
    j = int(np.argmax(history.val <= low))
    before = np.arange(history.epochs[j - 1] + 1, history.epochs[j]) if j > 0 else np.arange(0)
    before_train, before_val = errors(before.astype(np.float64))
    if (before_val <= low).any():
        k = int(np.argmax(before_val <= low))
        history = _with_epoch(history, before[k], before_train[k], before_val[k])
    return history


def _with_epoch(history: EpochErrors, epoch: int, train: float, val: float) -> EpochErrors:
    """``history`` with one more epoch's errors, in its place in order (unchanged if it holds it)."""
    if epoch in history.epochs:
        return history
    at = int(np.searchsorted(history.epochs, epoch))
    return EpochErrors(
        np.insert(history.epochs, at, epoch), np.insert(history.train, at, train), np.insert(history.val, at, val)
    )


def _rmse_rows(coefs: np.ndarray, V: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The RMSE of every row of ``coefs`` as weights of the features ``V`` against ``y``, through the
    mean squared error's quadratic form (16 x 16 a row, not a prediction per point per row)."""
    n = V.shape[0]
    mse = ((coefs @ (V.T @ V / n)) * coefs).sum(axis=1) - 2 * coefs @ (V.T @ y / n) + y @ y / n
    return np.sqrt(np.maximum(mse, 0.0))


@dataclass(frozen=True)
class Metrics:
    """The chapter's three kinds of metric, for one model on validation houses."""

    rmse: float  # model metric: typical miss, $k
    within_10pct: float  # business metric: share of houses priced within 10 % of their sale price
    override: float  # decision metric: share an agent would override (a miss over OVERRIDE_AT)


OVERRIDE_AT = 75.0  # $k: a miss an experienced agent would not accept


def metrics(y_true: np.ndarray, y_pred: np.ndarray) -> Metrics:
    miss = np.abs(np.asarray(y_pred) - np.asarray(y_true))
    return Metrics(
        rmse=float(np.sqrt(np.mean(miss**2))),
        within_10pct=float(np.mean(miss <= 0.1 * np.abs(y_true))),
        override=float(np.mean(miss > OVERRIDE_AT)),
    )


def learning_curve(
    seed: int, sizes: tuple[int, ...], degree: int, noise: float, l2: float = 0.0, *, exam: Sample | None = None
) -> Sweep:
    """Training and validation RMSE of one degree as the training set grows.

    Each size gets its own training houses from ``seed``; every size is judged on the same
    validation houses, ``exam``'s (by default the first size's), so the noise floor of ``exam``
    is the floor of the whole curve: with new validation houses per size, a curve dipped below the
    floor drawn beside it ($53k against $62k at the page's defaults). The returned ``x`` holds the sizes.
    """
    grown = [sample(np.random.default_rng(seed), n, noise) for n in sizes]
    exam = exam or grown[0]
    return _growing([replace(s, x_val=exam.x_val, y_val=exam.y_val) for s in grown], degree, l2)


def _growing(samples: list[Sample], degree: int, l2: float) -> Sweep:
    """Training and validation RMSE of one degree fitted to each sample; ``x`` holds the training sizes."""
    train, val = [], []
    for s in samples:
        V = _features(s.x_train, degree, s.x_range)
        coef = _solve(V, s.y_train, l2)
        train.append(_rms(V @ coef - s.y_train))
        val.append(_rms(_features(s.x_val, degree, s.x_range) @ coef - s.y_val))
    return Sweep(np.array([len(s.x_train) for s in samples]), np.array(train), np.array(val))


# A learner's own rows: no market to draw more houses from, so the rows are split instead.
VALIDATION_SHARE = 0.25  # of the rows, held back as new data (at least MIN_VALIDATION, at most MAX_VALIDATION)
MIN_VALIDATION, MAX_VALIDATION = 5, 500


def held_back(n_rows: int) -> int:
    """How many of ``n_rows`` rows are kept back for validation; the rest may train."""
    return int(min(MAX_VALIDATION, max(MIN_VALIDATION, round(VALIDATION_SHARE * n_rows))))


def split(x: np.ndarray, y: np.ndarray, n_train: int, seed: int) -> Sample:
    """A learner's rows split by one shuffle (``seed``): the last :func:`held_back` rows validate,
    the first ``n_train`` of the others train. A larger ``n_train`` keeps the same validation rows
    and adds training rows, so more data is the only thing that changes."""
    n_val = held_back(len(x))
    if not 1 <= n_train <= len(x) - n_val:
        raise ValueError(f"n_train must be between 1 and {len(x) - n_val}, got {n_train}")
    order = np.random.default_rng(seed).permutation(len(x))
    train, val = order[:n_train], order[len(x) - n_val :]
    low, high = float(np.min(x)), float(np.max(x))
    return Sample(x[train], y[train], x[val], y[val], (low, high) if high > low else (low - 1, high + 1))


def rows_learning_curve(
    x: np.ndarray, y: np.ndarray, seed: int, sizes: tuple[int, ...], degree: int, l2: float = 0.0
) -> Sweep:
    """:func:`learning_curve` on a learner's rows: the same validation rows, ever more training rows."""
    return _growing([split(x, y, n, seed) for n in sizes], degree, l2)
