"""A classroom on one server: many simulated viewers over Streamlit's own websocket protocol.

Run from the project root against a running app (it only ever talks to 127.0.0.1):

    python scripts/load.py --url http://127.0.0.1:8501 --pid 1234 open --viewers 50
    python scripts/load.py --url http://127.0.0.1:8501 --pid 1234 move --viewers 50 --every 2 --for 60

or let it start a server of its own (``--serve``). A viewer is what a browser tab does on the wire,
without a browser: it loads the page's HTML (which is where a proxy's sticky cookie is set), opens
the websocket ``/_stcore/stream`` with that cookie, asks for the page with the link's query string
as a ``BackMsg``, and reads ``ForwardMsg`` protobufs until the run's ``script_finished``. To move a
control it sends the widget's new value as the browser does, by the widget id the page sent.

Scenarios:
  open  N viewers open the link at once; the time each waits for its page to finish.
  move  N viewers, already on the page, each change a control every few seconds; the time from a
        change to its run finishing.
Each reports p50, p95 and max, errors, the server's memory (before, at the peak, and a while after
the viewers leave) and the server's CPU. Every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Checkbox_pb2 import Checkbox
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.NumberInput_pb2 import NumberInput
from streamlit.proto.Slider_pb2 import Slider
from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parents[1]
RAVINE = "gradient_descent?land=ravine&lr=0.00501&opt=gd,momentum&sx=0.08&sy=0.67"
RUN_TIMEOUT_S = 60
LOOPBACK = ("127.0.0.1", "localhost", "[::1]", "::1")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class RunError(RuntimeError):
    """The page did not finish its run, or finished showing an exception."""


@dataclass
class Viewer:
    """One simulated browser tab on one page of the app."""

    base_url: str
    link: str  # "gradient_descent?lr=0.1": the page's url path and query string
    rng: random.Random
    widgets: dict[str, object] = field(default_factory=dict)  # widget key -> its latest element proto
    state: dict[str, tuple] = field(default_factory=dict)  # widget key -> (id, WidgetState field, value)
    sections: dict[str, str] = field(default_factory=dict)  # widget key -> the fragment it sits in ("": none)
    cached: set[str] = field(default_factory=set)  # hashes of large messages this tab holds, as a browser does
    received_bytes: int = 0
    received_elements: int = 0  # elements the server has drawn for this tab, over all its runs
    cookie: str = ""
    query: str = ""  # the query string the page last wrote into the address bar
    page_hash: str = ""  # the page the server says this tab shows, as the browser sends it back
    exceptions: int = 0
    _ws: object = None
    _finished: asyncio.Queue | None = None
    _reader: asyncio.Task | None = None

    async def open(self) -> float:
        """Load the page's HTML, open the websocket, ask for the page; seconds until its run finished."""
        start = time.perf_counter()
        path, _, query = self.link.partition("?")
        self.query = query
        self.cookie = await asyncio.to_thread(_page_cookie, f"{self.base_url}/{path}", self.cookie)
        ws_url = self.base_url.replace("http", "ws", 1) + "/_stcore/stream"
        headers = {"Cookie": self.cookie} if self.cookie else {}
        self._ws = await connect(
            ws_url, subprotocols=["streamlit"], additional_headers=headers, max_size=None, compression=None
        )
        self._finished = asyncio.Queue()
        self._reader = asyncio.create_task(self._read())
        back = BackMsg()
        back.rerun_script.query_string = query
        back.rerun_script.page_name = path
        back.rerun_script.cached_message_hashes.extend(self.cached)
        for widget_id, field_name, value in self.state.values():  # a reconnecting tab sends what it shows
            _fill(back.rerun_script.widget_states.widgets.add(), widget_id, field_name, value)
        await self._ws.send(back.SerializeToString())
        await self._wait_for_run()
        return time.perf_counter() - start

    async def reload(self) -> float:
        """Open the page again at the link the tab shows, with its cookie, as a reload does.

        The widgets' values are forgotten first: whatever the page shows afterwards, the server
        rebuilt from the link (and, after a failover, on another worker).
        """
        await self.close()
        self.link = f"{self.link.partition('?')[0]}?{self.query}"
        self.state.clear()
        self.cached.clear()
        return await self.open()

    def setup(self) -> dict[str, object]:
        """Every widget's value as the page last set it: what the learner sees."""
        return {key: value for key, (_, _, value) in self.state.items()}

    async def change(self, key: str) -> float:
        """Move the control ``key`` to another value; seconds until the rerun finished."""
        widget_id, field_name, current = self.state[key]
        self.state[key] = (widget_id, field_name, _new_value(self.widgets[key], field_name, current, self.rng))
        back = BackMsg()
        back.rerun_script.page_name = self.link.partition("?")[0]
        # without it, a rerun the page asks for itself (a section redrawing the whole page) opens Home
        back.rerun_script.page_script_hash = self.page_hash
        back.rerun_script.query_string = self.query
        back.rerun_script.cached_message_hashes.extend(self.cached)
        # as a browser does: a widget inside a fragment (a page section) asks for that fragment's rerun only
        back.rerun_script.fragment_id = self.sections.get(key, "")
        for widget_id, field_name, value in self.state.values():  # the browser sends every widget's value
            _fill(back.rerun_script.widget_states.widgets.add(), widget_id, field_name, value)
        start = time.perf_counter()
        await self._ws.send(back.SerializeToString())
        await self._wait_for_run()
        return time.perf_counter() - start

    async def close(self) -> None:
        if self._reader:
            self._reader.cancel()
        if self._ws:
            await self._ws.close()

    async def _wait_for_run(self) -> None:
        try:
            status = await asyncio.wait_for(self._finished.get(), RUN_TIMEOUT_S)
        except TimeoutError:
            raise RunError(f"no finished run within {RUN_TIMEOUT_S} s") from None
        if isinstance(status, Exception):
            raise status
        if self.exceptions:
            raise RunError(f"the page showed {self.exceptions} exception(s)")

    async def _read(self) -> None:
        sock = self._ws.transport.get_extra_info("socket")
        try:
            async for data in self._ws:
                _ack_now(sock)
                self.received_bytes += len(data)
                msg = ForwardMsg.FromString(data)
                if msg.metadata.cacheable:
                    self.cached.add(msg.hash)
                kind = msg.WhichOneof("type")
                if kind == "new_session":
                    self.exceptions = 0
                elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                    self._note_element(msg.delta.new_element, msg.delta.fragment_id)
                elif kind == "navigation":
                    self.page_hash = msg.navigation.page_script_hash
                elif kind == "page_info_changed":
                    self.query = msg.page_info_changed.query_string
                elif kind == "script_finished" and msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    # a section that must redraw the whole page stops early and reruns it: wait for that
                    self._finished.put_nowait(msg.script_finished)
        except Exception as error:  # the socket closed under us: the waiting run fails with it
            self._finished.put_nowait(RunError(f"connection lost: {error}"))

    def _note_element(self, element, fragment_id: str = "") -> None:
        self.received_elements += 1
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.exceptions += 1
        elif kind in WIRE:
            widget = getattr(element, kind)
            key = widget.id.split("-", 2)[-1]  # "$$ID-<hash>-<key>"
            self.widgets[key] = widget
            self.sections[key] = fragment_id
            if widget.set_value or key not in self.state:  # what a browser keeps for the widget
                self.state[key] = (widget.id, *WIRE[kind](widget))


