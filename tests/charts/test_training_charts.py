import numpy as np

from playground.charts import theme
from playground.charts import training as training_charts
from playground.models import fraud, training
from tests.apptest import plain


def _history(patience=None, flipped=False, epochs=6):
    rng = np.random.default_rng(0)
    X, y = fraud.transactions(rng, 120)
    Xv, yv = (X, 1 - y) if flipped else fraud.transactions(rng, 60)
    return training.train(
        fraud.start(),
        X,
        y,
        Xv,
        yv,
        epoch=fraud.epoch,
        loss=fraud.loss,
        batch_size=30,
        epochs=epochs,
        lr=0.5,
        patience=patience,
    )


def _named(fig, start):
    return next(t for t in fig["data"] if t["name"].startswith(start))


def test_curves_draw_every_batch_every_epoch_and_the_checkpoint():
    h = _history()
    fig = plain(training_charts.training_curves(h))
    batches = _named(fig, "Loss on each batch")
    assert len(batches["y"]) == len(h.iteration_loss) == 4 * h.epochs_run
    positions = batches["x0"] + batches["dx"] * np.arange(len(batches["y"]))  # epochs into training
    np.testing.assert_allclose(positions[[0, 3, -1]], [1 / 4, 1, h.epochs_run])  # each epoch ends on its number
    np.testing.assert_allclose(_named(fig, "Validation loss")["y"], h.epoch_val, rtol=1e-6)
    star = _named(fig, "Checkpoint kept")
    assert list(star["x"]) == [h.best_epoch] and star["marker"]["color"] == theme.BEST
    assert not fig["layout"].get("shapes")  # no early stop, no patience window


def test_an_early_stop_is_marked_with_its_patience_window():
    h = _history(patience=2, flipped=True, epochs=20)
    fig = plain(training_charts.training_curves(h))
    window = next(s for s in fig["layout"]["shapes"] if s["type"] == "rect")
    assert (window["x0"], window["x1"]) == (h.best_epoch, h.stopped_at)
    assert f"stopped after epoch {h.stopped_at}" in fig["layout"]["annotations"][0]["text"]


def test_an_early_stop_ends_short_of_the_planned_epochs_on_an_axis_that_holds_still():
    """The epoch axis shrank to the stop, so changing the patience re-framed the whole chart."""
    h = _history(patience=2, flipped=True, epochs=20)
    assert h.stopped_at < 20
    fig = plain(training_charts.training_curves(h, planned=20))
    assert fig["layout"]["xaxis"]["range"] == [0, 20]
    assert _named(fig, "Validation loss")["x"][-1] == h.stopped_at  # the curves end where training did
    (note,) = fig["layout"]["annotations"]
    assert f"{20 - h.stopped_at} planned epochs never run" in note["text"] and note["xanchor"] == "left"


def _words(fig) -> list[str]:
    """The chart's annotations as read: a line break is a space."""
    return [a["text"].replace("<br>", " ") for a in fig["layout"]["annotations"]]


def _epoch_boxes(fig) -> list[dict]:
    return [s for s in fig["layout"]["shapes"] if s.get("line", {}).get("color") == theme.BLUE]


def test_hierarchy_shows_a_few_epochs_and_names_the_last():
    fig = plain(training_charts.hierarchy(epochs=10, per_epoch=313))
    texts = _words(fig)
    assert any("Epoch 1</b>" in t for t in texts) and any("Epoch 10</b>" in t for t in texts)
    assert any("313 iterations" in t for t in texts)
    first, second, last = _epoch_boxes(fig)  # epochs 3 to 9 are the "…", in a gap wider than the others
    (dots,) = [a for a in fig["layout"]["annotations"] if a["text"] == "…"]
    assert last["x0"] - second["x1"] > 3 * (second["x0"] - first["x1"])
    assert second["x1"] < dots["x"] < last["x0"]
    assert len(_epoch_boxes(plain(training_charts.hierarchy(epochs=4, per_epoch=313)))) == 4  # all of them


def test_the_hierarchys_words_sit_inside_its_boxes_at_a_projectors_type_size():
    """In presenter mode the title's second line ran across the top of the epoch boxes."""
    from playground.ui.page import for_projector

    for fig in (training_charts.hierarchy(epochs=10, per_epoch=313), for_projector(training_charts.hierarchy(10, 313))):
        layout = plain(fig)["layout"]
        plot = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
        line = 1.3 * layout["font"]["size"] / plot  # one line of text, as a share of the plot's height
        title = layout["annotations"][0]
        assert title["y"] - 2 * line > max(b["y1"] for b in _epoch_boxes(plain(fig)))


def test_hierarchy_with_a_single_short_epoch():
    fig = plain(training_charts.hierarchy(epochs=1, per_epoch=3))
    bars = [s for s in fig["layout"]["shapes"] if s["fillcolor"] in (theme.SKY, theme.ORANGE)]
    assert len(bars) == 3


def test_the_epoch_curves_fill_the_chart_however_spiky_single_batches_are():
    rng = np.random.default_rng(0)
    X, y = fraud.transactions(rng, 120)
    h = training.train(
        fraud.start(),
        X,
        y,
        X,
        y,
        epoch=fraud.epoch,
        loss=fraud.loss,
        batch_size=1,
        epochs=3,
        lr=0.5,
    )
    top = plain(training_charts.training_curves(h))["layout"]["yaxis"]["range"][1]
    highest_epoch_loss = max(h.epoch_train.max(), h.epoch_val.max())
    assert highest_epoch_loss < top < 2 * highest_epoch_loss
    assert h.iteration_loss.max() > top  # a single fraud case's loss runs off the top


def test_the_kept_checkpoint_names_its_rule_when_it_is_not_the_lowest_point():
    from playground.models import fraud

    h = fraud.detect(20, shuffle=True, seed=0, epochs=30)
    star = _named(plain(training_charts.training_curves(h)), "Checkpoint kept")
    assert h.min_delta > 0 and f"more than {h.min_delta:g}" in star["name"]
    # the rule is what moves the star: without it, it sits on the lowest validation loss
    assert h.best_epoch <= int(np.argmin(h.epoch_val))


def test_each_epoch_of_the_hierarchy_says_how_many_iterations_it_really_holds():
    small, large = (_words(plain(training_charts.hierarchy(epochs=10, per_epoch=n))) for n in (313, 31_250))
    assert small != large
    assert sum(t == "31,250 iterations" for t in large) == 3  # one in each epoch drawn
    assert any(" the amber bar: the other 31,241 batches" in t for t in large)  # 9 bars drawn, the amber one the rest
    assert not any("amber" in t for t in _words(plain(training_charts.hierarchy(epochs=2, per_epoch=3))))
    assert "1 iteration" in _words(plain(training_charts.hierarchy(epochs=2, per_epoch=1)))[2]
    one = _words(plain(training_charts.hierarchy(epochs=1, per_epoch=1)))[0]
    assert one.endswith("up to 1 epoch × 1 iteration")  # not "1 epochs × 1 iterations"
