import pytest

from playground.content.glossary import TERMS, by_page, search
from playground.content.pages import BY_SLUG
from playground.content.quiz import QUESTIONS
from tests.apptest import metric, open_page, place_in_order

QUIZ, GLOSSARY = "app_pages/concept_check.py", "app_pages/glossary.py"


def _answer(at, q, right=True):
    key = f"quiz_answer_0_{q.key}"
    if q.kind == "number":
        at.number_input(key=key).set_value(int(q.answer) + (0 if right else 7))
    elif q.kind == "order":
        order = list(q.answer if right else reversed(q.answer))
        place_in_order(at, key, order[:-1])
        assert next(b for b in at.button if b.label == "Check").disabled  # not until every slot is filled
        place_in_order(at, key, order[-1:])
    elif q.kind == "multiple":
        at.get("button_group")[0].set_value(list(q.answer if right else q.options))
    else:
        wrong = next(o for o in q.options if o not in q.answer)
        at.radio(key=key).set_value(q.answer[0] if right else wrong)
    at.run()
    next(b for b in at.button if b.label == "Check").click().run()


def test_answering_all_ten_correctly_scores_ten_of_ten():
    at = open_page(QUIZ)
    assert not at.exception
    for i, q in enumerate(QUESTIONS):
        assert f"{i + 1} of 10" in at.get("progress")[0].proto.text
        _answer(at, q)
        assert at.success and at.success[0].value.startswith("Right")
        next(b for b in at.button if b.label == "Next").click().run()
    assert metric(at, "Your score") == "10 of 10"


def test_a_wrong_answer_shows_its_explanation_and_the_page_to_revisit():
    at = open_page(QUIZ)
    _answer(at, QUESTIONS[0], right=False)
    assert at.error[0].value.startswith("Not quite.") and QUESTIONS[0].explanation in at.error[0].value
    assert any("Revisit: The training loop" in link.label for link in at.get("page_link"))


def test_start_again_clears_the_marks_and_reshuffles():
    at = open_page(QUIZ)
    for q in QUESTIONS:
        _answer(at, q, right=q.kind != "number")
        next(b for b in at.button if b.label == "Next").click().run()
    assert metric(at, "Your score") == "9 of 10"
    # the review names the one question missed, what was said, the right answer and where it is taught
    assert [h.value for h in at.subheader] == ["What you missed"]
    review = "\n".join(m.value for m in at.markdown)
    assert "How many iterations make one epoch?" in review
    assert "You said: 1,007" in review and "Right: **1,000**" in review
    assert [link.label for link in at.get("page_link")] == ["Revisit: Epochs and iterations"]
    next(b for b in at.button if b.label == "Start again").click().run()
    assert at.session_state["quiz_attempt"] == 1 and at.session_state["quiz_marks"] == {}
    assert "1 of 10" in at.get("progress")[0].proto.text


def test_the_glossary_lists_every_term_and_searches_from_the_link():
    everything = open_page(GLOSSARY)
    assert not everything.exception
    assert f"{len(TERMS)} of {len(TERMS)} terms" in everything.caption[0].value
    found = open_page(GLOSSARY, q="momentum")
    assert found.caption[0].value == f"{len(search('momentum'))} of {len(TERMS)} terms matching ` momentum `"
    assert any("Momentum" in m.value for m in found.markdown)
    assert open_page(GLOSSARY, q="zzzz").info


def test_the_glossary_shows_a_card_per_page_with_one_link_to_it():
    everything = open_page(GLOSSARY)
    pages = by_page(search(""))
    assert [link.label for link in everything.get("page_link")] == [
        f"See {'it' if slug == 'training_loop' else 'them'} on {BY_SLUG[slug].title}" for slug, _ in pages
    ]  # The training loop has one word of its own
    cards = [m.value for m in everything.markdown if m.value.startswith("#### ")]
    assert [card.splitlines()[0] for card in cards] == [
        f"#### {BY_SLUG[slug].icon} {BY_SLUG[slug].title}" for slug, _ in pages
    ]
    assert all(f"**{t.name}.**" in card for card, (_, terms) in zip(cards, pages, strict=True) for t in terms)
    one = open_page(GLOSSARY, q="softmax")
    assert [link.label for link in one.get("page_link")] == ["See it on Forward pass"]


@pytest.mark.parametrize("page", [QUIZ, GLOSSARY])
def test_both_pages_survive_a_link_full_of_bad_values(page):
    at = open_page(page, q="x" * 200, answer="42", present="maybe")
    assert not at.exception
    assert at.warning
