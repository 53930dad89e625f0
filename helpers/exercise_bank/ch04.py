"""Chapter 04 exercises: cross-entropy in practice."""

from helpers.checks import Exercise
from helpers.losses import class_weights_balanced, cross_entropy_from_logits, kl_divergence, smooth_labels

LOGITS = [123.0, 456.0, 789.0]  # seed 001's overflow example
PETS = [0] * 900 + [1] * 90 + [2] * 10  # cats, dogs, birds

EXERCISES = {
    "04.1": Exercise(
        "04.1",
        expected=lambda: cross_entropy_from_logits(LOGITS, 1),
        hint="Do not call np.exp on the raw logits (exp(789) is inf). Use log y_1 = a_1 − logsumexp(a) with "
        "logsumexp(a) = m + log Σ exp(a − m), m = max(a); the loss is −log y_1.",
        success="The naive route gives inf here; from logits it is simply 789 − 456 (plus a vanishing log term).",
    ),
    "04.2": Exercise(
        "04.2",
        expected=lambda: float(class_weights_balanced(PETS, 3)[2]),
        hint="The balanced weight of class k is N / (K · N_k): N samples in total, K classes, N_k samples of class k.",
        success="A bird counts as much as 100 cats.",
    ),
    "04.3": Exercise(
        "04.3",
        expected=lambda: smooth_labels([1, 0, 0, 0, 0], 0.2),
        kind="array",
        hint="t' = (1 − ε)·t + ε/K with the one-hot t = [1, 0, 0, 0, 0], ε = 0.2 and K = 5. "
        "The result still sums to 1.",
    ),
    "04.4": Exercise(
        "04.4",
        expected=lambda: kl_divergence([0.8, 0.2], [0.5, 0.5]),
        hint="KL(q‖p) = Σ q_k log(q_k / p_k): the weights in front of the log are now q's, and q sits on top.",
        success="Not 0.2231…: KL divergence is not symmetric, so it is not a distance.",
    ),
}

__all__ = ["EXERCISES"]
