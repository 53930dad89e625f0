"""Train the chapter-09 network on the digits and time it; compare with PyTorch if installed.

64-100-10, sigmoid hidden layer, softmax + cross-entropy, mini-batch SGD with
batch 32 on :func:`helpers.data.load_digits_split`.  Both implementations start
from the same weights and see the same mini-batches in the same order, so their
accuracies should agree closely and the timing compares like with like.

Run::

    python benchmarks/bench_train.py            # best of 3 runs each
    python benchmarks/bench_train.py --repeats 1

PyTorch is optional and never a course dependency; without it only our numbers
are printed.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from helpers.data import load_digits_split
from helpers.network import TwoLayerNet, train

HIDDEN, BATCH, LR, EPOCHS, SEED = 100, 32, 2.0, 20, 0


def run_numpy(data: tuple[np.ndarray, ...]) -> tuple[float, float, int]:
    """Train with helpers; return (test accuracy, wall seconds, steps)."""
    X_tr, X_te, y_tr, y_te = data
    net = TwoLayerNet.create(64, HIDDEN, 10, output="softmax", loss="cross_entropy", seed=SEED)
    start = time.perf_counter()
    hist = train(net, X_tr, y_tr, lr=LR, batch_size=BATCH, epochs=EPOCHS, seed=SEED)
    seconds = time.perf_counter() - start
    return net.accuracy(X_te, y_te), seconds, len(hist.losses)


def run_torch(data: tuple[np.ndarray, ...]) -> tuple[float, float, int]:
    """The same network, initial weights, batches and updates in PyTorch (CPU)."""
    import torch

    X_tr, X_te, y_tr, y_te = data
    init = TwoLayerNet.create(64, HIDDEN, 10, output="softmax", loss="cross_entropy", seed=SEED)
    model = torch.nn.Sequential(torch.nn.Linear(64, HIDDEN), torch.nn.Sigmoid(), torch.nn.Linear(HIDDEN, 10)).double()
    with torch.no_grad():  # nn.Linear stores (out, in): our W is its weight transposed
        model[0].weight.copy_(torch.from_numpy(init.W1.T))
        model[0].bias.copy_(torch.from_numpy(init.b1))
        model[2].weight.copy_(torch.from_numpy(init.W2.T))
        model[2].bias.copy_(torch.from_numpy(init.b2))
    opt = torch.optim.SGD(model.parameters(), lr=LR)
    loss_fn = torch.nn.CrossEntropyLoss()  # softmax + CE from logits, mean over the batch
    X, y = torch.from_numpy(X_tr), torch.from_numpy(y_tr)
    rng = np.random.default_rng(SEED)  # same shuffles as helpers.network.train
    n, steps = len(X_tr), 0
    start = time.perf_counter()
    for _ in range(EPOCHS):
        order = torch.from_numpy(rng.permutation(n))
        for begin in range(0, n - BATCH + 1, BATCH):  # full batches only, as train() does
            idx = order[begin : begin + BATCH]
            opt.zero_grad()
            loss = loss_fn(model(X[idx]), y[idx])
            loss.backward()
            opt.step()
            steps += 1
        with torch.no_grad():  # per-epoch training accuracy, as train() records
            (model(X).argmax(1) == y).double().mean().item()
    seconds = time.perf_counter() - start
    with torch.no_grad():
        acc = (model(torch.from_numpy(X_te)).argmax(1) == torch.from_numpy(y_te)).double().mean()
    return float(acc), seconds, steps


def best_of(fn, data, repeats: int) -> tuple[float, float, int]:
    # min over repeats: on a shared machine the fastest run is the least disturbed one
    runs = [fn(data) for _ in range(repeats)]
    return min(runs, key=lambda r: r[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    data = load_digits_split()
    rows = [("helpers (numpy)", *best_of(run_numpy, data, args.repeats))]
    try:
        import torch
    except ImportError:
        torch = None
        note = "PyTorch not installed: only helpers timed."
    if torch is not None:
        rows.append((f"PyTorch {torch.__version__} CPU", *best_of(run_torch, data, args.repeats)))
        note = f"torch threads: {torch.get_num_threads()}"
    print(f"64-{HIDDEN}-10 sigmoid, softmax-CE, batch {BATCH}, lr {LR}, {EPOCHS} epochs, seed {SEED}")
    print(f"{'implementation':<24}{'test acc':>10}{'wall s':>10}{'steps':>8}{'µs/step':>10}")
    for name, acc, seconds, steps in rows:
        print(f"{name:<24}{acc:>10.4f}{seconds:>10.3f}{steps:>8d}{seconds / steps * 1e6:>10.1f}")
    if len(rows) == 2:
        ratio = (rows[0][2] / rows[0][3]) / (rows[1][2] / rows[1][3])
        print(f"per-step time ratio ours/torch: {ratio:.2f}  ({note})")
    else:
        print(note)


if __name__ == "__main__":
    main()
