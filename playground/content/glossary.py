"""Plain-English explanations of every term the app uses.

The in-page term buttons and the Glossary page read this one table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    name: str
    explanation: str
    page: str  # slug of the page that shows the idea best
    analogy: str = ""  # an everyday picture, where one helps


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
            "An optimizer that keeps some of its previous step, like a ball rolling downhill: it "
            "builds speed along a long gentle valley and evens out zig-zags across a narrow one.",
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
            analogy="Like a teacher marking a test and showing exactly which steps went wrong.",
        ),
        Term(
            "Neuron",
            "A small unit in a network that adds up its weighted inputs plus a bias and "
            "passes the result on. Each line between neurons is one weight.",
            "forward_pass",
        ),
    )
}


def search(query: str) -> list[Term]:
    """Terms whose name or explanation contains ``query``, ignoring case; all terms for an empty query."""
    q = query.strip().lower()
    found = [t for t in TERMS.values() if q in t.name.lower() or q in t.explanation.lower()]
    return sorted(found, key=lambda t: (q not in t.name.lower(), t.name.lower()))
