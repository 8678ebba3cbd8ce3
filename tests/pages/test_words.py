"""What a learner reads: every technical word has a glossary entry, every colour word names a colour drawn.

Each page is opened at its defaults and at every scene, and its visible text gathered: headers,
prose, captions, callouts, metric labels and values, control labels and help, and the text in its
charts (titles, axis titles, legend names, annotations).
"""

import json
import re

import pytest

from playground.charts import theme
from playground.content import glossary
from playground.content.controls import ALL
from playground.terms import explain
from tests.apptest import charts, open_page, said, unmarked

# The words a product manager would stop at. A word found on a page must resolve to a glossary
# entry (by name, plural or another form it lists); add an entry before adding a word to a page.
TECHNICAL = (
    "Adam", "RMSProp", "momentum", "optimizer", "softmax", "sigmoid", "tanh", "ReLU", "activation",
    "logistic regression", "shuffled", "shuffling", "seed", "RMSE", "root mean square", "polynomial",
    "regularisation", "regularised", "L2", "multiply-add", "multiply-adds", "gradient", "gradients",
    "gradient descent", "epoch", "epochs", "batch", "iteration", "iterations", "learning rate", "loss function",
    "parameter", "parameters", "weight", "weights", "bias", "biases", "neuron", "neurons", "layer", "layers",
    "overfitting", "underfitting", "validation set", "checkpoint", "early stopping", "cross-entropy", "Huber",
    "outlier", "outliers", "inference", "backpropagation", "forward pass", "convergence", "local minimum",
    "plateau", "patience", "noise", "precision", "recall", "latency", "drift", "probability",
    "mean squared error", "generalisation", "fine-tuning", "training loop", "training set",
)  # fmt: skip
COLOUR_WORDS = (
    "orange", "amber", "red", "vermillion", "blue", "light blue", "sky", "green", "pink", "purple", "grey",
    "gray", "dark grey", "black", "white", "yellow",
)  # fmt: skip


def _visible_text(at) -> str:
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "success", "warning", "error"):
        parts += said(at, kind)
    for m in at.metric:
        parts += [m.label, str(m.value), str(m.delta or ""), m.help or ""]
    for kind in ("slider", "select_slider", "toggle", "number_input", "button", "selectbox", "multiselect"):
        for w in getattr(at, kind):
            parts += [w.label or "", getattr(w, "help", None) or ""]
    for chart in charts(at):
        parts += [t.get("name", "") for t in chart["data"] if isinstance(t.get("name"), str)]
        layout = chart["layout"]
        parts += [a.get("text", "") for a in layout.get("annotations", [])]
        for key, axis in layout.items():
            if key.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
                parts.append(axis.get("title", {}).get("text", ""))
    return "\n".join(parts)


def _setups():
    for page in ALL:
        yield pytest.param(page, None, id=f"{page.slug}-defaults")
        for scene in page.scenes:
            yield pytest.param(page, scene, id=f"{page.slug}-{scene.name}")


def _open(page, scene):
    at = open_page(f"app_pages/{page.slug}.py")
    if scene is not None:
        at.button(key=f"scene-{page.prefix}-{scene.name}").click().run()
    assert not at.exception
    return at


def _found(words, text):
    return {w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text, flags=re.IGNORECASE)}


@pytest.mark.parametrize(("page", "scene"), list(_setups()))
def test_every_technical_word_on_the_page_has_a_glossary_entry(page, scene):
    text = _visible_text(_open(page, scene))
    missing = sorted(w for w in _found(TECHNICAL, text) if glossary.find(w) is None)
    assert not missing, f"{page.slug}: no glossary entry for {missing}"


@pytest.mark.parametrize(("page", "scene"), list(_setups()))
def test_every_colour_a_caption_names_is_one_the_app_names_and_draws(page, scene):
    at = _open(page, scene)
    text = "\n".join(line for kind in ("markdown", "caption", "info") for line in said(at, kind))
    text = re.sub(r":[a-z]+(?:-background|-badge)?\[", "[", text)  # a ":gray[...]" colours words, it does not say one
    drawn = json.dumps(charts(at)).upper()
    names = {name: colour for colour, name in theme.COLOR_NAMES.items()}
    found = _found(COLOUR_WORDS, text) | _found(("blue",), re.sub("light blue", "", text, flags=re.IGNORECASE))
    if not _found(("blue",), re.sub("light blue", "", text, flags=re.IGNORECASE)):
        found.discard("blue")  # only ever part of "light blue"
    for word in found:
        assert word in names, f"{page.slug}: '{word}' is not a colour name the app uses ({sorted(names)})"
        assert names[word].upper() in drawn, f"{page.slug}: the text names {word}, which no chart here draws"


