"""Fully connected networks: how many knobs they have, and a random set of them to draw.

A layout is a sequence of layer widths, inputs first: ``(3, 4, 1)`` is 3 inputs, one hidden
layer of 4 neurons and 1 output. Between consecutive layers of widths ``n_in`` and ``n_out``
sit ``n_in * n_out`` weights and ``n_out`` biases.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np


def _check_layout(widths: Sequence[int]) -> None:
    if len(widths) < 2 or any(int(n) != n or n < 1 for n in widths):
        raise ValueError(f"a layout needs at least two layers of whole, positive widths, got {tuple(widths)}")


def layer_parameter_counts(widths: Sequence[int]) -> list[tuple[int, int]]:
    """``(weights, biases)`` for each connection between consecutive layers."""
    _check_layout(widths)
    return [(n_in * n_out, n_out) for n_in, n_out in itertools.pairwise(widths)]


def count_parameters(widths: Sequence[int]) -> int:
    """Total number of weights and biases: ``sum(n_in * n_out + n_out)`` over connections."""
    return sum(w + b for w, b in layer_parameter_counts(widths))


def random_weights(widths: Sequence[int], rng: np.random.Generator) -> list[np.ndarray]:
    """One weight matrix per connection, shape (n_in, n_out), drawn N(0, 1 / n_in)."""
    _check_layout(widths)
    return [rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, n_out)) for n_in, n_out in itertools.pairwise(widths)]


def layout(inputs: int, hidden: Sequence[int], outputs: int) -> tuple[int, ...]:
    """Layer widths from the input count, hidden widths (0 means no such layer) and outputs."""
    return (inputs, *(h for h in hidden if h > 0), outputs)
