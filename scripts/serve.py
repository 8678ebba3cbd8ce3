"""Serve the app from several Streamlit processes behind HAProxy, for a class bigger than one process.

Run from the project root (HAProxy is Debian's package: ``apt-get install -y haproxy``):

    python scripts/serve.py --workers 2 --port 8500 [--address 0.0.0.0]

Each worker is an ordinary ``streamlit run`` on 127.0.0.1 (ports ``port+1`` ... ``port+N``);
HAProxy listens on ``--address:--port`` and pins each viewer to one worker with a cookie
(``PLAYGROUND_WORKER``), so the page, its websocket and later its uploads reach the process that
holds the viewer's session. When a worker dies, HAProxy's health check takes it out within about
two seconds, the viewer's browser reconnects to another worker, and the page is rebuilt from the
link, which holds every control. The launcher restarts a worker that exits. Ctrl+C stops them all.

``deploy/haproxy.cfg`` is this launcher's configuration for two workers, for reading and for
running HAProxy under another supervisor; a test keeps it equal to what ``config()`` renders.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.load import start_streamlit, stop, wait_healthy  # noqa: E402

SHIPPED_CONFIG = ROOT / "deploy" / "haproxy.cfg"
COOKIE = "PLAYGROUND_WORKER"


def config(port: int, workers: int, *, address: str = "127.0.0.1", stats_port: int | None = None) -> str:
    """HAProxy's configuration for ``workers`` Streamlit processes on 127.0.0.1:``port+1``...``port+workers``."""
    if not 1 <= workers <= 64:
        raise ValueError(f"workers must be 1 to 64, got {workers}")
    servers = "\n".join(
        f"    server w{i} 127.0.0.1:{port + i} check cookie w{i} inter 1s fall 2 rise 2" for i in range(1, workers + 1)
    )
    stats = (
        f"""
frontend stats
    bind 127.0.0.1:{stats_port}
    stats enable
    stats uri /stats
"""
        if stats_port
        else ""
    )
    return f"""# Written by scripts/serve.py: {workers} Streamlit workers behind one HAProxy.
global
    maxconn 4096

defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    # a websocket stays open as long as its tab does; Streamlit pings it every 30 s
    timeout tunnel 1h
    # a viewer pinned to a worker that died is sent to a live one
    option redispatch
    retries 2

frontend playground
    bind {address}:{port}
    default_backend workers

backend workers
    balance leastconn
    # the worker a viewer landed on, so their websocket and requests reach the process with their session
    cookie {COOKIE} insert indirect nocache httponly
    option httpchk GET /_stcore/health
{servers}
{stats}"""


@dataclass
class Cluster:
    url: str
    workers: list[subprocess.Popen]
    ports: list[int]
    proxy: subprocess.Popen
    stats_url: str | None
    env: dict[str, str]

    def start_worker(self, index: int) -> subprocess.Popen:
        self.workers[index] = start_streamlit(self.ports[index], env=self.env)
        return self.workers[index]


@contextmanager
def cluster(
    port: int, workers: int, *, address: str = "127.0.0.1", stats_port: int | None = None, quiet: bool = True
) -> Iterator[Cluster]:
    """Start ``workers`` Streamlit processes and HAProxy in front of them; stop them all on exit."""
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    if not Path(haproxy).exists():
        raise SystemExit("HAProxy is not installed: apt-get install -y haproxy")
    # One cookie secret for every worker, made fresh at each start and never written to disk, so
    # that what one worker signs (the upload guard's cookie) the others accept after a failover.
    env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32)}
    ports = [port + i for i in range(1, workers + 1)]
    with ExitStack() as stack, tempfile.TemporaryDirectory() as folder:
        procs: list[subprocess.Popen] = []
        stack.callback(lambda: [stop(p) for p in procs])
        procs.extend(start_streamlit(p, env=env) for p in ports)
        for p, proc in zip(ports, procs, strict=True):
            wait_healthy(f"http://127.0.0.1:{p}", proc)
        cfg = Path(folder) / "haproxy.cfg"
        cfg.write_text(config(port, workers, address=address, stats_port=stats_port))
        check = subprocess.run([haproxy, "-c", "-q", "-f", str(cfg)], capture_output=True, text=True)
        if check.returncode:
            raise RuntimeError(f"HAProxy refused its configuration: {check.stdout}{check.stderr}")
        output = subprocess.DEVNULL if quiet else None
        proxy = subprocess.Popen([haproxy, "-db", "-f", str(cfg)], stdout=output, stderr=output)
        stack.callback(stop, proxy)
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, proxy)
        stats_url = f"http://127.0.0.1:{stats_port}/stats" if stats_port else None
        yield Cluster(url, procs, ports, proxy, stats_url, env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=2, help="Streamlit processes; one per core")
    parser.add_argument("--port", type=int, default=8500, help="HAProxy's port; workers use the next ones")
    parser.add_argument("--address", default="127.0.0.1", help="where HAProxy listens (0.0.0.0 for a network)")
    parser.add_argument("--print-config", action="store_true", help="print HAProxy's configuration and stop")
    args = parser.parse_args()
    if args.print_config:
        print(config(args.port, args.workers, address=args.address), end="")
        return 0
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with cluster(args.port, args.workers, address=args.address, quiet=False) as running:
        print(f"Serving on http://{args.address}:{args.port} with {args.workers} workers; Ctrl+C stops.", flush=True)
        try:
            while running.proxy.poll() is None:
                for index, worker in enumerate(running.workers):
                    if worker.poll() is not None:
                        print(f"worker w{index + 1} exited ({worker.returncode}); restarting it", flush=True)
                        running.start_worker(index)
                time.sleep(1)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
