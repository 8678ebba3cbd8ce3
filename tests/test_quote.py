"""``quote`` shows any text as itself: checked against a CommonMark parser, not against our own rule."""

import unicodedata

import pytest
from markdown_it import MarkdownIt

from playground.quote import ELLIPSIS, EMPTY, UNPRINTABLE, printable, quote
from tests.hostile import HOSTILE

MARKDOWN = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def _inline_tokens(markdown: str) -> list:
    blocks = MARKDOWN.parse(markdown)
    return [child for block in blocks if block.children for child in block.children]


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_text_inside_a_sentence_stays_one_piece_of_literal_code(text):
    blocks = MARKDOWN.parse(f"The link's **w** value {quote(text)} was ignored.")
    assert [b.type for b in blocks] == ["paragraph_open", "inline", "paragraph_close"]  # no heading, list, table
    inline = _inline_tokens(f"The link's **w** value {quote(text)} was ignored.")
    code = [t for t in inline if t.type == "code_inline"]
    assert len(code) == 1
    cut = f"{ELLIPSIS} ({len(text):,} characters)" if len(text) > 40 else ""
    assert code[0].content == printable(text[:40]) + cut
    assert {t.type for t in inline} <= {"text", "strong_open", "strong_close", "code_inline"}  # no link, image, html


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_what_is_shown_has_nothing_invisible_and_stays_short(text):
    shown = quote(text)
    assert not any(unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} for ch in shown)
    assert len(shown) < 80


def test_a_long_value_shows_its_start_and_its_length():
    assert quote("x" * 100_000, limit=5) == f"` xxxxx{ELLIPSIS} (100,000 characters) `"


def test_short_plain_text_is_shown_whole():
    assert quote("abc") == "` abc `"


def test_backticks_inside_get_a_longer_fence():
    assert quote("a``b") == "``` a``b ```"
    assert _inline_tokens(f"x {quote('`edge`')} y")[1].content == "`edge`"


def test_invisible_characters_become_a_visible_mark():
    assert printable("a\u202eb\x00c\u200bd") == f"a{UNPRINTABLE}b{UNPRINTABLE}c{UNPRINTABLE}d"
    assert printable("naïve café 東京 ١٢") == "naïve café 東京 ١٢"  # letters and digits of any script stay


def test_an_empty_value_says_so():
    assert quote("") == EMPTY


def test_a_limit_below_one_is_refused():
    with pytest.raises(ValueError, match="at least 1"):
        quote("x", limit=0)
