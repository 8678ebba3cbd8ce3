import pytest

from playground.content.pricing import business_table
from playground.models import pricing


@pytest.mark.parametrize("k", [1.0, 3.0, 9.0])
def test_only_the_cheapest_line_is_bold_and_the_heading_names_k(k):
    study = pricing.price_houses(2, 50_000, k)
    table = business_table(study, k)
    cost = f"Average cost to the business (k = {k:g})"
    assert set(table) == {
        "Line fitted with",
        "Houses under-priced",
        "Average under-pricing",
        "Average over-pricing",
        cost,
    }
    bold = [name for name, cell in zip(table["Line fitted with"], table[cost], strict=True) if cell.startswith("**")]
    assert len(bold) == 1 and table[cost][table["Line fitted with"].index(bold[0])].endswith("(least)")
    cheapest = min(study.outcomes, key=lambda kind: study.outcomes[kind].mean_cost)
    assert bold[0] == pricing.losses.NAMES[cheapest]
