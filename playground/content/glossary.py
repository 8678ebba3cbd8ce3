"""Plain-English explanations of every term the app uses.

The in-page term buttons and the Glossary page read this one table.
"""

from __future__ import annotations

from dataclasses import dataclass

from playground.content.pages import ALL_PAGES

CHAPTER = tuple(page.slug for page in ALL_PAGES)


@dataclass(frozen=True)
class Term:
    name: str
    explanation: str
    page: str  # slug of the page that shows the idea best
    analogy: str = ""  # an everyday picture, where one helps
    also: tuple[str, ...] = ()  # other forms the pages use ("shuffled" for Shuffling)


TERMS: dict[str, Term] = {
    t.name.lower(): t
    for t in (
        Term(
            "Parameter",
            "A number inside a model that training is allowed to change. All a trained "
            "model 'knows' is stored in its parameters; there are no hand-written rules.",
            "parameters",
            analogy="Like the knobs on a mixing desk: the music is the same, the settings decide how it sounds.",
        ),
        Term(
            "Weight",
            "A parameter that multiplies an input: it sets how strongly that input pushes the "
            "prediction up or down. In the house model, dollars added per square foot.",
            "parameters",
        ),
        Term(
            "Bias",
            "A parameter that is added on, whatever the input: the prediction's starting "
            "point. In the house model, the price of a house before its size counts.",
            "parameters",
        ),
        Term(
            "Loss",
            "One number saying how wrong the model is right now, averaged over the examples. "
            "Lower is better; training exists to push it down.",
            "parameters",
        ),
        Term(
            "Mean squared error",
            "A loss: take each miss, square it, average the squares. Squaring makes big "
            "misses count far more than small ones. Its square root is a typical miss in "
            "the original units, here dollars.",
            "parameters",
        ),
        Term(
            "Fine-tuning",
            "Training an already trained model some more, on your own data, so its "
            "parameters shift towards your task. Whatever patterns your data holds, good or "
            "bad, are what the parameters move towards.",
            "parameters",
        ),
        Term(
            "Loss function",
            "The formula that turns a prediction and the right answer into a penalty. It is "
            "the model's only idea of what a mistake is, so choosing it is choosing what the "
            "model will care about.",
            "loss_functions",
            analogy="Like a coach calling out how far each arrow landed from the bullseye.",
        ),
        Term(
            "Error",
            "How far one prediction is from the truth: predicted minus actual. A negative error "
            "means the model guessed too low.",
            "loss_functions",
        ),
        Term(
            "Outlier",
            "An example far from the pattern of the rest, like the mansions that sold for 3.5 "
            "to 3.9 times what the ordinary houses' line predicts for their size. Squared error "
            "lets a few outliers drag the whole model towards them.",
            "loss_functions",
        ),
        Term(
            "Huber loss",
            "A compromise loss: it treats small misses like squared error and large misses like "
            "absolute error, so outliers count but cannot dominate. Its delta sets where small "
            "ends.",
            "loss_functions",
            also=("Huber",),
        ),
        Term(
            "Asymmetric loss",
            "A loss that charges more for missing on one side: here, guessing a price too low "
            "costs k times more than guessing too high. The model learns to lean the cheaper way.",
            "loss_functions",
        ),
        Term(
            "Cross-entropy",
            "The usual loss for yes/no and category predictions. It looks at the probability the "
            "model gave the right answer: near zero cost when that probability is high, a steeply "
            "growing cost when the model was confident and wrong.",
            "loss_functions",
        ),
        Term(
            "Gradient",
            "The slope of the loss at the current knob settings: which way is uphill, and how steep. "
            "Stepping against it is the quickest way down from where you stand.",
            "gradient_descent",
            analogy="Like feeling which way the ground tilts under your feet when you cannot see the hill.",
        ),
        Term(
            "Gradient descent",
            "Training's way of improving: measure the slope of the loss, step the knobs a little "
            "way downhill, and repeat until the loss stops falling.",
            "gradient_descent",
            analogy="Like walking down a mountain blindfolded, one careful step at a time.",
        ),
        Term(
            "Training set",
            "The examples a model learns from. Its score on them says little about how it will do on new data.",
            "overfitting",
        ),
        Term(
            "Learning rate",
            "How big a step training takes each time it moves the knobs. Too small and it crawls; "
            "too big and it overshoots the valley, bounces across it, or flies off entirely.",
            "gradient_descent",
            analogy="Like the length of your stride walking downhill in the dark.",
        ),
        Term(
            "Local minimum",
            "A valley that is lowest only in its neighbourhood. Descent that walks into one stops "
            "there, even if a deeper valley exists elsewhere.",
            "gradient_descent",
            also=("local valley",),
        ),
        Term(
            "Convergence",
            "Training has converged when further steps no longer lower the loss: the walker has "
            "settled. It says the search has stopped, not that the best answer was found.",
            "gradient_descent",
        ),
        Term(
            "Optimizer",
            "The rule that turns a gradient into a step. Plain gradient descent steps straight "
            "downhill; momentum and Adam also use the steps before, to move faster and smoother.",
            "gradient_descent",
        ),
        Term(
            "Momentum",
            "An optimizer that keeps some of its previous step: it builds speed along a long gentle "
            "valley and evens out zig-zags across a narrow one.",
            "gradient_descent",
            analogy="Like a ball rolling downhill: it keeps some of its speed instead of stopping at every bump.",
        ),
        Term(
            "Overfitting",
            "Learning the training examples too well, noise and accidents included, so the model "
            "does worse on new data. Training error is low; validation error is high.",
            "overfitting",
            analogy="Like a student who memorised last year's answers and is lost when the questions change.",
        ),
        Term(
            "Underfitting",
            "Learning too little: the model is too simple, or trained too briefly, to capture the "
            "pattern, so it does badly on training and new data alike.",
            "overfitting",
        ),
        Term(
            "Validation set",
            "Examples held back from training and used only to measure how the model does on data "
            "it has never seen. It is the exam; the training set is the homework.",
            "overfitting",
        ),
        Term(
            "Generalisation",
            "Doing well on new data, not just on the examples seen in training. It is the whole "
            "point of training a model.",
            "overfitting",
        ),
        Term(
            "Regularisation",
            "Anything that discourages a model from fitting noise, for example a penalty on large "
            "parameters (L2) or stopping training early. It trades a little training accuracy for "
            "better results on new data.",
            "overfitting",
            also=("regularised", "L2", "L2 penalty", "penalty"),
        ),
        Term(
            "Epoch",
            "One full pass of training over every example in the training set. Training usually takes many.",
            "epochs",
            analogy="Like reading the whole textbook once; studying usually takes several readings.",
        ),
        Term(
            "Batch",
            "The handful of examples the model learns from in one go. A batch of 1,000 from a "
            "million transactions means 1,000 batches per epoch.",
            "epochs",
        ),
        Term(
            "Iteration",
            "One round of the training loop on one batch: forward pass, loss, backpropagation, "
            "update. An epoch is as many iterations as it takes to get through the data.",
            "epochs",
        ),
        Term(
            "Early stopping",
            "Ending training once the validation loss has not improved for a set number of epochs "
            "(the patience), instead of running every planned epoch.",
            "epochs",
        ),
        Term(
            "Checkpoint",
            "A saved copy of the model's parameters at some point in training. Keeping the best one "
            "lets training go back to it after it has started to overfit.",
            "epochs",
        ),
        Term(
            "Training loop",
            "The cycle that trains every model: predict, measure the loss, share out the blame, "
            "nudge the parameters, and repeat.",
            "training_loop",
        ),
        Term(
            "Forward pass",
            "Running an input through the model, layer by layer, to get a prediction. It reads the "
            "parameters and changes none of them.",
            "forward_pass",
        ),
        Term(
            "Layer",
            "A group of neurons that all read the previous layer's outputs and pass their own on. "
            "A network is layers stacked from input to output.",
            "forward_pass",
        ),
        Term(
            "Activation",
            "What a neuron passes on: its weighted sum squeezed through a simple bend (such as "
            "ReLU, which turns negatives into zero). Without the bend, stacked layers would be no "
            "better than one.",
            "forward_pass",
        ),
        Term(
            "Inference",
            "Using a trained model to make predictions: forward passes only, no learning. This is "
            "what a product serves to its users.",
            "forward_pass",
        ),
        Term(
            "Backpropagation",
            "The method that works out, for every parameter at once, how much it contributed to the "
            "loss, by passing the error backwards through the layers.",
            "backpropagation",
            analogy="Like a forensic investigator after an accident: starting from the damage (the "
            "loss), it works backwards through every step and assigns each parameter its share of "
            "the blame.",
        ),
        Term(
            "Neuron",
            "A small unit in a network that adds up its weighted inputs plus a bias and "
            "passes the result on. Each line between neurons is one weight.",
            "forward_pass",
        ),
        Term(
            "Adam",
            "An optimizer that keeps a running average of each knob's recent slopes (like momentum) "
            "and of their size, and scales every step by both, so each knob gets a step size of its own.",
            "gradient_descent",
        ),
        Term(
            "RMSProp",
            "An optimizer that divides each step by the typical size of that knob's recent slopes: steep "
            "directions take smaller steps, gentle ones larger.",
            "gradient_descent",
        ),
        Term(
            "Plateau",
            "A wide, nearly flat stretch of the loss landscape. The slope there is almost zero, so "
            "gradient descent barely moves, though it is not in a valley.",
            "gradient_descent",
        ),
        Term(
            "Sigmoid",
            "An activation that squashes any number into the range 0 to 1, so it can be read as a "
            "probability: large numbers come out near 1, very negative ones near 0.",
            "backpropagation",
        ),
        Term(
            "Tanh",
            "An activation that squashes any number into the range -1 to 1, shaped like the sigmoid.",
            "backpropagation",
        ),
        Term(
            "ReLU",
            "The most common activation: it keeps a positive number as it is and turns a negative one "
            "into zero. Short for rectified linear unit.",
            "backpropagation",
        ),
        Term(
            "Softmax",
            "The last step of a network that picks one answer out of several: it turns the output "
            "neurons' numbers into probabilities that add up to 100 %.",
            "forward_pass",
        ),
        Term(
            "Probability",
            "How likely the model thinks something is, from 0 (never) to 1 (certain), often shown as a percentage.",
            "loss_functions",
        ),
        Term(
            "Logistic regression",
            "A model with a single neuron and a sigmoid: it weighs a few inputs, adds a bias and gives a "
            "probability for a yes/no question, such as whether a transaction is fraud.",
            "epochs",
        ),
        Term(
            "Shuffling",
            "Putting the training examples in a random order before each epoch, so every batch is a fair "
            "mix rather than a run of one kind.",
            "epochs",
            also=("shuffle", "shuffled"),
        ),
        Term(
            "Seed",
            "The number that starts a random draw. The same seed always gives the same draw, so a "
            "random result can be repeated exactly; another seed gives another draw.",
            "epochs",
        ),
        Term(
            "Patience",
            "How many epochs early stopping waits for validation loss to improve before it ends training.",
            "epochs",
        ),
        Term(
            "RMSE",
            "Root mean square error: the square root of the average squared miss. It reads in the same "
            "units as the price, like a typical miss, but big misses count extra.",
            "overfitting",
            also=("root mean square", "typical miss"),
        ),
        Term(
            "Polynomial",
            "A curve made of powers of the input (size, size squared, size cubed ...). Its degree, the "
            "highest power, sets how many bends it can make: degree 1 is a straight line.",
            "overfitting",
            also=("degree",),
        ),
        Term(
            "Noise",
            "The part of each outcome no input explains: the luck in a sale, a smudge on a digit. A model "
            "that learns the noise has memorised its examples.",
            "overfitting",
        ),
        Term(
            "Multiply-add",
            "One multiplication and one addition, the basic unit of work in a network: each weight costs "
            "one per example on the way forward. Counting them prices a model's compute.",
            "forward_pass",
            also=("multiply-adds",),
        ),
        Term(
            "Precision",
            "Of the cases a model flagged (say, as fraud), the share that really were. Low precision "
            "means many false alarms.",
            "overfitting",
        ),
        Term(
            "Recall",
            "Of the cases that really were positive (say, fraud), the share the model caught. Low recall "
            "means many misses.",
            "overfitting",
        ),
        Term(
            "Latency",
            "How long a model takes to answer one request. Every forward pass adds to it.",
            "forward_pass",
        ),
        Term(
            "Drift",
            "The world moving away from the data a model learned from, so that its accuracy slowly falls after launch.",
            "overfitting",
        ),
    )
}


