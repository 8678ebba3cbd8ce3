"""The Epochs page's fraud detector: logistic regression on two features of a transaction.

Three knobs (a weight for the amount, one for the hour, a bias): a single neuron, and the right
model for this data, two overlapping Gaussian clouds whose best boundary is a line. Trained by
the mini-batch engine (``training.train``) through a fast epoch runner; :func:`detect` is the
page's whole run in one call.
"""

from __future__ import annotations

import math

import numpy as np

from playground.models import training

TRANSACTIONS = 400  # past transactions the detector learns from
NEW_TRANSACTIONS = 300  # held-out ones it is checked on
RATE = 0.5  # large enough that forgetting to shuffle visibly hurts


def detect(
    batch_size: int,
    *,
    shuffle: bool = True,
    seed: int = 0,
    epochs: int = 40,
    patience: int | None = None,
    n: int = TRANSACTIONS,
    n_val: int = NEW_TRANSACTIONS,
    lr: float = RATE,
    min_delta: float = 1e-3,
) -> training.History:
    """Train the detector from 50/50 on ``n`` transactions exported sorted (every fraud last).

    The transactions and ``n_val`` new ones to check on are drawn from ``seed``, which also
    shuffles the batches each epoch when ``shuffle``. An epoch counts as an improvement when it
    lowers the validation loss by more than ``min_delta``.
    """
    rng = np.random.default_rng(seed)
    X, y = transactions(rng, n, sort_by_label=True)
    X_val, y_val = transactions(rng, n_val)
    return training.train(
        start(), X, y, X_val, y_val, epoch=epoch, loss=loss, batch_size=batch_size, epochs=epochs, lr=lr,
        shuffle=shuffle, seed=seed, patience=patience, min_delta=min_delta,
    )  # fmt: skip


def start() -> training.Params:
    """The fraud detector before training: both weights and the bias at zero, every transaction 50/50."""
    return {"w": np.zeros(2), "b": np.zeros(())}


def loss(params: training.Params, X: np.ndarray, y: np.ndarray) -> float:
    """Mean cross-entropy of logistic regression, ``p = sigmoid(X @ w + b)``; label 1 is fraud.

    Notes
    -----
    Per example ``-y log p - (1 - y) log(1 - p) = softplus(z) - y z`` with ``z = x . w + b``,
    written so that a large ``|z|`` cannot overflow.
    """
    z = X @ params["w"] + params["b"]
    return float(np.mean(np.logaddexp(0.0, z) - y * z))


def loss_and_grads(params: training.Params, X: np.ndarray, y: np.ndarray) -> tuple[float, dict[str, np.ndarray]]:
    """:func:`loss` and its gradient: ``dL/dw = X.T (p - y) / n``, ``dL/db = mean(p - y)``."""
    z = X @ params["w"] + params["b"]
    error = 0.5 * (1.0 + np.tanh(0.5 * z)) - y  # sigmoid(z) - y, with no overflow
    grads = {"w": X.T @ error / X.shape[0], "b": np.array(error.mean())}
    return float(np.mean(np.logaddexp(0.0, z) - y * z)), grads


def epoch(
    params: training.Params, X: np.ndarray, y: np.ndarray, batch_size: int, lr: float
) -> tuple[training.Params, list[float]]:
    """:func:`training.gradient_epoch` of :func:`loss_and_grads` for two features, on Python floats.

    Where it wins: small batches. It makes the same updates to rounding (a test holds it to the
    numpy runner), several times faster at batch sizes of 1 to 50, where numpy's fixed cost per
    call outweighs the arithmetic on two features; at full batch the two are alike. Each batch's
    loss is computed afterwards, in one numpy pass, from the scores ``z`` its examples got before
    the batch's update.
    """
    (w0, w1), b = params["w"].tolist(), float(params["b"])
    n, tanh = X.shape[0], math.tanh
    scores: list[float] = []
    keep = scores.append
    # sigmoid(z) - y = 0.5 tanh(z / 2) + (0.5 - y): no overflow, no branch
    columns = zip(X[:, 0].tolist(), X[:, 1].tolist(), (0.5 - y).tolist(), strict=True)
    if batch_size == 1:  # no sums to keep: the tightest loop, for the longest runs
        for x0, x1, shift in columns:
            z = w0 * x0 + w1 * x1 + b
            keep(z)
            step = lr * (0.5 * tanh(0.5 * z) + shift)
            w0, w1, b = w0 - step * x0, w1 - step * x1, b - step
    else:
        g0 = g1 = gb = 0.0
        left = size = min(batch_size, n)
        done = 0
        for x0, x1, shift in columns:
            z = w0 * x0 + w1 * x1 + b
            keep(z)
            error = 0.5 * tanh(0.5 * z) + shift
            g0, g1, gb = g0 + error * x0, g1 + error * x1, gb + error
            left -= 1
            if not left:  # the batch is complete: update
                step = lr / size
                w0, w1, b = w0 - step * g0, w1 - step * g1, b - step * gb
                g0 = g1 = gb = 0.0
                done += size
                left = size = min(batch_size, n - done)
    z = np.array(scores)
    starts = np.arange(0, n, batch_size)
    batch_sums = np.add.reduceat(np.logaddexp(0.0, z) - y * z, starts)
    return {"w": np.array([w0, w1]), "b": np.array(b)}, (batch_sums / np.diff(starts, append=n)).tolist()


def transactions(
    rng: np.random.Generator, n: int, fraud_share: float = 0.1, sort_by_label: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """Transactions with two features (standardised amount and hour oddness); label 1 is fraud.

    Fraud sits up and to the right of normal spending, overlapping it, so no boundary is perfect.
    Sorted by label, every normal transaction comes before every fraud, as an export might.
    """
    if not 0 < fraud_share < 1:
        raise ValueError(f"fraud_share must be between 0 and 1, got {fraud_share}")
    y = (rng.random(n) < fraud_share).astype(np.int64)
    X = rng.normal(0.0, 1.0, (n, 2)) + np.where(y[:, None] == 1, 1.6, 0.0)
    if sort_by_label:
        order = np.argsort(y, kind="stable")
        X, y = X[order], y[order]
    return X, y
