"""A network assembled from :mod:`helpers.layers`, with weight decay and a training loop.

:class:`LayerNet` runs its layers' ``forward`` from left to right and their
``backward`` from right to left (chapter 08); :func:`two_layer_net` builds
chapter 06's network that way and reproduces its numbers exactly.  For
chapter 10, :class:`LayerNet` takes an L2 weight decay (荷重減衰) ``λ`` and
:func:`fit` trains with mini-batch SGD, recording training and validation
loss after every epoch, optionally with early stopping.

>>> net = two_layer_net([[0.1, 0.2], [0.3, 0.4]], [0.1, 0.1], [[0.5], [0.6]], 0.2)
>>> net.loss([[1.0, 0.5]], [[1.0]])
0.008873199616318052
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from helpers._validate import as_float_array, as_labels, check_positive
from helpers.layers import (
    Affine,
    Dropout,
    IdentityWithLoss,
    ReLU,
    Sigmoid,
    SigmoidWithLoss,
    SoftmaxWithLoss,
    _LossLayer,
)

__all__ = ["LayerNet", "two_layer_net", "l2_penalty", "l2_penalty_grad", "FitHistory", "fit"]

_HIDDEN = {"relu": ReLU, "sigmoid": Sigmoid}
_OUTPUT = {"softmax": SoftmaxWithLoss, "sigmoid": SigmoidWithLoss, "identity": IdentityWithLoss}


def l2_penalty(weights: Sequence[ArrayLike], weight_decay: float) -> float:
    """Weight decay (荷重減衰) term ``λ/2 · Σ ‖W‖²`` over the weight matrices (biases are not decayed).

    Its gradient with respect to each ``W`` is ``λ W``.

    Examples
    --------
    >>> l2_penalty([[[1.0, 2.0]], [[2.0]]], 0.1)
    0.45
    """
    lam = _check_decay(weight_decay)
    return float(lam / 2 * sum(np.sum(as_float_array(w, f"weights[{i}]") ** 2) for i, w in enumerate(weights)))


def l2_penalty_grad(W: ArrayLike, weight_decay: float) -> np.ndarray:
    """Gradient of the weight-decay term with respect to one weight matrix: ``λ W`` (a new array).

    Examples
    --------
    >>> l2_penalty_grad([[1.0, -2.0]], 0.1)
    array([[ 0.1, -0.2]])
    """
    return _check_decay(weight_decay) * as_float_array(W, "W")


def _check_decay(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"weight_decay must be a number λ >= 0, got {value!r}")
    if not np.isfinite(value) or value < 0:
        raise ValueError(f"weight_decay must be a finite number λ >= 0, got {value!r}")
    return float(value)


class LayerNet:
    """Layers in a row, then a loss layer: forward left to right, backward right to left.

    Parameters
    ----------
    layers : sequence of layers
        E.g. ``[Affine, Sigmoid, Affine]``; each needs ``forward(x)`` and ``backward(dout)``.
    loss_layer : SoftmaxWithLoss, SigmoidWithLoss or IdentityWithLoss
        The output function and the loss.
    weight_decay : float, default 0.0
        ``λ`` of L2 weight decay: the loss gains ``λ/2 Σ ‖W‖²`` and every ``dW`` gains ``λ W``.

    The parameters are named by the order of the ``Affine`` layers: ``"W1", "b1", "W2", "b2", …``.

    Examples
    --------
    Chapter 06's worked example, made of layers:

    >>> net = two_layer_net([[0.1, 0.2], [0.3, 0.4]], [0.1, 0.1], [[0.5], [0.6]], 0.2)
    >>> net.loss([[1.0, 0.5]], [[1.0]])
    0.008873199616318052
    """

    def __init__(self, layers: Sequence[Any], loss_layer: _LossLayer, *, weight_decay: float = 0.0) -> None:
        self.layers = list(layers)
        for i, layer in enumerate(self.layers):
            if not (callable(getattr(layer, "forward", None)) and callable(getattr(layer, "backward", None))):
                raise TypeError(f"layers[{i}] must have forward and backward methods, got {type(layer).__name__}")
        if not isinstance(loss_layer, _LossLayer):
            kinds = "SoftmaxWithLoss, SigmoidWithLoss or IdentityWithLoss"
            raise TypeError(f"loss_layer must be {kinds}, got {type(loss_layer).__name__}")
        self.loss_layer = loss_layer
        self.weight_decay = _check_decay(weight_decay)

    @classmethod
    def create(
        cls,
        sizes: Sequence[int],
        *,
        hidden: str = "relu",
        output: str = "softmax",
        seed: int = 0,
        weight_decay: float = 0.0,
        dropout: float | None = None,
    ) -> LayerNet:
        """Seeded random weights (standard deviation ``1/sqrt(fan_in)``) and zero biases.

        Parameters
        ----------
        sizes : sequence of int
            Units per layer, input first: ``(64, 100, 10)`` is 64 inputs, 100 hidden units, 10 outputs.
        hidden : {"relu", "sigmoid"}, default "relu"
            Activation function (活性化関数) after every Affine layer but the last.
        output : {"softmax", "sigmoid", "identity"}, default "softmax"
            The loss layer: softmax + cross-entropy, sigmoid + binary cross-entropy, identity + ½SSE.
        seed : int, default 0
            Seed of ``numpy.random.default_rng``; weights are drawn layer by layer, as
            :meth:`helpers.network.TwoLayerNet.create` draws them.
        weight_decay : float, default 0.0
            ``λ`` of L2 weight decay.
        dropout : float, optional
            If given, a :class:`Dropout` layer with this ratio after every hidden activation.

        Examples
        --------
        >>> net = LayerNet.create((64, 100, 10), hidden="sigmoid")
        >>> [type(layer).__name__ for layer in net.layers]
        ['Affine', 'Sigmoid', 'Affine']
        """
        dims = [check_positive(s, f"sizes[{i}]", integer=True) for i, s in enumerate(sizes)]
        if len(dims) < 2:
            raise ValueError(f"sizes needs at least an input and an output size, got {list(sizes)!r}")
        if hidden not in _HIDDEN:
            raise ValueError(f"hidden must be one of {tuple(_HIDDEN)}, got {hidden!r}")
        if output not in _OUTPUT:
            raise ValueError(f"output must be one of {tuple(_OUTPUT)}, got {output!r}")
        rng = np.random.default_rng(seed)
        layers: list[Any] = []
        for k, (fan_in, fan_out) in enumerate(zip(dims[:-1], dims[1:], strict=True)):
            layers.append(Affine(rng.standard_normal((fan_in, fan_out)) * (1.0 / np.sqrt(fan_in)), np.zeros(fan_out)))
            if k < len(dims) - 2:
                layers.append(_HIDDEN[hidden]())
                if dropout is not None:
                    layers.append(Dropout(dropout, seed=seed + k + 1))
        return cls(layers, _OUTPUT[output](), weight_decay=weight_decay)

    def __repr__(self) -> str:
        names = " → ".join(type(layer).__name__ for layer in [*self.layers, self.loss_layer])
        return f"LayerNet({names}, weight_decay={self.weight_decay:g})"

    @property
    def affine_layers(self) -> list[Affine]:
        """The ``Affine`` layers in order (their ``W``, ``b`` are the parameters)."""
        return [layer for layer in self.layers if isinstance(layer, Affine)]

    # -- shapes ----------------------------------------------------------------------

    def _batch(self, X: ArrayLike) -> np.ndarray:
        arr = as_float_array(X, "X")
        d = self.affine_layers[0].W.shape[0] if self.affine_layers else arr.shape[-1]
        if arr.ndim == 1 and arr.shape == (d,):
            return arr.reshape(1, d)  # one sample: a batch of one
        if arr.ndim != 2 or arr.shape[1] != d:
            raise ValueError(f"X must have shape (B, {d}) or ({d},) for one sample, got shape {arr.shape}")
        return arr

    def _targets(self, T: ArrayLike, out_shape: tuple[int, int]) -> np.ndarray:
        t = as_float_array(T, "T")
        if isinstance(self.loss_layer, SoftmaxWithLoss) and t.shape in ((out_shape[0],), ()):
            return t.reshape(out_shape[0])  # class labels
        if t.size == out_shape[0] * out_shape[1] and t.shape in (out_shape, (out_shape[0],), (out_shape[1],), ()):
            return t.reshape(out_shape)
        raise ValueError(f"T must have the output's shape {out_shape}, got shape {t.shape}")

    # -- forward / loss / backward -----------------------------------------------------

    def predict(self, X: ArrayLike, *, train: bool = False) -> np.ndarray:
        """The last Affine layer's output (the logits / scores), shape ``(B, M)``.

        ``train=True`` switches :class:`Dropout` layers on; otherwise they pass everything.
        """
        out = self._batch(X)
        for layer in self.layers:
            out = layer.forward(out, train=train) if isinstance(layer, Dropout) else layer.forward(out)
        return out

    def loss(self, X: ArrayLike, T: ArrayLike, *, train: bool = False) -> float:
        """Batch-mean loss plus the weight-decay term ``λ/2 Σ ‖W‖²``.

        Parameters
        ----------
        X : array_like, shape (B, D) or (D,)
        T : array_like
            Output-shaped targets ``(B, M)``; for softmax also labels ``(B,)``.

        Returns
        -------
        float
        """
        scores = self.predict(X, train=train)
        data_loss = self.loss_layer.forward(scores, self._targets(T, scores.shape))
        if self.weight_decay == 0.0:
            return data_loss
        return data_loss + l2_penalty([a.W for a in self.affine_layers], self.weight_decay)

    def gradient(self, X: ArrayLike, T: ArrayLike) -> dict[str, np.ndarray]:
        """Backpropagation: one forward pass (training mode), then every layer's backward in reverse.

        Returns
        -------
        dict
            ``{"W1": ∂L/∂W1, "b1": ∂L/∂b1, ...}`` — new arrays shaped like the parameters,
            including the weight-decay part ``λ W`` of each ``dW``.
        """
        self.loss(X, T, train=True)
        dout = self.loss_layer.backward(1.0)
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        grads = {}
        for k, a in enumerate(self.affine_layers, start=1):
            grads[f"W{k}"] = a.dW + l2_penalty_grad(a.W, self.weight_decay) if self.weight_decay else a.dW.copy()
            grads[f"b{k}"] = a.db.copy()
        return grads

    def params(self) -> dict[str, np.ndarray]:
        """Copies of the parameters ``{"W1", "b1", "W2", "b2", ...}``."""
        out = {}
        for k, a in enumerate(self.affine_layers, start=1):
            out[f"W{k}"], out[f"b{k}"] = a.W.copy(), a.b.copy()
        return out

    def _shaped_like_params(self, values: dict[str, ArrayLike], what: str) -> dict[str, np.ndarray]:
        """``values`` as float arrays, after checking they have exactly the parameters' names and shapes."""
        shapes = {}
        for k, a in enumerate(self.affine_layers, start=1):
            shapes[f"W{k}"], shapes[f"b{k}"] = a.W.shape, a.b.shape
        if set(values) != set(shapes):
            raise ValueError(f"{what} must have the keys {sorted(shapes)}, got {sorted(values)}")
        out = {}
        for name, value in values.items():
            out[name] = as_float_array(value, f"{what}[{name!r}]")
            if out[name].shape != shapes[name]:
                raise ValueError(f"{what}[{name!r}] has shape {out[name].shape} but {name} has shape {shapes[name]}")
        return out

    def set_params(self, params: dict[str, ArrayLike]) -> None:
        """Replace every parameter by a copy of ``params[name]`` (same keys and shapes as :meth:`params`)."""
        new = self._shaped_like_params(params, "params")
        for k, a in enumerate(self.affine_layers, start=1):
            a.W, a.b = new[f"W{k}"], new[f"b{k}"]

    def step(self, grads: dict[str, ArrayLike], lr: float) -> None:
        """One SGD update ``p ← p − lr · ∂L/∂p`` of every parameter.

        The network's layers get new parameter arrays (arrays handed out earlier by
        :meth:`params` are copies and stay as they were).  All gradients are checked
        first, so a bad one changes nothing.
        """
        rate = check_positive(lr, "lr")
        g = self._shaped_like_params(grads, "grads")
        for k, a in enumerate(self.affine_layers, start=1):
            a.W = a.W - rate * g[f"W{k}"]
            a.b = a.b - rate * g[f"b{k}"]

    def accuracy(self, X: ArrayLike, labels: ArrayLike) -> float:
        """Share of samples whose largest output is the labelled class (認識精度)."""
        scores = self.predict(X)
        lab = as_labels(labels, "labels", n_classes=max(scores.shape[1], 2), classes_from="the network's output")
        if lab.shape != (scores.shape[0],):
            raise ValueError(f"labels must have shape ({scores.shape[0]},), one per row of X, got {lab.shape}")
        guess = (scores[:, 0] > 0).astype(np.int64) if scores.shape[1] == 1 else scores.argmax(axis=1)
        return float(np.mean(guess == lab))


