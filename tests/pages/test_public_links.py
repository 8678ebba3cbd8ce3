"""Links are public: a link people bookmarked opens the same setup, with no notice, after any change.

One link per page, each setting several controls away from their defaults. The page must keep
every value exactly (the address bar still reads the same) and say nothing about the link.
"""

import pytest

from tests.apptest import open_page

LINKS = {
    "home.py": {"present": "1"},
    "parameters.py": {"w": "150", "b": "50000", "best": "1", "inputs": "4", "hidden1": "5", "dirty": "20", "rows": "3"},
    "loss_functions.py": {
        "pred": "300000",
        "actual": "450000",
        "delta": "80000",
        "k": "3",
        "fits": "squared,huber",
        "mansions": "2",
        "p": "0.2",
    },
    "forward_pass.py": {"pick": "3", "noise": "0.2", "layer": "Output", "inputs": "784", "width": "64", "depth": "3"},
    "backpropagation.py": {
        "stage": "Loss",
        "x1": "2",
        "x2": "-1",
        "target": "0.5",
        "act": "relu",
        "hidden": "2",
        "seed": "5",
        "nudge": "0.1",
    },
    "gradient_descent.py": {
        "land": "ravine",
        "opt": "gd,momentum",
        "lr": "0.00501",
        "steps": "120",
        "sx": "0.08",
        "sy": "0.67",
        "noisy": "1",
        "seed": "7",
        "ax": "0.2",
    },
    "training_loop.py": {"step": "5", "seed": "3"},
    "epochs.py": {
        "n": "100000",
        "b": "100",
        "epochs": "20",
        "live_b": "50",
        "shuffle": "0",
        "live_epochs": "30",
        "patience": "3",
        "seed": "2",
    },
    "overfitting.py": {"degree": "5", "n": "60", "noise": "80", "l2": "0.001", "seed": "4"},
    "glossary.py": {"q": "gradient"},
}


@pytest.mark.parametrize("page", sorted(LINKS))
def test_a_link_from_before_opens_the_same_setup_without_a_word(page):
    at = open_page(f"app_pages/{page}", **LINKS[page])
    assert not at.exception
    assert not [w.value for w in at.warning if "link" in w.value.lower()]
    assert {name: at.query_params[name] for name in at.query_params} == LINKS[page]


def test_a_link_made_before_a_default_changed_opens_the_old_default():
    # Overfitting opened on 30 training houses until its default became 20. A link made then
    # left n out; it must still open 30, and from then on say so itself.
    at = open_page("app_pages/overfitting.py", degree="5")
    assert not at.exception and not any("link" in w.value for w in at.warning)
    assert at.slider(key="ovf_n").value == 30
    assert at.query_params["n"] == "30"  # the link now says 30 itself
    at.slider(key="ovf_n").set_value(20).run()  # today's default is named too, beside other settings
    assert at.query_params["n"] == "20"


def test_a_link_made_since_and_a_bare_address_open_todays_default():
    fresh = open_page("app_pages/overfitting.py", degree="5", n="20")
    assert fresh.slider(key="ovf_n").value == 20 and not any("link" in w.value for w in fresh.warning)
    assert fresh.query_params["n"] == "20"
    bare = open_page("app_pages/overfitting.py")
    assert bare.slider(key="ovf_n").value == 20 and not bare.query_params


def test_a_scene_after_an_old_link_uses_todays_defaults():
    at = open_page("app_pages/overfitting.py", degree="5")
    next(b for b in at.button if b.label == "One price for every house").click().run()
    assert at.slider(key="ovf_n").value == 20
    assert at.query_params["degree"] == "0" and at.query_params["n"] == "20"


def test_an_old_loss_functions_link_opens_without_mansions():
    # Loss functions opened with no mansions until its default became 2.
    at = open_page("app_pages/loss_functions.py", pred="300000")
    assert at.slider(key="loss_mansions").value == 0 and at.query_params["mansions"] == "0"
    assert open_page("app_pages/loss_functions.py").slider(key="loss_mansions").value == 2
