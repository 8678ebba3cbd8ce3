"""Shared numeric helpers for the tests."""

from collections.abc import Callable

import numpy as np


def central_difference(f: Callable[[np.ndarray], float], x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Gradient of scalar ``f`` at ``x`` by central differences, one coordinate at a time, in float64."""
    x = np.asarray(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = eps * max(1.0, abs(x[i]))
        grad[i] = (f(x + step) - f(x - step)) / (2 * step[i])
    return grad
