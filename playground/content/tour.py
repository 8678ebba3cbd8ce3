"""The presenter's tour: the chapter as a deck, page by page in the chapter's order and, on each
page, scene by scene, each step with one sentence for the presenter to say."""

from __future__ import annotations

from dataclasses import dataclass

from playground.content.controls import SPECS
from playground.content.pages import ALL_PAGES, BY_SLUG
from playground.declare import Scene

# The chapter's order (the sidebar's): the pieces, how they learn, when it goes wrong, then the
# check; not the learner's own data, nor the glossary.
ORDER = tuple(info.slug for info in ALL_PAGES if info.slug not in ("your_data", "glossary"))


@dataclass(frozen=True)
class Step:
    slug: str  # the page
    scene: Scene | None  # the scene it sets up, or None for the page as it opens
    note: str  # one sentence for the presenter

    @property
    def title(self) -> str:
        page = BY_SLUG[self.slug].title
        return f"{page}: {self.scene.name}" if self.scene else page


# What to say on arriving at a page: its product note's first sentence (the takeaway is on screen
# already), or, where a page has none, these.
OPENING = {
    "home": "All of training is one short loop run many times; the next pages take it apart, piece by piece.",
    "concept_check": "Ask the room: ten questions on the whole chapter, each answer with its reason.",
}


def first_sentence(text: str) -> str:
    head, dot, _ = text.partition(". ")
    return head + "." if dot else text


def _steps() -> tuple[Step, ...]:
    steps = []
    for slug in ORDER:
        steps.append(Step(slug, None, OPENING.get(slug) or first_sentence(BY_SLUG[slug].why_it_matters)))
        steps += [Step(slug, scene, scene.hint) for scene in SPECS[slug].scenes]
    return tuple(steps)


STEPS = _steps()