def _ack_now(sock) -> None:
    """Acknowledge what arrived at once, as a browser does, instead of up to 40 ms later.

    Streamlit's server leaves Nagle's algorithm on (its Starlette server binds a socket of protocol
    0, so asyncio never sets TCP_NODELAY on the connections): after the first small message of a
    run it holds the rest until the client acknowledges. Linux delays that acknowledgement by up
    to 40 ms unless asked; Chromium's page does not wait here, so neither does this tab.
    """
    if sock is not None and hasattr(socket, "TCP_QUICKACK"):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)


def _page_cookie(url: str, cookie: str) -> str:
    """GET the page's HTML as a browser does first, sending ``cookie``; the cookie to keep afterwards.

    A proxy sets its sticky cookie here, and sets it anew when the worker it named has gone.
    """
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=RUN_TIMEOUT_S) as response:
        response.read()
        fresh = [c.split(";", 1)[0] for c in response.headers.get_all("Set-Cookie") or []]
    return "; ".join(fresh) if fresh else cookie


def _indices(widget) -> list[int]:
    return [int(i) for i in (widget.default if hasattr(widget.default, "__iter__") else [widget.default])]


def _labels(widget, raw: str = "raw_values") -> list[str]:
    """An option widget's value as the browser sends it: the options' labels."""
    if widget.set_value:
        value = getattr(widget, raw)
        value = getattr(value, "data", value)  # a button group keeps its labels in a StringArray
        return [value] if isinstance(value, str) else list(value)
    names = [getattr(o, "content", o) for o in widget.options]
    return [names[i] for i in _indices(widget) if 0 <= i < len(names)]


