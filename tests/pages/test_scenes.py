"""Every scene on every page does what its button says: each control it names takes its value, in
the page and in the link, every other control is back at its default, and no notice appears."""

import pytest

from playground.content import controls as declared
from tests.apptest import open_page

SCENES = [(page, scene) for page in declared.ALL for scene in page.scenes]


@pytest.mark.parametrize(("page", "scene"), SCENES, ids=[f"{p.slug}: {s.name}" for p, s in SCENES])
def test_a_scene_sets_what_it_names_and_nothing_else(page, scene):
    # Start away from the defaults, so that a scene that forgets to reset would show.
    away = {c.name: c.spec.to_text(c.spec.high) for c in page.controls if c.kind == "slider"}
    at = open_page(f"app_pages/{page.slug}.py", **away)
    at.button(key=f"scene-{page.prefix}-{scene.name}").click().run()
    assert not at.exception
    assert not [w.value for w in at.warning if "link" in w.value.lower()]
    expected_link = {}
    for control in page.controls:
        key = page.key(control.name)
        value = scene.values.get(control.name, control.spec.default)
        if key in at.session_state:  # drawn in this setup (some controls show only when another is on)
            assert control.spec.same(at.session_state[key], value), control.name
        if not control.spec.same(value, control.spec.default):
            expected_link[control.name] = control.spec.to_text(value)
    if expected_link:  # a control whose default changed is named beside any other setting
        for name in page.earlier:
            value = scene.values.get(name, page.control(name).spec.default)
            expected_link[name] = page.control(name).spec.to_text(value)
    assert {name: at.query_params[name] for name in at.query_params} == expected_link


@pytest.mark.parametrize(("page", "scene"), SCENES, ids=[f"{p.slug}: {s.name}" for p, s in SCENES])
def test_the_scene_on_screen_is_marked_and_only_it(page, scene):
    at = open_page(f"app_pages/{page.slug}.py")
    at.button(key=f"scene-{page.prefix}-{scene.name}").click().run()
    marked = [b.label for b in at.button if b.key and b.key.startswith("scene-") and b.proto.type == "primary"]
    assert marked == [scene.name]
    assert any(f"now: *{scene.name}*" in m.value for m in at.markdown)
