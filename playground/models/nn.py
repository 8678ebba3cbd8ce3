"""A small fully connected neural network: forward, backward, counts. Pure numpy.

Shapes: a batch ``X`` is (n_samples, n_inputs). Layer ``l`` (1-based) has weights ``W{l}`` of
shape (n_in, n_out) and biases ``b{l}`` of shape (n_out,), and computes ``z = a @ W + b`` then
``a = act(z)``: the row-vector form of the textbook ``z = W a + b``. Parameters and gradients are
dicts with the same keys. Losses are means over the batch, not sums.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from playground.models.network import count_parameters

Params = dict[str, np.ndarray]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # the same curve, with no overflow for large |z|


ACTIVATIONS = {
    "relu": (lambda z: np.maximum(z, 0.0), lambda z, a: (z > 0).astype(z.dtype)),
    "sigmoid": (_sigmoid, lambda z, a: a * (1 - a)),
    "tanh": (np.tanh, lambda z, a: 1 - a**2),
    "identity": (lambda z: z, lambda z, a: np.ones_like(z)),
}
LOSSES = ("softmax_cross_entropy", "squared_error")


def init(widths: Sequence[int], rng: np.random.Generator) -> Params:
    """Weights drawn Normal(0, 2 / n_in) (He scaling), biases zero."""
    params: Params = {}
    for layer, (n_in, n_out) in enumerate(itertools.pairwise(widths), start=1):
        params[f"W{layer}"] = rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, n_out))
        params[f"b{layer}"] = np.zeros(n_out)
    return params


def parameter_names(widths: Sequence[int]) -> dict[str, tuple[str, tuple[int, ...]]]:
    """One readable name per scalar parameter of a network of these widths, in ``init``'s order.

    ``W1[1,2]`` is the weight from input 1 to hidden neuron 2; it maps to ``("W1", (0, 1))``.
    """
    shapes = {}
    for layer, (n_in, n_out) in enumerate(itertools.pairwise(widths), start=1):
        shapes[f"W{layer}"], shapes[f"b{layer}"] = (n_in, n_out), (n_out,)
    return {
        f"{key}[{','.join(str(i + 1) for i in index)}]": (key, index)
        for key, shape in shapes.items()
        for index in np.ndindex(shape)
    }


def parameter_label(name: str, layers: int = 2) -> str:
    """The name a diagram uses for a parameter: ``W1[1,2]`` is "x1 → h2", ``b2[1]`` "bias of ŷ".

    Inputs are x1, x2 ...; hidden neurons h1, h2 ...; a single output is ŷ. ``layers`` counts
    the weight layers (2 for one hidden layer).
    """
    key, _, rest = name.partition("[")
    index = [int(i) for i in rest.rstrip("]").split(",")]
    layer = int(key[1:])

    def node(at: int, i: int) -> str:
        return f"x{i}" if at == 0 else "ŷ" if at == layers else f"h{i}"

    if key.startswith("W"):
        return f"{node(layer - 1, index[0])} → {node(layer, index[1])}"
    return f"bias of {node(layer, index[0])}"


def blame_known(snap: Snapshot, names: Sequence[str]) -> np.ndarray:
    """For each parameter name (``W1[1,2]``, ``b1[2]`` ...), whether the backward pass has reached it yet."""
    return np.array([snap.weight_grads[int(n.partition("[")[0][1:]) - 1] is not None for n in names])


def n_layers(params: Params) -> int:
    return sum(1 for key in params if key.startswith("W"))


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise probabilities; shifted by each row's maximum so large scores cannot overflow."""
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class Forward:
    """Every layer's pre-activation ``z[l]`` and activation ``a[l]``; ``a[0]`` is the input.

    ``a[-1]`` is the network's output: class probabilities after a softmax, or the raw score.
    """

    z: list[np.ndarray]
    a: list[np.ndarray]


def forward(params: Params, X: np.ndarray, hidden: str = "relu", loss: str = "softmax_cross_entropy") -> Forward:
    """Push a batch through every layer. Changes nothing: parameters are only read."""
    if hidden not in ACTIVATIONS or loss not in LOSSES:
        raise ValueError(f"unknown activation {hidden!r} or loss {loss!r}")
    act = ACTIVATIONS[hidden][0]
    zs, acts = [np.zeros((X.shape[0], 0))], [np.asarray(X, dtype=np.float64)]
    L = n_layers(params)
    for layer in range(1, L + 1):
        z = acts[-1] @ params[f"W{layer}"] + params[f"b{layer}"]
        last = layer == L
        a = (softmax(z) if loss == "softmax_cross_entropy" else z) if last else act(z)
        zs.append(z)
        acts.append(a)
    return Forward(zs, acts)


