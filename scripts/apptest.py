"""Open a page of the real app (entry point, navigation and sidebar included) in Streamlit's AppTest.

Shared by the bench (``scripts/bench.py``) and the tests (``tests/apptest.py``).
"""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from playground.ui.plotly_chart import NAME as CHART
from playground.ui.reruns import WHOLE

ENTRY = Path(__file__).resolve().parents[1] / "streamlit_app.py"


def open_page(file: str, **params: str) -> AppTest:
    """Run ``file`` (``app_pages/<slug>.py``) through the entry point, with ``params`` in the link."""
    at = AppTest.from_file(str(ENTRY), default_timeout=60)
    at.switch_page(file)  # found by file name: every page's url path is its file's stem
    at.session_state[WHOLE] = True  # AppTest shows one run's elements: each move reruns the whole page
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def chart_elements(at: AppTest) -> list:
    """The page's charts (``ui.plotly_chart``'s elements), in page order; each one's ``proto.json``
    holds its figure (``spec``, as JSON text), caption (``alt``), height and config."""
    return [el for el in at.get("bidi_component") if el.proto.component_name == CHART]
