"""Glossary words explained where they stand, in a page's own prose, captions and control labels.

In a block of text, the first use of each glossary term is marked: hovered, tapped or reached with
Tab, it shows the glossary's own explanation beside the word (the styles live with the page's
CSS). The marks are HTML, so the block is drawn with HTML allowed, and this module makes sure the
marks are the only HTML in it: everywhere else ``<`` and ``&`` become entities and show as
themselves. Code spans (how a page quotes text from outside, see ``quote``), maths and links are
left exactly as they are: nothing inside them is read as a term, and nothing there is changed.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from playground.content.glossary import TERMS, Term

# Forms that name a term in the glossary's word check but mean something else in running prose
# ("a penalty" on Loss functions is a loss, not regularisation): never marked.
_TOO_BROAD = frozenset({"penalty"})

# What is copied untouched: a backslash escape, a code span (fence of any length), display and
# inline maths, a link, a Streamlit icon (":material/work:") and a heading line.
_UNTOUCHED = re.compile(
    r"\\.|(?P<fence>`+).+?(?<!`)(?P=fence)(?!`)|\$\$.+?\$\$|\$[^$\n]+\$|\[[^\]\n]*\]\([^)\n]*\)|:\w+/\w+:|^#.*$",
    re.DOTALL | re.MULTILINE,
)
_FORMS = {form.lower(): term for term in TERMS.values() for form in (term.name, *term.also) if form not in _TOO_BROAD}
# Longest first, so "mean squared error" is one mark, not "error"; a plural ("biases") is the same term.
_WORD = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(f) for f in sorted(_FORMS, key=len, reverse=True)) + r")(?:e?s)?(?![\w-])",
    re.IGNORECASE,
)
_MARKDOWN = re.compile(r"([\\`*_$\[\]<>&#~|])")


def _inert(text: str) -> str:
    """Text that Markdown shows as it is, with no HTML or emphasis read into it."""
    return _MARKDOWN.sub(r"\\\1", text)


def _tip(term: Term) -> str:
    return f"<b>{_inert(term.name)}.</b> {_inert(term.explanation)}"


@lru_cache(maxsize=1024)
def explain(markdown: str) -> str:
    """``markdown`` with the first use of each glossary term marked with its explanation.

    Parameters
    ----------
    markdown : str
        A block of the app's own Markdown; it may hold text from outside only as a code span.

    Returns
    -------
    str
        Markdown for ``st.markdown(..., unsafe_allow_html=True)``: the same text, shown the same,
        each term's first use a focusable ``span.term`` holding a hidden ``span.tip`` (its
        ``role="tooltip"``, tied to the word by ``aria-describedby``), ids unique to the block.
    """
    block = hashlib.blake2s(markdown.encode(), digest_size=4).hexdigest()
    seen: set[str] = set()

    def mark(found: re.Match[str]) -> str:
        term = _FORMS[found.group(1).lower()]
        if term.name in seen:
            return found.group(0)
        seen.add(term.name)
        tip = f"term-{block}-{len(seen)}"
        return (
            f'<span class="term" tabindex="0" aria-describedby="{tip}">{found.group(0)}'
            f'<span class="tip" role="tooltip" id="{tip}">{_tip(term)}</span></span>'
        )

    def plain(text: str) -> str:
        return _WORD.sub(mark, text.replace("&", "&amp;").replace("<", "&lt;"))

    out, start = [], 0
    for kept in _UNTOUCHED.finditer(markdown):
        out += [plain(markdown[start : kept.start()]), kept.group(0)]
        start = kept.end()
    return "".join([*out, plain(markdown[start:])])


def help_for(label: str, help: str | None) -> str | None:
    """A control's help: its own, then the glossary's explanation of each term its label uses (in its
    own words: a quoted column name, ``loss`` say, is the learner's, not a term)."""
    words = _UNTOUCHED.sub(" ", label)
    names = dict.fromkeys(_FORMS[m.group(1).lower()].name for m in _WORD.finditer(words))
    notes = [f"**{name}.** {_inert(TERMS[name.lower()].explanation)}" for name in names]
    return "\n\n".join([help, *notes] if help else notes) or None
