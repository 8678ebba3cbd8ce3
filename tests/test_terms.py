"""Glossary words explained where they stand: which words are marked, with what, and that nothing else changes."""

import re

import pytest

from playground.content.glossary import TERMS
from playground.quote import quote
from playground.terms import explain, help_for
from tests.apptest import unmarked


def _marks(markdown: str) -> list[tuple[str, str]]:
    """(word as written, the tip's text) for each mark, in order."""
    found = re.findall(r'<span class="term"[^>]*>(.*?)<span class="tip"[^>]*>(.*?)</span></span>', markdown)
    return [(word, re.sub(r"</?b>", "", tip)) for word, tip in found]


def test_the_first_use_of_each_term_shows_the_glossarys_own_explanation():
    text = "The **weight** and the **bias** set the line. Change the weight, and the biases follow."
    assert _marks(explain(text)) == [
        ("weight", f"Weight. {TERMS['weight'].explanation}"),
        ("bias", f"Bias. {TERMS['bias'].explanation}"),
    ]
    assert "<strong>" not in explain(text) and explain(text).count("**") == 4  # still bold, around the mark


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Its loss is the mean squared error.", ["loss", "mean squared error"]),  # not "error" alone
        ("Gradient descent follows the gradient.", ["Gradient descent", "gradient"]),
        ("Three epochs of ten batches", ["epochs", "batches"]),
        ("The typical miss is what RMSE says.", ["typical miss"]),  # both name one term: marked once
        ("A penalty for guessing low.", []),  # on Loss functions a penalty is a loss, not regularisation
        ("Weights-and-measures, preweight, layered", []),  # only whole words
    ],
)
def test_whole_words_are_marked_longest_form_first_once_per_term(text, words):
    assert [word for word, _ in _marks(explain(text))] == words


@pytest.mark.parametrize(
    "text",
    [
        "Pays \\$233,836 for the weight.",  # an escaped dollar stays escaped, not maths
        "The model is $z = W a + b$, one weight per line, $$\\text{loss}$$ too.",
        "See [the gradient](https://example.com/gradient) and :material/work: icons.",
        "### A heading about the loss\nThen the loss.",
        "Price < 3 & size > 2: the weight.",
    ],
)
def test_nothing_but_the_marks_changes(text):
    assert unmarked(explain(text)) == text


def test_maths_links_icons_and_headings_are_never_marked():
    text = "$w$ [weight](https://example.com/weight) :material/work: \\$5\n### Loss\nplain"
    assert _marks(explain(text)) == []


def test_text_from_outside_stays_inert_and_is_never_marked():
    outside = quote('<img src=x onerror="alert(1)"> weight `tick` & **bold**')
    out = explain(f"You typed {outside}; the <b>bias</b> & more.")
    assert outside in out  # the code span, byte for byte: Markdown shows it literally
    assert [word for word, _ in _marks(out)] == ["bias"]
    assert "&lt;b>" in out and "&amp; more" in out  # our own "<" and "&" show as themselves
    assert re.findall(r"<(?!/?(?:span|b)\b)", out.replace(outside, "")) == []  # no tag but the marks'


def test_each_mark_names_its_own_tip_and_no_two_blocks_share_an_id():
    a, b = explain("The weight and the bias."), explain("The bias and the weight.")
    ids = re.findall(r' id="([^"]+)"', a) + re.findall(r' id="([^"]+)"', b)
    assert len(ids) == len(set(ids)) == 4
    assert re.findall(r'aria-describedby="([^"]+)"', a) == re.findall(r' id="([^"]+)"', a)
    assert 'tabindex="0"' in a and 'role="tooltip"' in a


def test_a_controls_help_adds_the_glossary_for_the_terms_in_its_label():
    assert help_for("Learning rate", None) == f"**Learning rate.** {TERMS['learning rate'].explanation}"
    assert help_for("Seed", "Same seed, same draw.").startswith("Same seed, same draw.\n\n**Seed.** ")
    assert help_for("Noise in the prices", "Spread.") == f"Spread.\n\n**Noise.** {TERMS['noise'].explanation}"
    assert help_for("Houses shown", None) is None and help_for("Houses shown", "Own help.") == "Own help."
    assert help_for(f"Weight w: change in {quote('loss')} per {quote('epoch')}", None).count("**") == 2  # Weight only
