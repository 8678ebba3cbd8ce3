"""What each page is called, where it lives and what it teaches, in one place.

The navigation, the Home cards and every page header read this table, so a page's title and
takeaway are written once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    slug: str
    file: str
    title: str
    icon: str
    section: str
    takeaway: str
    intro: str = ""
    why_it_matters: str = ""
    learns_on_your_data: bool = False  # the page uses an uploaded table (Your data) instead of the houses


HOME = PageInfo(
    slug="home",
    file="app_pages/home.py",
    title="How models learn",
    icon=":material/school:",
    section="",
    takeaway=(
        "Training means turning a model's knobs, a little at a time, until its mistakes are as small as they can get."
    ),
    intro=(
        "Every page here is one idea from the chapter, with controls you can move and "
        "pictures that answer at once. Nothing is pre-recorded: a small model computes "
        "every number the moment you move a control."
    ),
)

PARAMETERS = PageInfo(
    slug="parameters",
    file="app_pages/parameters.py",
    title="Parameters",
    icon=":material/tune:",
    section="The pieces",
    takeaway=(
        "A model's knowledge is nothing but a set of numbers, its parameters. Learning "
        "means finding the values of those numbers that make the fewest mistakes."
    ),
    intro=(
        "Below is the simplest model there is: a house's price guessed from its size by a "
        "straight line. It has exactly two knobs. The **weight** says how many dollars each "
        "extra square foot adds; the **bias** is the starting price before size counts. "
        "Turn them and watch how far the line lands from the real sales."
    ),
    why_it_matters=(
        "A large language model is this page scaled up: billions of knobs instead of two, "
        "with no rule written by hand. Fine-tuning a model on your data means paying to turn "
        "those knobs again, so the data decides which way they turn. Dirty data (wrong "
        "labels, a botched join) buys you a model tuned in the wrong direction, and no "
        "engineer can fix it afterwards by setting a knob by hand."
    ),
    learns_on_your_data=True,
)

LOSS_FUNCTIONS = PageInfo(
    slug="loss_functions",
    file="app_pages/loss_functions.py",
    title="Loss functions",
    icon=":material/target:",
    section="The pieces",
    takeaway=(
        "A loss function is the model's definition of a mistake: one number for how wrong it "
        "is. Which mistakes it punishes hardest is a choice, and that choice decides what the "
        "model learns."
    ),
    intro=(
        "A model cannot improve without a score. The loss takes each prediction and the true "
        "answer and returns a penalty; training then changes the knobs to make the average "
        "penalty small. Different losses punish the same miss very differently, so the same "
        "data can teach different lessons."
    ),
    why_it_matters=(
        "If nobody decides what a mistake costs, the team will use a default, usually squared "
        "error, and the model will quietly optimise for it. Ask two questions early: is one huge "
        "miss worse than many small ones, and does guessing too low cost the business the same "
        "as guessing too high? The answers pick the loss, and the loss sets the product's "
        "behaviour."
    ),
    learns_on_your_data=True,
)

FORWARD_PASS = PageInfo(
    slug="forward_pass",
    file="app_pages/forward_pass.py",
    title="Forward pass",
    icon=":material/arrow_forward:",
    section="The pieces",
    takeaway=(
        "A forward pass pushes one input through the model's layers to a prediction. It only "
        "applies what the model already knows: no knob moves, nothing is learned."
    ),
    intro=(
        "Below, a real handwritten digit (8 by 8 pixels) goes through a small network trained on "
        "1,348 others: 64 pixels in, 32 hidden neurons, 10 outputs, one per digit. Each layer "
        "multiplies what it receives by its weights, adds its biases, and passes the result on."
    ),
    why_it_matters=(
        "Every prediction your product serves is a forward pass, and each one costs compute, money "
        "and time. A bigger model does more multiply-adds per answer, so it answers slower and "
        "costs more per million requests. When you set a latency target for a real-time feature, "
        "you are setting a budget for the forward pass."
    ),
)

BACKPROPAGATION = PageInfo(
    slug="backpropagation",
    file="app_pages/backpropagation.py",
    title="Backpropagation",
    icon=":material/arrow_back:",
    section="How it learns",
    takeaway=(
        "Backpropagation traces the error backwards from the loss, layer by layer, and gives every "
        "parameter its exact share of the blame: how much the loss would move if that knob moved."
    ),
    intro=(
        "A network small enough to see whole: two inputs, a few hidden neurons, one output, one "
        "example. Step forward to get a prediction and a loss, then step backwards and watch the "
        "blame (the gradient, marked ∂) reach every weight. Think of a forensic investigator "
        "working back from the damage: each step back assigns a share of the blame to the knobs that "
        "caused it."
    ),
    why_it_matters=(
        "Training needs a forward pass and a backward pass for every example, again and again; "
        "serving needs only the forward pass. That is why training costs far more than running a "
        "model, and why a model cannot simply be told a new rule: changing what it knows means "
        "another round of blame and nudges over the data."
    ),
)

GRADIENT_DESCENT = PageInfo(
    slug="gradient_descent",
    file="app_pages/gradient_descent.py",
    title="Gradient descent",
    icon=":material/downhill_skiing:",
    section="How it learns",
    takeaway=(
        "Gradient descent feels the slope under its feet and steps downhill, again and again. It "
        "stops where the ground is flat: usually a valley, not always the deepest one, sometimes a "
        "plateau. The size of its steps decides "
        "whether it crawls, arrives or flies off the map."
    ),
    intro=(
        "Picture the loss as a landscape: every point is one setting of the knobs, and its height is "
        "the loss there. Training stands somewhere on it, blindfolded. It cannot see the valley; it "
        "can only feel which way the ground tilts, take a step that way, and feel again. The "
        "**learning rate** is the length of that step."
    ),
    why_it_matters=(
        "When training stalls or blows up, this is the machinery that is failing, and a team has "
        "levers to pull: the learning rate (the most common culprit), the optimizer (momentum and "
        "Adam cross ravines and flat ground that stall plain descent), and where training starts. "
        "A model that has stopped improving may be sitting in a shallow valley, not at the best "
        "answer, so ask how many starts and settings were tried before calling it done."
    ),
    learns_on_your_data=True,
)

TRAINING_LOOP = PageInfo(
    slug="training_loop",
    file="app_pages/training_loop.py",
    title="The training loop",
    icon=":material/autorenew:",
    section="How it learns",
    takeaway=(
        "Training is five steps, the last four on repeat: set the knobs, predict, score the "
        "mistakes, share out the blame, nudge the knobs. Nothing else; just many, many rounds."
    ),
    intro=(
        "Here the loop runs on the house-price line from the Parameters page, twenty houses at a "
        "time. Walk it one stage at a time and see what each stage produces, or let it run "
        "and watch the knobs settle."
    ),
    why_it_matters=(
        "Every model your team trains, from this two-knob line to a language model, runs this same "
        "loop; bigger models only make each round dearer. When someone says a model is still "
        "training, this loop is what is running, round after round, costing compute each time."
    ),
)

EPOCHS = PageInfo(
    slug="epochs",
    file="app_pages/epochs.py",
    title="Epochs and iterations",
    icon=":material/repeat:",
    section="How it learns",
    takeaway=(
        "An epoch is one pass over all the training data; each batch processed along the way is "
        "one iteration. Training takes many epochs, and stops when new data stops improving."
    ),
    intro=(
        "A fraud detector learns from past transactions, a batch at a time. Choose how many "
        "transactions, how big a batch and how many epochs, and count the work; then watch a real "
        "(small) detector train, batch by batch."
    ),
    why_it_matters=(
        "Epochs are compute, and compute is time and money: each epoch repeats every iteration over "
        "the whole data set. More epochs are not always better either: once validation stops "
        "improving, extra epochs only memorise. Ask how training decided when to stop, and which "
        "checkpoint shipped."
    ),
)

OVERFITTING = PageInfo(
    slug="overfitting",
    file="app_pages/overfitting.py",
    title="Overfitting and underfitting",
    icon=":material/ssid_chart:",
    section="How it learns",
    takeaway=(
        "A model that memorises its training data looks perfect until it meets new data; a model "
        "too simple to learn looks bad everywhere. The goal is the pattern, not the points, and "
        "only data the model never saw can tell you which one you have."
    ),
    intro=(
        "Houses here come from a known market: the grey dashed curve is the real pattern, and each "
        "sale lands near it with some luck thrown in. The model sees only the blue training houses. "
        "The amber validation houses are kept back, like an exam it has not seen, to show how it "
        "does on new data."
    ),
    why_it_matters=(
        "Never judge a model on the data it trained on: an overfit model scores perfectly there "
        "and fails in production. Ask for results on held-out data, and ask how the gap between "
        "training and validation behaves as data grows. When a model does not generalise, the fix "
        "is usually the data (more of it, cleaner, more representative), not cleverer code."
    ),
    learns_on_your_data=True,
)

YOUR_DATA = PageInfo(
    slug="your_data",
    file="app_pages/your_data.py",
    title="Your data",
    icon=":material/upload_file:",
    section="Your turn",
    takeaway=(
        "The same line learns from any two columns of numbers. Bring a table you know (price and "
        "conversion, tenure and churn, distance and delivery time) and watch the ideas work on it."
    ),
    intro=(
        "Upload a CSV file or paste a table, then pick the column to learn from and the column to "
        "predict. The pages marked below then use your rows instead of the houses, with your "
        "column names on every axis. Your table stays in this browser session: it is never saved, "
        "never logged and never put in a link."
    ),
)

CONCEPT_CHECK = PageInfo(
    slug="concept_check",
    file="app_pages/concept_check.py",
    title="Concept check",
    icon=":material/quiz:",
    section="Check yourself",
    takeaway="Ten questions on the whole chapter. Each answer comes with the reason and the page that shows it.",
)

GLOSSARY = PageInfo(
    slug="glossary",
    file="app_pages/glossary.py",
    title="Glossary",
    icon=":material/menu_book:",
    section="Check yourself",
    takeaway="Every term the app uses, in plain English, with the page that shows it best.",
)

# Every page the app serves, in the order of the chapter. Home is first.
ALL_PAGES: tuple[PageInfo, ...] = (
    HOME,
    PARAMETERS,
    LOSS_FUNCTIONS,
    FORWARD_PASS,
    BACKPROPAGATION,
    GRADIENT_DESCENT,
    TRAINING_LOOP,
    EPOCHS,
    OVERFITTING,
    YOUR_DATA,
    CONCEPT_CHECK,
    GLOSSARY,
)
BY_SLUG = {page.slug: page for page in ALL_PAGES}
