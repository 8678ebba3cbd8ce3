"""Every page's controls and scenes, declared once (``playground.declare``).

A page draws a control by name (``ui.control(GRADIENT_DESCENT, "lr")``); its link name, label,
default and range live here and nowhere else. Link names are public: people have bookmarked
links, so a name or a value's spelling never changes (``tests/pages/test_public_links.py``).
"""

from __future__ import annotations

from playground import format as fmt
from playground.content.network import BACKPROP_STEPS, LAYER_STEPS
from playground.declare import PageSpec, Scene, log_slider, multi, number, seed, select, slider, text, toggle
from playground.models import descent, digits, fitting, fraud, houses, landscapes, linear, losses, nn

APP = PageSpec(
    "",
    "app",
    (
        toggle(
            "present",
            "Presenter mode",
            help="Large type and charts for a projector; long explanations are hidden.",
        ),
    ),
)

HOME = PageSpec("home", "home", ())

# Parameters: the house line's two knobs, a network's size, dirty labels.
_HOUSES = houses.load()
BEST_LINE = linear.fit_least_squares(_HOUSES.size, _HOUSES.price)

PARAMETERS = PageSpec(
    "parameters",
    "par",
    (
        slider("w", "Weight w: dollars per square foot", 0, 400, 100, 1, format="$%d"),
        slider("b", "Bias b: starting price", -200_000, 400_000, 0, 1_000, format="$%,d"),
        toggle("best", "Show the best knobs"),
        slider("inputs", "Inputs", 1, 8, 3, 1),
        slider("hidden1", "Neurons in hidden layer 1", 0, 8, 4, 1),
        slider("hidden2", "Neurons in hidden layer 2 (0 = no layer)", 0, 8, 0, 1),
        slider("outputs", "Outputs", 1, 4, 1, 1),
        seed("seed", "Seed for the random weights"),
        slider("dirty", "Share of prices attached to the wrong house (%)", 0, 60, 0, 5),
        seed("rows", "Seed for which rows go bad"),
    ),
    (
        Scene("Start from zero", "Both knobs at zero: every house is predicted to cost nothing.", {"w": 0, "b": 0}),
        Scene(
            "$300k for every house",
            "The weight at zero: the model ignores size and guesses $300,000 whatever the house.",
            {"w": 0, "b": 300_000},
        ),
        Scene(
            "Close by hand", "A good guess made by eye, before the machine shows its answer.", {"w": 160, "b": 70_000}
        ),
        Scene(
            "Machine's answer",
            "Your knobs set to the best values, with the machine's line shown.",
            {"w": round(BEST_LINE.w), "b": int(round(BEST_LINE.b, -3)), "best": True},
        ),
        Scene("20 % dirty data", "One price in five is attached to the wrong house.", {"dirty": 20}),
    ),
)

LOSS_FUNCTIONS = PageSpec(
    "loss_functions",
    "loss",
    (
        slider("pred", "Predicted price", 0, 1_000_000, 400_000, 5_000, format="$%,d"),
        slider("actual", "Actual sale price", 0, 1_000_000, 500_000, 5_000, format="$%,d"),
        slider("delta", "Huber: misses above this count as large", 10_000, 200_000, 50_000, 5_000, format="$%,d"),
        slider("k", "Asymmetric: under-pricing costs k times more", 1.0, 10.0, 2.0, 0.5, format="k = %.1f"),
        multi("fits", "Losses to fit", losses.LOSSES, losses.LOSSES[:3], format_func=str.capitalize),
        slider("mansions", "Mansions added (outliers)", 0, len(houses.MANSIONS), 2, 1),
        slider("p", "Probability the model gave the right answer", 0.01, 0.99, 0.7, 0.01, format="%.2f"),
    ),
    (
        Scene("$400k vs $500k", "The chapter's example: a $500k house predicted at $400k.", {}),
        Scene("One mansion", "One wildly expensive house joins the data.", {"mansions": 1}),
        Scene("Under-pricing costs 3×", "Selling a house too cheaply costs three times more.", {"k": 3.0}, "business"),
        Scene("Confident and wrong", "The model gave the right answer a 2 % chance.", {"p": 0.02}),
    ),
    earlier={"mansions": 0},  # 2 since 2026-11-30: the fits open apart, not on top of each other
)