def two_layer_net(
    W1: ArrayLike, b1: ArrayLike, W2: ArrayLike, b2: ArrayLike, *, hidden: str = "sigmoid", output: str = "identity"
) -> LayerNet:
    """Chapter 06's network as layers: ``Affine → Sigmoid → Affine → IdentityWithLoss`` by default.

    Parameters
    ----------
    W1 : array_like, shape (D, H)
    b1 : array_like, shape (H,) or a number
    W2 : array_like, shape (H, M), or (H,) for one output
    b2 : array_like, shape (M,) or a number
    hidden : {"sigmoid", "relu"}, default "sigmoid"
    output : {"identity", "softmax", "sigmoid"}, default "identity"

    Returns
    -------
    LayerNet
    """
    if hidden not in _HIDDEN:
        raise ValueError(f"hidden must be one of {tuple(_HIDDEN)}, got {hidden!r}")
    if output not in _OUTPUT:
        raise ValueError(f"output must be one of {tuple(_OUTPUT)}, got {output!r}")
    first = Affine(W1, b1)
    w2 = as_float_array(W2, "W2")
    second = Affine(w2.reshape(-1, 1) if w2.ndim == 1 else w2, b2)
    if second.W.shape[0] != first.W.shape[1]:
        raise ValueError(f"W2 must have {first.W.shape[1]} rows, one per column of W1, got shape {second.W.shape}")
    return LayerNet([first, _HIDDEN[hidden](), second], _OUTPUT[output]())


