"""What the overfitting page's verdict means, in one plain sentence."""

from __future__ import annotations

ICONS = {"underfit": ":material/trending_flat:", "good fit": ":material/check_circle:", "overfit": ":material/warning:"}


def verdict_sentence(kind: str, train: float, val: float, best_val: float, best_degree: int) -> str:
    """Why the current model got its verdict, in numbers a learner can see on the page."""
    if kind == "good fit":
        return (
            f"**Good fit.** It misses new houses by ${val:,.0f}k, within 10 % of the best any "
            f"complexity manages here (${best_val:,.0f}k at degree {best_degree}): it learned the pattern."
        )
    if kind == "underfit":
        return (
            f"**Underfitting.** It misses even the houses it trained on by ${train:,.0f}k, almost as much "
            f"as new ones (${val:,.0f}k): it is too simple to follow the pattern. Try more complexity."
        )
    return (
        f"**Overfitting.** It misses its training houses by only ${train:,.0f}k but new houses by "
        f"${val:,.0f}k: it memorised the noise. Try less complexity, more data or more regularisation."
    )
