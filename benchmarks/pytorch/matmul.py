"""PyTorch reference for MatrixBenchmark: single-threaded matrix products in GFLOP/s.

How to run:

    /usr/bin/python3 benchmarks/pytorch/matmul.py

Times torch.mm(a, b, out=c) into a preallocated output for the forward products of the
784-512-512-10 network at batch 256; the first row, 256x784 @ 784x512, is the one the docs
compare with MatrixBenchmark.matmulBias at shape 256x784x512. GFLOP/s = 2*m*k*n / seconds / 1e9.
The BLAS behind torch.mm is whatever this PyTorch build loads, which the script prints: with
Debian's python3-torch that is the system's libblas.so.3, the unoptimized reference BLAS unless
an optimized one is installed (apt-get install libopenblas0-pthread; then run with
OPENBLAS_NUM_THREADS=1). Say which in any comparison. Indicative only unless run on a quiet
machine.
"""

import torch

from timing import environment, measure, summary

SHAPES = ((256, 784, 512), (256, 512, 512), (256, 512, 10))


def main():
    torch.set_num_threads(1)
    print(environment())
    header = f"{'m x k @ k x n':<20} {'ms/op':>9} {'GFLOP/s':>8} {'p10-p90 GFLOP/s':>17}"
    print(header)
    print("-" * len(header))
    g = torch.Generator().manual_seed(42)
    for m, k, n in SHAPES:
        a = torch.rand((m, k), generator=g) * 2 - 1
        b = torch.rand((k, n), generator=g) * 2 - 1
        c = torch.empty((m, n))
        median, p10, p90 = summary(measure(lambda: torch.mm(a, b, out=c)))
        flops = 2 * m * k * n
        print(
            f"{f'{m}x{k} @ {k}x{n}':<20} {median * 1e3:>9.3f} {flops / median / 1e9:>8.2f} "
            f"{flops / p90 / 1e9:>8.2f}-{flops / p10 / 1e9:<8.2f}"
        )


if __name__ == "__main__":
    main()