# --- training with a validation curve (chapter 10) ---------------------------------------


@dataclass
class FitHistory:
    """What :func:`fit` records, one entry per epoch.

    Attributes
    ----------
    train_loss, val_loss : list of float
        Loss on the whole training / validation set after each epoch (without the weight-decay term).
    train_accuracy, val_accuracy : list of float
        Accuracy on the same sets.
    best_epoch : int
        The epoch (counted from 1) with the lowest validation loss.
    stopped_epoch : int
        The last epoch trained (earlier than ``epochs`` when early stopping ended the run).
    """

    train_loss: list[float] = field(default_factory=list)
    val_loss: list[float] = field(default_factory=list)
    train_accuracy: list[float] = field(default_factory=list)
    val_accuracy: list[float] = field(default_factory=list)
    best_epoch: int = 0
    stopped_epoch: int = 0


def _measure(net: LayerNet, X: np.ndarray, T: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Data loss (no weight-decay term) and accuracy from one forward pass."""
    scores = net.predict(X)
    guess = (scores[:, 0] > 0).astype(np.int64) if scores.shape[1] == 1 else scores.argmax(axis=1)
    return net.loss_layer.forward(scores, T), float(np.mean(guess == labels))


def fit(
    net: LayerNet,
    X_train: ArrayLike,
    T_train: ArrayLike,
    X_val: ArrayLike,
    T_val: ArrayLike,
    *,
    lr: float,
    batch_size: int,
    epochs: int,
    seed: int = 0,
    patience: int | None = None,
) -> FitHistory:
    """Mini-batch SGD on ``net`` (in place), measuring training and validation loss after every epoch.

    Each epoch shuffles the training set (seeded), and for each mini-batch of
    ``batch_size`` samples runs :meth:`LayerNet.gradient` and :meth:`LayerNet.step`.
    A last batch smaller than ``batch_size`` is used too.

    With ``patience``, **early stopping**: training ends once the validation loss has not
    improved for ``patience`` epochs, and the network gets back the parameters of its best
    epoch.

    Parameters
    ----------
    net : LayerNet
    X_train, T_train : array_like
        Training inputs ``(N, D)`` and targets (labels ``(N,)`` for softmax).
    X_val, T_val : array_like
        Validation data, measured only — never trained on.
    lr : float
        Learning rate ``η``.
    batch_size, epochs : int
    seed : int, default 0
        Seed of the shuffling.
    patience : int, optional
        Early-stopping patience in epochs.

    Returns
    -------
    FitHistory
    """
    if not isinstance(net, LayerNet):
        raise TypeError(f"net must be a LayerNet, got {type(net).__name__}")
    x_tr, x_va = net._batch(X_train), net._batch(X_val)
    probe = net.predict(x_tr[:1])
    t_tr = net._targets(T_train, (x_tr.shape[0], probe.shape[1]))
    t_va = net._targets(T_val, (x_va.shape[0], probe.shape[1]))
    rate = check_positive(lr, "lr")
    bs = check_positive(batch_size, "batch_size", integer=True)
    n_epochs = check_positive(epochs, "epochs", integer=True)
    if patience is not None:
        patience = check_positive(patience, "patience", integer=True)
    labels = _labels_of(t_tr), _labels_of(t_va)
    rng = np.random.default_rng(seed)
    history = FitHistory()
    with _one_blas_thread():
        _fit_loop(net, (x_tr, t_tr, x_va, t_va), labels, rate, bs, n_epochs, rng, patience, history)
    return history


def _one_blas_thread() -> Any:
    """BLAS on one thread: for matrices this small, starting threads costs more than it saves."""
    try:
        from threadpoolctl import threadpool_limits  # ships with scikit-learn
    except ImportError:  # pragma: no cover - then the default number of threads
        return contextlib.nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


def _fit_loop(
    net: LayerNet,
    data: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    labels: tuple[np.ndarray, np.ndarray],
    rate: float,
    bs: int,
    n_epochs: int,
    rng: np.random.Generator,
    patience: int | None,
    history: FitHistory,
) -> None:
    x_tr, t_tr, x_va, t_va = data
    best, best_params = np.inf, net.params()
    for epoch in range(1, n_epochs + 1):
        order = rng.permutation(x_tr.shape[0])
        for begin in range(0, x_tr.shape[0], bs):
            idx = order[begin : begin + bs]
            net.step(net.gradient(x_tr[idx], t_tr[idx]), rate)
        for (loss, acc), losses, accs in (
            (_measure(net, x_tr, t_tr, labels[0]), history.train_loss, history.train_accuracy),
            (_measure(net, x_va, t_va, labels[1]), history.val_loss, history.val_accuracy),
        ):
            losses.append(loss)
            accs.append(acc)
        history.stopped_epoch = epoch
        if history.val_loss[-1] < best:
            best, best_params, history.best_epoch = history.val_loss[-1], net.params(), epoch
        elif patience is not None and epoch - history.best_epoch >= patience:
            break
    if patience is not None:
        net.set_params(best_params)


def _labels_of(t: np.ndarray) -> np.ndarray:
    if t.ndim == 1:
        return t.astype(np.int64)
    return (t[:, 0] >= 0.5).astype(np.int64) if t.shape[1] == 1 else t.argmax(axis=1)
