"""Mini-batch training over epochs: the outer loop of the chapter, as one engine.

An epoch is one pass over every training example; each batch processed is one iteration. The
engine shuffles (or not), records the loss of every batch and of every epoch, watches a
validation set, stops early after ``patience`` epochs without improvement and keeps the best
epoch's parameters (the checkpoint). It is deterministic from a seed.

It trains any model given as two functions over a parameter dict: ``loss(params, X, y) -> mean
loss`` and an epoch runner that walks one epoch's batches, updating as it goes. For any model,
:func:`gradient_epoch` builds the runner from ``loss_and_grads(params, X, y) -> (mean loss, grads)``.
A model may bring a faster runner of its own: the fraud detector's (``fraud.epoch``) does the same
arithmetic on plain Python floats. Also here: the house line as a trainable model, the first
iterations of a walk kept stage by stage (the Training loop page), a run's CSV and its compute bill.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from playground.models import descent, houses, linear

Params = dict[str, np.ndarray]
LossAndGrads = Callable[[Params, np.ndarray, np.ndarray], tuple[float, dict[str, np.ndarray]]]
Loss = Callable[[Params, np.ndarray, np.ndarray], float]
# (params, one epoch's examples in the order they are met, their labels, batch size, learning
# rate) -> (params after the epoch, each batch's loss just before its update)
EpochRunner = Callable[[Params, np.ndarray, np.ndarray, int, float], tuple[Params, list[float]]]


def iterations_per_epoch(n_examples: int, batch_size: int) -> int:
    """``ceil(N / B)``: the last batch may be smaller than the rest."""
    if n_examples < 1 or batch_size < 1:
        raise ValueError(f"need at least one example and a batch of at least one, got {n_examples} and {batch_size}")
    return math.ceil(n_examples / batch_size)


def batch_order(n_examples: int, batch_size: int, rng: np.random.Generator | None) -> list[np.ndarray]:
    """One epoch's batches as index arrays: a fresh random order from ``rng``, or the data's order if None."""
    order = rng.permutation(n_examples) if rng is not None else np.arange(n_examples)
    return [order[i : i + batch_size] for i in range(0, n_examples, batch_size)]


@dataclass(frozen=True)
class History:
    """Everything one training run recorded.

    ``iteration_loss`` (n_iterations,) is each batch's loss just before its update, with
    ``per_epoch`` iterations to an epoch: iteration i of epoch e ends e + (i + 1) / per_epoch
    epochs into training.
    ``epoch_train`` and ``epoch_val`` (epochs_run + 1,) are the full losses after each epoch,
    index 0 before any training.
    """

    iteration_loss: np.ndarray
    per_epoch: int
    epoch_train: np.ndarray
    epoch_val: np.ndarray
    best_epoch: int
    stopped_at: int | None
    best_params: Params
    final_params: Params
    min_delta: float = 0.0

    @property
    def epochs_run(self) -> int:
        return len(self.epoch_train) - 1

    def first(self, epochs: int) -> History:
        """The same run as if it had been asked for only ``epochs`` epochs.

        Training is deterministic, so a shorter run is exactly the start of a longer one: the
        arrays are cut, and the best epoch is the best so far. (Parameters of a cut run are
        kept for its best epoch only when that epoch is the longer run's best too; otherwise
        ``best_params`` is empty and ``final_params`` are the longer run's.)
        """
        if epochs >= self.epochs_run:
            return self
        val = self.epoch_val[: epochs + 1]
        best = 0
        for e in range(1, epochs + 1):
            if val[e] < val[best] - self.min_delta:
                best = e
        kept = self.best_params if best == self.best_epoch else {}
        return History(
            self.iteration_loss[: epochs * self.per_epoch],
            self.per_epoch,
            self.epoch_train[: epochs + 1],
            val,
            best,
            None,
            kept,
            self.final_params,
            self.min_delta,
        )

    def with_patience(self, patience: int) -> History:
        """This run as early stopping with ``patience`` would have ended it (itself if it never would).

        The stop is decided from the validation losses alone, so a run made without early
        stopping holds every shorter, early-stopped run: no retraining needed.
        """
        if patience < 1 or self.stopped_at is not None:
            return self
        best = 0
        for epoch in range(1, self.epochs_run + 1):
            if self.epoch_val[epoch] < self.epoch_val[best] - self.min_delta:
                best = epoch
            elif epoch - best >= patience:
                return dataclasses.replace(self.first(epoch), stopped_at=epoch)
        return self


def gradient_epoch(loss_and_grads: LossAndGrads) -> EpochRunner:
    """One epoch of plain mini-batch gradient descent for any model: ``params - lr * grads`` after each batch."""

    def run(params: Params, X: np.ndarray, y: np.ndarray, batch_size: int, lr: float) -> tuple[Params, list[float]]:
        losses = []
        for start in range(0, X.shape[0], batch_size):
            # forward and backward on this batch, then the update
            value, grads = loss_and_grads(params, X[start : start + batch_size], y[start : start + batch_size])
            losses.append(value)
            params = {k: descent.descend(v, grads[k], lr) for k, v in params.items()}
        return params, losses

    return run


def train(
    params: Params,
    X: np.ndarray,
    y: np.ndarray,
    X_val: np.ndarray,
    y_val: np.ndarray,
    *,
    epoch: EpochRunner,
    loss: Loss,
    batch_size: int,
    epochs: int,
    lr: float,
    shuffle: bool = True,
    seed: int = 0,
    patience: int | None = None,
    min_delta: float = 0.0,
) -> History:
    """Run up to ``epochs`` epochs of mini-batch training; ``params`` itself is never changed.

    Each epoch meets every example once, in a fresh random order if ``shuffle``, else in the
    data's order. An epoch counts as an improvement only if it beats the best validation loss
    by more than ``min_delta``.
    """
    if epochs < 1:
        raise ValueError(f"epochs must be at least 1, got {epochs}")
    rng = np.random.default_rng(seed) if shuffle else None
    n = X.shape[0]
    current = {k: v.copy() for k, v in params.items()}
    it_loss: list[float] = []
    ep_train, ep_val = [loss(current, X, y)], [loss(current, X_val, y_val)]
    best_epoch, best_params, stopped_at = 0, current, None
    for e in range(1, epochs + 1):
        order = rng.permutation(n) if rng is not None else np.arange(n)
        current, losses = epoch(current, X[order], y[order], batch_size, lr)
        it_loss.extend(losses)
        ep_train.append(loss(current, X, y))
        ep_val.append(loss(current, X_val, y_val))
        if ep_val[-1] < ep_val[best_epoch] - min_delta:
            best_epoch, best_params = e, current  # runners return new arrays: nothing to copy
        elif patience is not None and e - best_epoch >= patience:
            stopped_at = e
            break
    return History(
        np.array(it_loss),
        iterations_per_epoch(n, batch_size),
        np.array(ep_train),
        np.array(ep_val),
        best_epoch,
        stopped_at,
        best_params,
        current,
        min_delta,
    )


def line_model() -> tuple[LossAndGrads, Loss]:
    """The house-price line ``w * x + b`` as a trainable model, on mean squared error."""

    def loss(params: Params, X: np.ndarray, y: np.ndarray) -> float:
        return linear.mse(X, y, float(params["w"]), float(params["b"]))

    def loss_and_grads(params: Params, X: np.ndarray, y: np.ndarray) -> tuple[float, dict[str, np.ndarray]]:
        # linear.mse and linear.mse_grad in one pass over the batch: r = w x + b - y
        r = linear.predict(X, float(params["w"]), float(params["b"])) - y
        n = r.shape[0]
        return float(r @ r) / n, {"w": np.array(2.0 * float(r @ X) / n), "b": np.array(2.0 * r.sum() / n)}

    return loss_and_grads, loss


@dataclass(frozen=True)
class Iteration:
    """One iteration, taken apart: the batch, its predictions, loss and gradients, and the update."""

    batch: np.ndarray  # indices of the examples in this batch
    before: Params
    loss: float
    grads: dict[str, np.ndarray]
    after: Params


def iterations(
    params: Params,
    X: np.ndarray,
    y: np.ndarray,
    *,
    loss_and_grads: LossAndGrads,
    batch_size: int,
    count: int,
    lr: float,
    seed: int = 0,
) -> list[Iteration]:
    """The first ``count`` iterations of shuffled mini-batch gradient descent, every stage kept."""
    rng = np.random.default_rng(seed)
    current = {k: v.copy() for k, v in params.items()}
    out: list[Iteration] = []
    while len(out) < count:
        for idx in batch_order(X.shape[0], batch_size, rng):
            if len(out) == count:
                break
            value, grads = loss_and_grads(current, X[idx], y[idx])
            after = {k: descent.descend(current[k], grads[k], lr) for k in current}
            out.append(Iteration(idx, current, value, grads, after))
            current = after
    return out


def history_csv(history: History) -> str:
    """The per-epoch record as CSV text: epoch, training loss, validation loss, best so far."""
    lines = ["epoch,train_loss,validation_loss,is_best"]
    for e, (tr, va) in enumerate(zip(history.epoch_train, history.epoch_val, strict=True)):
        lines.append(f"{e},{tr:.6g},{va:.6g},{int(e == history.best_epoch)}")
    return "\n".join(lines) + "\n"


def compute_cost(
    examples: float, madds_per_example: float, madds_per_second: float, dollars_per_hour: float
) -> tuple[float, float]:
    """Seconds and dollars to push ``examples`` examples through training at the given speed and price."""
    seconds = examples * madds_per_example / madds_per_second
    return seconds, seconds * dollars_per_hour / 3600


STAGES_PER_ITERATION = 4  # forward pass, loss, backward pass, update


@dataclass(frozen=True)
class LoopState:
    """The Training loop page after ``step`` stages: where the walk is and what is known so far.

    Stage 0 of an iteration is its forward pass, 1 the loss, 2 the gradients, 3 the update;
    ``stage`` is None before the first stage (the knobs just initialised).
    """

    iterations: int  # iterations begun (the one in progress counts)
    epoch: int  # 1-based
    per_epoch: int  # iterations that make one pass over the houses
    stage: int | None
    w: float  # the line's knobs now, in dollars per square foot and dollars
    b: float
    shown: np.ndarray  # the houses in this iteration's batch, or all of them before the first
    miss: float | None  # the batch's typical miss in dollars, once its loss is computed
    grads: dict[str, float] | None  # the blame on w and b (scaled units), once computed


def loop_state(seed: int, step: int, *, batch_size: int = 20, lr: float = 0.05) -> LoopState:
    """Replay the house line's mini-batch walk from zero knobs to ``step`` stages (a few ms at most)."""
    data = houses.load()
    size, price = houses.SCALED.view(data.size, data.price)
    done, stage = divmod(step - 1, STAGES_PER_ITERATION) if step > 0 else (0, None)
    now = iterations(
        {"w": np.array(0.0), "b": np.array(0.0)},
        size,
        price,
        loss_and_grads=line_model()[0],
        batch_size=batch_size,
        count=done + 1,
        lr=lr,
        seed=seed,
    )[-1]
    knobs = now.after if stage == STAGES_PER_ITERATION - 1 else now.before
    w, b = houses.SCALED.line_in_dollars(float(knobs["w"]), float(knobs["b"]))
    per_epoch = iterations_per_epoch(len(size), batch_size)
    return LoopState(
        iterations=done + (stage is not None),
        epoch=done // per_epoch + 1,
        per_epoch=per_epoch,
        stage=stage,
        w=w,
        b=b,
        shown=now.batch if stage is not None else np.arange(len(size)),
        miss=houses.SCALED.dollars(math.sqrt(now.loss)) if stage is not None and stage >= 1 else None,
        grads={k: float(g) for k, g in now.grads.items()} if stage is not None and stage >= 2 else None,
    )