# Forward pass: a held-out digit through the shipped network, and a network's bill.
HELD_OUT_DIGITS = len(digits.split(digits.load())[1].y)
INPUT_SIZES = (64, 784, 50_176, 150_528)  # 8x8 digits, 28x28 digits, 224x224 grey, 224x224 colour
WIDTHS = (8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096)

FORWARD_PASS = PageSpec(
    "forward_pass",
    "fwd",
    (
        number("pick", f"Which held-out digit (0 to {HELD_OUT_DIGITS - 1})", 0, HELD_OUT_DIGITS - 1, 0, 1),
        slider("noise", "Smudge (pixel noise)", 0.0, 0.6, 0.0, 0.05),
        select("layer", "Step through the layers", LAYER_STEPS, "Input"),
        select("inputs", "Input size (numbers per example)", INPUT_SIZES, 64, format_func=fmt.count),
        log_slider("width", "Neurons per hidden layer", WIDTHS, 32, format_func=str),
        slider("depth", "Hidden layers", 1, 12, 1, 1),
    ),
    (
        Scene("A clear digit", "A held-out digit the network has never seen, read cleanly.", {}),
        Scene(
            "A smudged digit",
            "Heavy noise on the same digit: the network still answers, sometimes sure and wrong.",
            {"noise": 0.45, "layer": "Output"},
        ),
        Scene(
            "Look inside", "Stop at the hidden layer: 32 neurons, each lit by some stroke.", {"layer": "Hidden layer"}
        ),
        Scene(
            "A big model's bill",
            "A large image network: millions of multiply-adds per answer.",
            {"inputs": 150_528, "width": 4096, "depth": 8},
        ),
    ),
)

# Backpropagation: one example through a 2 -> hidden -> 1 network.
NUDGES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
HIDDEN = (2, 3)

BACKPROPAGATION = PageSpec(
    "backpropagation",
    "bp",
    (
        select("stage", "Step", BACKPROP_STEPS, BACKPROP_STEPS[0]),
        slider("x1", "Input x1", -4.0, 4.0, 1.0, 0.1),
        slider("x2", "Input x2", -4.0, 4.0, -0.5, 0.1),
        slider("target", "Target (the right answer)", -2.0, 2.0, 1.0, 0.1),
        select("act", "Hidden activation", ("tanh", "sigmoid", "relu"), "tanh"),
        select("hidden", "Hidden neurons", HIDDEN, 3),
        seed("seed", "Seed for the starting weights", 1),
        # The knobs of the largest network; the page offers those of the network drawn.
        select(
            "param",
            "Knob to nudge",
            tuple(nn.parameter_names((2, max(HIDDEN), 1))),
            "W1[1,1]",
            format_func=nn.parameter_label,
        ),
        log_slider("nudge", "Nudge size e", NUDGES, 0.01),
    ),
    (
        Scene("Forward first", "Only the forward pass: values, no blame yet.", {}),
        Scene(
            "All the blame", "The backward pass complete: every weight has its gradient.", {"stage": BACKPROP_STEPS[-1]}
        ),
        Scene(
            "A big nudge",
            "Nudge a weight by 1: the straight-line prediction drifts off.",
            {"nudge": 1.0, "stage": BACKPROP_STEPS[-1]},
        ),
        Scene(
            "Saturated sigmoid",
            "Large inputs push sigmoid neurons to their flat ends: almost no blame gets through.",
            {"act": "sigmoid", "x1": 4.0, "x2": 4.0, "stage": BACKPROP_STEPS[-1]},
        ),
    ),
)