# A bend counts as flat where its slope is under a fifth of its steepest (ReLU: where it is switched off).
FLAT = 0.2
STEEPEST = {"relu": 1.0, "sigmoid": 0.25, "tanh": 1.0, "identity": 1.0}


def flat_neurons(out: Forward, hidden: str) -> np.ndarray:
    """The first hidden layer's neurons (indices) that sit where their activation is flat for the
    batch's first example: blame passing back through one is multiplied by that slope, near zero."""
    slope = ACTIVATIONS[hidden][1](out.z[1][0], out.a[1][0])
    return np.flatnonzero(slope < FLAT * STEEPEST[hidden])


def blame_around(grads: dict[str, np.ndarray], neurons: np.ndarray) -> tuple[float, float]:
    """The largest blame (absolute) on a knob into the first hidden layer's ``neurons``, weight or
    bias, and on the next layer's knobs: what reaches them, against what leaves the layer above."""
    into = np.concatenate([grads["W1"][:, neurons].ravel(), grads["b1"][neurons]])
    above = np.concatenate([grads["W2"].ravel(), grads["b2"].ravel()])
    return float(np.abs(into).max()), float(np.abs(above).max())


def loss_value(out: Forward, y: np.ndarray, loss: str = "softmax_cross_entropy") -> float:
    """Mean cross-entropy (``y`` holds class indices) or mean squared error (``y`` holds targets).

    Notes
    -----
    cross-entropy: ``-mean(log p[i, y_i])``; squared error: ``mean((a_out - y)**2)``.
    """
    a = out.a[-1]
    if loss == "softmax_cross_entropy":
        return float(-np.mean(np.log(np.clip(a[np.arange(a.shape[0]), y], 1e-300, None))))
    return float(np.mean((a - np.asarray(y, dtype=np.float64).reshape(a.shape)) ** 2))


def backward(
    params: Params, out: Forward, y: np.ndarray, hidden: str = "relu", loss: str = "softmax_cross_entropy"
) -> dict[str, np.ndarray]:
    """Gradient of :func:`loss_value` for every weight, bias and activation.

    Returns ``W{layer}``, ``b{layer}`` (same keys and shapes as the parameters) and ``a{layer}`` for each
    layer's activation, ``a0`` being the input: how much the loss would move per unit of it.

    Notes
    -----
    At the output, softmax with cross-entropy gives ``dz = (p - onehot(y)) / n``; squared error
    gives ``dz = 2 (a - y) / n``. Then, layer by layer backwards: ``dW = a_prev.T @ dz``,
    ``db = sum(dz)``, ``da_prev = dz @ W.T``, ``dz_prev = da_prev * act'(z_prev)``.
    """
    d_act = ACTIVATIONS[hidden][1]
    n = out.a[0].shape[0]
    L = n_layers(params)
    a_out = out.a[-1]
    if loss == "softmax_cross_entropy":
        rows = np.arange(n)
        onehot = np.zeros_like(a_out)
        onehot[rows, y] = 1.0
        dz = (a_out - onehot) / n
        da_out = np.zeros_like(a_out)  # d(-log p_y)/dp: only the true class's probability matters
        da_out[rows, y] = -1.0 / (n * np.clip(a_out[rows, y], 1e-300, None))
    else:
        da_out = 2 * (a_out - np.asarray(y, dtype=np.float64).reshape(a_out.shape)) / a_out.size
        dz = da_out
    grads: dict[str, np.ndarray] = {f"a{L}": da_out}
    for layer in range(L, 0, -1):
        grads[f"W{layer}"] = out.a[layer - 1].T @ dz
        grads[f"b{layer}"] = dz.sum(axis=0)
        grads[f"a{layer - 1}"] = dz @ params[f"W{layer}"].T
        if layer > 1:
            dz = grads[f"a{layer - 1}"] * d_act(out.z[layer - 1], out.a[layer - 1])
    return grads


def multiply_adds(widths: Sequence[int]) -> int:
    """Multiply-adds in one forward pass of one example: ``sum(n_in * n_out)``."""
    return sum(n_in * n_out for n_in, n_out in itertools.pairwise(widths))


