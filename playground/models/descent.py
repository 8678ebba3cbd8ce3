"""Optimizers as pure step functions, and a runner that records the whole walk downhill.

Every optimizer here works coordinate by coordinate, so a step takes numbers or arrays alike. The
runner steps each of the two coordinates on plain Python floats: numpy's fixed cost per call
would outweigh arithmetic on two numbers. A step never changes its inputs: it returns a new
position and a new optimizer state.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from playground.models.landscapes import Landscape

OPTIMIZERS = ("gd", "momentum", "rmsprop", "adam")
NAMES = {"gd": "Gradient descent", "momentum": "Momentum", "rmsprop": "RMSProp", "adam": "Adam"}

MOMENTUM = 0.9  # share of the previous velocity kept each step
RMS_DECAY = 0.9  # RMSProp's running average of squared gradients
ADAM_BETAS = (0.9, 0.999)
EPS = 1e-8
NOISE = 0.5  # standard deviation of the noise added to each gradient component when noisy
EXPLODE = 1e6  # a loss this many times the start's (plus one) stops the walk: it has blown up
BOUNCY = 5  # this many reversals of direction make a walk "bouncing"
OUTCOMES = ("diverged", "left", "rose", "bouncing", "settled", "stalled", "walking")
GOOD = frozenset({"settled", "walking", "stalled", "bouncing"})  # the loss came down and stayed on the map
CALM = GOOD - {"bouncing"}  # ... and no longer zigzags


@dataclass(frozen=True)
class OptState:
    """What an optimizer remembers between steps: velocity, moment estimates, step count.

    Each field is a number or an array shaped like the position (zeros broadcast either way).
    """

    velocity: float | np.ndarray = 0.0
    m: float | np.ndarray = 0.0
    v: float | np.ndarray = 0.0
    t: int = 0


def descend(p: Any, g: Any, lr: float) -> Any:
    """Plain gradient descent's update, ``p - lr * g``: the step every engine in the app takes
    (Overfitting's long run takes ten thousand at once, in closed form; its tests walk it with this)."""
    return p - lr * g


def step(name: str, p: Any, g: Any, state: OptState, lr: float) -> tuple[Any, OptState]:
    """One update of the knobs ``p`` given the gradient ``g`` (numbers, or arrays of one shape).

    Notes
    -----
    - gd: ``p - lr * g``
    - momentum: ``v = 0.9 v + g``; ``p - lr * v``
    - rmsprop: ``s = 0.9 s + 0.1 g**2``; ``p - lr * g / (sqrt(s) + eps)``
    - adam: ``m = 0.9 m + 0.1 g``; ``s = 0.999 s + 0.001 g**2``; with bias corrections
      ``m_hat = m / (1 - 0.9**t)``, ``s_hat = s / (1 - 0.999**t)``: ``p - lr * m_hat / (sqrt(s_hat) + eps)``
    """
    t = state.t + 1
    if name == "gd":
        return descend(p, g, lr), OptState(state.velocity, state.m, state.v, t)
    if name == "momentum":
        velocity = MOMENTUM * state.velocity + g
        return p - lr * velocity, OptState(velocity, state.m, state.v, t)
    if name == "rmsprop":
        v = RMS_DECAY * state.v + (1 - RMS_DECAY) * g * g  # g * g: a float's ** raises on overflow
        return p - lr * g / (v**0.5 + EPS), OptState(state.velocity, state.m, v, t)
    if name == "adam":
        b1, b2 = ADAM_BETAS
        m = b1 * state.m + (1 - b1) * g
        v = b2 * state.v + (1 - b2) * g * g
        m_hat, v_hat = m / (1 - b1**t), v / (1 - b2**t)
        return p - lr * m_hat / (v_hat**0.5 + EPS), OptState(state.velocity, m, v, t)
    raise ValueError(f"unknown optimizer {name!r}; choose one of {OPTIMIZERS}")


@dataclass(frozen=True)
class Path:
    """One walk: the position, loss and slope (gradient size) at step 0, 1, ...

    ``positions`` has shape (n_kept, 2); ``losses`` and ``slopes`` (n_kept,). When the loss
    exploded at step ``diverged_at``, the walk stops just before it, so every number kept is finite.
    """

    optimizer: str
    positions: np.ndarray
    losses: np.ndarray
    slopes: np.ndarray
    diverged_at: int | None
    valley: int | None  # index of the landscape minimum it ended in, if any
    stalled: bool  # stopped moving on ground that is not a valley floor
    off_map: bool  # ended outside the map's ranges

    @property
    def bounces(self) -> int:
        """How many times a step turned back against the step before it (a zigzag across a valley)."""
        moves = np.diff(self.positions, axis=0)
        return int(np.count_nonzero(np.einsum("ij,ij->i", moves[1:], moves[:-1]) < 0))

    @property
    def still_bouncing(self) -> bool:
        """Whether the last ten steps still turn back and forth."""
        moves = np.diff(self.positions[-11:], axis=0)
        return int(np.count_nonzero(np.einsum("ij,ij->i", moves[1:], moves[:-1]) < 0)) >= BOUNCY

    @property
    def rose(self) -> bool:
        """Whether the walk ended higher than it started."""
        return bool(self.losses[-1] > self.losses[0] + 1e-12 * (1 + abs(self.losses[0])))

    @property
    def outcome(self) -> str:
        """What the path did, in one of ``OUTCOMES``; the first that applies wins.

        diverged: the loss blew up; left: it ended off the map; rose: it ended higher than it
        started; bouncing: it came down but still zigzags; settled: it rests on a valley floor;
        stalled: it stopped on ground that is not a valley; walking: it is still coming down.
        """
        if self.diverged_at is not None:
            return "diverged"
        if self.off_map:
            return "left"
        if self.rose:
            return "rose"
        if self.still_bouncing and not self.stalled:
            return "bouncing"
        if self.valley is not None:
            return "settled"
        return "stalled" if self.stalled else "walking"


def _on_map(land: Landscape, positions: np.ndarray) -> np.ndarray:
    (x0, x1), (y0, y1) = land.x_range, land.y_range
    x, y = positions[..., 0], positions[..., 1]
    return (x0 <= x) & (x <= x1) & (y0 <= y) & (y <= y1)


def run(
    land: Landscape,
    optimizer: str,
    start: tuple[float, float],
    lr: float,
    steps: int,
    *,
    noisy: bool = False,
    seed: int = 0,
) -> Path:
    """Walk ``steps`` steps downhill from ``start``; with ``noisy``, each gradient gets seeded noise."""
    if not (lr > 0 and np.isfinite(lr)):
        raise ValueError(f"the learning rate must be a positive number, got {lr}")
    if steps < 1:
        raise ValueError(f"steps must be at least 1, got {steps}")
    rng = np.random.default_rng(seed)
    x, y = float(start[0]), float(start[1])
    x_state = y_state = OptState()
    positions, losses, slopes = [(x, y)], [float(land.loss(x, y))], []
    limit = EXPLODE * (1 + abs(losses[0]))
    diverged_at = None
    with np.errstate(over="ignore", invalid="ignore"):
        for t in range(1, steps + 1):
            gx, gy = land.grad(x, y)
            slopes.append(math.hypot(gx, gy))
            if noisy:
                nx, ny = rng.standard_normal(2).tolist()
                gx, gy = gx + NOISE * nx, gy + NOISE * ny
            x, x_state = step(optimizer, x, gx, x_state, lr)
            y, y_state = step(optimizer, y, gy, y_state, lr)
            loss = float(land.loss(x, y))
            if not (math.isfinite(loss) and abs(loss) < limit and math.isfinite(x) and math.isfinite(y)):
                diverged_at = t
                break
            positions.append((x, y))
            losses.append(loss)
        final = positions[-1]
        slopes.append(float(np.hypot(*land.grad(final[0], final[1]))))
    positions_arr = np.array(positions)
    extent = max(land.x_range[1] - land.x_range[0], land.y_range[1] - land.y_range[0])
    valley = None
    if diverged_at is None:
        gaps = [np.hypot(final[0] - mx, final[1] - my) for mx, my in land.minima]
        nearest = int(np.argmin(gaps))
        valley = nearest if gaps[nearest] < 0.03 * extent else None
    recent = positions_arr[-min(20, len(positions_arr)) :]
    moved = float(np.hypot(*(recent[-1] - recent[0])))
    stalled = diverged_at is None and valley is None and len(positions_arr) > 20 and moved < 1e-3 * extent
    off_map = not bool(_on_map(land, positions_arr[-1:])[0])
    return Path(
        optimizer,
        positions_arr,
        np.array(losses),
        np.array(slopes[: len(losses)]),
        diverged_at,
        valley,
        stalled,
        off_map,
    )


def rates(per_decade: int = 10, low_exp: int = -4, high_exp: int = 1) -> tuple[float, ...]:
    """Learning rates evenly spaced on a log scale, ``10**low_exp`` to ``10**high_exp``, to 3 digits."""
    n = (high_exp - low_exp) * per_decade
    return tuple(float(f"{10 ** (low_exp + i / per_decade):.3g}") for i in range(n + 1))


def safe_rates(
    land: Landscape, optimizers: tuple[str, ...], start: tuple[float, float], rates: np.ndarray, steps: int = 200
) -> np.ndarray:
    """For each optimizer (rows) and rate (columns), whether its walk is safe to follow for any
    number of steps up to ``steps``.

    Safe means: the walk never blows up, never leaves the map, never stands higher than it
    started, and has stopped zigzagging by the end (``CALM``), exactly as :func:`run` and
    ``Path.outcome`` judge one walk. A walk of fewer steps is the start of this one. Every walk
    goes at once, as arrays (a step works on numbers or arrays alike), so the landscape is
    measured once a step for all of them.
    """
    lr = np.asarray(rates, dtype=np.float64)
    shape = (len(optimizers), lr.size)
    x, y = np.full(shape, float(start[0])), np.full(shape, float(start[1]))
    states = [(OptState(), OptState()) for _ in optimizers]
    start_loss = float(land.loss(start[0], start[1]))
    limit = EXPLODE * (1 + abs(start_loss))
    ok = np.ones(shape, dtype=bool)
    positions = np.empty((steps + 1, *shape, 2))
    positions[0] = start
    with np.errstate(all="ignore"):
        for t in range(1, steps + 1):
            gx, gy = land.grad(x, y)
            x, y = x.copy(), y.copy()
            for i, name in enumerate(optimizers):
                x_state, y_state = states[i]
                x[i], x_state = step(name, x[i], gx[i], x_state, lr)
                y[i], y_state = step(name, y[i], gy[i], y_state, lr)
                states[i] = (x_state, y_state)
            loss = land.loss(x, y)
            ok &= np.isfinite(loss) & (np.abs(loss) < limit) & (loss <= start_loss)
            positions[t, ..., 0], positions[t, ..., 1] = x, y
            ok &= _on_map(land, positions[t])
    final = positions[-1]
    extent = max(land.x_range[1] - land.x_range[0], land.y_range[1] - land.y_range[0])
    gaps = np.stack([np.hypot(final[..., 0] - mx, final[..., 1] - my) for mx, my in land.minima])
    in_valley = gaps.min(axis=0) < 0.03 * extent
    moved = np.hypot(*np.moveaxis(positions[-1] - positions[-20], -1, 0)) if steps + 1 > 20 else np.inf
    stalled = ~in_valley & (moved < 1e-3 * extent)
    moves = np.diff(positions[-11:], axis=0)
    turns = np.count_nonzero(np.einsum("t...i,t...i->t...", moves[1:], moves[:-1]) < 0, axis=0)
    bouncing = (turns >= BOUNCY) & ~stalled
    return ok & ~bouncing


def largest_stable_rates(
    land: Landscape,
    optimizers: tuple[str, ...],
    start: tuple[float, float],
    lr: float,
    candidates: tuple[float, ...],
    longest: int = 200,
) -> dict[str, float | None]:
    """For each optimizer, the largest candidate rate below ``lr`` that is safe to follow for any
    number of steps (see :func:`safe_rates`), or None."""
    below = np.array(sorted(c for c in candidates if c < lr))
    if below.size == 0 or not optimizers:
        return dict.fromkeys(optimizers)
    safe = safe_rates(land, tuple(optimizers), start, below, longest)
    return {o: float(below[row][-1]) if row.any() else None for o, row in zip(optimizers, safe, strict=True)}


def largest_stable_rate(
    land: Landscape,
    optimizer: str,
    start: tuple[float, float],
    lr: float,
    candidates: tuple[float, ...],
    longest: int = 200,
) -> float | None:
    """:func:`largest_stable_rates` for one optimizer."""
    return largest_stable_rates(land, (optimizer,), start, lr, candidates, longest)[optimizer]
