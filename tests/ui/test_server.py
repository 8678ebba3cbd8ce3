"""Process tuning: done once, and it does what the load figures rely on."""

import gc

import numpy as np  # noqa: F401  (loads the BLAS whose threads are limited)
from threadpoolctl import threadpool_info, threadpool_limits

from playground.ui.server import tune_process


def test_tuning_freezes_startup_objects_and_gives_blas_one_thread():
    with threadpool_limits(limits=None):  # restore the BLAS threads for the other tests afterwards
        tune_process.clear()
        try:
            frozen = tune_process()
            assert frozen > 10_000 and gc.get_freeze_count() > 10_000
            assert {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"} == {1}
            assert tune_process() == frozen  # once per process: a second call is answered from the cache
        finally:
            gc.unfreeze()
            tune_process.clear()
