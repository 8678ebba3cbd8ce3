from pathlib import Path

from playground.content.pages import ALL_PAGES
from tests.apptest import ROOT

PAGE_DIR = ROOT / "app_pages"


def test_every_page_file_is_listed_in_the_navigation():
    on_disk = {f"app_pages/{p.name}" for p in PAGE_DIR.glob("*.py")}
    assert on_disk == {info.file for info in ALL_PAGES}


def test_every_url_path_is_its_files_stem():
    # A shared link names the page by its url path; AppTest finds a page by its file name.
    for info in ALL_PAGES:
        assert info.slug == Path(info.file).stem


def test_the_page_scripts_do_not_sit_in_a_folder_called_pages():
    # Streamlit runs a ``pages/`` folder's scripts on their own, without the entry point, when
    # the first visitor of a fresh server opens a deep link. See README, "Layout".
    assert not (ROOT / "pages").exists()


def test_pages_stay_thin_and_have_no_main():
    for info in ALL_PAGES:
        text = (ROOT / info.file).read_text()
        assert len(text.splitlines()) <= 150, info.file
        assert "__main__" not in text and "def main" not in text, info.file