# Gradient descent: walks on four landscapes, and two starts on the mountains.
RATES = descent.rates()  # 1e-4 to 10, ten to a decade
SHORT_LANDSCAPE_NAMES = {"house": "House prices", "mountains": "Mountains", "ravine": "Ravine", "plateau": "Plateau"}

GRADIENT_DESCENT = PageSpec(
    "gradient_descent",
    "gd",
    (
        select("land", "Landscape", tuple(landscapes.LANDSCAPES), "house", format_func=SHORT_LANDSCAPE_NAMES.get),
        multi("opt", "Optimizers racing", descent.OPTIMIZERS, ("gd",), format_func=descent.NAMES.get),
        log_slider("lr", "Learning rate (step size)", RATES, 0.1),
        slider("steps", "Steps", 10, 200, 150, 10),
        slider("sx", "Start: left to right", 0.0, 1.0, 0.2, 0.01),
        slider("sy", "Start: bottom to top", 0.0, 1.0, 0.9, 0.01),
        toggle("noisy", "Noisy gradients", help="Stochastic descent: each slope is measured on a random batch."),
        seed("seed", "Noise seed"),
        toggle("blind", "Blindfold", help="Hide the landscape until the walk ends."),
        toggle(
            "3d",
            "View in 3D",
            help="A little slower: with the 3D view on, each change takes about twice as long to redraw "
            "(measured: 0.2 to 0.3 s, more on a busy computer). Turn it on to look, off to explore.",
        ),
        slider("ax", "First start: left to right", 0.0, 1.0, 0.07, 0.01),
        slider("ay", "First start: bottom to top", 0.0, 1.0, 0.57, 0.01),
        slider("bx", "Second start: left to right", 0.0, 1.0, 0.93, 0.01),
        slider("by", "Second start: bottom to top", 0.0, 1.0, 0.93, 0.01),
    ),
    (
        Scene("Too timid", "Tiny steps: after 150 of them it has barely left the start.", {"lr": 0.001}),
        Scene("Just right", "Steps big enough to arrive, small enough to settle.", {}),
        Scene("Too bold: oscillates", "Each step overshoots and bounces across the bowl.", {"lr": 0.158}),
        Scene("Way too bold: diverges", "Every bounce is bigger than the last.", {"lr": 0.2}),
        Scene(
            "Stuck in a local valley",
            "Started on the wrong side, it settles in a valley that is not the deepest.",
            {"land": "mountains", "lr": 0.2, "sx": 0.9, "sy": 0.9},
        ),
        Scene(
            "Momentum through the ravine",
            "Plain descent creeps along the ravine's gentle floor; momentum builds speed and arrives.",
            {"land": "ravine", "lr": 0.00501, "opt": ["gd", "momentum"], "sx": 0.08, "sy": 0.67},
        ),
    ),
)

# The training loop: four stages an iteration, up to 300 iterations (30 epochs).
MAX_STAGE = 4 * 300

TRAINING_LOOP = PageSpec(
    "training_loop",
    "loop",
    (
        number("step", "Stages taken", 0, MAX_STAGE, 0, 1),
        seed("seed", "Shuffle seed"),
    ),
    (
        # each brings up the loop's buttons, with the counters, the loop and the line under them
        Scene("Just initialised", "The knobs set to zero, nothing run yet.", {}, "walk"),
        Scene("Mid-iteration", "Iteration 1, stopped right after backpropagation.", {"step": 3}, "walk"),
        Scene("Ten rounds in", "Ten full iterations: the line has moved toward the houses.", {"step": 40}, "walk"),
        Scene("Settled", "Five epochs: the knobs have settled.", {"step": 200}, "walk"),
    ),
)

# Epochs and iterations: the counting, and a live fraud detector.
SIZES = (1_000, 10_000, 100_000, 1_000_000)
BATCHES = (1, 10, 32, 100, 1_000, 10_000)
LIVE_N = fraud.TRANSACTIONS  # live transactions the detector trains on
LIVE_BATCHES = (1, 10, 50, LIVE_N)
MAX_EPOCHS = 40