# The pages whose text is not prose to explain: the quiz (a hover would give its answers away), the
# glossary itself, and Your data (the learner's own column names).
UNEXPLAINED = ("concept_check", "glossary", "your_data")
# The term buttons at a page's foot open the explanation itself.
TERM_BUTTONS = {glossary.entry(t) for t in glossary.TERMS.values()}


@pytest.mark.parametrize(("page", "scene"), [s for s in _setups() if s.values[0].slug not in UNEXPLAINED])
def test_every_glossary_word_in_a_pages_text_is_explained_where_it_stands(page, scene):
    """Parameters' intro said **weight** and **bias** with nothing to click: the words were explained
    only by buttons at the page's foot, thousands of pixels below."""
    at = _open(page, scene)
    shown_here = [str(e.value) for kind in ("markdown", "caption") for e in getattr(at, kind)]
    assert any('class="term"' in shown for shown in shown_here)  # the marking ran: every page uses some term
    for kind in ("markdown", "caption"):
        for element in getattr(at, kind):
            shown = str(element.value)
            # a table of figures; the scene buttons' heading (their names); an exercise's bold task
            # (an explained "iteration" would give away the order asked for); a term button's own text
            if shown.startswith(("|", "**Scenes**")) or re.fullmatch(r"\*\*[^*]+\*\*", shown) or shown in TERM_BUTTONS:
                continue
            assert shown == explain(unmarked(shown)), f"{page.slug}: not explained where it stands: {shown[:80]}"


def test_the_technical_word_list_has_no_stale_entries():
    # every word the detector looks for resolves today: a word with no entry fails loudly above
    assert [w for w in TECHNICAL if glossary.find(w) is None] == []


def test_every_colour_has_exactly_one_name():
    assert len(set(theme.COLOR_NAMES.values())) == len(theme.COLOR_NAMES)
    assert "orange" not in theme.COLOR_NAMES.values()
    assert set(theme.ROLES.values()) <= set(theme.COLOR_NAMES)


# How a number must never read: in exponent form (7.3e+02 ms, 1e+04), as a bare float word, or a
# count of one with a plural noun ("1 epochs"); and no template braces left unfilled.
UNREADABLE = re.compile(
    r"\d[eE][+-]?\d|\b(nan|NaN|inf|None)\b|[{}]|\b1 (houses|rows|epochs|iterations|steps|batches|examples|knobs)\b"
)


def control_ends(spec) -> tuple:
    options = getattr(spec, "options", None)
    ends = (options[0], options[-1]) if options else (getattr(spec, "low", None), getattr(spec, "high", None))
    several = isinstance(spec.default, (list, tuple))  # a choice of several (losses, optimizers): its own tests
    return () if ends[0] is None or several else ends


def _extremes():
    """Every page with a control set to each end of its range (or its first and last option) alone,
    with every control at its low end and at its high end together, and at each scene."""
    for page in ALL:
        for control in page.controls:
            for value in control_ends(control.spec):
                yield pytest.param(
                    page, {control.name: control.spec.to_text(value)}, id=f"{page.slug}-{control.name}={value}"
                )
        for end, name in ((0, "all low"), (-1, "all high")):
            link = {c.name: c.spec.to_text(control_ends(c.spec)[end]) for c in page.controls if control_ends(c.spec)}
            yield pytest.param(page, link, id=f"{page.slug}-{name}")
        for scene in page.scenes:
            link = {n: page.control(n).spec.to_text(v) for n, v in scene.values.items()}
            yield pytest.param(page, link, id=f"{page.slug}-{scene.name}")


@pytest.mark.parametrize(("page", "link"), list(_extremes()))
def test_every_number_reads_in_plain_figures_at_every_controls_ends(page, link):
    """Forward pass's time read "7.3e+02 ms" at its largest network; Epochs "up to 1 epochs"."""
    at = open_page(f"app_pages/{page.slug}.py", **link)
    assert not at.exception
    found = sorted({m.group(0) for m in UNREADABLE.finditer(_visible_text(at))})
    assert not found, f"{page.slug} at {link}: {found}"
