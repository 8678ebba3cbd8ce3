"""Presenting: the link the room's phones open from the QR code, and the tour's steps in the link."""

from playground.ui.follow import shared_link
from tests.apptest import open_page


def test_the_shared_link_is_the_pages_setup_without_presenter_mode():
    settings = {"present": ["1"], "land": ["ravine"], "opt": ["gd,momentum"], "lr": ["0.00501"]}
    assert shared_link("https://app.example/gradient_descent", settings) == (
        "https://app.example/gradient_descent?land=ravine&opt=gd,momentum&lr=0.00501"
    )
    assert shared_link("https://app.example/parameters", {"present": ["1"]}) == "https://app.example/parameters"


def test_a_link_value_is_escaped_in_the_shared_link_never_joined_raw():
    # a value with & or # in it cannot add a setting or cut the link short
    assert shared_link("http://h/glossary", {"q": ["a&b=c #x"]}) == "http://h/glossary?q=a%26b%3Dc+%23x"


def test_only_presenter_mode_offers_the_follow_along_button():
    def follows(at) -> bool:
        return any(b.label == "Follow along" for b in at.button)

    assert follows(open_page("app_pages/parameters.py", present="1"))
    assert not follows(open_page("app_pages/parameters.py"))


def test_a_tour_link_shows_its_step_and_sets_up_its_scene():
    at = open_page("app_pages/parameters.py", tour="3", present="1")
    assert not at.exception
    bar = "\n".join(m.value for m in at.markdown)
    assert "step 3 of" in bar and "Parameters: Start from zero" in bar
    assert at.query_params["w"] == "0" and at.query_params["tour"] == "3"  # the scene, set up
    labels = [b.label for b in at.button]
    assert "Next" in labels and "Tour the chapter" not in labels  # on a tour, its bar leads the way
    assert "Tour the chapter" in [b.label for b in open_page("app_pages/parameters.py", present="1").button]


def test_a_tour_step_of_another_page_or_out_of_range_is_named_and_dropped():
    for value in ("99", "8", "x"):  # past the end; a Loss functions step; not a number
        at = open_page("app_pages/parameters.py", tour=value)
        assert not at.exception and "tour" not in at.query_params
        assert "not a step of this page's tour" in at.warning[0].value
