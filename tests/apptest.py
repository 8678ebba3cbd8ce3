"""Open a page of the real app (entry point, navigation and sidebar included) in AppTest."""

import base64
import json
import re
from pathlib import Path
from urllib.parse import urlencode

import numpy as np
from streamlit.runtime.state.query_params import QueryParams
from streamlit.testing.v1 import AppTest

from playground.quote import quote
from scripts.apptest import chart_elements, open_page

ROOT = Path(__file__).resolve().parents[1]
# The pages with no chart when opened (text and questions; Your data before a table is read):
# the tests expect none there and some everywhere else.
TEXT_ONLY = frozenset({"concept_check", "glossary", "your_data"})


_MARK = re.compile(r'<span class="term"[^>]*>(.*?)<span class="tip".*?</span></span>', re.DOTALL)


def unmarked(text: str) -> str:
    """The text as it reads before a glossary word is hovered: ``playground.terms.explain`` undone."""
    return _MARK.sub(r"\1", text).replace("&lt;", "<").replace("&amp;", "&")


def said(at: AppTest, kind: str = "markdown") -> list[str]:
    """What the page's Markdown (or captions, ``kind="caption"``) reads, in page order, marks taken out."""
    return [unmarked(str(e.value)) for e in getattr(at, kind)]


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def charts(at: AppTest) -> list[dict]:
    """The Plotly figures the page sent, as JSON, in page order (``ui.plotly_chart``'s elements)."""
    return [json.loads(json.loads(el.proto.json)["spec"]) for el in chart_elements(at)]


def table(at: AppTest, first_column: str) -> list[dict[str, str]]:
    """The rows of the Markdown table (ui.table) whose first column is ``first_column``."""
    text = next(m.value for m in at.markdown if m.value.startswith(f"| {first_column} |"))
    header, _, *rows = text.splitlines()
    names = [c.strip() for c in header.strip("|").split("|")]
    return [dict(zip(names, (c.strip() for c in row.strip("|").split("|")), strict=True)) for row in rows]


def array(values) -> np.ndarray:
    """A trace's numbers, whether sent as a plain list or as Plotly's base64 typed array."""
    if isinstance(values, dict) and "bdata" in values:
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=np.dtype(values["dtype"]).newbyteorder("<"))
    return np.asarray(values, dtype=float)


def plain(value):
    """A chart dict with its typed arrays decoded to numpy arrays, at any depth: what a test reads."""
    if isinstance(value, dict) and "bdata" in value:
        a = array(value)
        return a.reshape([int(n) for n in value["shape"].split(",")]) if "shape" in value else a
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def open_bad_link(file: str, *, accepted: tuple[str, ...] = (), **params: str) -> AppTest:
    """Open ``file`` with ``params``; assert no exception and a notice naming every one not ``accepted``.

    A notice names a setting as ``**name** value `...` `` (a value it ignored) or quotes it as code
    (a setting the page does not know), so a one-letter name cannot match by accident.
    """
    at = open_page(file, **params)
    assert not at.exception
    notice = "\n".join(w.value for w in at.warning)
    for name in params:
        if name not in accepted:
            named = f"**{name}** value " in notice or f"setting {quote(name)} means nothing" in notice
            assert named, f"no notice names {name!r}: {notice}"
    return at


def place_in_order(at: AppTest, key: str, steps) -> AppTest:
    """Click each step of the put-in-order control under ``key``, in turn, as a learner would."""
    for step in steps:
        next(b for b in at.button if b.key and b.key.startswith(f"{key}-step-") and b.label == step).click().run()
    return at


def words_to_the_browser(monkeypatch) -> list[str]:
    """Every link a run sends the browser (what its address bar becomes), in order."""
    sent: list[str] = []
    send = QueryParams._send_query_param_msg

    def record(self):
        sent.append(urlencode(self._query_params, doseq=True))
        send(self)

    monkeypatch.setattr(QueryParams, "_send_query_param_msg", record)
    return sent
