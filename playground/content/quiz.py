"""The concept check: ten questions as data, and the checker that marks them."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from playground import format as fmt
from playground.content.exercises import ITERATION_STEPS


@dataclass(frozen=True)
class Question:
    key: str
    kind: str  # "order", "single", "multiple" or "number"
    prompt: str
    options: tuple[str, ...]  # empty for a number
    answer: tuple[str, ...] | float  # the right options (in order, for "order"), or the number
    explanation: str
    page: str  # slug of the page that teaches it


QUESTIONS: tuple[Question, ...] = (
    Question(
        "loop-order",
        "order",
        "Put the four steps of one training iteration in the order they happen.",
        ITERATION_STEPS,
        ITERATION_STEPS,
        "A prediction must exist before it can be scored, the score before blame can be shared, and the "
        "blame before any knob can move.",
        "training_loop",
    ),
    Question(
        "what-is-learned",
        "single",
        "When a model 'learns', what actually changes?",
        ("The values of its parameters", "The rules its engineers wrote", "The training data", "Its code"),
        ("The values of its parameters",),
        "All a trained model knows is stored in its parameters; training only turns those numbers.",
        "parameters",
    ),
    Question(
        "squared-miss",
        "single",
        "Under squared error, a $100k miss costs 1 point. What does a $200k miss cost?",
        ("2 points", "4 points", "1 point", "200 points"),
        ("4 points",),
        "Squaring makes a miss twice as big cost four times as much, which is why squared error chases outliers.",
        "loss_functions",
    ),
    Question(
        "forward-facts",
        "multiple",
        "Which of these are true of a forward pass? Pick every one that is.",
        (
            "It produces a prediction",
            "It changes the model's weights",
            "It costs compute every time it runs",
            "It needs the right answer to run",
        ),
        ("It produces a prediction", "It costs compute every time it runs"),
        "A forward pass applies what the model knows to make a prediction; it needs no answer and changes no weight, "
        "but every one of them costs compute.",
        "forward_pass",
    ),
    Question(
        "backprop-gives",
        "single",
        "What does backpropagation give every parameter?",
        (
            "Its share of the blame for the loss (its gradient)",
            "A new random value",
            "A label saying what it means",
            "The training data it came from",
        ),
        ("Its share of the blame for the loss (its gradient)",),
        "Tracing the error backwards gives each parameter its gradient: how much the loss would move if it moved.",
        "backpropagation",
    ),
    Question(
        "exploding-loss",
        "single",
        "The loss bounces up and down, then shoots off to huge values. What should you try first?",
        ("Lower the learning rate", "Train for more epochs", "Use a bigger model", "Remove the validation set"),
        ("Lower the learning rate",),
        "Steps that overshoot the valley by more than the last one make the loss explode; smaller steps fix it.",
        "gradient_descent",
    ),
    Question(
        "stopped-improving",
        "single",
        "Gradient descent has stopped improving the loss. What can you conclude?",
        (
            "It reached flat ground: a valley that may not be the deepest, or a plateau",
            "It has found the best possible model",
            "The learning rate is too big",
            "The data is wrong",
        ),
        ("It reached flat ground: a valley that may not be the deepest, or a plateau",),
        "Descent stops improving wherever the slope under it vanishes: the nearest valley, which need not "
        "be the lowest, or a flat plateau with no valley at all.",
        "gradient_descent",
    ),
    Question(
        "fraud-iterations",
        "number",
        "A fraud detector trains on 1,000,000 transactions in batches of 1,000. How many iterations make one epoch?",
        (),
        1000.0,
        "One epoch covers every example once: 1,000,000 / 1,000 = 1,000 batches, each one iteration.",
        "epochs",
    ),
    Question(
        "vendor-99",
        "single",
        "A vendor's model is 99 % accurate on the data it was trained on and 70 % on your new data. What happened?",
        (
            "It overfit: it memorised its training data",
            "It underfit: it is too simple",
            "Your new data is broken",
            "Nothing: the training score is the one that counts",
        ),
        ("It overfit: it memorised its training data",),
        "Great on training data and poor on new data is the signature of overfitting; only held-out data "
        "tells the truth.",
        "overfitting",
    ),
    Question(
        "messy-fine-tune",
        "single",
        "A vendor offers to fine-tune a model on your customer records, many of them mislabelled. What is the risk?",
        (
            "The knobs turn toward the mistakes in your data",
            "None: a big model ignores bad labels",
            "It will only cost more time",
            "The model will forget how to speak",
        ),
        ("The knobs turn toward the mistakes in your data",),
        "Fine-tuning moves the parameters toward whatever the data says, errors included: you pay to learn "
        "the mistakes.",
        "parameters",
    ),
)


def check(question: Question, response: Sequence[str] | float | None) -> bool:
    """Whether ``response`` answers ``question``: the exact order, the one option, all and only the
    right options, or the number within half a unit."""
    if response is None:
        return False
    if question.kind == "number":
        return isinstance(response, int | float) and abs(float(response) - float(question.answer)) < 0.5
    given = tuple(response) if not isinstance(response, str) else (response,)
    if question.kind == "order":
        return given == tuple(question.answer)
    if question.kind == "multiple":
        return set(given) == set(question.answer)
    return given == tuple(question.answer)


def said(question: Question, response: Sequence[str] | float | None) -> str:
    """An answer as the review reads it: an order with arrows, several options with semicolons,
    a number in plain figures; "no answer" when there is none. ``said(q, q.answer)`` is the right one."""
    if response is None or (not isinstance(response, int | float) and len(response) == 0):
        return "no answer"
    if question.kind == "number":
        return fmt.count(float(response))
    given = (response,) if isinstance(response, str) else tuple(response)
    return (" → " if question.kind == "order" else "; ").join(given)


def shuffled(question: Question, attempt: int) -> tuple[str, ...]:
    """The options in the order a given attempt shows them; "start again" means a new attempt."""
    options = list(question.options)
    random.Random(f"{attempt}:{question.key}").shuffle(options)
    return tuple(options)
