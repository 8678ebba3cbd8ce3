"""Text from outside the app (a link, a search box, an uploaded table), made safe to show.

Pure Python, no Streamlit, so the rule is tested on its own. Every Streamlit text element reads
its body as Markdown, where a link value such as ``# Session expired`` or ``[Sign in](https://…)``
would become a heading or a live link inside the app's own notice. ``quote`` turns any string
into Markdown that shows the string as it is, as short inline code: a code span is the one
Markdown construct whose content is never parsed again (no emphasis, links, images, HTML, LaTeX,
emoji or icon shortcodes), so no escaping table has to keep up with Streamlit's Markdown dialect.
"""

from __future__ import annotations

import re
import unicodedata

# Control characters, format characters (right-to-left overrides, zero-width joiners, the byte
# order mark), private-use and unpaired surrogates, line and paragraph separators: none has a
# visible shape of its own, and some reorder or hide the text around them.
_INVISIBLE = frozenset({"Cc", "Cf", "Co", "Cs", "Zl", "Zp"})
UNPRINTABLE = "\N{REPLACEMENT CHARACTER}"
ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"
EMPTY = "` \N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK} `"  # an empty value, shown as a pair of quotes
_BACKTICKS = re.compile("`+")


def printable(text: str) -> str:
    """``text`` with every invisible or reordering character replaced by ``�``."""
    return "".join(UNPRINTABLE if unicodedata.category(ch) in _INVISIBLE else ch for ch in text)


def quote(text: str, limit: int = 40) -> str:
    """Markdown that shows ``text`` literally, as inline code, cut to ``limit`` characters.

    Parameters
    ----------
    text : str
        Anything from outside the app.
    limit : int, default 40
        How many characters of ``text`` to show; a longer text shows that many, an ellipsis and
        its full length, so a 100 KB link value costs a few bytes to draw.

    Returns
    -------
    str
        A Markdown code span. The fence is one backtick longer than the longest run of
        backticks inside, and padded with a space on each side (which Markdown strips again),
        so backticks in ``text`` can neither close it early nor stick to it.
    """
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    if text == "":
        return EMPTY
    shown = printable(text[:limit])
    if len(text) > limit:
        shown += f"{ELLIPSIS} ({len(text):,} characters)"
    fence = "`" * (1 + max((len(run) for run in _BACKTICKS.findall(shown)), default=0))
    return f"{fence} {shown} {fence}"
