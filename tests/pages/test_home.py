from playground.content.pages import ALL_PAGES
from tests.apptest import charts, open_page


def test_home_has_a_card_per_page_with_its_takeaway():
    at = open_page("app_pages/home.py")
    labels = [link.label for link in at.get("page_link")]
    for info in ALL_PAGES[1:]:
        assert any(info.title in label for label in labels)
        assert any(m.value == info.takeaway for m in at.markdown)


def test_home_draws_the_training_loop():
    at = open_page("app_pages/home.py")
    (loop,) = charts(at)
    texts = [a["text"] for a in loop["layout"]["annotations"]]
    for stage in ("Initialize", "Forward pass", "Loss", "Backpropagation", "Update"):
        assert f"<b>{stage}</b>" in texts
