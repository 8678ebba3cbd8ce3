"""Builders skip Plotly's validation at run time (see playground/charts/theme.py); it runs here,
over every builder it can find, as the app sends it and as presenter mode enlarges it."""

import importlib
import inspect
import json
import pkgutil

import numpy as np
import plotly.graph_objects as go
import pytest

import playground.charts
from playground.charts import descent as descent_charts
from playground.charts import fitting as fit_charts
from playground.charts import loop, network, regression, theme
from playground.charts import losses as loss_charts
from playground.charts import nn as nn_charts
from playground.charts import training as training_charts
from playground.content.loop import INITIALIZE, STAGES
from playground.models import dataset, descent, fitting, fraud, landscapes, linear, losses, nn
from playground.ui.page import for_projector

SIZE = np.array([1000.0, 2000.0, 3000.0])
PRICE = np.array([250_000.0, 420_000.0, 560_000.0])
FIT = linear.fit_least_squares(SIZE, PRICE)
OWN = dataset.Pair(SIZE * 1e-9, PRICE, dataset.Quantity("<b>tiny</b> & %{x}", "€"), dataset.Quantity("y", "", "%"), "t")
DIRTY = linear.Corruption(price=PRICE[::-1].copy(), corrupted=np.array([True, False, True]))

LAND = landscapes.MOUNTAINS
WALKS = {o: descent.run(LAND, o, (2.0, 2.0), 0.2, 5) for o in ("gd", "adam")}

SAMPLE = fitting.sample(np.random.default_rng(0), 12, 50.0, n_val=12)
SWEPT = fitting.sweep(SAMPLE)
KINDS = ["underfit"] * 2 + ["good fit"] * 4 + ["overfit"] * 10

RNG = np.random.default_rng(0)
TINY_NET = nn.init((2, 2, 1), RNG)
HISTORY = fraud.detect(20, n=60, n_val=60, epochs=3, patience=1)

# The theme's figure factories: every builder goes through them, so they are checked through it.
FACTORIES = {"theme.figure", "theme.animated"}

BUILT = {
    "theme.count_bars": lambda: theme.count_bars(["a", "b"], [3.0, 3e9], "parameters"),
    "training.training_curves": lambda: training_charts.training_curves(HISTORY),
    "training.hierarchy": lambda: training_charts.hierarchy(epochs=3, per_epoch=40),
    "regression.line_fit": lambda: regression.line_fit(SIZE, PRICE, FIT, FIT),
    "regression.batch_fit": lambda: regression.batch_fit(SIZE, PRICE, np.array([0]), FIT, FIT),
    "regression.dirty_fit": lambda: regression.dirty_fit(SIZE, DIRTY, FIT, FIT, on=regression.frame(OWN)),
    "regression.preview": lambda: regression.preview(OWN.x, OWN.y, FIT, on=regression.frame(OWN)),
    "network.network_diagram": lambda: network.network_diagram((2, 3, 1), [np.ones((2, 3)), -np.ones((3, 1))]),
    "network.parameter_counts": lambda: network.parameter_counts(["a", "b"], [2, 175e9]),
    "loop.training_loop": lambda: loop.training_loop(INITIALIZE, STAGES, highlight="Loss"),
    "losses.loss_curves": lambda: loss_charts.loss_curves(
        SIZE, losses.all_penalties(SIZE, delta=1.0, k=2.0), 2000.0, dict.fromkeys(losses.LOSSES, 1e6)
    ),
    "losses.fits_by_loss": lambda: loss_charts.fits_by_loss(
        SIZE, PRICE, np.array([False, False, True]), {"squared": FIT}
    ),
    "losses.misses_by_loss": lambda: loss_charts.misses_by_loss(SIZE, {"huber": PRICE}),
    "losses.confidence_curves": lambda: loss_charts.confidence_curves(np.array([0.1, 0.9]), SIZE[:2], SIZE[:2], 0.5),
    "descent.descent_player": lambda: descent_charts.descent_player(
        LAND, descent_charts.landscape(LAND, landscapes.grid(LAND, 10)), WALKS, blindfold=True
    ),
    "descent.landscape_3d": lambda: descent_charts.landscape_3d(LAND, landscapes.grid(LAND, 10), WALKS),
    "descent.two_starts": lambda: descent_charts.two_starts(
        LAND, descent_charts.landscape(LAND, landscapes.grid(LAND, 10)), {"A": WALKS["gd"]}
    ),
    "fitting.fit_view": lambda: fit_charts.fit_view(SAMPLE, SAMPLE.x_val, SAMPLE.y_val, SAMPLE.y_val),
    "fitting.complexity_curve": lambda: fit_charts.complexity_curve(SWEPT, 3, KINDS, 50.0),
    "fitting.epoch_curves": lambda: fit_charts.epoch_curves(fitting.train_by_descent(SAMPLE, 4, 10), 50.0),
    "fitting.data_size_curve": lambda: fit_charts.data_size_curve(fitting.learning_curve(0, (10, 20), 2, 50.0), 50.0),
    "nn.digit_image": lambda: nn_charts.digit_image(np.zeros(64), "x"),
    "nn.activations": lambda: nn_charts.activations(np.ones(3), ["a", "b", "c"], "y", highlight=0),
    "nn.weight_mosaic": lambda: nn_charts.weight_mosaic(np.ones((64, 8))),
    "nn.cost_bars": lambda: nn_charts.cost_bars(["a"], [10.0]),
    "nn.computation_graph": lambda: nn_charts.computation_graph(
        nn.snapshot(
            nn.init((2, 2, 1), np.random.default_rng(0)), np.ones((1, 2)), np.ones((1, 1)), "tanh", "squared_error", 4
        )
    ),
    "nn.blame": lambda: nn_charts.blame(["a"], [1.0]),
}


