"""Open a page of the real app (entry point, navigation and sidebar included) in AppTest."""

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
ENTRY = ROOT / "streamlit_app.py"


def open_page(file: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ENTRY), default_timeout=60)
    at.switch_page(file)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def charts(at: AppTest) -> list[dict]:
    """The Plotly figures the page sent, as JSON."""
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
