import itertools

import numpy as np
import pytest

from playground.models import fraud, houses, nn, training
from tests.numeric import central_difference

GENERIC = training.gradient_epoch(fraud.loss_and_grads)


def _data(seed=0, n=300, sort=False):
    rng = np.random.default_rng(seed)
    X, y = fraud.transactions(rng, n, sort_by_label=sort)
    Xv, yv = fraud.transactions(rng, 200)
    return X, y, Xv, yv


def _run(batch_size=32, epochs=5, shuffle=True, seed=0, patience=None, data=None, lr=0.5, epoch=GENERIC):
    X, y, Xv, yv = data or _data()
    return training.train(
        fraud.start(),
        X,
        y,
        Xv,
        yv,
        epoch=epoch,
        loss=fraud.loss,
        batch_size=batch_size,
        epochs=epochs,
        lr=lr,
        shuffle=shuffle,
        seed=seed,
        patience=patience,
    )


def _params(w0, w1, b):
    return {"w": np.array([w0, w1]), "b": np.array(b)}


def test_the_detector_starts_at_fifty_fifty():
    X, y, _, _ = _data()
    assert fraud.loss(fraud.start(), X, y) == pytest.approx(np.log(2))


def test_logistic_loss_is_cross_entropy_of_the_sigmoid():
    X, y, _, _ = _data()
    params = _params(0.7, -0.4, 0.2)
    p = 1 / (1 + np.exp(-(X @ params["w"] + params["b"])))
    expected = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert fraud.loss(params, X, y) == pytest.approx(expected, rel=1e-12)


def test_logistic_loss_stays_finite_for_huge_scores():
    X = np.array([[1.0, 0.0], [-1.0, 0.0]])
    loss = fraud.loss(_params(1_000.0, 0.0, 0.0), X, np.array([0, 1]))  # both wrong by a mile
    assert loss == pytest.approx(1_000.0)
    params, losses = fraud.epoch(_params(1_000.0, 0.0, 0.0), X, np.array([0, 1]), 1, 0.1)
    assert np.isfinite(losses).all() and np.isfinite(params["w"]).all()


def test_logistic_gradients_match_finite_differences():
    X, y, _, _ = _data()
    params = _params(0.7, -0.4, 0.2)
    _, grads = fraud.loss_and_grads(params, X, y)
    np.testing.assert_allclose(
        grads["w"],
        central_difference(lambda w: fraud.loss({**params, "w": w}, X, y), params["w"]),
        atol=1e-8,
    )
    db = central_difference(lambda b: fraud.loss({**params, "b": b}, X, y), params["b"])
    assert float(grads["b"]) == pytest.approx(float(db), abs=1e-8)


@pytest.mark.parametrize("batch_size", [1, 7, 50, 300, 1_000])
@pytest.mark.parametrize("shuffle", [True, False])
def test_the_fast_detector_epoch_makes_the_generic_engines_updates(batch_size, shuffle):
    fast, generic = (_run(batch_size, epochs=3, shuffle=shuffle, epoch=e) for e in (fraud.epoch, GENERIC))
    np.testing.assert_allclose(fast.iteration_loss, generic.iteration_loss, rtol=1e-10)
    np.testing.assert_allclose(fast.epoch_val, generic.epoch_val, rtol=1e-10)
    for key in ("w", "b"):
        np.testing.assert_allclose(fast.final_params[key], generic.final_params[key], rtol=1e-10, atol=1e-12)


def test_long_full_batch_training_reaches_the_minimum():
    # logistic regression has no closed form; at its minimum the gradient vanishes
    X, y, _, _ = _data()
    history = _run(batch_size=300, epochs=3_000, lr=2.0, epoch=fraud.epoch)
    _, grads = fraud.loss_and_grads(history.final_params, X, y)
    assert np.abs(grads["w"]).max() < 1e-6 and abs(float(grads["b"])) < 1e-6
    assert history.final_params["w"].min() > 0  # fraud sits up and to the right: both weights positive


@pytest.mark.parametrize(
    ("n", "b", "expected"), [(10, 3, 4), (9, 3, 3), (1_000_000, 1_000, 1_000), (5, 10, 1), (7, 1, 7)]
)
def test_iterations_per_epoch_round_up_for_a_last_partial_batch(n, b, expected):
    assert training.iterations_per_epoch(n, b) == expected


def test_the_last_batch_holds_the_remainder():
    sizes = [len(batch) for batch in training.batch_order(10, 3, None)]
    assert sizes == [3, 3, 3, 1]


def _batches_met(shuffle, batch_size=7, epochs=3):
    """Train with the generic runner on examples labelled by their row number; return each epoch's batches."""
    X, _, Xv, yv = _data()
    ids = np.arange(len(X))
    met: list[list[np.ndarray]] = []

    def spy(params, X_batch, y_batch):
        met[-1].append(y_batch.copy())
        return fraud.loss_and_grads(params, X_batch, (y_batch % 2).astype(float))

    generic = training.gradient_epoch(spy)

    def epoch(params, X_epoch, y_epoch, size, lr):
        met.append([])
        return generic(params, X_epoch, y_epoch, size, lr)

    history = training.train(
        fraud.start(),
        X,
        ids,
        Xv,
        yv,
        epoch=epoch,
        loss=lambda *_: 0.0,
        batch_size=batch_size,
        epochs=epochs,
        lr=0.1,
        shuffle=shuffle,
    )
    return met, history