def find(word: str) -> Term | None:
    """The entry a word on a page refers to, by name, plural or other form ("optimizers", "shuffled")."""
    w = word.strip().lower()
    for term in TERMS.values():
        forms = {term.name.lower(), *(a.lower() for a in term.also)}
        if w in forms or any(w in (f + "s", f + "es") for f in forms):
            return term
    return None


def search(query: str) -> list[Term]:
    """Terms whose name, other forms or explanation contain ``query``, ignoring case; all terms for an empty query.

    Terms named by the query come first; then the chapter's order (its pages', then this table's)."""
    q = query.strip().lower()
    found = [
        t
        for t in TERMS.values()
        if q in t.name.lower() or q in t.explanation.lower() or any(q in a.lower() for a in t.also)
    ]
    return sorted(found, key=lambda t: (q not in t.name.lower(), CHAPTER.index(t.page)))


def by_page(found: list[Term]) -> list[tuple[str, list[Term]]]:
    """``found`` gathered under the page that shows each term: pages in the order of their first term."""
    pages: dict[str, list[Term]] = {}
    for term in found:
        pages.setdefault(term.page, []).append(term)
    return list(pages.items())


def entry(term: Term) -> str:
    """The term as one Markdown paragraph: its name in bold, its explanation, its analogy on a line of its own in
    grey italics, full size (presenter mode enlarges a paragraph's type, not a smaller print's)."""
    analogy = f"  \n:gray[*{term.analogy}*]" if term.analogy else ""
    return f"**{term.name}.** {term.explanation}{analogy}"
