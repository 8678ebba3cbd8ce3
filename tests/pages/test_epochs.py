import pytest

from tests.apptest import charts, metric, open_bad_link, open_page, said

PAGE = "app_pages/epochs.py"


def test_changing_the_batch_size_changes_iterations_per_epoch():
    at = open_page(PAGE)
    assert not at.exception
    assert metric(at, "Iterations per epoch") == "313"  # ceil(10,000 / 32): the last batch is short
    at.select_slider(key="ep_b").set_value(1_000).run()
    assert metric(at, "Iterations per epoch") == "10"
    assert metric(at, "Iterations in total") == "100"


def test_the_fraud_detector_scene_is_a_thousand_iterations_per_epoch():
    at = open_page(PAGE)
    next(b for b in at.button if b.label == "1M transactions, batch 1,000").click().run()
    assert metric(at, "Iterations per epoch") == "1,000"
    assert at.query_params["n"] == "1000000"


def test_the_small_models_bill_reads_as_a_price_not_a_string_of_zeros():
    """It read "cost $0.0000059": exact, and read by a PM as nothing in particular."""
    for setup in ({}, {"n": "1000000", "b": "1", "epochs": "100"}):
        bill = next(c.value for c in open_page(PAGE, **setup).caption if c.value.startswith("Rough compute"))
        assert "cost under a cent." in bill
        assert "$0.0" not in bill


def test_batch_size_one_is_noisier_than_the_full_batch():
    import numpy as np

    from tests.apptest import array

    def roughness(at):
        batches = next(t for t in charts(at)[1]["data"] if t["name"].startswith("Loss on each batch"))
        return float(np.std(np.diff(array(batches["y"]))))

    noisy, smooth = open_page(PAGE, live_b="1", live_epochs="5"), open_page(PAGE, live_b="400", live_epochs="5")
    assert roughness(noisy) > 5 * roughness(smooth)
    assert metric(noisy, "Updates made") == "2,000" and metric(smooth, "Updates made") == "5"  # 400 x 5, 1 x 5


def test_forgetting_to_shuffle_sorted_transactions_leaves_a_worse_detector():
    def best_validation_loss(at):
        return float(next(m for m in at.metric if m.label == "Checkpoint kept").delta.split()[-1])

    shuffled = open_page(PAGE)
    in_export_order = open_page(PAGE)
    next(b for b in in_export_order.button if b.label == "Forgot to shuffle").click().run()
    assert in_export_order.query_params["shuffle"] == "0"
    assert best_validation_loss(in_export_order) > 1.1 * best_validation_loss(shuffled)
    assert any("fraud-only batches" in c for c in said(in_export_order, "caption"))
    assert not any("fraud-only batches" in c.value for c in shuffled.caption)


def test_early_stopping_stops_and_names_the_checkpoint():
    at = open_page(PAGE, patience="3")
    ran = next(m for m in at.metric if m.label == "Epochs run")
    assert ran.delta == "stopped early" and ran.value.endswith(" of 20")
    stopped = int(ran.value.split()[0])
    best = int(metric(at, "Checkpoint kept").split()[-1])
    assert stopped - best == 3
    whole = next(m for m in open_page(PAGE).metric if m.label == "Epochs run")
    assert whole.value == "20 of 20" and not whole.delta
    # the shaded epochs the stop waited through are said (they stood unexplained), and only when it stopped
    assert any("Shaded: the 3 epochs after the checkpoint" in c for c in said(at, "caption"))
    assert not any("Shaded" in c for c in said(open_page(PAGE), "caption"))
    assert any("Shaded: the epoch after the checkpoint" in c for c in said(open_page(PAGE, patience="1"), "caption"))


def test_the_history_downloads_as_csv():
    at = open_page(PAGE, live_epochs="5")
    (button,) = at.get("download_button")
    assert button.proto.label.startswith("Download history")


@pytest.mark.parametrize(
    "params", [{"n": "7", "b": "0", "epochs": "1000"}, {"live_b": "abc", "patience": "-1", "shuffle": "maybe"}]
)
def test_epochs_survives_a_link_full_of_bad_values(params):
    open_bad_link(PAGE, **params)
