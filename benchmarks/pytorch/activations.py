"""PyTorch reference for ActivationBenchmark: forward and backward of each activation, one thread.

How to run (Debian's python3-torch; no pip needed):

    /usr/bin/python3 benchmarks/pytorch/activations.py

Same setup as the JMH benchmark: one row of n floats, inputs uniform in [-5, 5] (mixed signs),
upstream gradient uniform in [-1, 1], prelu with one slope per element (initial 0.25);
prelu_256u is prelu in a layer's shape, rows of 256 units sharing 256 slopes (the JMH benchmark
with -p units=256). Forward is
the functional call a PyTorch user writes, so it allocates its output each call (Rectifier writes
into a preallocated array). Backward calls the ATen kernel autograd runs for that activation
(threshold_backward for relu, sigmoid_backward from the outputs, ...), without the autograd graph,
which is what Rectifier's backward does. At 1024 floats the Python call and dispatch cost, a
microsecond or more, dominates.

Prints median ns per call, ns per element and the 10th-90th percentile spread of 21 samples.
Indicative only unless run on a quiet machine.
"""

import torch
import torch.nn.functional as F

from timing import environment, measure, summary

SIZES = (1024, 65536, 1048576)
ATEN = torch.ops.aten
SELU_ALPHA = 1.6732632423543772
SELU_SCALE = 1.0507009873554805


def cases(n):
    g = torch.Generator().manual_seed(42)
    x = torch.rand((1, n), generator=g) * 10 - 5
    dy = torch.rand((1, n), generator=g) * 2 - 1
    alpha = torch.full((n,), 0.25)
    x_256u = x.view(-1, 256)
    dy_256u = dy.view(-1, 256)
    alpha_256u = torch.full((256,), 0.25)
    y_sig = torch.sigmoid(x)
    y_tanh = torch.tanh(x)
    return {
        "relu": (lambda: F.relu(x), lambda: ATEN.threshold_backward(dy, x, 0)),
        "leaky_relu": (
            lambda: F.leaky_relu(x, 0.01),
            lambda: ATEN.leaky_relu_backward(dy, x, 0.01, False),
        ),
        "prelu": (lambda: F.prelu(x, alpha), lambda: ATEN.prelu_backward(dy, x, alpha)),
        "prelu_256u": (
            lambda: F.prelu(x_256u, alpha_256u),
            lambda: ATEN.prelu_backward(dy_256u, x_256u, alpha_256u),
        ),
        "sigmoid": (lambda: torch.sigmoid(x), lambda: ATEN.sigmoid_backward(dy, y_sig)),
        "tanh": (lambda: torch.tanh(x), lambda: ATEN.tanh_backward(dy, y_tanh)),
        "elu": (
            lambda: F.elu(x, 1.0),
            lambda: ATEN.elu_backward(dy, 1.0, 1.0, 1.0, False, x),
        ),
        "selu": (
            lambda: F.selu(x),
            lambda: ATEN.elu_backward(dy, SELU_ALPHA, SELU_SCALE, 1.0, False, x),
        ),
        "gelu": (lambda: F.gelu(x), lambda: ATEN.gelu_backward(dy, x, approximate="none")),
        "gelu_tanh": (
            lambda: F.gelu(x, approximate="tanh"),
            lambda: ATEN.gelu_backward(dy, x, approximate="tanh"),
        ),
        "silu": (lambda: F.silu(x), lambda: ATEN.silu_backward(dy, x)),
        "softplus": (
            lambda: F.softplus(x, 1.0, 20.0),
            lambda: ATEN.softplus_backward(dy, x, 1.0, 20.0),
        ),
        "mish": (lambda: F.mish(x), lambda: ATEN.mish_backward(dy, x)),
        "hard_sigmoid": (lambda: F.hardsigmoid(x), lambda: ATEN.hardsigmoid_backward(dy, x)),
        "hard_tanh": (lambda: F.hardtanh(x), lambda: ATEN.hardtanh_backward(dy, x, -1.0, 1.0)),
        "relu6": (lambda: F.relu6(x), lambda: ATEN.hardtanh_backward(dy, x, 0.0, 6.0)),
    }


def main():
    torch.set_num_threads(1)
    print(environment())
    header = f"{'activation':<12} {'pass':<8} {'floats':>8} {'ns/call':>12} {'ns/elem':>9} {'p10-p90 ns/call':>23}"
    print(header)
    print("-" * len(header))
    for n in SIZES:
        for name, (forward, backward) in cases(n).items():
            for direction, fn in (("forward", forward), ("backward", backward)):
                median, p10, p90 = summary(measure(fn))
                print(
                    f"{name:<12} {direction:<8} {n:>8} {median * 1e9:>12.1f} "
                    f"{median * 1e9 / n:>9.3f} {p10 * 1e9:>11.1f}-{p90 * 1e9:<11.1f}"
                )


if __name__ == "__main__":
    main()
