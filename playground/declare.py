"""A page's controls and scenes, declared once: the idea of TensorFlow Playground's ``PROPS`` table.

A ``PageSpec`` names its page, the prefix of its widget keys, every control (link name, label,
default, range or options) and its scenes. Widgets are drawn from it (``ui.control(PAGE, "lr")``)
and scenes are applied through it, so a link name, a default or a range is written in one place.
A scene that names a control the page does not have, or a value the control cannot take, is
refused when the declaration is built: the app will not start and every test fails, rather than
a click that silently does nothing.

Pure Python: no Streamlit here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from playground import link

Kind = Literal["slider", "number", "log_slider", "select", "multi", "text", "toggle"]


@dataclass(frozen=True)
class Control:
    """One control: its name in the link, what the learner reads, and what values it may hold."""

    name: str
    label: str
    spec: link.Spec
    kind: Kind
    help: str | None = None
    format: str | None = None  # a slider's printf-style number format, such as "$%,d"
    format_func: Callable[[Any], str] | None = None  # how an option is shown
    placeholder: str = ""
    advanced: bool = False  # technical (a random seed): drawn in a folded "Advanced" box


def slider(
    name: str, label: str, low: float, high: float, default: float, step: float, *, format=None, help=None
) -> Control:
    """A number slider; whole numbers when low, high, step and default are all ints."""
    return Control(name, label, link.Range(low, high, step, default), "slider", help=help, format=format)


def number(name: str, label: str, low: float, high: float, default: float, step: float, *, help=None) -> Control:
    """A typed number box with +/- buttons."""
    return Control(name, label, link.Range(low, high, step, default), "number", help=help)


def seed(name: str, label: str, default: int = 0, *, help=None) -> Control:
    """A random seed: which draw of the randomness. A typed number, folded away under "Advanced"."""
    return Control(name, label, link.Range(0, 9_999, 1, default), "number", help=help, advanced=True)


def log_slider(
    name: str, label: str, options: Sequence[float], default: float, *, format_func=link.format_number, help=None
) -> Control:
    """A slider over positive values spaced evenly on a log scale (e.g. learning rates)."""
    return Control(name, label, link.Choice(tuple(options), default), "log_slider", help=help, format_func=format_func)


def select(name: str, label: str, options: Sequence[Any], default: Any, *, format_func=str, help=None) -> Control:
    """One option: a row of buttons for up to five, a dropdown for more."""
    return Control(name, label, link.Choice(tuple(options), default), "select", help=help, format_func=format_func)


def multi(
    name: str, label: str, options: Sequence[str], default: Sequence[str], *, format_func=str, help=None
) -> Control:
    """Any number of options at once."""
    return Control(
        name, label, link.Choices(tuple(options), tuple(default)), "multi", help=help, format_func=format_func
    )


def text(name: str, label: str, default: str = "", *, placeholder: str = "", max_length: int = 60) -> Control:
    """A one-line text box, such as a search."""
    return Control(name, label, link.Text(default, max_length), "text", placeholder=placeholder)


def toggle(name: str, label: str, default: bool = False, *, help=None) -> Control:
    """An on/off switch; the link says 1 or 0."""
    return Control(name, label, link.Switch(default), "toggle", help=help)


@dataclass(frozen=True)
class Scene:
    """A named setup a presenter applies with one click: control names -> values; the rest default.

    ``view`` names the part of the page the scene is about, where that is not the section of the
    first control it sets (a control in one section whose effect shows in a later one): the page
    marks that part with ``PageSpec.anchor(view)``."""

    name: str
    hint: str
    values: Mapping[str, Any] = field(default_factory=dict)
    view: str = ""


@dataclass(frozen=True)
class PageSpec:
    """Everything a page lets the learner set: its controls, keyed ``<prefix>_<name>``, and its scenes.

    ``earlier`` keeps the old default of any control whose default has changed. Links leave out
    values equal to the default, so a link made before the change relies on the old one: a link
    that carries settings for this page but leaves such a control out gets its old default.
    Since the change, a link that carries any setting of the page names such a control
    explicitly; a bare address opens today's defaults.
    """

    slug: str
    prefix: str
    controls: tuple[Control, ...]
    scenes: tuple[Scene, ...] = ()
    earlier: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.prefix.isidentifier() or "_" in self.prefix:
            raise ValueError(f"{self.slug}: a prefix is one word without '_', got {self.prefix!r}")
        names = [c.name for c in self.controls]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.slug}: a control is declared twice in {names}")
        for scene in self.scenes:
            for name, value in scene.values.items():
                if name not in names:
                    raise ValueError(f"{self.slug}: scene {scene.name!r} sets {name!r}, which is not a control here")
                if not self.control(name).spec.valid(value):
                    raise ValueError(f"{self.slug}: scene {scene.name!r} sets {name!r} to {value!r}, outside its range")
            if scene.view and (not scene.view.isidentifier() or scene.view in names):
                raise ValueError(f"{self.slug}: scene {scene.name!r} views {scene.view!r}, not a name for a part")
        for name, value in self.earlier.items():
            if name not in names or not self.control(name).spec.valid(value):
                raise ValueError(f"{self.slug}: the earlier default {name}={value!r} is not a value of a control here")

    def control(self, name: str) -> Control:
        for control in self.controls:
            if control.name == name:
                return control
        raise KeyError(f"{self.slug} declares no control {name!r}")

    def key(self, name: str) -> str:
        """The widget key of a control (``gd_lr``); the link shows only ``name``."""
        self.control(name)
        return f"{self.prefix}_{name}"

    def active_scene(self, values: Mapping[str, Any]) -> Scene | None:
        """The scene these control values show (name -> value; a name left out is at its
        default), or None when the learner has moved away from every scene."""
        for scene in self.scenes:
            if all(
                c.spec.same(values.get(c.name, c.spec.default), scene.values.get(c.name, c.spec.default))
                for c in self.controls
            ):
                return scene
        return None

    def anchor(self, view: str) -> str:
        """The element key of the part of the page a scene views (``loss_business``)."""
        if not any(scene.view == view for scene in self.scenes):
            raise KeyError(f"{self.slug}: no scene views {view!r}")
        return f"{self.prefix}_{view}"

    def focus(self, scene: Scene) -> str:
        """The element key to bring into view after a scene: the part it views, or else the widget of its
        first named control (the page's first control when it names none)."""
        if scene.view:
            return self.anchor(scene.view)
        return self.key(next(iter(scene.values), self.controls[0].name)) if self.controls else ""

    def scene_state(self, scene: Scene) -> dict[str, Any]:
        """Widget key -> value for every control the scene sets, in the form the widget keeps."""
        return {self.key(n): self.control(n).spec.widget_value(v) for n, v in scene.values.items()}
