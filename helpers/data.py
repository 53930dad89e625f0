"""Seeded data sets: the same numbers on every machine, nothing downloaded.

* :func:`toy_regression` — a noisy line for chapters 01 and 05;
* :func:`imbalanced_classification` — 95 % / 5 % classes for the accuracy
  paradox of chapter 04;
* :func:`load_digits_split` — the 8×8 handwritten digits, split for chapter 09;
* :func:`load_digits_small` — 5 digits per class to train on, for chapter 10.

``digits.npz`` (45 KB, beside this file) holds the 1797 8×8 digits exactly as
scikit-learn ships them (``sklearn.datasets.load_digits``, BSD-3-Clause licence), which
are the test set of the UCI "Optical Recognition of Handwritten Digits" data set
(E. Alpaydin and C. Kaynak, 1998; CC BY 4.0,
https://archive.ics.uci.edu/dataset/80/optical+recognition+of+handwritten+digits):
``pixels`` uint8 (1797, 64) with values 0..16 and ``labels`` uint8 (1797,).  Bundled so
that a learner's install needs neither scikit-learn nor SciPy (≈ 190 MB) for 45 KB of data.
"""

from __future__ import annotations

from functools import lru_cache
from math import ceil
from pathlib import Path

import numpy as np

from helpers._validate import check_positive

DIGITS_FILE = Path(__file__).with_name("digits.npz")

__all__ = ["toy_regression", "imbalanced_classification", "load_digits_split", "load_digits_small"]


def toy_regression(
    n: int = 20,
    *,
    seed: int = 0,
    slope: float = 2.0,
    intercept: float = 1.0,
    noise: float = 1.0,
) -> tuple[np.ndarray, np.ndarray]:
    """Points scattered around the line ``y = slope · x + intercept``.

    Parameters
    ----------
    n : int, default 20
        Number of points.
    seed : int, default 0
    slope, intercept : float
        The true line (what least squares should recover).
    noise : float, default 1.0
        Standard deviation of the Gaussian noise added to ``y`` (0 allowed).

    Returns
    -------
    x : ndarray, shape (n,)
        Sorted inputs in [0, 5).
    y : ndarray, shape (n,)

    Examples
    --------
    >>> x, y = toy_regression(5, noise=0.0)
    >>> bool(np.allclose(y, 2 * x + 1))
    True
    """
    count = check_positive(n, "n", integer=True)
    for name, value in (("slope", slope), ("intercept", intercept), ("noise", noise)):
        if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
            raise TypeError(f"{name} must be a number, got {value!r}")
        if not np.isfinite(value):
            raise ValueError(f"{name} must be finite, got {value!r}")
    if noise < 0:
        raise ValueError(f"noise must be >= 0, got {noise!r}")
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(0.0, 5.0, size=count))
    y = slope * x + intercept + rng.normal(0.0, 1.0, size=count) * noise
    return x, y


