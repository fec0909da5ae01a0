"""Timing helpers shared by the PyTorch reference scripts: warm-up, repetitions, median and spread."""

import os
import statistics
import timeit

import torch


def measure(fn, repeats=21, min_seconds=0.1, warmup_seconds=0.5):
    """Calls fn until warm, then returns `repeats` samples of seconds per call.

    Each sample times a loop of calls long enough to last about `min_seconds`, so timer
    resolution and the loop's own cost vanish for calls of microseconds.
    """
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()  # calls per loop for >= 0.2 s; also a first warm-up
    number = max(1, int(number * min_seconds / 0.2))
    warm = timeit.default_timer() + warmup_seconds
    while timeit.default_timer() < warm:
        timer.timeit(number)
    return [t / number for t in timer.repeat(repeat=repeats, number=number)]


def summary(samples):
    """Returns (median, p10, p90) of the samples."""
    ordered = sorted(samples)
    deciles = statistics.quantiles(ordered, n=10)
    return statistics.median(ordered), deciles[0], deciles[-1]


def blas_in_use():
    """The BLAS library this process loaded (Linux), else PyTorch's build setting.

    Debian's python3-torch calls whatever libblas.so.3 the system's alternatives point at: the
    slow reference BLAS unless an optimized one (such as libopenblas0-pthread) is installed.
    """
    torch.mm(torch.ones((64, 64)), torch.ones((64, 64)))
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.lower()}
        if paths:
            real = sorted(os.path.realpath(p) for p in paths)
            kind = " (the reference BLAS)" if any("/blas/libblas" in p for p in real) else ""
            return ", ".join(real) + kind
    except OSError:
        pass
    settings = torch.__config__.show()
    return settings.split("BLAS_INFO=")[1].split(",")[0] if "BLAS_INFO=" in settings else "unknown"


def environment():
    """One line naming what the numbers depend on: PyTorch's version, threads and BLAS."""
    return f"PyTorch {torch.__version__}, {torch.get_num_threads()} thread(s), BLAS: {blas_in_use()}"