# widget kind -> (the WidgetState field the browser fills, the value it holds) for a widget proto
WIRE = {
    "slider": lambda w: (
        ("string_array_value", list(w.raw_value) if w.set_value else _labels(w, "raw_value"))
        if w.options
        else ("double_array_value", list(w.value if w.set_value else w.default))
    ),
    "checkbox": lambda w: ("bool_value", w.value if w.set_value else w.default),
    "button_group": lambda w: ("string_array_value", _labels(w)),
    "number_input": lambda w: ("double_value", w.value if w.set_value else w.default),
    "text_input": lambda w: ("string_value", w.value if w.set_value else w.default),
    "selectbox": lambda w: ("string_value", (_labels(w, "raw_value") or [""])[0]),
}


def _new_value(widget, field_name: str, current, rng: random.Random):
    """A value the learner could pick for a slider, number box or switch, other than the one shown."""
    if field_name == "string_array_value" and isinstance(widget, Slider):  # a select slider's option labels
        return [rng.choice([o for o in widget.options if [o] != current] or list(widget.options))]
    if field_name in ("double_array_value", "double_value"):
        steps = round((widget.max - widget.min) / widget.step)
        value = widget.min + rng.randint(0, steps) * widget.step
        return [value] if field_name == "double_array_value" else value
    if field_name == "bool_value":
        return not current
    raise ValueError(f"load.py moves sliders, number boxes and switches, not a {type(widget).__name__}")


MOVABLE = (Slider, Checkbox, NumberInput)


def _fill(state, widget_id: str, field_name: str, value) -> None:
    state.id = widget_id
    if field_name.endswith("_array_value"):
        getattr(state, field_name).data.extend(value)
    else:
        setattr(state, field_name, value)


# --- the server, seen from outside -------------------------------------------------------------


def _family(pid: int | Sequence[int]) -> list[int]:
    pids = [pid] if isinstance(pid, int) else list(pid)
    return [p for root in pids for p in (root, *_children(root))]


