"""Strings an attacker could put in a link, a search box or an upload, and how to tell one got through.

Each string carries a *tell*: a piece that only that string contains. A page is safe when no tell
appears anywhere on it except inside the code spans that ``quote`` makes.
"""

from collections.abc import Iterable

from markdown_it import MarkdownIt

HOSTILE = {
    "heading": "# Your session expired",
    "link": "[Sign in again to continue](https://evil.example/login)",
    "image": "![](https://evil.example/pixel.png)",
    "autolink": "<https://evil.example/autolink>",
    "bare url": "www.evil.example/bare",
    "html": "<h2>Sign in</h2><img src=x onerror=alert(1)><script>alert(2)</script>",
    "javascript url": "<a href='javascript:alert(3)'>continue</a>",
    "latex": "$\\frac{1}{0}$ costs $$\\int x$$",
    "emphasis and code": "**bold** _it_ ~~gone~~ `tick` ``two``",
    "streamlit directives": ":red[Alert] :material/warning: :smile: :rainbow[hi]",
    "block markup": "> quoted\n- item\n| a | b |",
    "control characters": "a\x00b\x07c\x1b[31md\r\ne",
    "right-to-left override": "\u202egnp.exe\u202c zero\u200bwidth \ufeffbom",
    "backticks at the edges": "`start and end`",
    "very long": "A" * 100_000,
}
TELLS = (
    "session expired",
    "evil.example",
    "alert(",
    "\\frac",
    "~~gone~~",
    ":red[",
    "> quoted",
    "\x1b",
    "\u202e",
    "start and end`",
    "A" * 41,
)
MARKDOWN = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def hostile_params(known: Iterable[str], offset: int = 0) -> dict[str, str]:
    """A link that sends a hostile value to every setting the page knows, and hostile setting names.

    ``offset`` rotates which value each known setting gets, so pages between them try them all.
    """
    values = list(HOSTILE.values())
    params = {name: values[(i + offset) % len(values)] for i, name in enumerate(sorted(known))}
    params.update({text[:60]: "1" for text in values})
    return params


def outside_code(markdown: str) -> str:
    """What Markdown would render as something other than literal code: every token but code spans."""
    parts = []
    for block in MARKDOWN.parse(markdown):
        parts.append(block.content if block.type != "inline" else "")
        parts.extend(child.content for child in block.children or () if child.type != "code_inline")
    return "\n".join(parts)


def tells_in(markdown: str) -> list[str]:
    shown = outside_code(markdown)
    return [tell for tell in TELLS if tell in shown]
