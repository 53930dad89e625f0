"""Chapter 04 exercises: cross-entropy in practice."""

import numpy as np

from helpers.checks import Exercise
from helpers.i18n import Text
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
        hint=Text(
            "Do not call np.exp on the raw logits (exp(789) is inf). Use log y_1 = a_1 − logsumexp(a) with "
            "logsumexp(a) = m + log Σ exp(a − m), m = max(a); the loss is −log y_1.",
            "ロジットにそのまま np.exp を適用してはいけません（exp(789) は inf です）。logsumexp(a) = "
            "m + log Σ exp(a − m)、m = max(a) として log y_1 = a_1 − logsumexp(a) を使います。損失は "
            "−log y_1 です。",
        ),
        success=Text(
            "The naive route gives inf here; from logits it is simply 789 − 456 (plus a vanishing log term).",
            "素朴な方法ではここで inf になります。ロジットから計算すれば、単に 789 − 456 です（これに消えるほど小さ"
            "な log の項が加わります）。",
        ),
        slips=(
            (
                lambda: cross_entropy_from_logits(LOGITS, 0),
                Text(
                    "That is the loss when class 0 is correct. Class 1 is the second logit, 456 (index 1).",
                    "それはクラス 0 が正解のときの損失です。クラス 1 は二番目のロジット 456（インデックス 1）です。",
                ),
            ),
            (
                lambda: cross_entropy_from_logits(LOGITS, 2),
                Text(
                    "That is the loss when class 2 is correct. Class 1 is the second logit, 456 (index 1).",
                    "それはクラス 2 が正解のときの損失です。クラス 1 は二番目のロジット 456（インデックス 1）です。",
                ),
            ),
            (
                lambda: 16.11809565095832,
                Text(
                    "That is the cap −log(1e-7): you took the softmax and then added ε. From the "
                    "logits there is no cap: use log y_1 = a_1 − logsumexp(a).",
                    "それは上限の −log(1e-7) です。ソフトマックス関数を計算してから ε を加えています。"
                    "ロジットから計算すれば上限はありません。log y_1 = a_1 − logsumexp(a) を使ってください。",
                ),
            ),
        ),
    ),
    "04.2": Exercise(
        "04.2",
        expected=lambda: float(class_weights_balanced(PETS, 3)[2]),
        hint=Text(
            "The balanced weight of class k is N / (K · N_k): N samples in total, K classes, N_k samples of class k.",
            "クラス k のバランス重みは N / (K · N_k) です。N は全サンプル数、K はクラス数、N_k はクラス "
            "k のサンプル数です。",
        ),
        success=Text(
            "A bird weighs 33.3 and a cat 1000 / 2700 ≈ 0.370: one bird counts as much as 90 cats.",
            "鳥の重みは 33.3、猫は 1000 / 2700 ≈ 0.370 です。鳥一羽が猫 90 匹分に数えられます。",
        ),
        slips=(
            (
                lambda: 10 / 1000,
                Text(
                    "Upside down: a rare class gets a *large* weight, N / (K · N_k).",
                    "逆です。少ないクラスほど *大きな* 重み N / (K · N_k) になります。",
                ),
            ),
            (
                lambda: 1000 / 10,
                Text(
                    "Almost: divide by the number of classes K = 3 as well, N / (K · N_k).",
                    "惜しい！ クラス数 K = 3 でも割ってください: N / (K · N_k)。",
                ),
            ),
        ),
    ),
    "04.3": Exercise(
        "04.3",
        expected=lambda: smooth_labels([1, 0, 0, 0, 0], 0.2),
        kind="array",
        hint=Text(
            "t' = (1 − α)·t + α/K with the one-hot t = [1, 0, 0, 0, 0], α = 0.2 and K = 5. The result still sums to 1.",
            "one-hot表現の t = [1, 0, 0, 0, 0]、α = 0.2、K = 5 として t' = (1 − α)·t + α/K です。結果の合計も "
            "1 のままです。",
        ),
    ),
    "04.4": Exercise(
        "04.4",
        expected=lambda: kl_divergence(P_DATA, Q_MODEL),
        hint=Text(
            "KL(p‖q) = Σ p_k log(p_k / q_k): the data's p weighs each term and sits on top of the fraction; "
            "natural logarithm (np.log).",
            "KL(p‖q) = Σ p_k log(p_k / q_k) です。データの p が各項の重みになり、分数の分子にも来ます。"
            "自然対数（np.log）を使います。",
        ),
        success=Text(
            "Small but positive: KL is 0 only when the model matches the data exactly.",
            "小さいけれど正の値です。KL が 0 になるのは、モデルがデータと完全に一致するときだけです。",
        ),
        slips=(
            (
                lambda: kl_divergence(Q_MODEL, P_DATA),
                Text(
                    "That is KL(q‖p), the other direction — KL is not symmetric. "
                    "Weigh by the data's p and put p on top: Σ p log(p / q).",
                    "それは逆向きの KL(q‖p) です。KL は対称ではありません。データの p で重みを付け、p "
                    "を分子にします: Σ p log(p / q)。",
                ),
            ),
            (
                lambda: cross_entropy_dist(P_DATA, Q_MODEL),
                Text(
                    "That is the cross-entropy H(p, q). The extra cost is H(p, q) − H(p).",
                    "それは交差エントロピー H(p, q) です。余分なコストは H(p, q) − H(p) です。",
                ),
            ),
            (
                lambda: float(np.sum(np.asarray(P_DATA) * np.log10(np.asarray(P_DATA) / np.asarray(Q_MODEL)))),
                Text(
                    "np.log10 is the base-10 logarithm; use the natural logarithm np.log.",
                    "np.log10 は底が 10 の対数です。自然対数 np.log を使ってください。",
                ),
            ),
        ),
    ),
    "04.5": Exercise(
        "04.5",
        expected=lambda: float(np.exp(-8 * 0.25)),
        hint=Text(
            "The mean cross-entropy is the negative log-likelihood per sample: E = −(1/N) log L. Solve for L: "
            "multiply by −N, then undo the log with np.exp.",
            "交差エントロピー誤差の平均は、サンプルあたりの負の対数尤度です: E = −(1/N) log L。L について解きましょ"
            "う。−N を掛けてから、np.exp で log を外します。",
        ),
        success=Text(
            "L = e^(−N E): a mean loss of 0.25 per sample leaves the labels only a 14 % joint probability.",
            "L = e^(−N E) です。サンプルあたりの平均損失が 0.25 だと、ラベル全体の同時確率はわずか 14 % です。",
        ),
        slips=(
            (
                lambda: float(np.exp(-0.25)),
                Text(
                    "That is the likelihood of *one* average sample. E is a mean over N = 8 samples: log L = −N · E.",
                    "それは平均的なサンプル *ひとつ* の尤度です。E は N = 8 個のサンプルの平均です: log L = −N · E。",
                ),
            ),
            (
                lambda: -8 * 0.25,
                Text(
                    "That is log L, the log-likelihood. The likelihood itself is L = exp(log L).",
                    "それは対数尤度 log L です。尤度そのものは L = exp(log L) です。",
                ),
            ),
            (
                lambda: float(np.exp(-0.25 / 8)),
                Text(
                    "E is already divided by N: multiply by N = 8 to get −log L, don't divide again.",
                    "E はすでに N で割られています。N = 8 を掛けて −log L を求めてください。もう一度割ってはいけませ"
                    "ん。",
                ),
            ),
        ),
    ),
}

__all__ = ["EXERCISES"]
