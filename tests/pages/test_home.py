from playground.content.pages import ALL_PAGES
from tests.apptest import charts, open_page, said


def test_home_has_a_card_per_page_with_its_takeaway():
    at = open_page("app_pages/home.py")
    labels = [link.label for link in at.get("page_link")]
    for info in ALL_PAGES[1:]:
        assert any(info.title in label for label in labels)
        assert info.takeaway in said(at)


def test_home_draws_the_training_loop_each_box_opening_the_page_that_teaches_it():
    at = open_page("app_pages/home.py")
    (loop,) = charts(at)
    texts = [a["text"] for a in loop["layout"]["annotations"]]
    for stage, slug in [("Initialize", "parameters"), ("Forward pass", "forward_pass"), ("Loss", "loss_functions"),
                        ("Backpropagation", "backpropagation"), ("Update", "gradient_descent")]:  # fmt: skip
        assert f'<a href="{slug}" target="_self" style="color:white"><b>{stage}</b></a>' in texts


def test_home_offers_a_first_step():
    at = open_page("app_pages/home.py")
    (start,) = [b for b in at.button if b.label.startswith("Start here")]
    assert start.proto.type == "primary" and "Parameters" in start.label


def test_homes_list_of_stages_stands_on_its_own():
    """Home's "Initialize: ... zero for this line" pointed at a line that is on another page."""
    at = open_page("app_pages/home.py")
    (stages,) = [text for text in said(at) if text.startswith("1. **Initialize**")]
    assert "this line" not in stages and "zero will do for a straight line" in stages
