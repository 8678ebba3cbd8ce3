"""Numbers read the same everywhere: each formatter says what it produces."""

import pytest

from playground import format as fmt


@pytest.mark.parametrize(
    ("n", "text"),
    [(2, "2"), (1250, "1,250"), (1.5e9, "1.5 billion"), (175e9, "175 billion"), (2.5e6, "2.5 million")],
)
def test_count(n, text):
    assert fmt.count(n) == text


@pytest.mark.parametrize(
    ("n", "text"), [(54.7e9, "54.7B"), (2.5e6, "2.5M"), (999, "999"), (3e12, "3T"), (10_000, "10k")]
)
def test_count_short(n, text):
    assert fmt.count(n, short=True) == text


@pytest.mark.parametrize(
    ("value", "signed", "text"),
    [
        (45125.4, False, "$45,125"),
        (-40.2, True, "-$40"),
        (3, True, "+$3"),
        (-0.2, True, "$0"),  # a change of nothing has no sign: "+$0 per sq ft" read as a small rise
        (0.4, True, "$0"),
        (-1e6, False, "-$1,000,000"),
    ],
)
def test_dollars(value, signed, text):
    assert fmt.dollars(value, signed=signed) == text


@pytest.mark.parametrize(
    ("dollars", "text"),
    [(950, "$950"), (64_300, "$64.3k"), (1_620_000, "$1.62M"), (1.6e9, "$1.6B"), (-19_500, "-$19.5k")],
)
def test_dollars_short(dollars, text):
    assert fmt.dollars_short(dollars) == text


@pytest.mark.parametrize(
    ("dollars", "text"), [(12.5, "$12.50"), (0.35, "$0.35"), (0.0000329, "$0.000033"), (0, "$0.00")]
)
def test_dollars_cents(dollars, text):
    assert fmt.dollars_cents(dollars) == text


@pytest.mark.parametrize(("dollars", "text"), [(0.0000059, "under a cent"), (0.0099, "under a cent"), (0.35, "$0.35")])
def test_a_bill_below_a_cent_reads_as_people_say_it(dollars, text):
    assert fmt.bill(dollars) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0.06, "under a second"),
        (1, "1 second"),
        (40, "40 seconds"),
        (720, "12 minutes"),
        (3_600, "1 hour"),
        (12_600, "3.5 hours"),
        (181_440, "2.1 days"),
        (8.64e7, "1,000 days"),
    ],
)
def test_duration(seconds, text):
    assert fmt.duration(seconds) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (-48.79479, "-48.79"),
        (0.0041894, "+0.004189"),
        (0.00041894, "+0.0004189"),
        (12345.6, "+12,346"),
        (0, "0"),
        (-0.0, "0"),
    ],
)
def test_significant_keeps_four_figures_without_exponents(value, text):
    assert fmt.significant(value, signed=True) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(2e-06, "under 0.01 ms"), (0.00025, "0.25 ms"), (0.012, "12 ms"), (0.73, "730 ms"), (1.5, "1.5 seconds")],
)
def test_short_time_reads_without_exponents_or_micro_signs(seconds, text):
    assert fmt.short_time(seconds) == text


def test_plural():
    assert (fmt.plural(1, "bias", "biases"), fmt.plural(3, "bias", "biases"), fmt.plural(2, "weight")) == (
        "1 bias",
        "3 biases",
        "2 weights",
    )


@pytest.mark.parametrize(
    ("value", "text"), [(3e-5, "0.00003"), (1e-5, "0.00001"), (0.01, "0.01"), (1.0, "1"), (0.0, "0")]
)
def test_decimal_never_writes_an_exponent(value, text):
    assert fmt.decimal(value) == text


@pytest.mark.parametrize(
    ("value", "prefix", "suffix", "text"),
    [
        (0, "$", "", "$0"),
        (1250, "$", "", "$1,250"),
        (-1250, "$", "", "-$1,250"),
        (999.96, "", "", "1,000"),
        (12.345, "", "%", "12.35%"),
        (0.04213, "", "", "0.04213"),
        (3.2e-9, "", " kg", "3.2e-9 kg"),
        (1.5e12, "€", "", "€1.5e12"),
        (-4e-7, "", "", "-4e-7"),
    ],
)
def test_amount_reads_any_size_in_the_learners_own_units(value, prefix, suffix, text):
    assert fmt.amount(value, prefix, suffix) == text


def test_amount_signs_and_names_what_is_not_a_number():
    assert fmt.amount(3, signed=True) == "+3" and fmt.amount(-3, signed=True) == "-3"
    assert fmt.amount(0, "$", signed=True) == "$0"  # a change of nothing has no sign
    assert fmt.amount(float("nan")) == "not a number" and fmt.amount(float("-inf")) == "-infinity"


@pytest.mark.parametrize(
    ("exponent", "text"),
    [(-8, "10⁻⁸"), (-12, "10⁻¹²"), (-4, "0.0001"), (-1, "0.1"), (0, "1"), (2, "100"), (4, "10k"), (6, "1M"), (9, "1B")],
)
def test_power_of_ten_reads_as_a_short_tick(exponent, text):
    assert fmt.power_of_ten(exponent) == text


@pytest.mark.parametrize(
    ("value", "signed", "unsigned"),
    [
        (-0.0002, "-0.0002", "0.0002"),
        (0.0181, "+0.018", "0.018"),
        (-135.349, "-135.3", "135.3"),
        (1e-8, "0.000", "0.000"),
    ],
)
def test_a_graph_number_keeps_a_trickle_of_blame_readable(value, signed, unsigned):
    assert fmt.graph_number(value) == signed
    assert fmt.graph_number(abs(value), signed=False) == unsigned


@pytest.mark.parametrize(
    ("p", "text"), [(0.99996, "over 99.9%"), (0.9994, "99.9%"), (0.5, "50.0%"), (0.0006, "0.1%"), (1e-5, "under 0.1%")]
)
def test_sure_never_rounds_to_a_certainty_the_model_does_not_have(p, text):
    """A clear digit read "100.0% sure": a PM takes that as certainty; softmax never gives 1."""
    assert fmt.sure(p) == text
