import numpy as np
import pytest

from playground.charts import nn as nn_charts
from playground.charts import theme
from playground.models import nn
from tests.apptest import plain


def test_digit_image_is_8_by_8_with_the_top_row_on_top():
    fig = plain(nn_charts.digit_image(np.arange(64) / 63, "Truth: 3"))
    z = np.asarray(fig["data"][0]["z"])
    assert z.shape == (8, 8) and z[0, 1] < z[7, 1]
    assert fig["layout"]["yaxis"]["autorange"] == "reversed" and fig["layout"]["title"]["text"] == "Truth: 3"


def test_activations_highlight_the_prediction_on_a_category_axis():
    fig = plain(nn_charts.activations(np.array([0.1, 0.7, 0.2]), ["0", "1", "2"], "Probability", highlight=1))
    assert list(fig["data"][0]["marker"]["color"]) == [theme.BLUE, theme.YOURS, theme.BLUE]
    assert fig["layout"]["xaxis"]["type"] == "category" and fig["layout"]["yaxis"]["title"]["text"] == "Probability"


def test_weight_mosaic_tiles_every_unit_as_an_8_by_8_picture():
    W = np.random.default_rng(0).standard_normal((64, 32))
    z = np.asarray(plain(nn_charts.weight_mosaic(W))["data"][0]["z"], dtype=float)
    assert z.shape == (4 * 9 - 1, 8 * 9 - 1)
    np.testing.assert_allclose(z[9:17, 18:26], W[:, 10].reshape(8, 8), rtol=1e-6)  # unit 10: row 1, column 2
    assert np.isnan(z[8]).all()  # the gaps between tiles


def test_cost_bars_label_counts_and_switch_scale():
    fig = plain(nn_charts.cost_bars(["a", "b"], [2_368, 7_104], log=False))
    assert list(fig["data"][0]["text"]) == ["2,368", "7,104"] and fig["layout"]["xaxis"].get("type") != "log"
    assert plain(nn_charts.cost_bars(["a"], [1e9]))["layout"]["xaxis"]["type"] == "log"


def _graph(step):
    params = nn.init((2, 3, 1), np.random.default_rng(1))
    X, y = np.array([[1.0, -0.5]]), np.array([[1.0]])
    g = nn.backward(params, nn.forward(params, X, "tanh", "squared_error"), y, "tanh", "squared_error")
    return plain(nn_charts.computation_graph(nn.snapshot(params, X, y, "tanh", "squared_error", step))), g


def test_the_graph_shows_values_first_and_gradients_only_once_reached():
    forward_only, _ = _graph(0)
    texts = [a["text"] for a in forward_only["layout"]["annotations"]]
    assert not any("∂" in t for t in texts) and any("Loss</b><br>?" in t for t in texts)
    assert sum(t.startswith("w=") for t in texts) == 2 * 3 + 3 * 1
    output_layer, g = _graph(2)
    texts = [a["text"] for a in output_layer["layout"]["annotations"]]
    assert any(f"∂={g['W2'][0, 0]:+.3f}" in t for t in texts)
    assert not any(f"∂={g['W1'][0, 0]:+.3f}" in t for t in texts)
    done, _ = _graph(4)
    assert (
        sum("∂=" in a["text"] for a in done["layout"]["annotations"]) == 9 + 6 + 1
    )  # every edge, every neuron, the loss


def test_labels_of_edges_leaving_one_neuron_do_not_stack():
    fig, _ = _graph(0)
    weight_labels = [(a["x"], a["y"]) for a in fig["layout"]["annotations"] if a["text"].startswith("w=")]
    assert len(set(weight_labels)) == len(weight_labels)
    first_layer = sorted(y for x, y in weight_labels if x < 1)
    assert min(np.diff(first_layer)) > 0.2  # at least a label's height apart


