"""Follow along: the link the room's phones open from the presenter's QR code."""

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
