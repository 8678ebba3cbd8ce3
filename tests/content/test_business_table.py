import pytest

from playground.content.pricing import business_note, business_table
from playground.models import pricing


@pytest.mark.parametrize("k", [1.0, 3.0, 9.0])
def test_only_the_cheapest_line_is_bold_and_the_heading_names_k(k):
    study = pricing.price_houses(2, 50_000, k)
    table = business_table(study, k)
    cost = f"Business cost per house (k = {k:g})"
    assert set(table) == {
        "Line fitted with",
        "Houses under-priced",
        "Under-pricing per house",
        "Over-pricing per house",
        cost,
    }
    bold = [name for name, cell in zip(table["Line fitted with"], table[cost], strict=True) if cell.startswith("**")]
    assert len(bold) == 1 and table[cost][table["Line fitted with"].index(bold[0])].endswith("(least)")
    cheapest = min(study.outcomes, key=lambda kind: study.outcomes[kind].mean_cost)
    assert bold[0] == pricing.losses.NAMES[cheapest]


@pytest.mark.parametrize("mansions", range(5))
def test_the_note_under_the_table_says_what_per_house_means_and_why_squared_errors_columns_match(mansions):
    """Two equal amounts ($28,066 and $28,066) beside "40% under-priced" read as a bug: the columns
    average over every house, and a least-squares line misses by as much above as below. Both true."""
    study = pricing.price_houses(mansions, 50_000, 2.0)
    table, n = business_table(study, 2.0), len(study.size)
    row = table["Line fitted with"].index("Squared error")
    assert table["Under-pricing per house"][row] == table["Over-pricing per house"][row]
    others = [i for i in range(len(table["Line fitted with"])) if i != row]
    assert any(table["Under-pricing per house"][i] != table["Over-pricing per house"][i] for i in others)
    out = study.outcomes["huber"]
    assert out.mean_cost == pytest.approx(2.0 * out.mean_under + out.mean_over)
    note = business_note(2.0, n)
    assert f"all {n:,} houses, divided by {n:,}" in note and "2 × under-pricing + over-pricing" in note
    assert "Squared error's two columns always match" in note


def test_on_a_learners_rows_the_note_speaks_of_rows_and_shortfalls():
    import numpy as np

    from playground.content.yourdata import words
    from playground.models.dataset import Pair, Quantity

    rng = np.random.default_rng(3)
    x = rng.uniform(0, 10, 57)
    own = Pair(x, 3 * x + rng.normal(0, 4, 57), Quantity("Tenure", ""), Quantity("Churn", "", "%"), "t")
    study = pricing.price_pair(own, 1.0, 3.0)
    say = words(own.x_is, own.y_is)
    table = business_table(study, 3.0, say)
    row = table["Line fitted with"].index("Squared error")
    assert table["Shortfall per row"][row] == table["Overshoot per row"][row]
    note = business_note(3.0, len(study.size), say)
    assert note.startswith("Per row: the total over all 57 rows") and "3 × shortfall + overshoot" in note
    assert "house" not in note
