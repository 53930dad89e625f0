"""Seeded data sets: reproducible, the right shapes, the promised properties."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.data import imbalanced_classification, load_digits_split, toy_regression


def test_toy_regression_seeded_and_on_the_line():
    x1, y1 = toy_regression(30, seed=3)
    x2, y2 = toy_regression(30, seed=3)
    np.testing.assert_array_equal(y1, y2)
    assert x1.shape == y1.shape == (30,)
    assert np.all(np.diff(x1) >= 0)
    x, y = toy_regression(10, slope=-1.0, intercept=4.0, noise=0.0)
    np.testing.assert_allclose(y, -x + 4.0)
    slope, intercept = np.polyfit(*toy_regression(500, noise=0.5), 1)
    assert slope == pytest.approx(2.0, abs=0.1) and intercept == pytest.approx(1.0, abs=0.2)
    assert not np.array_equal(toy_regression(30, seed=4)[1], y1)


def test_imbalanced_accuracy_paradox():
    X, labels = imbalanced_classification()
    assert X.shape == (1000, 2) and labels.shape == (1000,)
    assert set(np.unique(labels)) == {0, 1}
    assert np.mean(labels == 0) == 0.95  # "always predict 0" scores 95 %
    X2, labels2 = imbalanced_classification(200, minority_fraction=0.1, seed=1)
    assert labels2.sum() == 20
    np.testing.assert_array_equal(imbalanced_classification()[1], labels)


def test_digits_split():
    X_tr, X_te, y_tr, y_te = load_digits_split()
    assert X_tr.shape == (1347, 64) and X_te.shape == (450, 64)
    assert X_tr.min() == 0.0 and X_tr.max() == 1.0
    # stratified: every digit has about a tenth of the test set
    counts = np.bincount(y_te, minlength=10)
    assert counts.min() >= 43 and counts.max() <= 47
    again = load_digits_split()
    np.testing.assert_array_equal(again[0], X_tr)
    other = load_digits_split(seed=1)
    assert not np.array_equal(other[0], X_tr)
    # returned arrays are private copies
    X_tr[:] = -1
    assert load_digits_split()[0].min() == 0.0


def test_bundled_digits_are_scikit_learns():
    from sklearn.datasets import load_digits

    from helpers.data import DIGITS_FILE

    reference = load_digits()
    with np.load(DIGITS_FILE, allow_pickle=False) as f:
        np.testing.assert_array_equal(f["pixels"], reference.data)
        np.testing.assert_array_equal(f["labels"], reference.target)
    assert DIGITS_FILE.stat().st_size < 60_000


@pytest.mark.parametrize("seed", [0, 1, 7, 42, 2**32 - 1])
@pytest.mark.parametrize("test_size", [0.25, 0.1, 0.333, 0.5, 0.9])
def test_digits_split_is_scikit_learns_split(seed, test_size):
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    reference = load_digits()
    expected = train_test_split(
        reference.data / 16.0, reference.target, test_size=test_size, random_state=seed, stratify=reference.target
    )
    for ours, theirs in zip(load_digits_split(test_size=test_size, seed=seed), expected, strict=True):
        np.testing.assert_array_equal(ours, theirs)


def test_digits_split_refuses_a_bad_seed_or_a_tiny_side():
    with pytest.raises(ValueError, match="seed must be an integer"):
        load_digits_split(seed=-1)
    with pytest.raises(ValueError, match="seed must be an integer"):
        load_digits_split(seed=0.5)
    with pytest.raises(ValueError, match="test_size=0.001 leaves 2 of 1797"):
        load_digits_split(test_size=0.001)
