"""The load harness speaks Streamlit's protocol to a real server: a small class of ten viewers."""

import asyncio
import random
import socket
from contextlib import ExitStack

import pytest

from scripts.load import RAVINE, Viewer, free_port, free_ports, scenario_move, scenario_open, served


@pytest.fixture(scope="module")
def server():
    port = free_port()
    with served(port) as proc:
        yield f"http://127.0.0.1:{port}", proc.pid


def test_ten_viewers_open_the_link_at_once_and_each_gets_the_page(server):
    url, pid = server
    report = asyncio.run(scenario_open(url, RAVINE, 10, pid))
    assert report.errors == []
    assert len(report.times_s) == 10
    assert report.memory_mb["with viewers"] - report.memory_mb["before"] <= 2 * 10  # target: 2 MB a viewer


def test_ten_viewers_moving_controls_all_get_their_reruns(server):
    url, pid = server
    report = asyncio.run(scenario_move(url, RAVINE, 10, pid, every_s=0.5, duration_s=3))
    assert report.errors == []
    assert len(report.times_s) >= 10  # every viewer changed the control at least once


def test_a_change_reaches_the_page_and_its_link_and_the_rest_of_the_setup_stays(server):
    url, _ = server

    async def walk() -> list[tuple[float, str]]:
        viewer = Viewer(url, RAVINE, random.Random(1))
        await viewer.open()
        seen = []
        for _ in range(4):
            await viewer.change("gd_steps")
            seen.append((viewer.setup()["gd_steps"][0], viewer.query))
        await viewer.close()
        return seen

    moves = asyncio.run(walk())
    for steps, query in moves:
        assert "land=ravine" in query and "opt=gd%2Cmomentum" in query and "sx=0.08" in query
        params = dict(p.split("=") for p in query.split("&"))
        assert params.get("steps", "150") == str(int(steps))  # the link shows the value just sent (150 is left out)
    assert len({steps for steps, _ in moves}) > 1


def test_a_change_inside_a_section_reruns_only_that_section_as_a_browser_asks(server):
    url, _ = server

    async def walk() -> tuple[Viewer, int, list[int]]:
        # off the ravine scene for good (its ay is the default): no move of ax can enter or leave a scene
        viewer = Viewer(url, RAVINE + "&ay=0.3", random.Random(2))
        await viewer.open()
        page, drawn = viewer.received_elements, []
        for _ in range(3):
            before = viewer.received_elements
            await viewer.change("gd_ax")
            drawn.append(viewer.received_elements - before)
        await viewer.close()
        return viewer, page, drawn

    viewer, page, drawn = asyncio.run(walk())
    assert viewer.sections["gd_ax"] and viewer.sections["gd_steps"] not in ("", viewer.sections["gd_ax"])
    assert viewer.sections["app_present"] == ""  # the sidebar belongs to no section
    assert all(0 < n < page / 3 for n in drawn), (drawn, page)  # "Two starts" alone: sliders, metrics, chart
    assert "ax=" in viewer.query


def test_the_harness_refuses_any_server_but_this_machine():
    with pytest.raises(SystemExit, match="only targets this machine"):
        asyncio.run(scenario_open("http://192.0.2.1:8501", RAVINE, 1, None))


def test_a_cluster_gets_ports_in_a_row_that_are_all_free_even_beside_a_busy_one(monkeypatch):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        # the first port offered sits just below a busy one: a block starting there must be refused
        offers = iter([taken - 2, *(free_port() for _ in range(50))])
        monkeypatch.setattr("scripts.load.free_port", lambda: next(offers))
        first = free_ports(4)
        assert first != taken - 2 and taken not in range(first, first + 4)
        with ExitStack() as held:
            for port in range(first, first + 4):  # each binds: none is in use
                held.enter_context(socket.socket()).bind(("127.0.0.1", port))
