"""Chapter 09 exercises: training the two-layer network on the digits."""

from functools import lru_cache

import numpy as np

from helpers.checks import Exercise
from helpers.data import load_digits_split
from helpers.explorers.ch09 import confusion_matrix
from helpers.network import TwoLayerNet, train


@lru_cache(maxsize=1)
def _confusion() -> np.ndarray:
    X_tr, X_te, y_tr, y_te = load_digits_split()
    net = TwoLayerNet.create(64, 100, 10, output="softmax", loss="cross_entropy", seed=0)
    train(net, X_tr, y_tr, lr=2.0, batch_size=32, epochs=20, seed=0)
    return confusion_matrix(y_te, net.predict(X_te))


EXERCISES = {
    "09.1": Exercise(
        "09.1",
        expected=lambda: float(load_digits_split()[0].shape[0] // 64),
        hint="helpers.train takes only full mini-batches: the number of training samples divided by the batch "
        "size, rounded down (integer division //).",
        slips=(
            (
                lambda: float(load_digits_split()[0].shape[0] // 32),
                "That is the number for batch size 32. The question asks for 64.",
            ),
            (
                lambda: float(load_digits_split()[0].shape[0] / 64),
                "Round down: a last, incomplete batch is not used (integer division //).",
            ),
        ),
    ),
    "09.2": Exercise(
        "09.2",
        expected=lambda: float(np.trace(_confusion()) / _confusion().sum()),
        hint="The correct predictions sit on the diagonal of the confusion matrix (np.trace); divide by the total.",
        success="The same number as net.accuracy(X_test, y_test).",
    ),
    "09.3": Exercise(
        "09.3",
        expected=lambda: float(_confusion()[8, 8] / _confusion()[8].sum()),
        hint="Row 8 of the confusion matrix holds every test sample whose true digit is 8; the entry in column 8 "
        "counts those the network also called 8. Divide that entry by the row's sum.",
        success="Most 8s are found; the rest were taken for other digits (look at row 8 to see which).",
        slips=(
            (
                lambda: float(_confusion()[8, 8] / _confusion()[:, 8].sum()),
                "You divided by column 8: all samples "
                "*called* 8 (that is the precision). Recall divides by row 8, all samples that *are* 8.",
            ),
            (
                lambda: float(np.trace(_confusion()) / _confusion().sum()),
                "That is the accuracy over all digits. Recall of digit 8 uses row 8 only.",
            ),
        ),
    ),
}

__all__ = ["EXERCISES"]
