"""PyTorch reference for the motivating experiment's full training run, timed end to end.

How to run (the caller measures the wall time including Python's start and `import torch`; the
script prints the training time measured in-process):

    time /usr/bin/python3 benchmarks/pytorch/train_full.py
    hyperfine --warmup 1 '/usr/bin/python3 benchmarks/pytorch/train_full.py'

The experiment: 200 points of x uniform in [0, 1), y = cos(6x) + 0.08 N(0, 1); the network
nn.Sequential(Linear(1, 30), ReLU, Linear(30, 1)); MSE; Adam(lr=1e-3, eps=1e-7); 1000 epochs of
batches of 32, reshuffled every epoch (7 steps per epoch, the last of 8 rows), as Keras'
model.fit(x, y, epochs=1000, batch_size=32) does and as Rectifier's fit does. The data come from
PyTorch's generator, so they are a different draw than Rectifier's Datasets.noisyCosine, from the
same distribution. The loop shuffles with torch.randperm and slices the tensors;
--dataloader uses DataLoader(TensorDataset(x, y), batch_size=32, shuffle=True) instead, the
idiomatic and slower way. One thread.
"""

import argparse
import time

T0 = time.perf_counter()

import torch  # noqa: E402  (imported after T0 so that its import time is reported)
from torch import nn  # noqa: E402
from torch.utils.data import DataLoader, TensorDataset  # noqa: E402

EPOCHS = 1000
BATCH = 32


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataloader", action="store_true", help="batch with a DataLoader")
    args = parser.parse_args()
    imported = time.perf_counter()

    torch.set_num_threads(1)
    torch.manual_seed(1)
    x = torch.rand((200, 1))
    y = torch.cos(6 * x) + 0.08 * torch.randn((200, 1))
    model = nn.Sequential(nn.Linear(1, 30), nn.ReLU(), nn.Linear(30, 1))
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    loader = DataLoader(TensorDataset(x, y), batch_size=BATCH, shuffle=True)

    start = time.perf_counter()
    for _ in range(EPOCHS):
        if args.dataloader:
            batches = loader
        else:
            order = torch.randperm(x.shape[0])
            batches = ((x[order[i:i + BATCH]], y[order[i:i + BATCH]])
                       for i in range(0, x.shape[0], BATCH))
        for xb, yb in batches:
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            loss.item()
    trained = time.perf_counter()

    with torch.no_grad():
        final = loss_fn(model(x), y).item()
    steps = EPOCHS * ((x.shape[0] + BATCH - 1) // BATCH)
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} thread(s), "
          f"{'DataLoader' if args.dataloader else 'randperm and slicing'}")
    print(f"{'import torch':<24} {imported - T0:>9.3f} s")
    print(f"{'training, ' + str(EPOCHS) + ' epochs':<24} {trained - start:>9.3f} s"
          f"   ({(trained - start) / steps * 1e6:.1f} us per step, {steps} steps)")
    print(f"{'final MSE on the data':<24} {final:>9.5f}   (noise floor 0.0064)")


if __name__ == "__main__":
    main()
