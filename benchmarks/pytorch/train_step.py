"""PyTorch reference for TrainingStepBenchmark: one training step on one thread.

How to run:

    /usr/bin/python3 benchmarks/pytorch/train_step.py

A step is what a PyTorch training loop does per batch: zero the gradients, forward, MSE loss,
backward, Adam update, and loss.item() (Rectifier computes every batch's loss and checks it).
As in the JMH benchmark, every step trains on the same fixed batch:

  motivating  nn.Sequential(Linear(1, 30), ReLU, Linear(30, 1)), batch 32 of noisy cos(6x)
              (x uniform in [0, 1), y = cos(6x) + 0.08 N(0, 1)), Adam(lr=1e-3, eps=1e-7)
  big         784-512-512-10 ReLU, batch 256 of random inputs and targets in [0, 1), same Adam

PyTorch's Adam adds eps to sqrt(v_hat) (Rectifier's default is Keras' form, eps added to sqrt(v));
the cost is the same. Prints the median time per step and the 10th-90th percentile spread.
Indicative only unless run on a quiet machine.
"""

import torch
from torch import nn

from timing import environment, measure, summary


def motivating():
    g = torch.Generator().manual_seed(1)
    x = torch.rand((32, 1), generator=g)
    y = torch.cos(6 * x) + 0.08 * torch.randn((32, 1), generator=g)
    model = nn.Sequential(nn.Linear(1, 30), nn.ReLU(), nn.Linear(30, 1))
    return model, x, y


def big():
    g = torch.Generator().manual_seed(7)
    x = torch.rand((256, 784), generator=g)
    y = torch.rand((256, 10), generator=g)
    model = nn.Sequential(
        nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 10)
    )
    return model, x, y


def step_function(model, x, y):
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)

    def step():
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        return loss.item()

    return step


def main():
    torch.set_num_threads(1)
    torch.manual_seed(42)
    print(environment())
    header = f"{'network':<11} {'batch':>5} {'params':>8} {'per step':>12} {'p10-p90':>24}"
    print(header)
    print("-" * len(header))
    for name, build, unit, scale, repeats in (
        ("motivating", motivating, "us", 1e6, 21),
        ("big", big, "ms", 1e3, 11),
    ):
        model, x, y = build()
        params = sum(p.numel() for p in model.parameters())
        median, p10, p90 = summary(measure(step_function(model, x, y), repeats=repeats,
                                           min_seconds=0.2, warmup_seconds=2))
        spread = f"{p10 * scale:.2f}-{p90 * scale:.2f} {unit}"
        print(f"{name:<11} {x.shape[0]:>5} {params:>8} {median * scale:>9.2f} {unit} {spread:>24}")


if __name__ == "__main__":
    main()