@pytest.mark.parametrize("shuffle", [True, False])
def test_every_example_is_seen_exactly_once_per_epoch_in_batches_with_a_short_last_one(shuffle):
    met, history = _batches_met(shuffle)
    assert len(met) == 3 and len(history.iteration_loss) == 3 * training.iterations_per_epoch(300, 7)
    for batches in met:
        assert [len(b) for b in batches] == [7] * 42 + [6]
        assert sorted(np.concatenate(batches)) == list(range(300))


def test_shuffling_changes_the_order_every_epoch_and_not_shuffling_keeps_it():
    shuffled, _ = _batches_met(True)
    in_order, _ = _batches_met(False)
    first, second = (np.concatenate(batches) for batches in shuffled[:2])
    assert not np.array_equal(first, second) and not np.array_equal(first, np.arange(300))
    for batches in in_order:
        np.testing.assert_array_equal(np.concatenate(batches), np.arange(300))
    rng = np.random.default_rng(0)
    first, second = training.batch_order(20, 5, rng), training.batch_order(20, 5, rng)
    assert not np.array_equal(np.concatenate(first), np.concatenate(second))
    np.testing.assert_array_equal(np.concatenate(training.batch_order(20, 5, None)), np.arange(20))


def test_the_loss_falls_on_a_learnable_problem():
    history = _run(epochs=10, epoch=fraud.epoch)
    assert history.epoch_train[-1] < 0.6 * history.epoch_train[0]
    assert history.epoch_val[-1] < history.epoch_val[0]


def test_early_stopping_waits_patience_epochs_then_restores_the_best():
    X, y, _, _ = _data()
    # a validation set with every label flipped gets worse exactly as training gets better
    history = _run(epochs=50, patience=3, data=(X, y, X, 1 - y))
    assert history.best_epoch == 0 and history.stopped_at == 3 and history.epochs_run == 3
    for key, start in fraud.start().items():
        np.testing.assert_array_equal(history.best_params[key], start)
    assert not np.array_equal(history.final_params["w"], history.best_params["w"])
    assert history.epoch_val[3] > history.epoch_val[0]


def test_without_patience_training_runs_every_epoch():
    X, y, _, _ = _data()
    history = _run(epochs=6, data=(X, y, X, 1 - y))
    assert history.stopped_at is None and history.epochs_run == 6


def test_the_same_seed_gives_the_same_history():
    a, b = _run(seed=4), _run(seed=4)
    np.testing.assert_array_equal(a.iteration_loss, b.iteration_loss)
    assert not np.array_equal(a.iteration_loss, _run(seed=5).iteration_loss)


@pytest.mark.parametrize("epoch", [GENERIC, fraud.epoch])
def test_training_never_changes_the_starting_parameters(epoch):
    X, y, Xv, yv = _data()
    params = _params(0.3, 0.2, -1.0)
    before = nn.fingerprint(params)
    history = training.train(params, X, y, Xv, yv, epoch=epoch, loss=fraud.loss, batch_size=16, epochs=2, lr=0.1)
    assert nn.fingerprint(params) == before != nn.fingerprint(history.final_params)


def test_forgetting_to_shuffle_sorted_data_hurts():
    # every fraud comes last: each epoch ends on a run of fraud-only batches that drags the detector
    data = _data(sort=True)
    shuffled, in_order = (
        _run(batch_size=10, epochs=20, data=data),
        _run(batch_size=10, epochs=20, data=data, shuffle=False),
    )
    assert in_order.epoch_val[-1] > 1.2 * shuffled.epoch_val[-1]


def test_every_epoch_holds_its_iterations_a_short_last_batch_included():
    history = _run(batch_size=110, epochs=2)  # 300 examples: batches of 110, 110 and 80
    assert history.per_epoch == 3 and len(history.iteration_loss) == 6


def test_sorted_data_puts_every_fraud_last():
    _, y = fraud.transactions(np.random.default_rng(0), 200, sort_by_label=True)
    assert np.all(np.diff(y) >= 0) and 0 < y.sum() < 200


@pytest.mark.parametrize(("n", "b"), [(0, 5), (5, 0)])
def test_bad_sizes_are_rejected(n, b):
    with pytest.raises(ValueError):
        training.iterations_per_epoch(n, b)


def test_line_model_gradients_are_the_line_models():
    from playground.models import houses, linear

    data = houses.load()
    loss_and_grads, loss = training.line_model()
    params = {"w": np.array(1.5), "b": np.array(0.2)}
    x, y = data.size / 1000, data.price / 100_000
    value, grads = loss_and_grads(params, x, y)
    assert value == pytest.approx(linear.mse(x, y, 1.5, 0.2)) == pytest.approx(loss(params, x, y))
    assert (float(grads["w"]), float(grads["b"])) == pytest.approx(linear.mse_grad(x, y, 1.5, 0.2))


