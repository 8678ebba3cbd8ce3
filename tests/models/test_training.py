import itertools

import numpy as np
import pytest

from playground.models import nn, training

LOSS_AND_GRADS, LOSS = training.classifier()


def _data(seed=0, n=300, sort=False):
    rng = np.random.default_rng(seed)
    X, y = training.fraud_like(rng, n, sort_by_label=sort)
    Xv, yv = training.fraud_like(rng, 200)
    return X, y, Xv, yv


def _run(batch_size=32, epochs=5, shuffle=True, seed=0, patience=None, data=None, lr=0.1):
    X, y, Xv, yv = data or _data()
    params = nn.init((2, 8, 2), np.random.default_rng(1))
    return training.train(
        params,
        X,
        y,
        Xv,
        yv,
        loss_and_grads=LOSS_AND_GRADS,
        loss=LOSS,
        batch_size=batch_size,
        epochs=epochs,
        lr=lr,
        shuffle=shuffle,
        seed=seed,
        patience=patience,
    )


@pytest.mark.parametrize(
    ("n", "b", "expected"), [(10, 3, 4), (9, 3, 3), (1_000_000, 1_000, 1_000), (5, 10, 1), (7, 1, 7)]
)
def test_iterations_per_epoch_round_up_for_a_last_partial_batch(n, b, expected):
    assert training.iterations_per_epoch(n, b) == expected


def test_the_last_batch_holds_the_remainder():
    sizes = [len(batch) for batch in training.batch_order(10, 3, None)]
    assert sizes == [3, 3, 3, 1]


@pytest.mark.parametrize("shuffle", [True, False])
def test_every_example_is_seen_exactly_once_per_epoch(shuffle):
    history = _run(batch_size=7, epochs=3, shuffle=shuffle)
    assert history.seen.shape == (3, 300) and np.all(history.seen == 1)
    assert len(history.iteration_loss) == 3 * training.iterations_per_epoch(300, 7)


def test_shuffling_changes_the_order_every_epoch_and_not_shuffling_keeps_it():
    rng = np.random.default_rng(0)
    first, second = training.batch_order(20, 5, rng), training.batch_order(20, 5, rng)
    assert not np.array_equal(np.concatenate(first), np.concatenate(second))
    np.testing.assert_array_equal(np.concatenate(training.batch_order(20, 5, None)), np.arange(20))


def test_the_loss_falls_on_a_learnable_problem():
    history = _run(epochs=10)
    assert history.epoch_train[-1] < 0.6 * history.epoch_train[0]
    assert history.epoch_val[-1] < history.epoch_val[0]


def test_early_stopping_waits_patience_epochs_then_restores_the_best():
    X, y, _, _ = _data()
    # a validation set with every label flipped gets worse exactly as training gets better
    history = _run(epochs=50, patience=3, data=(X, y, X, 1 - y))
    assert history.best_epoch == 0 and history.stopped_at == 3 and history.epochs_run == 3
    params = nn.init((2, 8, 2), np.random.default_rng(1))
    for key in params:
        np.testing.assert_array_equal(history.best_params[key], params[key])
    assert history.epoch_val[3] > history.epoch_val[0]


def test_without_patience_training_runs_every_epoch():
    X, y, _, _ = _data()
    history = _run(epochs=6, data=(X, y, X, 1 - y))
    assert history.stopped_at is None and history.epochs_run == 6


def test_the_same_seed_gives_the_same_history():
    a, b = _run(seed=4), _run(seed=4)
    np.testing.assert_array_equal(a.iteration_loss, b.iteration_loss)
    assert not np.array_equal(a.iteration_loss, _run(seed=5).iteration_loss)


def test_training_never_changes_the_starting_parameters():
    X, y, Xv, yv = _data()
    params = nn.init((2, 8, 2), np.random.default_rng(1))
    before = nn.fingerprint(params)
    training.train(params, X, y, Xv, yv, loss_and_grads=LOSS_AND_GRADS, loss=LOSS, batch_size=16, epochs=2, lr=0.1)
    assert nn.fingerprint(params) == before


def test_positions_put_each_iteration_inside_its_epoch():
    history = _run(batch_size=100, epochs=2)
    np.testing.assert_allclose(history.iteration_position, [1 / 3, 2 / 3, 1, 4 / 3, 5 / 3, 2])


def test_sorted_data_puts_every_fraud_last():
    _, y = training.fraud_like(np.random.default_rng(0), 200, sort_by_label=True)
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


def test_progress_is_reported_after_every_epoch():
    reported = []
    X, y, Xv, yv = _data()
    params = nn.init((2, 8, 2), np.random.default_rng(1))
    training.train(
        params,
        X,
        y,
        Xv,
        yv,
        loss_and_grads=LOSS_AND_GRADS,
        loss=LOSS,
        batch_size=50,
        epochs=4,
        lr=0.1,
        progress=reported.append,
    )
    assert reported == [0.25, 0.5, 0.75, 1.0]


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
    np.testing.assert_array_equal(view.seen, short.seen)


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