@pytest.mark.parametrize("hidden", [2, 3])
def test_a_level_edges_label_stands_halfway_and_the_loss_sits_under_the_prediction(hidden):
    """In a narrow column the boxes covered the ends of the weights on level edges ("w=+0.35" read
    "=+0.35"): their labels stood two fifths of the way, nearer one box, and the loss box to the
    right of the prediction took a fifth of the chart's width from the layers."""
    params = nn.init((2, hidden, 1), np.random.default_rng(1))
    X, y = np.array([[1.0, -0.5]]), np.array([[1.0]])
    fig = plain(nn_charts.computation_graph(nn.snapshot(params, X, y, "tanh", "squared_error", 4)))
    edges = [t for t in fig["data"] if t["line"].get("dash") != "dot"]
    weights = [a for a in fig["layout"]["annotations"] if a["text"].startswith("w=")]
    assert len(edges) == len(weights) == 2 * hidden + hidden
    level = [(e, w) for e, w in zip(edges, weights, strict=True) if e["y"][0] == e["y"][1]]
    assert level  # x1 -> h1 and x2 -> the last hidden neuron at least
    for edge, label in level:
        assert label["x"] == pytest.approx(sum(edge["x"]) / 2)
    loss = next(a for a in fig["layout"]["annotations"] if a["text"].startswith("<b>Loss"))
    prediction = next(a for a in fig["layout"]["annotations"] if a["text"].startswith("<b>ŷ"))
    assert loss["x"] == prediction["x"] and loss["y"] < prediction["y"]
    assert fig["layout"]["xaxis"]["range"][1] < prediction["x"] + 0.5  # nothing to the right of the layers


def test_edges_carry_their_blame_as_colour_and_width():
    fig, _ = _graph(4)
    edges = [t for t in fig["data"] if t["line"].get("dash") != "dot"]
    assert {t["line"]["color"] for t in edges} <= {theme.POSITIVE, theme.NEGATIVE}
    widest = max(edges, key=lambda t: t["line"]["width"])
    assert widest["line"]["width"] > 2
    blank, _ = _graph(0)
    assert {t["line"]["color"] for t in blank["data"] if t["line"].get("dash") != "dot"} == {theme.GREY}


def test_blame_bars_are_signed_and_coloured():
    fig = plain(nn_charts.blame(["a", "b"], [0.5, -0.2]))
    assert list(fig["data"][0]["marker"]["color"]) == [theme.POSITIVE, theme.NEGATIVE]
    assert list(fig["data"][0]["y"]) == ["a", "b"]


def test_the_blame_axis_holds_still_while_an_input_moves_a_little():
    """Framed on the largest gradient, the axis moved with every step of a slider: the bars kept their
    length while their numbers changed. Its end is now a round number, which a small move keeps."""
    params = nn.init((2, 3, 1), np.random.default_rng(1))
    ranges, largest = set(), []
    for x1 in np.arange(0.5, 1.55, 0.1):  # around the page's default input, a slider step at a time
        out = nn.forward(params, np.array([[x1, -0.5]]), "tanh", "squared_error")
        grads = nn.backward(params, out, np.array([[1.0]]), "tanh", "squared_error")
        flat = np.concatenate([g.ravel() for g in grads.values()])
        fig = plain(nn_charts.blame([str(i) for i in range(len(flat))], flat))
        low, high = fig["layout"]["xaxis"]["range"]
        assert low == -high and high >= 1.5 * np.abs(flat).max()  # room for the number beyond the bar
        ranges.add(high)
        largest.append(np.abs(flat).max())
    assert len(ranges) == 1 and max(largest) > 1.2 * min(largest)  # the bars moved; the axis did not


@pytest.mark.parametrize(
    ("gradient", "said"),
    [
        (-0.00023, "-0.0002"),
        (0.00004, "+0.00004"),
        (-3e-8, "0.000"),
        (0.0, "0.000"),
        (-0.942, "-0.942"),
        (-135.349, "-135.3"),
    ],
)
def test_a_trickle_of_blame_never_reads_as_a_negative_zero(gradient, said):
    """The saturated sigmoid's blame bars read "-0.000" beside an orange (negative) bar."""
    fig = plain(nn_charts.blame(["a", "b"], [gradient, 1.0]))
    assert fig["data"][0]["text"][0] == said


def test_blame_numbers_keep_the_charts_type_size_beside_thin_bars():
    """Plotly shrinks a bar's outside text to the bar's thickness: "not yet" and the gradients were
    20 px beside 25 px labels on a projector."""
    fig = plain(nn_charts.blame(["a", "b"], [0.5, -0.2], known=[True, False]))
    assert fig["data"][0]["constraintext"] == "none"
    assert list(fig["data"][0]["text"]) == ["+0.500", "not yet"]
