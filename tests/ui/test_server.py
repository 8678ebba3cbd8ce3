"""Process tuning: done once, and it does what the load figures rely on."""

import gc
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np  # noqa: F401  (loads the BLAS whose threads are limited)
import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from playground.ui.server import tune_process

ROOT = Path(__file__).resolve().parents[2]


def test_tuning_freezes_startup_objects_and_gives_blas_one_thread():
    with threadpool_limits(limits=None):  # restore the BLAS threads for the other tests afterwards
        tune_process.clear()
        try:
            frozen = tune_process()
            assert frozen > 10_000 and gc.get_freeze_count() > 10_000
            assert {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"} == {1}
            assert any(thread.name == "malloc-trim" for thread in threading.enumerate())
            assert tune_process() == frozen  # once per process: a second call is answered from the cache
        finally:
            gc.unfreeze()
            tune_process.clear()


GIVE_BACK = """
import ctypes, ctypes.util, threading, time
from playground.ui.server import _give_back_every

def rss_mb():
    return int(open("/proc/self/statm").read().split()[1]) * 4096 / 2**20

blocks = [bytes(2000) for _ in range(20_000)]  # 40 MB of small blocks inside glibc's heap
kept = blocks[::64]  # a few survivors pin the heap, as a session's leftovers do
del blocks
held = rss_mb()
threading.Thread(target=_give_back_every, args=(ctypes.CDLL(ctypes.util.find_library("c")), 0.05), daemon=True).start()
time.sleep(0.5)
print(held - rss_mb())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc and /proc are Linux's")
def test_memory_freed_inside_the_heap_goes_back_to_the_system():
    done = subprocess.run([sys.executable, "-c", GIVE_BACK], capture_output=True, text=True, check=True, cwd=ROOT)
    assert float(done.stdout) > 20  # MB handed back of the ~39 MB freed
