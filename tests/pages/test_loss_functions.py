import numpy as np
import pytest

from playground.models import houses, linear, losses
from tests.apptest import charts, metric, open_bad_link, open_page, said, table

PAGE = "app_pages/loss_functions.py"
DATA = houses.load()


def _penalties(at) -> dict[str, float]:
    (row,) = table(at, "Squared error")
    return {name: float(value) for name, value in row.items()}


def _dollars(text: str) -> float:
    return float(text.replace("*", "").replace("$", "").replace(",", "").replace("+", "").split()[0])


def test_the_chapters_example_is_scored_by_every_loss():
    at = open_page(PAGE)
    assert not at.exception
    # A $100k miss is ten $10k misses: absolute error charges 10, squared error 100.
    assert _penalties(at) == {"Squared error": 100.0, "Absolute error": 10.0, "Huber": 75.0, "Asymmetric": 20.0}
    assert any("squared error charges it 100 times" in c.value for c in at.caption)


def test_moving_the_prediction_changes_every_penalty_and_moves_the_markers():
    at = open_page(PAGE)
    before = charts(at)[0]
    at.slider(key="loss_pred").set_value(300_000).run()  # now $200k too low
    assert _penalties(at) == {"Squared error": 400.0, "Absolute error": 20.0, "Huber": 175.0, "Asymmetric": 40.0}
    assert charts(at)[0] != before
    assert at.query_params["pred"] == "300000"


def test_mansions_move_the_squared_line_far_more_than_the_absolute_line():
    at = open_page(PAGE)
    at.slider(key="loss_mansions").set_value(2).run()
    moved = {m.label.split(":")[0]: _dollars(m.delta) for m in at.metric if "from the mansions" in m.delta}
    assert moved["Squared error"] > 20 > 2 > abs(moved["Absolute error"])
    rich = houses.with_mansions(DATA, 2)
    expected = linear.fit_least_squares(rich.size, rich.price).w
    assert _dollars(metric(at, "Squared error: price per sq ft")) == pytest.approx(expected, abs=0.5)


def test_without_mansions_nothing_is_said_to_chase_them():
    """With none on the chart the caption said "Squared error bends towards the mansions"."""
    at = open_page(PAGE, mansions="0")
    words = " ".join(said(at, "caption"))
    assert "No mansions yet" in words and "bends towards" not in words and "chased the mansions" not in words
    assert not [m.delta for m in at.metric if m.delta]  # no "+$0 from the mansions" under the weights
    at.slider(key="loss_mansions").set_value(1).run()
    words = " ".join(said(at, "caption"))
    assert "Squared error bends towards the mansion; absolute error and Huber barely move." in words


def test_the_asymmetric_line_costs_the_business_least_and_follows_k():
    at = open_page(PAGE, k="3")
    rows = {row["Line fitted with"]: row for row in table(at, "Line fitted with")}
    cost = next(name for name in rows["Huber"] if name.startswith("Business cost"))
    costs = {name: _dollars(row[cost]) for name, row in rows.items()}
    assert min(costs, key=costs.get) == "Asymmetric" and rows["Asymmetric"][cost].endswith("(least)")
    fit = linear.fit_under_loss(DATA.size, DATA.price, "asymmetric", k=3.0)
    out = losses.outcomes(DATA.price, linear.predict(DATA.size, fit.w, fit.b), 3.0)
    assert costs["Asymmetric"] == pytest.approx(out.mean_cost, abs=1)
    assert rows["Asymmetric"]["Houses under-priced"] == f"{out.share_under:.0%}"
    at.slider(key="loss_k").set_value(9.0).run()
    after = {row["Line fitted with"]: row for row in table(at, "Line fitted with")}
    share = int(after["Asymmetric"]["Houses under-priced"].rstrip("%"))
    assert share < int(rows["Asymmetric"]["Houses under-priced"].rstrip("%"))


def test_a_confident_wrong_answer_costs_far_more_under_cross_entropy():
    at = open_page(PAGE)
    next(b for b in at.button if b.label == "Confident and wrong").click().run()
    ce, sq = float(metric(at, "Cross-entropy penalty")), float(metric(at, "Squared-error penalty"))
    assert ce == pytest.approx(-np.log(0.02), abs=0.01) and sq == pytest.approx(0.98**2, abs=0.01)
    assert ce > 3 * sq


def test_choosing_no_loss_explains_instead_of_drawing_nothing():
    at = open_page(PAGE, fits="none")
    assert not at.exception
    assert any("Pick at least one loss" in i.value for i in at.info)


@pytest.mark.parametrize(
    "params",
    [
        pytest.param({"pred": "-5", "actual": "abc", "k": "0", "p": "1.5"}, id="out of range and malformed"),
        pytest.param({"delta": "nan", "mansions": "99", "fits": "squared,hinge"}, id="NaN, too many, unknown"),
        pytest.param({"p": "inf", "present": "1", "unknown": "x"}, id="infinite and unknown"),
    ],
)
def test_loss_functions_survives_a_link_full_of_bad_values(params):
    at = open_bad_link(PAGE, accepted=("present",), **params)
    assert len(charts(at)) == 5
