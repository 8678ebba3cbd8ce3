import numpy as np
import pytest

from playground.models import fitting
from tests.apptest import array, charts, metric, open_bad_link, open_page

PAGE = "app_pages/overfitting.py"


def _verdict(at) -> str:
    texts = [e.value for e in [*at.success, *at.info, *at.warning] if not e.value.startswith("**Why")]
    (text,) = texts
    return text


def test_moving_the_degree_changes_the_verdict():
    at = open_page(PAGE)
    assert not at.exception
    assert _verdict(at).startswith("**Good fit.**")
    at.slider(key="ovf_degree").set_value(0).run()
    assert _verdict(at).startswith("**Underfitting.**")
    at.slider(key="ovf_degree").set_value(12)
    at.slider(key="ovf_n").set_value(20).run()
    assert _verdict(at).startswith("**Overfitting.**")


def test_the_numbers_shown_are_the_models_errors():
    at = open_page(PAGE, degree="5", n="40", noise="80", seed="7")
    s = fitting.sample(np.random.default_rng(7), 40, 80.0)
    model = fitting.fit(s.x_train, s.y_train, 5)
    shown = metric(at, "Typical miss on new houses")
    assert shown == f"${fitting.rmse(model, s.x_val, s.y_val):.3g}k"
    assert metric(at, "Least possible miss") == f"${fitting.noise_floor(s):.3g}k"


def test_degree_zero_is_the_chapters_model_that_prices_every_house_the_same():
    at = open_page(PAGE)
    next(b for b in at.button if b.label == "One price for every house").click().run()
    curve = array(next(t for t in charts(at)[0]["data"] if t["name"] == "The model")["y"])
    s = fitting.sample(np.random.default_rng(0), 20, 60.0)
    np.testing.assert_allclose(curve, s.y_train.mean() * 1000, rtol=1e-5)
    assert _verdict(at).startswith("**Underfitting.**")


def test_more_data_and_regularisation_each_rescue_the_memorising_model():
    at = open_page(PAGE)
    next(b for b in at.button if b.label == "Memorised the noise").click().run()
    assert _verdict(at).startswith("**Overfitting.**")
    for scene in ("More data to the rescue", "Regularised"):
        next(b for b in at.button if b.label == scene).click().run()
        assert not _verdict(at).startswith("**Overfitting.**"), scene


def test_new_sample_draws_other_houses_and_the_link_follows():
    at = open_page(PAGE)
    before = charts(at)[0]
    next(b for b in at.button if b.label == "New sample").click().run()
    assert at.number_input(key="ovf_seed").value == 1 and at.query_params["seed"] == "1"
    assert charts(at)[0] != before


def test_memorising_reads_as_words_and_the_prices_stay_in_the_market():
    at = open_page(PAGE)
    next(b for b in at.button if b.label == "Memorised the noise").click().run()
    assert metric(at, "Typical miss on new houses") == "over $10M"
    assert "$1.62B" not in _verdict(at) and "over $10M" in _verdict(at)
    fit = charts(at)[0]
    assert fit["layout"]["yaxis"]["range"][1] < 1_500_000  # the wiggly curve threads the houses on screen
    assert any("shoots far off the chart between them" in c.value for c in at.caption)


def test_the_regularised_scene_trains_to_the_model_it_shows_and_says_so():
    at = open_page(PAGE)
    next(b for b in at.button if b.label == "Regularised").click().run()
    epochs = charts(at)[2]
    val = array(next(t for t in epochs["data"] if t["name"] == "Validation error")["y"])
    assert val[-1] == pytest.approx(1000 * float(metric(at, "Typical miss on new houses").strip("$k")), rel=0.02)
    caption = next(c.value for c in at.caption if "epoch" in c.value)
    assert "ends only a little higher" in caption and "keeps the better model" not in caption
    assert not [s for s in epochs["layout"]["shapes"] if s["type"] == "rect"]  # nothing shaded "overfit"
    # no degree overfits here, so the complexity chart promises no U
    assert not any("that U marks" in c.value for c in at.caption)


def test_the_epoch_chart_marks_the_early_stopping_epoch():
    at = open_page(PAGE, n="20")
    s = fitting.sample(np.random.default_rng(0), 20, 60.0)
    best = fitting.train_by_descent(s, fitting.MAX_DEGREE, 10_000).best_epoch
    epochs = charts(at)[2]
    assert any(f"epoch {best}" in a["text"] for a in epochs["layout"]["annotations"])


@pytest.mark.parametrize(
    "params",
    [
        pytest.param({"degree": "99", "n": "abc", "l2": "-1"}, id="out of range, malformed, negative"),
        pytest.param({"noise": "nan", "seed": "inf", "degree": "3.7"}, id="NaN, infinite, between steps"),
    ],
)
def test_overfitting_survives_a_link_full_of_bad_values(params):
    at = open_bad_link(PAGE, accepted=tuple(k for k, v in params.items() if v == "3.7"), **params)
    assert len(charts(at)) == 4
