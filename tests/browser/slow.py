"""A slow connection on one machine: a TCP proxy whose replies from the server arrive late.

A learner far from the server sees each answer a round trip after the move that asked for it,
while their next moves are already on their way. On loopback that never happens; through this
proxy it does, in order and byte for byte, as over a real network.
"""

import asyncio
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from scripts.load import free_port


async def _pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, delay: float) -> None:
    due: asyncio.Queue = asyncio.Queue()

    async def take() -> None:
        while data := await reader.read(65536):
            await due.put((time.monotonic() + delay, data))
        await due.put((0.0, b""))

    async def give() -> None:
        while True:
            when, data = await due.get()
            if not data:
                writer.close()
                return
            await asyncio.sleep(max(0.0, when - time.monotonic()))
            writer.write(data)
            await writer.drain()

    await asyncio.gather(take(), give(), return_exceptions=True)


@contextmanager
def slow_connection(target: int, delay: float) -> Iterator[int]:
    """A port on 127.0.0.1 that leads to ``target``; what the server sends reaches the browser
    ``delay`` seconds late (what the browser sends goes at once)."""
    port = free_port()
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    stop = asyncio.Event()
    handlers: set[asyncio.Task] = set()

    async def handle(client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        handlers.add(asyncio.current_task())
        server_r, server_w = await asyncio.open_connection("127.0.0.1", target)
        await asyncio.gather(_pump(client_r, server_w, 0.0), _pump(server_r, client_w, delay))

    async def serve() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", port)
        ready.set()
        await stop.wait()
        server.close()
        for task in handlers:
            task.cancel()
        await asyncio.gather(*handlers, return_exceptions=True)

    thread = threading.Thread(target=lambda: loop.run_until_complete(serve()), daemon=True)
    thread.start()
    ready.wait(10)
    try:
        yield port
    finally:
        loop.call_soon_threadsafe(stop.set)
        thread.join(10)
        loop.close()