def rss_mb(pid: int | Sequence[int]) -> float:
    """Resident memory of a process (or several) and their children, in MB (Linux /proc)."""
    total = 0
    for p in _family(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except FileNotFoundError:
            pass
    return total / 1024


def cpu_s(pid: int | Sequence[int]) -> float:
    """CPU seconds (user + system) a process (or several) and their children have used."""
    total = 0
    for p in _family(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rpartition(")")[2].split()
            total += int(fields[11]) + int(fields[12])
        except FileNotFoundError:
            pass
    return total / CLOCK_TICKS


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def free_ports(count: int, *, tries: int = 200) -> int:
    """The first of ``count`` consecutive TCP ports on 127.0.0.1 that are all free right now.

    A cluster puts its workers on the ports after the proxy's; a port picked alone can have its
    neighbour taken by any connection's ephemeral port (a browser test's, say).
    """
    for _ in range(tries):
        first = free_port()
        with ExitStack() as held:
            try:
                for port in range(first, first + count):
                    s = held.enter_context(socket.socket())
                    s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return first
    raise RuntimeError(f"no {count} free ports in a row on 127.0.0.1")


def start_streamlit(port: int, *extra: str, script: Path | str = "streamlit_app.py", env=None) -> subprocess.Popen:
    """``streamlit run`` of ``script`` (this app by default) on 127.0.0.1:``port``, headless and quiet."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.headless=true",
            "--server.address=127.0.0.1",
            f"--server.port={port}",
            "--server.fileWatcherType=none",
            "--browser.gatherUsageStats=false",
            *extra,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextmanager
def served(port: int, *extra: str, script: Path | str = "streamlit_app.py"):
    """A Streamlit server of ``script`` (this app by default) on 127.0.0.1:``port``, stopped on exit."""
    proc = start_streamlit(port, *extra, script=script)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", proc)
        yield proc
    finally:
        stop(proc)


def wait_healthy(base_url: str, proc: subprocess.Popen | None = None, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=1).read()
            return
        except OSError:
            if time.monotonic() > deadline or (proc is not None and proc.poll() is not None):
                raise RuntimeError(f"no healthy server at {base_url}") from None
            time.sleep(0.2)


# --- scenarios ---------------------------------------------------------------------------------


@dataclass
class Report:
    scenario: str
    viewers: int
    times_s: list[float]
    errors: list[str]
    memory_mb: dict[str, float]
    cpu_s: float
    wall_s: float
    cookies: list[str] = field(default_factory=list)

    def percentile(self, q: float) -> float:
        if not self.times_s:
            return float("nan")
        ordered = sorted(self.times_s)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

    def _memory_summary(self) -> list[str]:
        """How much the viewers cost at the peak, and how much the server kept after they left."""
        memory = self.memory_mb
        if "before" not in memory or len(memory) < 2:
            return []
        start, end, peak = memory["before"], list(memory.values())[-1], max(memory.values())
        return [
            f"  memory: {(peak - start) / max(self.viewers, 1):.2f} MB a viewer at the peak;"
            f" {end - start:+.1f} MB ({100 * (end - start) / start:+.1f} %) kept at the end"
        ]

    def lines(self) -> list[str]:
        t = self.times_s
        mem = "  ".join(f"{k} {v:.0f}" for k, v in self.memory_mb.items())
        return [
            f"{self.scenario}: {self.viewers} viewers, {len(t)} runs timed, {len(self.errors)} errors",
            f"  seconds  p50 {self.percentile(0.5):.2f}  p95 {self.percentile(0.95):.2f}  max {max(t, default=0):.2f}",
            f"  server memory MB  {mem}",
            *self._memory_summary(),
            f"  server CPU {self.cpu_s:.1f} s in {self.wall_s:.1f} s"
            f" ({100 * self.cpu_s / max(self.wall_s, 1e-9):.0f} % of a core)",
            *(f"  error: {e}" for e in sorted(set(self.errors))[:5]),
        ]


def _check_loopback(base_url: str) -> None:
    host = urlsplit(base_url).hostname or ""
    if host not in LOOPBACK:
        raise SystemExit(f"load.py only targets this machine (127.0.0.1), not {host!r}")


async def _open_all(base_url: str, link: str, n: int, seed: int) -> tuple[list[Viewer], list[float], list[str]]:
    viewers = [Viewer(base_url, link, random.Random(seed + i)) for i in range(n)]
    results = await asyncio.gather(*(v.open() for v in viewers), return_exceptions=True)
    times = [r for r in results if isinstance(r, float)]
    errors = [f"open: {r}" for r in results if isinstance(r, BaseException)]
    return viewers, times, errors


async def _presenters(base_url: str, link: str, pid: int | Sequence[int] | None) -> list[Viewer]:
    """The presenter's own tab, open before the class arrives, so the server has loaded the page once.

    Behind HAProxy (several worker pids) every worker gets a presenter, pinned by its cookie.
    """
    workers = 1 if pid is None or isinstance(pid, int) else len(pid)
    presenters = [Viewer(base_url, link, random.Random(-1 - i)) for i in range(workers)]
    if workers > 1:
        from scripts.serve import COOKIE

        for i, presenter in enumerate(presenters, start=1):
            presenter.cookie = f"{COOKIE}=w{i}"
    for presenter in presenters:
        await presenter.open()
    return presenters


async def _leave(viewers: list[Viewer]) -> None:
    await asyncio.gather(*(v.close() for v in viewers), return_exceptions=True)


async def _after(pid: int | Sequence[int] | None, memory: dict[str, float], settle_s: float) -> None:
    if pid is None:
        return
    memory["left"] = rss_mb(pid)
    if settle_s:
        await asyncio.sleep(settle_s)
        memory[f"{settle_s:.0f}s after"] = rss_mb(pid)


async def scenario_open(
    base_url: str, link: str, n: int, pid: int | Sequence[int] | None, settle_s: float = 0, seed: int = 0
) -> Report:
    """N viewers open ``link`` at the same moment, after the presenter who shared it has it open."""
    _check_loopback(base_url)
    presenters = await _presenters(base_url, link, pid)
    memory = {"before": rss_mb(pid)} if pid else {}
    cpu0, wall0 = (cpu_s(pid) if pid else 0.0), time.perf_counter()
    viewers, times, errors = await _open_all(base_url, link, n, seed)
    wall = time.perf_counter() - wall0
    cpu = (cpu_s(pid) - cpu0) if pid else 0.0
    if pid:
        memory["with viewers"] = rss_mb(pid)
    cookies = [v.cookie for v in viewers]
    await _leave([*presenters, *viewers])
    await _after(pid, memory, settle_s)
    return Report("open", n, times, errors, memory, cpu, wall, cookies)


async def scenario_move(
    base_url: str,
    link: str,
    n: int,
    pid: int | Sequence[int] | None,
    *,
    key: str = "gd_steps",
    every_s: float = 2.0,
    duration_s: float = 60.0,
    settle_s: float = 0,
    seed: int = 0,
) -> Report:
    """N viewers on the page, each moving the control ``key`` every ``every_s`` seconds for ``duration_s``."""
    _check_loopback(base_url)
    presenters = await _presenters(base_url, link, pid)
    memory = {"before": rss_mb(pid)} if pid else {}
    viewers, _, errors = await _open_all(base_url, link, n, seed)
    viewers = [v for v in viewers if key in v.widgets]
    errors += [f"no control {key!r} on {link}"] * (n - len(viewers) - len(errors))
    times: list[float] = []
    peak = [rss_mb(pid) if pid else 0.0]
    cpu0, wall0 = (cpu_s(pid) if pid else 0.0), time.perf_counter()
    end = wall0 + duration_s

    async def learner(viewer: Viewer) -> None:
        await asyncio.sleep(viewer.rng.uniform(0, every_s))  # the class does not move in step
        while time.perf_counter() < end:
            started = time.perf_counter()
            try:
                times.append(await viewer.change(key))
            except Exception as error:
                errors.append(f"change: {error}")
                return
            await asyncio.sleep(max(0.0, every_s - (time.perf_counter() - started)))

    async def sample_memory() -> None:
        while pid and time.perf_counter() < end:
            peak[0] = max(peak[0], rss_mb(pid))
            await asyncio.sleep(1)

    await asyncio.gather(sample_memory(), *(learner(v) for v in viewers))
    wall = time.perf_counter() - wall0
    cpu = (cpu_s(pid) - cpu0) if pid else 0.0
    if pid:
        memory["peak"] = peak[0]
    cookies = [v.cookie for v in viewers]
    await _leave([*presenters, *viewers])
    await _after(pid, memory, settle_s)
    return Report("move", n, times, errors, memory, cpu, wall, cookies)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8501", help="the app's base url (127.0.0.1 only)")
    parser.add_argument("--pid", type=int, help="the server's process id, for its memory and CPU")
    parser.add_argument("--serve", action="store_true", help="start a server of this app for the run")
    parser.add_argument("--workers", type=int, default=1, help="with --serve: Streamlit processes behind HAProxy")
    parser.add_argument("--link", default=RAVINE, help="page and query string (default: the ravine scene)")
    parser.add_argument("--settle", type=float, default=60, help="seconds to wait after the viewers leave")
    parser.add_argument("scenario", choices=("open", "move"))
    parser.add_argument("--viewers", type=int, default=50)
    parser.add_argument("--every", type=float, default=2.0, help="move: seconds between one viewer's changes")
    parser.add_argument("--for", dest="duration", type=float, default=60.0, help="move: seconds of moving")
    parser.add_argument("--key", default="gd_steps", help="move: the widget key to move")
    args = parser.parse_args()
    if not 1 <= args.viewers <= 500 or not 0 < args.duration <= 600:
        raise SystemExit("viewers must be 1-500 and --for at most 600 s")

    async def run(url: str, pid: int | list[int] | None) -> Report:
        if args.scenario == "open":
            return await scenario_open(url, args.link, args.viewers, pid, args.settle)
        return await scenario_move(
            url,
            args.link,
            args.viewers,
            pid,
            key=args.key,
            every_s=args.every,
            duration_s=args.duration,
            settle_s=args.settle,
        )

    if args.serve and args.workers > 1:
        sys.path.insert(0, str(ROOT))
        from scripts.serve import cluster

        with cluster(urlsplit(args.url).port or 8500, args.workers) as running:
            report = asyncio.run(run(running.url, [w.pid for w in running.workers]))
    elif args.serve:
        port = urlsplit(args.url).port or 8501
        with served(port) as proc:
            report = asyncio.run(run(f"http://127.0.0.1:{port}", proc.pid))
    else:
        report = asyncio.run(run(args.url, args.pid))
    print("\n".join(report.lines()))
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