TRAINING_RULE_OF_THUMB = 3  # the usual estimate for large networks: training costs about 3 forward passes


def training_multiply_adds(widths: Sequence[int]) -> int:
    """One training step on one example, counted exactly: the forward pass, then the backward pass.

    Backward does one multiply-add per weight for the weight gradients (``dW = a.T dz``) and one
    per weight to pass blame back a layer (``da = dz W.T``), except through the first layer: the
    input is data, and nobody needs its blame. So a network whose first layer holds most weights
    costs a bit over 2 forward passes; a deep one approaches the usual rule of thumb of 3.
    """
    pairs = list(itertools.pairwise(widths))
    return 2 * multiply_adds(widths) + sum(n_in * n_out for n_in, n_out in pairs[1:])


def widths_of(params: Params) -> tuple[int, ...]:
    L = n_layers(params)
    return (params["W1"].shape[0], *(params[f"W{layer}"].shape[1] for layer in range(1, L + 1)))


def fingerprint(params: Params) -> str:
    """A short hash of every parameter's exact bytes: equal fingerprints, identical knobs."""
    digest = hashlib.sha256()
    for key in sorted(params):
        digest.update(key.encode())
        digest.update(np.ascontiguousarray(params[key], dtype=np.float64).tobytes())
    return digest.hexdigest()[:12]


def changed_count(before: Params, after: Params) -> int:
    """How many single numbers differ between two copies of a network's knobs."""
    return sum(int(np.count_nonzero(before[key] != after[key])) for key in before)


def parameter_count(params: Params) -> int:
    return count_parameters(widths_of(params))


def nudge_test(
    params: Params, key: str, index: tuple[int, ...], e: float, X: np.ndarray, y: np.ndarray, hidden: str, loss: str
) -> tuple[float, float]:
    """Move one parameter by ``e``: the loss change the gradient predicts, and the change that happens.

    Notes
    -----
    To first order ``L(p + e) - L(p) ≈ (dL/dp) e``; the gap between the two is of order ``e**2``.
    """
    out = forward(params, X, hidden, loss)
    before = loss_value(out, y, loss)
    grad = backward(params, out, y, hidden, loss)[key][index]
    moved = params[key].copy()
    moved[index] += e
    after = loss_value(forward({**params, key: moved}, X, hidden, loss), y, loss)
    return float(grad * e), float(after - before)


def serving_cost(madds: int, madds_per_second: float, dollars_per_hour: float) -> tuple[float, float]:
    """Seconds for one prediction, and dollars per million, on hardware of the given speed and price."""
    seconds = madds / madds_per_second
    return seconds, seconds * 1e6 * dollars_per_hour / 3600


@dataclass(frozen=True)
class Snapshot:
    """One example through a network, as far as backpropagation has got: what a diagram shows.

    ``values[l]`` are layer ``l``'s activations (``values[0]`` the input); ``value_grads[l]`` and
    ``weight_grads[l]`` are None until the backward pass has reached them.
    """

    widths: tuple[int, ...]
    weights: tuple[np.ndarray, ...]
    values: tuple[np.ndarray, ...]
    value_grads: tuple[np.ndarray | None, ...]
    weight_grads: tuple[np.ndarray | None, ...]
    loss: float | None
    loss_grad_known: bool


def snapshot(params: Params, X: np.ndarray, y: np.ndarray, hidden: str, loss: str, stage: int) -> Snapshot:
    """The first example of ``X`` at a stage of one training step.

    Stage 0 is the forward pass alone; stage 1 adds the loss; each stage after that carries the
    blame one layer further back: the output layer's gradients at stage 2, the layer before it at
    stage 3, and so on down to the inputs.
    """
    out = forward(params, X, hidden, loss)
    grads = backward(params, out, y, hidden, loss)
    layers = n_layers(params)
    reached = stage - 1  # how many layers back the blame has got: 1 is the output layer
    return Snapshot(
        widths=tuple(a.shape[1] for a in out.a),
        weights=tuple(params[f"W{k}"] for k in range(1, layers + 1)),
        values=tuple(a[0] for a in out.a),
        value_grads=tuple(grads[f"a{k}"][0] if layers - k < reached else None for k in range(layers + 1)),
        weight_grads=tuple(grads[f"W{k}"] if layers - k < reached else None for k in range(1, layers + 1)),
        loss=loss_value(out, y, loss) if stage >= 1 else None,
        loss_grad_known=stage >= 1,
    )