# Builders that also draw a learner's own columns (names with HTML and template syntax in them), beside the houses.
OWN_FRAME = regression.frame(OWN)
# What a builder draws only at a control's extreme: a miss off the penalty chart's side.
AT_THE_EDGE = {
    "losses.loss_curves": lambda: loss_charts.loss_curves(
        SIZE, losses.all_penalties(SIZE, delta=1.0, k=2.0), -1e9, dict.fromkeys(losses.LOSSES, 1e6)
    ),
}

ON_YOUR_DATA = {
    "regression.line_fit": lambda: regression.line_fit(OWN.x, OWN.y, FIT, FIT, on=OWN_FRAME),
    "losses.fits_by_loss": lambda: loss_charts.fits_by_loss(
        OWN.x, OWN.y, np.zeros(3, dtype=bool), {"huber": FIT}, on=OWN_FRAME
    ),
    "losses.misses_by_loss": lambda: loss_charts.misses_by_loss(OWN.x, {"huber": OWN.y}, on=OWN_FRAME),
}


@pytest.mark.parametrize(
    "build",
    [*BUILT.values(), *AT_THE_EDGE.values(), *ON_YOUR_DATA.values()],
    ids=[*BUILT, *(f"{k} (at the edge)" for k in AT_THE_EDGE), *(f"{k} (your data)" for k in ON_YOUR_DATA)],
)
@pytest.mark.parametrize("presenting", [False, True], ids=["normal", "presenter"])
def test_every_builder_passes_plotlys_validation(build, presenting):
    fig = for_projector(build()) if presenting else build()
    json.dumps(fig)  # plain JSON: nothing left for Streamlit to convert
    go.Figure(fig)  # raises ValueError on any property Plotly does not know


def test_the_validation_above_would_catch_a_misspelt_property():
    bad = theme.figure([{"type": "scatter", "x": [1], "y": [1], "colour": "red"}])
    with pytest.raises(ValueError, match="colour"):
        go.Figure(bad)


def _builders() -> set[str]:
    """Every public function in playground/charts that returns a figure, found by reading the package."""
    found = set()
    for info in pkgutil.iter_modules(playground.charts.__path__):
        module = importlib.import_module(f"playground.charts.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            returns = str(fn.__annotations__.get("return", ""))
            if fn.__module__ == module.__name__ and not name.startswith("_") and returns.endswith("Chart"):
                found.add(f"{info.name}.{name}")
    return found - FACTORIES


def test_every_builder_has_a_sample_here():
    assert _builders() == set(BUILT)
