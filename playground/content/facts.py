"""Public figures the pages compare against."""

# Published parameter counts of two well-known language models.
LANGUAGE_MODELS = (
    ("GPT-2 language model (2019)", 1.5e9),
    ("GPT-3 language model (2020)", 175e9),
)

# What a computation costs: the assumptions behind the app's compute bills.
CPU_MADDS_PER_SECOND = 1e9  # one CPU core, about a billion multiply-adds a second
CPU_DOLLARS_PER_HOUR = 0.05  # a small cloud CPU core, about five cents an hour
