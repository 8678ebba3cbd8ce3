import pytest

from playground.content.pages import ALL_PAGES
from tests.apptest import TEXT_ONLY, charts, open_page, said


@pytest.mark.parametrize("info", ALL_PAGES, ids=[p.slug for p in ALL_PAGES])
@pytest.mark.parametrize("present", ["0", "1"], ids=["normal", "presenter"])
def test_every_page_runs_with_its_takeaway_and_charts(info, present):
    at = open_page(info.file, present=present)
    assert not at.exception
    assert at.title[0].value == info.title
    assert any(info.takeaway in m for m in said(at))
    assert bool(charts(at)) is (info.slug not in TEXT_ONLY)
    assert at.toggle(key="app_present").value is (present == "1")


@pytest.mark.parametrize("info", ALL_PAGES, ids=[p.slug for p in ALL_PAGES])
def test_presenter_mode_hides_prose_but_keeps_takeaway_and_captions(info):
    normal, presenting = open_page(info.file), open_page(info.file, present="1")
    if info.intro:
        assert len(presenting.markdown) < len(normal.markdown)
    assert [c.value for c in presenting.caption] == [c.value for c in normal.caption]
    assert presenting.query_params.get("present") == "1"
    if info.slug not in TEXT_ONLY:
        assert max(c["layout"]["font"]["size"] for c in charts(presenting)) > max(
            c["layout"]["font"]["size"] for c in charts(normal)
        )