def test_each_iteration_updates_by_the_learning_rate_times_the_gradient():
    from playground.models import houses

    data = houses.load()
    loss_and_grads, _ = training.line_model()
    steps = training.iterations(
        {"w": np.array(0.0), "b": np.array(0.0)},
        data.size / 1000,
        data.price / 100_000,
        loss_and_grads=loss_and_grads,
        batch_size=20,
        count=25,
        lr=0.05,
        seed=3,
    )
    assert len(steps) == 25 and all(len(s.batch) == 20 for s in steps)
    for s in steps:
        for k in ("w", "b"):
            assert float(s.after[k]) == pytest.approx(float(s.before[k]) - 0.05 * float(s.grads[k]))
    for a, b in itertools.pairwise(steps):
        assert a.after is b.before
    epoch_one = np.concatenate([s.batch for s in steps[:10]])  # 200 houses, batches of 20
    assert sorted(epoch_one) == list(range(200))
    assert steps[-1].loss < steps[0].loss


def test_history_csv_has_a_row_per_epoch_and_marks_the_best():
    history = _run(epochs=3)
    rows = training.history_csv(history).strip().split("\n")
    assert rows[0] == "epoch,train_loss,validation_loss,is_best" and len(rows) == 5
    assert sum(r.endswith(",1") for r in rows[1:]) == 1
    assert rows[1 + history.best_epoch].endswith(",1")


@pytest.mark.parametrize("cut", [1, 3, 7])
def test_a_shorter_run_is_exactly_the_start_of_a_longer_one(cut):
    long, short = _run(epochs=8, batch_size=40), _run(epochs=cut, batch_size=40)
    view = long.first(cut)
    np.testing.assert_array_equal(view.iteration_loss, short.iteration_loss)
    np.testing.assert_array_equal(view.epoch_val, short.epoch_val)
    assert view.best_epoch == short.best_epoch and view.epochs_run == cut
    np.testing.assert_array_equal(view.epoch_train, short.epoch_train)


def test_asking_for_more_epochs_than_ran_returns_the_run():
    history = _run(epochs=3)
    assert history.first(10) is history


@pytest.mark.parametrize("patience", [1, 2, 3])
def test_patience_applied_afterwards_equals_training_with_it(patience):
    X, y, _, _ = _data()
    data = (X, y, X, 1 - y)  # validation that only gets worse: early stopping must trigger
    with_it = _run(epochs=12, patience=patience, data=data)
    afterwards = _run(epochs=12, data=data).with_patience(patience)
    assert afterwards.stopped_at == with_it.stopped_at == patience
    np.testing.assert_array_equal(afterwards.iteration_loss, with_it.iteration_loss)
    assert afterwards.best_epoch == with_it.best_epoch


def test_patience_that_never_triggers_leaves_the_run_alone():
    history = _run(epochs=4)
    assert history.with_patience(50) is history and history.with_patience(0) is history


def test_the_pages_detector_in_one_call_learns_and_suffers_when_sorted_data_is_not_shuffled():
    shuffled = fraud.detect(10, shuffle=True, seed=0, epochs=20)
    in_export_order = fraud.detect(10, shuffle=False, seed=0, epochs=20)
    assert shuffled.epoch_val[-1] < shuffled.epoch_val[0] < 0.7  # from 50/50 (ln 2) to better
    assert in_export_order.epoch_val[-1] > shuffled.epoch_val[-1] + 0.02
    assert shuffled.per_epoch == 40 and len(shuffled.iteration_loss) == 40 * 20


def test_the_loop_page_state_follows_the_stages_and_speaks_dollars():
    start = training.loop_state(0, 0)
    assert (start.iterations, start.epoch, start.stage, start.w, start.b, start.miss, start.grads) == (
        0, 1, None, 0.0, 0.0, None, None,
    )  # fmt: skip
    assert len(start.shown) == 200
    forward, loss, backward, update = (training.loop_state(0, s) for s in (1, 2, 3, 4))
    assert forward.iterations == 1 and forward.stage == 0 and len(forward.shown) == 20 and forward.miss is None
    data = houses.load()
    batch = data.price[loss.shown] - 0.0  # zero knobs predict $0 for every house
    assert loss.miss == pytest.approx(np.sqrt(np.mean(batch**2)), rel=1e-9) and loss.grads is None
    assert backward.grads is not None and (backward.w, backward.b) == (0.0, 0.0)  # blamed, not yet moved
    # the update: knobs move by lr times the blame, read back in dollars per sq ft and dollars
    assert update.w == pytest.approx(-0.05 * backward.grads["w"] * 100) and update.b == pytest.approx(
        -0.05 * backward.grads["b"] * 100_000
    )
    assert start.per_epoch == 10 and training.loop_state(0, 4 * 10 + 1).epoch == 2  # 10 batches of 20: 200 houses
