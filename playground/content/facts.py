"""Public figures the pages compare against."""

# Published parameter counts of two well-known language models.
LANGUAGE_MODELS = (
    ("GPT-2 language model (2019)", 1.5e9),
    ("GPT-3 language model (2020)", 175e9),
)
