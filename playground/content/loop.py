"""The training loop's stages, in order, with a line each."""

INITIALIZE = ("Initialize", "Start every knob at a small random value.")
STAGES = (
    ("Forward pass", "Push a batch of examples through the model to get its predictions."),
    ("Loss", "Score how far the predictions are from the right answers."),
    ("Backpropagation", "Work out how much each knob is to blame for the loss."),
    ("Update", "Nudge every knob a small step in the direction that lowers the loss."),
)