def imbalanced_classification(
    n: int = 1000, *, minority_fraction: float = 0.05, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Two overlapping 2-D Gaussian blobs, one of them rare.

    A classifier that always answers the majority class scores about
    ``1 − minority_fraction`` accuracy while never finding a single minority
    sample — the accuracy paradox (chapter 04).

    Parameters
    ----------
    n : int, default 1000
    minority_fraction : float, default 0.05
        Share of class 1, in (0, 0.5].
    seed : int, default 0

    Returns
    -------
    X : ndarray, shape (n, 2)
    labels : ndarray of int64, shape (n,)
        Exactly ``round(n · minority_fraction)`` ones, shuffled.

    Examples
    --------
    >>> X, labels = imbalanced_classification()
    >>> float(np.mean(labels == 0))  # accuracy of "always class 0"
    0.95
    """
    count = check_positive(n, "n", integer=True)
    frac = check_positive(minority_fraction, "minority_fraction")
    if frac > 0.5:
        raise ValueError(f"minority_fraction must be in (0, 0.5], got {minority_fraction!r}")
    n_min = max(1, round(count * frac))
    rng = np.random.default_rng(seed)
    labels = np.zeros(count, dtype=np.int64)
    labels[:n_min] = 1
    centres = np.array([[0.0, 0.0], [1.5, 1.5]])
    X = centres[labels] + rng.standard_normal((count, 2))
    order = rng.permutation(count)
    return X[order], labels[order]


@lru_cache(maxsize=1)
def _digits() -> tuple[np.ndarray, np.ndarray]:
    with np.load(DIGITS_FILE, allow_pickle=False) as f:
        pixels, labels = f["pixels"], f["labels"]
    return pixels / 16.0, labels.astype(np.int64)  # pixels 0..16 → [0, 1]


def load_digits_split(
    *, test_size: float = 0.25, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The 1797 8×8 digits, pixels scaled to [0, 1], split stratified.

    The split is the one scikit-learn's ``train_test_split(X, y, test_size=test_size,
    random_state=seed, stratify=y)`` makes (the same samples in the same order),
    computed here with numpy alone.

    Parameters
    ----------
    test_size : float, default 0.25
        Fraction held out for testing, in (0, 1).
    seed : int, default 0
        Seed of the shuffle, an integer in [0, 2**32).

    Returns
    -------
    X_train : ndarray, shape (N_train, 64)
    X_test : ndarray, shape (N_test, 64)
    y_train : ndarray of int64, shape (N_train,)
    y_test : ndarray of int64, shape (N_test,)

    Examples
    --------
    >>> X_tr, X_te, y_tr, y_te = load_digits_split()
    >>> X_tr.shape, X_te.shape
    ((1347, 64), (450, 64))
    """
    frac = check_positive(test_size, "test_size")
    if frac >= 1:
        raise ValueError(f"test_size must be a fraction in (0, 1), got {test_size!r}")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= seed < 2**32:
        raise ValueError(f"seed must be an integer in [0, 2**32), got {seed!r}")
    X, y = _digits()
    n_test = ceil(frac * len(y))
    if not 10 <= n_test <= len(y) - 10:
        raise ValueError(f"test_size={test_size!r} leaves {n_test} of {len(y)} digits for testing; each side needs 10")
    train, test = _stratified_split(y, n_test, int(seed))
    return X[train], X[test], y[train], y[test]  # fancy indexing: new arrays


def load_digits_small(
    per_class: int = 5, *, n_val: int = 300, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A deliberately small training set for chapter 10, with validation and test data beside it.

    From the training part of :func:`load_digits_split` take the first ``per_class``
    images of every digit as training data; the next ``n_val`` of the rest become
    validation data (for choosing λ or the epoch); the test part stays as it is.

    Parameters
    ----------
    per_class : int, default 5
        Training images per digit (10 digits, so ``10 · per_class`` in all).
    n_val : int, default 300
        Validation images.
    seed : int, default 0
        Seed of the underlying train/test split.

    Returns
    -------
    X_small, y_small, X_val, y_val, X_test, y_test : ndarray
        Inputs of shape ``(n, 64)`` and labels of shape ``(n,)``.

    Examples
    --------
    >>> X_small, y_small, X_val, y_val, X_test, y_test = load_digits_small()
    >>> X_small.shape, X_val.shape, X_test.shape
    ((50, 64), (300, 64), (450, 64))
    >>> np.bincount(y_small).tolist()
    [5, 5, 5, 5, 5, 5, 5, 5, 5, 5]
    """
    per = check_positive(per_class, "per_class", integer=True)
    val = check_positive(n_val, "n_val", integer=True)
    X_tr, X_te, y_tr, y_te = load_digits_split(seed=seed)
    small = np.concatenate([np.flatnonzero(y_tr == digit)[:per] for digit in range(10)])
    rest = np.setdiff1d(np.arange(len(y_tr)), small)
    if per > np.bincount(y_tr).min() or val > len(rest):
        raise ValueError(
            f"per_class={per_class} and n_val={n_val} ask for more than the {len(y_tr)} training images hold "
            f"(at most {np.bincount(y_tr).min()} per class)"
        )
    picked = rest[:val]
    return X_tr[small], y_tr[small], X_tr[picked], y_tr[picked], X_te, y_te


def _stratified_split(y: np.ndarray, n_test: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Train and test indices, each class split in proportion, in scikit-learn's order.

    scikit-learn's ``StratifiedShuffleSplit`` step by step, with the legacy
    ``RandomState`` it draws from: how many of each class go to train and test, then
    one shuffle per class, then one shuffle of each side.
    """
    classes, y_index, counts = np.unique(y, return_inverse=True, return_counts=True)
    by_class = np.split(np.argsort(y_index, kind="stable"), np.cumsum(counts)[:-1])
    rng = np.random.RandomState(seed)
    n_train = len(y) - n_test
    train_counts = _approximate_mode(counts, n_train, rng)
    test_counts = _approximate_mode(counts - train_counts, n_test, rng)
    train: list[int] = []
    test: list[int] = []
    for k in range(len(classes)):
        shuffled = by_class[k][rng.permutation(counts[k])]
        train.extend(shuffled[: train_counts[k]])
        test.extend(shuffled[train_counts[k] : train_counts[k] + test_counts[k]])
    return rng.permutation(train), rng.permutation(test)


def _approximate_mode(counts: np.ndarray, n_draws: int, rng: np.random.RandomState) -> np.ndarray:
    """How many of each class ``n_draws`` takes: the floor of each class's share, then one more
    for the classes with the largest remainders (ties broken at random), as scikit-learn does."""
    continuous = counts / counts.sum() * n_draws
    floored = np.floor(continuous)
    need = int(n_draws - floored.sum())
    if need > 0:
        remainder = continuous - floored
        for value in np.sort(np.unique(remainder))[::-1]:
            (tied,) = np.where(remainder == value)
            take = min(len(tied), need)
            floored[rng.choice(tied, size=take, replace=False)] += 1
            need -= take
            if need == 0:
                break
    return floored.astype(int)
