"""Chapter 04 exercises: cross-entropy in practice."""

import numpy as np

from helpers.checks import Exercise
from helpers.losses import (
    class_weights_balanced,
    cross_entropy_dist,
    cross_entropy_from_logits,
    kl_divergence,
    smooth_labels,
)

LOGITS = [123.0, 456.0, 789.0]  # the course's own overflow example (chapter 04, section 1)
PETS = [0] * 900 + [1] * 90 + [2] * 10  # cats, dogs, birds
P_DATA, Q_MODEL = [0.7, 0.2, 0.1], [0.5, 0.3, 0.2]

EXERCISES = {
    "04.1": Exercise(
        "04.1",
        expected=lambda: cross_entropy_from_logits(LOGITS, 1),
        hint="Do not call np.exp on the raw logits (exp(789) is inf). Use log y_1 = a_1 − logsumexp(a) with "
        "logsumexp(a) = m + log Σ exp(a − m), m = max(a); the loss is −log y_1.",
        success="The naive route gives inf here; from logits it is simply 789 − 456 (plus a vanishing log term).",
        slips=(
            (
                lambda: cross_entropy_from_logits(LOGITS, 0),
                "That is the loss when class 0 is correct. Class 1 is the second logit, 456 (index 1).",
            ),
            (
                lambda: cross_entropy_from_logits(LOGITS, 2),
                "That is the loss when class 2 is correct. Class 1 is the second logit, 456 (index 1).",
            ),
            (
                lambda: 16.11809565095832,
                "That is the cap −log(1e-7): you took the softmax and then added ε. From the "
                "logits there is no cap: use log y_1 = a_1 − logsumexp(a).",
            ),
        ),
    ),
    "04.2": Exercise(
        "04.2",
        expected=lambda: float(class_weights_balanced(PETS, 3)[2]),
        hint="The balanced weight of class k is N / (K · N_k): N samples in total, K classes, N_k samples of class k.",
        success="A bird weighs 33.3 and a cat 1000 / 2700 ≈ 0.370: one bird counts as much as 90 cats.",
        slips=(
            (lambda: 10 / 1000, "Upside down: a rare class gets a *large* weight, N / (K · N_k)."),
            (lambda: 1000 / 10, "Almost: divide by the number of classes K = 3 as well, N / (K · N_k)."),
        ),
    ),
    "04.3": Exercise(
        "04.3",
        expected=lambda: smooth_labels([1, 0, 0, 0, 0], 0.2),
        kind="array",
        hint="t' = (1 − α)·t + α/K with the one-hot t = [1, 0, 0, 0, 0], α = 0.2 and K = 5. "
        "The result still sums to 1.",
    ),
    "04.4": Exercise(
        "04.4",
        expected=lambda: kl_divergence(P_DATA, Q_MODEL),
        hint="KL(p‖q) = Σ p_k log(p_k / q_k): the data's p weighs each term and sits on top of the fraction; "
        "natural logarithm (np.log).",
        success="Small but positive: KL is 0 only when the model matches the data exactly.",
        slips=(
            (
                lambda: kl_divergence(Q_MODEL, P_DATA),
                "That is KL(q‖p), the other direction — KL is not symmetric. "
                "Weigh by the data's p and put p on top: Σ p log(p / q).",
            ),
            (
                lambda: cross_entropy_dist(P_DATA, Q_MODEL),
                "That is the cross-entropy H(p, q). The extra cost is H(p, q) − H(p).",
            ),
            (
                lambda: float(np.sum(np.asarray(P_DATA) * np.log10(np.asarray(P_DATA) / np.asarray(Q_MODEL)))),
                "np.log10 is the base-10 logarithm; use the natural logarithm np.log.",
            ),
        ),
    ),
    "04.5": Exercise(
        "04.5",
        expected=lambda: float(np.exp(-8 * 0.25)),
        hint="The mean cross-entropy is the negative log-likelihood per sample: E = −(1/N) log L. Solve for L: "
        "multiply by −N, then undo the log with np.exp.",
        success="L = e^(−N E): a mean loss of 0.25 per sample leaves the labels only a 14 % joint probability.",
        slips=(
            (
                lambda: float(np.exp(-0.25)),
                "That is the likelihood of *one* average sample. E is a mean over N = 8 samples: log L = −N · E.",
            ),
            (
                lambda: -8 * 0.25,
                "That is log L, the log-likelihood. The likelihood itself is L = exp(log L).",
            ),
            (
                lambda: float(np.exp(-0.25 / 8)),
                "E is already divided by N: multiply by N = 8 to get −log L, don't divide again.",
            ),
        ),
    ),
}

__all__ = ["EXERCISES"]
