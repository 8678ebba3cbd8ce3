import numpy as np
import streamlit as st

from playground import ui
from playground.charts import training as training_charts
from playground.charts.theme import human_count, price
from playground.content import network as costs
from playground.models import nn, training

SIZES = (1_000, 10_000, 100_000, 1_000_000)
BATCHES = (1, 10, 32, 100, 1_000, 10_000)
LIVE_N, LIVE_VAL = 600, 300
LIVE_BATCHES = (1, 10, 50, LIVE_N)
MAX_EPOCHS = 40
FRAUD_MODEL = (30, 64, 2)  # 30 transaction features, 64 hidden neurons, fraud or not


def live(batch: int, shuffle: bool, epochs: int, patience: int, seed: int, progress) -> training.History:
    rng = np.random.default_rng(seed)
    X, y = training.fraud_like(rng, LIVE_N, sort_by_label=True)  # exported sorted: every fraud last
    X_val, y_val = training.fraud_like(rng, LIVE_VAL)
    loss_and_grads, loss = training.classifier()
    return training.train(
        nn.init((2, 8, 2), np.random.default_rng(seed)),
        X,
        y,
        X_val,
        y_val,
        loss_and_grads=loss_and_grads,
        loss=loss,
        batch_size=batch,
        epochs=epochs,
        lr=0.1,
        shuffle=shuffle,
        seed=seed,
        patience=patience or None,
        min_delta=1e-3,
        progress=progress,
    )


SCENES = (
    ui.Scene(
        "1M transactions, batch 1,000",
        "The chapter's fraud detector: a thousand iterations per epoch.",
        {"n": 1_000_000, "b": 1_000},
    ),
    ui.Scene("Batch size 1: noisy", "One transaction per update: many quick, jumpy steps.", {"live_b": 1}),
    ui.Scene("Full batch: smooth but slow", "All 600 at once: one careful step per epoch.", {"live_b": LIVE_N}),
    ui.Scene("Forgot to shuffle", "Batches in export order: all normal spending, then all fraud.", {"shuffle": False}),
    ui.Scene("Early stop", "Stop after 3 epochs without improvement; keep the best checkpoint.", {"patience": 3}),
)

ui.header("epochs")
ui.scene_buttons("ep", SCENES)

st.header("Count the work")
controls, picture = st.columns([1, 2], gap="large")
with controls:
    n = ui.select("ep_n", "Training examples (N)", SIZES, 10_000, format_func=lambda v: f"{v:,}")
    b = ui.log_slider("ep_b", "Batch size (B)", BATCHES, 32, format_func=lambda v: f"{v:,}")
    epochs = ui.slider("ep_epochs", "Epochs", 1, 100, 10, 1)
per_epoch = training.iterations_per_epoch(n, b)
madds = nn.training_multiply_adds(FRAUD_MODEL)
seconds, dollars = training.compute_cost(n * epochs, madds, costs.CPU_MADDS_PER_SECOND, costs.CPU_DOLLARS_PER_HOUR)
with controls:
    st.metric(
        "Iterations per epoch",
        f"{per_epoch:,}",
        help=f"ceil(N / B) = ceil({n:,} / {b:,}): the last batch may be short.",
    )
    st.metric("Iterations in total", f"{per_epoch * epochs:,}")
    st.metric("Examples processed", human_count(n * epochs))
with picture:
    ui.chart(
        training_charts.hierarchy(epochs, per_epoch),
        "An epoch is every example once; each batch inside it is one iteration.",
    )
    st.caption(
        f"Rough compute for a small fraud model ({' → '.join(map(str, FRAUD_MODEL))}): "
        f"{human_count(madds * n * epochs)} multiply-adds, about {seconds / 60:,.1f} CPU minutes, {price(dollars)}."
    )

st.header("Watch a fraud detector train")
ui.prose(
    f"{LIVE_N} past transactions, about one in ten fraud, exported sorted (every fraud last), and "
    f"{LIVE_VAL} more kept back for validation. A small network learns from them a batch at a time."
)
controls, picture = st.columns([1, 2], gap="large")
with controls:
    live_b = ui.select(
        "ep_live_b", "Batch size", LIVE_BATCHES, 10, format_func=lambda v: "all 600" if v == LIVE_N else str(v)
    )
    shuffle = ui.toggle("ep_shuffle", "Shuffle every epoch", default=True)
    live_epochs = ui.slider("ep_live_epochs", "Epochs", 5, MAX_EPOCHS, 20, 1)
    patience = ui.slider("ep_patience", "Early stopping patience (0 = off)", 0, 10, 0, 1)
    seed = ui.number("ep_seed", "Seed", 0, 9_999, 0, 1)
# Train for the most epochs once, without early stopping: fewer epochs are exactly the start of
# that run, and where a patience would have stopped it can be read off its validation losses.
settings = (live_b, shuffle, MAX_EPOCHS, 0, seed)
full = ui.computed_with_progress("fraud", settings, lambda progress: live(*settings, progress), "Training…")
history = full.first(live_epochs).with_patience(patience)
with picture:
    ui.chart(
        training_charts.training_curves(history),
        "Thin line: each batch's loss, noisy. Thick lines: the whole set after each epoch. Star: the checkpoint kept.",
    )
with controls:
    ran = f"stopped after {history.stopped_at}" if history.stopped_at else f"all {history.epochs_run}"
    st.metric(
        "Epochs run", ran, help="Early stopping ends training when validation has not improved for `patience` epochs."
    )
    st.metric(
        "Best checkpoint",
        f"epoch {history.best_epoch}",
        delta=f"validation loss {history.epoch_val[history.best_epoch]:.3f}",
        delta_color="off",
        delta_arrow="off",
    )
    st.download_button(
        "Download the history (CSV)",
        training.history_csv(history),
        file_name="training_history.csv",
        icon=":material/download:",
    )

ui.why_it_matters("epochs")
ui.terms("Epoch", "Batch", "Iteration", "Early stopping", "Checkpoint")
