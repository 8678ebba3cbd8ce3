from playground.content.controls import SPECS
from playground.content.pages import BY_SLUG
from playground.content.tour import ORDER, STEPS


def test_the_tour_walks_the_chapter_in_order_each_page_then_each_of_its_scenes():
    expected = [(slug, scene) for slug in ORDER for scene in (None, *SPECS[slug].scenes)]
    assert [(step.slug, step.scene) for step in STEPS] == expected
    assert ORDER[0] == "home" and ORDER[-1] == "concept_check"
    teaching = [p.slug for p in BY_SLUG.values() if SPECS[p.slug].scenes]
    assert set(teaching) <= set(ORDER)  # no page with scenes is left out of the deck


def test_every_step_has_one_sentence_to_say_and_never_repeats_the_takeaway_on_screen():
    for step in STEPS:
        assert step.note.endswith(".") and ". " not in step.note, step
        assert step.note != BY_SLUG[step.slug].takeaway, step
