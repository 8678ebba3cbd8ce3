"""Process-wide tuning, done once per server process, never per viewer."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import threading
import time
from datetime import timedelta

import streamlit as st
from threadpoolctl import threadpool_limits

# glibc's mallopt parameter for the size above which a block gets its own memory mapping.
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD_BYTES = 16 * 1024
# How often the freed memory in glibc's heaps goes back to the system.
TRIM_EVERY_S = 20


@st.cache_resource(show_spinner=False)
def tune_process() -> int:
    """Once per process, after the first run has imported what pages need: cheaper collections, memory given back.

    Garbage collection: Streamlit runs a full collection after every script run
    (``runner.postScriptGC``), and a full collection walks every tracked object: some 100,000 of
    them once Streamlit, Plotly, numpy and pandas are imported, none of which ever becomes garbage.
    That walk cost ~40 ms of a ~60 ms rerun of Gradient descent, and a collection holds the
    interpreter, so a class of 50 waited in line for it (``scripts/load.py`` measures this).
    ``gc.freeze`` moves everything alive now out of the collector's sight; what sessions create
    later is collected as before. Collect first, so that no garbage is frozen.

    Threads: numpy's BLAS (OpenBLAS) starts a thread per core for every matrix product and keeps
    them spinning afterwards. Our matrices are tiny, so the threads only burn a core other viewers
    need: a rerun of Overfitting cost 58 ms of CPU with them and 20 ms without. One thread each.

    Memory: a page run makes blocks of 16 KB to 300 KB (chart JSON, protobuf messages, websocket
    frames). glibc serves them from its heaps and, after a burst of viewers, keeps the freed space
    for good: 50 viewers opening a page at once left the server ~17 MB larger after they had gone.
    Given their own mappings, such blocks go back to the system when freed (~11 MB kept). The
    smaller blocks freed inside glibc's heaps stay there until ``malloc_trim`` hands their pages
    back, which a background thread does every ``TRIM_EVERY_S`` seconds (~3 MB, ~8 MB kept; the
    rest is Python's own small-object arenas, which it frees only when wholly empty). Only on
    glibc (Linux, Community Cloud); elsewhere this part does nothing.

    Returns the number of objects frozen.
    """
    threadpool_limits(1, user_api="blas")
    gc.collect()
    gc.freeze()
    libc_name = ctypes.util.find_library("c")
    libc = ctypes.CDLL(libc_name) if libc_name else None
    if libc is not None and hasattr(libc, "mallopt"):
        libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)
    if libc is not None and hasattr(libc, "malloc_trim"):
        threading.Thread(target=_give_back_every, args=(libc, TRIM_EVERY_S), name="malloc-trim", daemon=True).start()
    return gc.get_freeze_count()


def _give_back_every(libc: ctypes.CDLL, every_s: float) -> None:
    """Forever: hand the pages glibc holds free back to the system (``malloc_trim``: a few ms at most)."""
    while True:
        time.sleep(every_s)
        libc.malloc_trim(0)


@st.fragment(run_every=timedelta(hours=1))
def rerun_whole_after_a_reconnect() -> None:
    """Draws nothing; its presence makes a tab that reconnects ask for a whole run.

    When the server restarts under an open tab (a redeploy, a wake-up on Community Cloud), the
    tab reconnects to a fresh session that knows none of the page's sections. Streamlit's
    frontend asks for a whole run on reconnecting only when the last run was a section's or the
    page has a fragment that reruns on a timer (``App.handleConnectionStateChanged``, Streamlit
    1.67); otherwise the learner's first move reaches the fresh session as a section's rerun,
    which it drops ("The fragment ... does not exist anymore"), and every move after it too.
    This timer makes the whole run happen; once an hour it reruns this empty function.
    """
