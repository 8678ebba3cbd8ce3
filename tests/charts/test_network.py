import numpy as np
import pytest

from playground.charts import network as network_chart
from playground.charts import theme
from tests.apptest import plain


def _weights():
    return [np.array([[0.5, -1.5], [1.0, 0.1]]), np.array([[-1.0], [3.0]])]


def test_every_weight_is_one_segment_coloured_by_its_sign():
    fig = plain(network_chart.network_diagram((2, 2, 1), _weights()))
    edges = [t for t in fig["data"] if t["name"] != "Neuron"]
    segments = {True: 0, False: 0}
    for t in edges:
        segments[t["line"]["color"] == theme.POSITIVE] += len(t["x"]) // 3
    assert segments == {True: 4, False: 2}


def test_the_largest_weight_gets_the_thickest_line():
    fig = plain(network_chart.network_diagram((2, 2, 1), _weights()))
    thickest = max((t for t in fig["data"] if t["name"] != "Neuron"), key=lambda t: t["line"]["width"])
    assert thickest["line"]["color"] == theme.POSITIVE
    assert list(thickest["x"][:2]) == [1.0, 2.0]  # the 3.0 weight, hidden -> output


def test_one_dot_per_neuron_and_a_label_per_layer():
    fig = plain(network_chart.network_diagram((2, 2, 1), _weights()))
    assert len(next(t for t in fig["data"] if t["name"] == "Neuron")["x"]) == 5
    assert [a["text"] for a in fig["layout"]["annotations"]] == ["<b>Inputs</b>", "<b>Hidden 1</b>", "<b>Output</b>"]


def test_each_sign_appears_once_in_the_legend():
    fig = plain(network_chart.network_diagram((2, 2, 1), _weights()))
    shown = [t["name"] for t in fig["data"] if t.get("showlegend") is not False]
    assert sorted(shown) == ["Negative weight", "Neuron", "Positive weight"]


def test_wrong_number_of_weight_matrices_is_rejected():
    with pytest.raises(ValueError, match="3 layers need 2 weight matrices"):
        plain(network_chart.network_diagram((2, 2, 1), _weights()[:1]))


def test_parameter_counts_on_a_log_axis_with_readable_labels():
    fig = plain(network_chart.parameter_counts(["Yours", "GPT-3"], [21, 175e9]))
    bar = fig["data"][0]
    assert list(bar["y"]) == ["Yours", "GPT-3"]
    assert list(bar["text"]) == ["21", "175 billion"]
    assert fig["layout"]["xaxis"]["type"] == "log"
    assert bar["marker"]["line"]["color"][0] == theme.YOURS  # yours, framed in its role colour
