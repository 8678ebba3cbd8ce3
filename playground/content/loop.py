"""The training loop's stages, in order, with a line each."""

INITIALIZE = (
    "Initialize",
    "Set every knob to a starting value: zero for this line. (A network starts from small random values, "
    "so that its neurons do not all learn the same thing.)",
)
STAGES = (
    ("Forward pass", "Push a batch of examples through the model to get its predictions."),
    ("Loss", "Score how far the predictions are from the right answers."),
    ("Backpropagation", "Work out how much each knob is to blame for the loss."),
    ("Update", "Nudge every knob a small step in the direction that lowers the loss."),
)
# The page that teaches each stage, by its address: the home page's loop opens them.
TAUGHT_ON = {
    "Initialize": "parameters",
    "Forward pass": "forward_pass",
    "Loss": "loss_functions",
    "Backpropagation": "backpropagation",
    "Update": "gradient_descent",
}
