"""A link is anybody's words: on every page, hostile link values and names show as text, never as Markdown."""

import pytest

from playground.content.glossary import TERMS
from playground.content.pages import ALL_PAGES
from playground.quote import quote
from playground.ui.controls import CLAIMED, RESERVED
from tests.apptest import open_page
from tests.hostile import HOSTILE, MARKDOWN, hostile_params, tells_in

MARKDOWN_ELEMENTS = ("title", "header", "subheader", "markdown", "caption", "warning", "info", "success", "error")


def known_names(file: str) -> set[str]:
    return set(open_page(file).session_state[CLAIMED]) - RESERVED


@pytest.mark.parametrize("index", range(len(ALL_PAGES)), ids=[p.slug for p in ALL_PAGES])
def test_hostile_link_values_and_names_reach_the_page_as_literal_text(index):
    info = ALL_PAGES[index]
    params = hostile_params(known_names(info.file), offset=index)
    at = open_page(info.file, **params)
    assert not at.exception
    notice = "\n".join(w.value for w in at.warning)
    blocks = {token.type for token in MARKDOWN.parse(notice)}
    assert blocks == {"paragraph_open", "inline", "paragraph_close"}, "a notice grew a heading, list or table"
    for kind in MARKDOWN_ELEMENTS:
        for element in getattr(at, kind):
            assert not tells_in(element.value), f"{kind} shows hostile text as Markdown: {element.value[:300]!r}"
    for text in HOSTILE.values():  # each hostile name is quoted, shortened, in the notice
        assert f"setting {quote(text[:60])} means nothing" in notice
    assert len(notice) < 12_000  # the 100 KB value is quoted as a prefix and a length


def test_the_glossary_search_from_a_link_is_shown_as_typed_not_rendered():
    at = open_page("app_pages/glossary.py", q="[Sign in](https://evil.example)")
    assert not at.exception
    assert at.caption[0].value == f"0 of {len(TERMS)} terms matching ` [Sign in](https://evil.example) `"


def test_foreign_digits_are_refused_and_an_off_grid_number_moved_with_a_word():
    at = open_page("app_pages/parameters.py", w="１２", b="45500.5")
    notice = " ".join(w.value for w in at.warning)
    assert "**w** value ` １２ `" in notice and "digits 0 to 9" in notice
    assert at.slider(key="par_w").value == 100  # the default, as the notice says
    assert "**b** value ` 45500.5 `" in notice and "set to the nearest, 46000" in notice
    assert at.slider(key="par_b").value == 46_000 and at.query_params["b"] == "46000"
