"""Two Streamlit workers behind HAProxy: viewers spread over both, stay on theirs, and survive its death."""

import asyncio
import csv
import io
import os
import random
import shutil
import signal
import urllib.request
from collections import Counter

import pytest

from scripts.load import RAVINE, Viewer, free_ports, scenario_open
from scripts.serve import COOKIE, SHIPPED_CONFIG, cluster, config

HAPROXY = shutil.which("haproxy") or ("/usr/sbin/haproxy" if os.path.exists("/usr/sbin/haproxy") else None)
if HAPROXY is None and os.environ.get("CI") == "true":
    raise RuntimeError("the scale-out tests must run in CI, but HAProxy is not installed (apt-get install -y haproxy)")
pytestmark = pytest.mark.skipif(HAPROXY is None, reason="HAProxy is not installed (apt-get install -y haproxy)")


def test_the_shipped_config_is_what_the_launcher_writes_for_two_workers():
    assert SHIPPED_CONFIG.read_text() == config(8500, 2)


def test_a_worker_count_out_of_range_is_refused():
    with pytest.raises(ValueError, match="workers must be 1 to 64"):
        config(8500, 0)


@pytest.fixture(scope="module")
def two_workers():
    port = free_ports(4)  # the proxy, two workers after it, and the proxy's stats page
    stats = port + 3
    with cluster(port, 2, stats_port=stats) as running:
        yield running


def worker_of(cookie: str) -> str:
    return dict(part.split("=", 1) for part in cookie.split("; "))[COOKIE]


def open_connections(stats_url: str) -> dict[str, int]:
    """HAProxy's count of open connections per worker (its stats page, as CSV)."""
    with urllib.request.urlopen(f"{stats_url};csv", timeout=10) as response:
        rows = csv.DictReader(io.StringIO(response.read().decode().lstrip("# ")))
        servers = [row for row in rows if row["pxname"] == "workers" and row["svname"] != "BACKEND"]
        return {row["svname"]: int(row["scur"]) for row in servers}


def test_viewers_spread_over_both_workers_and_each_websocket_stays_on_its_worker(two_workers):
    async def run():
        viewers = [Viewer(two_workers.url, RAVINE, random.Random(i)) for i in range(12)]
        await asyncio.gather(*(v.open() for v in viewers))
        for v in viewers:
            await v.change("gd_steps")  # a move after the page loaded still reaches the same session
        pinned = Counter(worker_of(v.cookie) for v in viewers)
        connections = open_connections(two_workers.stats_url)
        await asyncio.gather(*(v.close() for v in viewers))
        return pinned, connections

    pinned, connections = asyncio.run(run())
    assert set(pinned) == {"w1", "w2"}  # both workers got viewers
    assert connections == {"w1": pinned["w1"], "w2": pinned["w2"]}  # each websocket went where its cookie says


def test_the_harness_runs_through_the_proxy(two_workers):
    report = asyncio.run(scenario_open(two_workers.url, RAVINE, 10, None))
    assert report.errors == [] and len(report.times_s) == 10
    assert {worker_of(c) for c in report.cookies} == {"w1", "w2"}


def test_a_killed_worker_loses_no_viewers_setup(two_workers):
    async def run():
        viewers = [Viewer(two_workers.url, RAVINE, random.Random(100 + i)) for i in range(8)]
        await asyncio.gather(*(v.open() for v in viewers))
        for v in viewers:
            await v.change("gd_steps")
        before = {id(v): (v.query, v.setup()) for v in viewers}
        doomed = next(v for v in viewers if worker_of(v.cookie) == "w1")
        two_workers.workers[0].send_signal(signal.SIGKILL)
        two_workers.workers[0].wait(10)
        await asyncio.sleep(3)  # HAProxy's health check notices within two seconds
        orphans = [v for v in viewers if worker_of(v.cookie) == "w1"]
        await asyncio.gather(*(v.reload() for v in orphans))
        after = {id(v): (v.query, v.setup()) for v in viewers}
        moved = {worker_of(v.cookie) for v in orphans}
        await asyncio.gather(*(v.close() for v in viewers))
        return before, after, doomed in orphans, moved

    before, after, had_orphans, moved = asyncio.run(run())
    assert had_orphans and moved == {"w2"}
    assert after == before  # every control, including the moved steps, came back from the link alone
    two_workers.start_worker(0)
