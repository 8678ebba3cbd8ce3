import streamlit as st

from playground import format as fmt
from playground import ui
from playground.charts import training as training_charts
from playground.content import facts
from playground.content.controls import EPOCHS as PAGE
from playground.content.controls import LIVE_N, MAX_EPOCHS
from playground.content.loop import curves_caption
from playground.models import fraud, nn, training

FRAUD_MODEL = (30, 64, 2)  # 30 transaction features, 64 hidden neurons, fraud or not


@st.cache_data(max_entries=64, show_spinner=False)
def live(batch: int, shuffle: bool, seed: int) -> training.History:
    """The detector trained for the most epochs, without early stopping (deterministic: shared by every viewer)."""
    return fraud.detect(batch, shuffle=shuffle, seed=seed, epochs=MAX_EPOCHS)


ui.header(PAGE)
ui.scene_buttons(PAGE)


@ui.section(PAGE)
def count_the_work() -> None:
    st.header("Count the work")
    controls, picture = st.columns([1, 2], gap="large")
    with controls:
        n = ui.control(PAGE, "n")
        b = ui.control(PAGE, "b")
        epochs = ui.control(PAGE, "epochs")
    per_epoch = training.iterations_per_epoch(n, b)
    madds = nn.training_multiply_adds(FRAUD_MODEL)
    seconds, dollars = training.compute_cost(n * epochs, madds, facts.CPU_MADDS_PER_SECOND, facts.CPU_DOLLARS_PER_HOUR)
    big_name, big_knobs = facts.LANGUAGE_MODELS[0]
    big_seconds, big_dollars = training.compute_cost(
        n * epochs, nn.TRAINING_RULE_OF_THUMB * big_knobs, facts.CPU_MADDS_PER_SECOND, facts.CPU_DOLLARS_PER_HOUR
    )
    with controls:
        st.metric(
            "Iterations per epoch",
            f"{per_epoch:,}",
            help=f"ceil(N / B) = ceil({n:,} / {b:,}): the last batch may be short.",
        )
        st.metric("Iterations in total", f"{per_epoch * epochs:,}")
        st.metric("Examples processed", fmt.count(n * epochs))
    with picture:
        ui.chart(
            training_charts.hierarchy(epochs, per_epoch),
            "An epoch is every example once. Each batch inside it is one iteration: forward pass, loss, "
            "backpropagation, update. The program stops early when validation stops improving.",
        )
        ui.caption(
            f"Rough compute for a small fraud model ({' → '.join(map(str, FRAUD_MODEL))}): "
            f"{fmt.count(madds * n * epochs)} multiply-adds, which take one CPU core {fmt.duration(seconds)} "
            f"and cost {fmt.bill(dollars)}. The same examples through a model the size of the "
            f"{big_name} ({fmt.count(big_knobs)} knobs, about {nn.TRAINING_RULE_OF_THUMB} multiply-adds per knob per "
            f"example): {fmt.duration(big_seconds)} of one core and {fmt.dollars_short(big_dollars)}. The bill grows "
            "with knobs × examples × epochs."
        )


count_the_work()

st.header("Watch a fraud detector train")
ui.prose(
    f"{LIVE_N} past transactions, about one in ten fraud, exported sorted (every fraud last), and "
    f"{fraud.NEW_TRANSACTIONS} more kept back for validation. The detector has three knobs: a weight for the amount, "
    "a weight for how odd the hour is, and a bias (logistic regression, a single neuron). It starts at "
    "50/50 on every transaction and learns a batch at a time."
)


@ui.section(PAGE)
def watch_it_train() -> None:
    controls, picture = st.columns([1, 2], gap="large")
    with controls:
        live_b = ui.control(PAGE, "live_b")
        shuffle = ui.control(PAGE, "shuffle")
        live_epochs = ui.control(PAGE, "live_epochs")
        patience = ui.control(PAGE, "patience")
        seed = ui.control(PAGE, "seed")
    # Fewer epochs are exactly the start of the longest run, and where a patience would have stopped
    # it can be read off its validation losses: those two controls never retrain.
    history = live(live_b, shuffle, seed).first(live_epochs).with_patience(patience)
    with picture:
        ui.chart(
            training_charts.training_curves(history, planned=live_epochs),
            curves_caption(shuffle, history.stopped_at, history.best_epoch),
        )
    with controls:
        st.metric(
            "Epochs run",
            f"{history.epochs_run} of {live_epochs}",
            help="Early stopping ends training when validation has not improved for `patience` epochs.",
            delta="stopped early" if history.stopped_at else None,
            delta_color="off",
            delta_arrow="off",
        )
        st.metric(
            "Updates made",
            f"{len(history.iteration_loss):,}",
            help=f"{fmt.plural(history.per_epoch, 'iteration')} per epoch (ceil({LIVE_N} / {live_b})) "
            f"× {fmt.plural(history.epochs_run, 'epoch')}.",
        )
        st.metric(
            "Checkpoint kept",
            f"epoch {history.best_epoch}",
            help=f"The last epoch that cut validation loss by more than {history.min_delta:g}: smaller gains are "
            "treated as noise, so a later epoch can be a hair lower without replacing it.",
            delta=f"validation loss {history.epoch_val[history.best_epoch]:.3f}",
            delta_color="off",
            delta_arrow="off",
        )
        st.download_button(
            "Download history (CSV)",
            training.history_csv(history),
            file_name="training_history.csv",
            icon=":material/download:",
        )


watch_it_train()

ui.why_it_matters(PAGE)
ui.terms("Epoch", "Batch", "Iteration", "Early stopping", "Checkpoint")
