import re

import pytest

from playground.content.glossary import CHAPTER, TERMS, by_page, entry, search
from playground.content.pages import ALL_PAGES, BY_SLUG
from playground.content.quiz import QUESTIONS, check, said, shuffled
from tests.apptest import ROOT


def test_ten_questions_of_every_kind_covering_the_chapter():
    assert len(QUESTIONS) == 10 and len({q.key for q in QUESTIONS}) == 10
    assert {q.kind for q in QUESTIONS} == {"order", "single", "multiple", "number"}
    taught = {q.page for q in QUESTIONS}
    for slug in (
        "parameters",
        "loss_functions",
        "forward_pass",
        "backpropagation",
        "gradient_descent",
        "training_loop",
        "epochs",
        "overfitting",
    ):
        assert slug in taught


@pytest.mark.parametrize("q", QUESTIONS, ids=[q.key for q in QUESTIONS])
def test_every_answer_key_is_accepted_and_wrong_answers_are_not(q):
    assert check(q, q.answer)
    if q.kind == "number":
        assert not check(q, q.answer + 1) and not check(q, None)
    elif q.kind == "order":
        assert not check(q, tuple(reversed(q.answer)))
        assert not check(q, q.answer[:-1])
    elif q.kind == "multiple":
        assert not check(q, q.answer[:1]) and not check(q, q.options)
    else:
        assert all(not check(q, (o,)) for o in q.options if o not in q.answer)
        assert check(q, q.answer[0])  # a radio button gives a plain string


@pytest.mark.parametrize("q", QUESTIONS, ids=[q.key for q in QUESTIONS])
def test_every_question_links_to_a_page_in_the_navigation(q):
    assert q.page in BY_SLUG and BY_SLUG[q.page] in ALL_PAGES


def test_a_new_attempt_reshuffles_the_options_and_keeps_them_all():
    q = next(q for q in QUESTIONS if q.kind == "single")
    orders = {shuffled(q, attempt) for attempt in range(6)}
    assert len(orders) > 1 and all(sorted(o) == sorted(q.options) for o in orders)
    assert shuffled(q, 3) == shuffled(q, 3)


NEEDED = (
    "parameter",
    "weight",
    "bias",
    "loss function",
    "forward pass",
    "backpropagation",
    "gradient",
    "gradient descent",
    "learning rate",
    "local minimum",
    "optimizer",
    "momentum",
    "epoch",
    "batch",
    "iteration",
    "overfitting",
    "underfitting",
    "validation set",
    "early stopping",
    "checkpoint",
    "activation",
    "neuron",
    "layer",
    "inference",
    "fine-tuning",
    "regularisation",
)


def test_the_glossary_has_every_term_the_issue_lists_with_a_page_each():
    for name in NEEDED:
        assert name in TERMS, name
    assert len(TERMS) >= 25
    assert all(t.page in BY_SLUG for t in TERMS.values())
    assert all(len(re.findall(r"[.!?](\s|$)", t.explanation)) <= 3 for t in TERMS.values())


@pytest.mark.parametrize(("query", "first"), [("GRAD", "Gradient"), ("epoch", "Epoch"), ("  Knob", None)])
def test_search_finds_terms_by_substring_ignoring_case(query, first):
    found = search(query)
    assert found
    if first:
        assert found[0].name == first
    assert all(query.strip().lower() in (t.name + t.explanation).lower() for t in found)
    assert len(search("")) == len(TERMS) and search("zzzz") == []


def test_the_glossary_reads_page_by_page_in_the_chapters_order():
    """It was one card per term, alphabetical, 9,000 px long: the words of a page are now read together."""
    pages = by_page(search(""))
    assert [slug for slug, _ in pages] == [slug for slug in CHAPTER if any(t.page == slug for t in TERMS.values())]
    assert sorted(t.name for _, terms in pages for t in terms) == sorted(t.name for t in TERMS.values())
    assert all(t.page == slug for slug, terms in pages for t in terms)
    assert [t.name for t in pages[0][1][:3]] == ["Parameter", "Weight", "Bias"]  # the order the page meets them


@pytest.mark.parametrize(("query", "page", "first"), [("epoch", "epochs", "Epoch"), ("LOSS", "parameters", "Loss")])
def test_a_search_leads_with_a_term_it_names_and_its_page(query, page, first):
    pages = by_page(search(query))
    assert pages[0][0] == page and pages[0][1][0].name == first
    for _, terms in pages:  # within a page, the terms it names first
        named = [query.lower() in t.name.lower() for t in terms]
        assert named == sorted(named, reverse=True)


def test_an_entry_gives_the_analogy_its_own_line_in_grey_italics():
    assert entry(TERMS["weight"]) == f"**Weight.** {TERMS['weight'].explanation}"
    momentum = TERMS["momentum"]
    assert entry(momentum) == f"**Momentum.** {momentum.explanation}  \n:gray[*{momentum.analogy}*]"
    assert momentum.analogy.split(":")[0].lower() not in momentum.explanation.lower()  # said once, not twice


def test_every_term_a_page_uses_is_in_the_glossary():
    for page in (ROOT / "app_pages").glob("*.py"):
        for call in re.findall(r"ui\.terms\(([^)]*)\)", page.read_text()):
            for name in re.findall(r'"([^"]+)"', call):
                assert name.lower() in TERMS, f"{page.name}: {name}"


def test_the_facts_in_the_prose_match_the_data():
    from playground.content import glossary, pages
    from playground.content.controls import BEST_LINE
    from playground.models import digits, houses

    trained_on = len(digits.split(digits.load())[0].y)
    assert f"{trained_on:,} others" in pages.FORWARD_PASS.intro
    ratios = [price / (BEST_LINE.w * size + BEST_LINE.b) for size, price in houses.MANSIONS]
    outlier = glossary.TERMS["outlier"].explanation
    assert f"{min(ratios):.1f}" in outlier and f"{max(ratios):.1f}" in outlier


def test_the_review_says_each_kind_of_answer_in_words():
    by_kind = {q.kind: q for q in QUESTIONS}
    order, number = by_kind["order"], by_kind["number"]
    assert said(order, order.answer) == "Forward pass → Loss → Backpropagation → Update"
    assert said(order, ("Loss", "Update")) == "Loss → Update"
    assert said(by_kind["multiple"], ["a", "b"]) == "a; b"
    assert said(by_kind["single"], "It underfit: it is too simple") == "It underfit: it is too simple"
    assert said(number, number.answer) == "1,000" and said(number, 0) == "0"  # zero is an answer
    assert said(number, None) == said(order, []) == "no answer"