EPOCHS = PageSpec(
    "epochs",
    "ep",
    (
        select("n", "Training examples (N)", SIZES, 10_000, format_func=lambda v: fmt.count(v, short=True)),
        log_slider("b", "Batch size (B)", BATCHES, 32, format_func=lambda v: f"{v:,}"),
        slider("epochs", "Epochs", 1, 100, 10, 1),
        select(
            "live_b", "Batch size", LIVE_BATCHES, 10, format_func=lambda v: f"all {LIVE_N}" if v == LIVE_N else str(v)
        ),
        toggle("shuffle", "Shuffle every epoch", default=True),
        slider("live_epochs", "Epochs", 5, MAX_EPOCHS, 20, 1),
        slider("patience", "Early stopping patience (0 = off)", 0, 10, 0, 1),
        seed("seed", "Seed"),
    ),
    (
        Scene(
            "1M transactions, batch 1,000",
            "The chapter's fraud detector: a thousand iterations per epoch.",
            {"n": 1_000_000, "b": 1_000},
        ),
        Scene("Batch size 1: noisy", "One transaction per update: many quick, jumpy steps.", {"live_b": 1}),
        Scene("Full batch: smooth but slow", f"All {LIVE_N} at once: one careful step per epoch.", {"live_b": LIVE_N}),
        Scene("Forgot to shuffle", "Batches in export order: all normal spending, then all fraud.", {"shuffle": False}),
        Scene("Early stop", "Stop after 3 epochs without improvement; keep the best checkpoint.", {"patience": 3}),
    ),
)

# Overfitting: polynomial fits to a sample of houses.
PENALTIES = (0.0, 1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 0.01, 0.03, 0.1, 0.3, 1.0)

OVERFITTING = PageSpec(
    "overfitting",
    "ovf",
    (
        slider("degree", "Complexity: polynomial degree", 0, fitting.MAX_DEGREE, 3, 1),
        slider("n", "Training houses", 10, 300, 20, 5),
        slider("noise", "Noise: luck in each sale ($k)", 10, 150, 60, 5, format="$%dk"),
        log_slider("l2", "Regularisation (L2 penalty)", PENALTIES, 0.0, format_func=fmt.decimal),
        seed("seed", "Sample", help="Which houses were sold: each number is another draw."),
    ),
    (
        Scene(
            "One price for every house", "Degree 0: the same guess for every house, whatever its size.", {"degree": 0}
        ),
        Scene("About right", "Enough flexibility to follow the pattern, not the noise.", {"degree": 2}),
        Scene(
            "Memorised the noise", "Fifteen houses, degree 15: a curve through every point.", {"degree": 15, "n": 15}
        ),
        Scene("More data to the rescue", "The same flexible model, with 300 houses.", {"degree": 15, "n": 300}),
        Scene(
            "Regularised",
            "Fifteen houses, degree 15, and a penalty on wild curves.",
            {"degree": 15, "n": 15, "l2": 0.01},
        ),
    ),
    earlier={"n": 30},  # 20 houses since 2026-11-30: the U of overfitting shows at the default
)

YOUR_DATA = PageSpec("your_data", "own", ())

CONCEPT_CHECK = PageSpec("concept_check", "quiz", ())

GLOSSARY = PageSpec(
    "glossary",
    "glo",
    (text("q", "Search the glossary", placeholder="for example: gradient, epoch, loss"),),
)

# Every page's declaration, found here rather than listed a second time (content.pages keeps the
# chapter's order; a test checks that the two name the same pages).
ALL = tuple(spec for spec in list(globals().values()) if isinstance(spec, PageSpec) and spec is not APP)
SPECS = {spec.slug: spec for spec in ALL}  # a page's declaration by its address
