"""Networks made of layers, and the loop that trains them — the course's one network implementation.

:class:`LayerNet` is layers in a row and a loss layer (:mod:`helpers.layers`): ``forward``
left to right, ``backward`` right to left (chapter 08).  :class:`TwoLayerNet` is the
network of chapter 06 built that way, ``Affine → Sigmoid → Affine → output with loss``,
with every intermediate named as seed 003 names it: weighted sums ``u``, activations
``z``, deltas ``δ``.  For input ``x`` (D values), ``H`` hidden units and ``M`` outputs::

    u1 = x @ W1 + b1      (H,)   hidden weighted sums      W1: (D, H)
    z1 = sigmoid(u1)      (H,)   hidden activations        b1: (H,)
    u2 = z1 @ W2 + b2     (M,)   output weighted sums      W2: (H, M)
    y  = f_out(u2)        (M,)   the network's output      b2: (M,)

**Weight orientation.**  ``W1[i, j]`` is the weight *from* input ``i`` *to* hidden unit
``j`` — rows are inputs, as in the book (『ゼロから作るDeep Learning』, ``np.dot(x, W1) + b1``),
so a batch ``X`` of shape ``(N, D)`` goes through as ``X @ W1``.  Seed 003 writes ``w_kj``
for the weight from unit ``j`` to unit ``k``; that is ``W[j, k]`` here.  This orientation
reproduces chapter 06's worked example (``E = 0.008873199616318052``); the other gives 0.00786….

Backward pass (誤差逆伝播法), per sample::

    δ2 = y − t                       for identity + ½SSE, softmax + CE, sigmoid + BCE
    δ1 = σ′(u1) * (δ2 @ W2.T)        i.e.  δ1_j = f′(u1_j) Σ_k w_kj δ2_k
    ∂E/∂W2 = z1ᵀ δ2,   ∂E/∂b2 = δ2,   ∂E/∂W1 = xᵀ δ1,   ∂E/∂b1 = δ1

For a batch the loss is the mean over its ``B`` samples, so the loss layer sends back
``δ2 / B`` and every gradient is the batch mean (chapter 08).  :func:`train` is mini-batch
SGD for any of these networks, with optional L2 weight decay (荷重減衰, chapter 10) and
early stopping.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from helpers._validate import as_float_array, as_labels, check_positive, check_probabilities
from helpers.layers import (
    Affine,
    Dropout,
    IdentityWithLoss,
    ReLU,
    Sigmoid,
    SigmoidWithLoss,
    Softmax,
    SoftmaxWithLoss,
    _LossLayer,
    sigmoid,
    sigmoid_grad,
)

__all__ = [
    "sigmoid",
    "sigmoid_grad",
    "l2_penalty",
    "l2_penalty_grad",
    "LayerNet",
    "Forward",
    "Backward",
    "TwoLayerNet",
    "History",
    "train",
]

_HIDDEN = {"relu": ReLU, "sigmoid": Sigmoid}

#: The course's layers, whose internal ``_fwd`` / ``_bwd`` / ``_loss`` / ``_output`` skip the input checks of the
#: public methods.  A network checks its inputs and targets once (``gradient``, ``loss``, ``train``), then runs
#: these on the float arrays it made, step after step: the same arithmetic, so the same numbers to the last bit.
#: Any other layer (a subclass, a layer of the learner's own) is called through its public methods.
_CHECKED_INSIDE = frozenset(
    {Affine, ReLU, Sigmoid, Softmax, Dropout, SoftmaxWithLoss, SigmoidWithLoss, IdentityWithLoss}
)


def _loss_of(loss_layer: Any, scores: np.ndarray, t: np.ndarray) -> float:
    """``loss_layer.forward(scores, t)`` for targets ``t`` the network has checked (output-shaped floats)."""
    return loss_layer._loss(scores, t) if type(loss_layer) in _CHECKED_INSIDE else loss_layer.forward(scores, t)


_OUTPUT = {"softmax": SoftmaxWithLoss, "sigmoid": SigmoidWithLoss, "identity": IdentityWithLoss}

OUTPUTS = ("identity", "softmax", "sigmoid")
#: Which output functions each loss can follow.  CE needs probabilities that
#: sum to 1 (softmax), BCE one probability per output (sigmoid).
LOSSES = {
    "half_sse": ("identity", "softmax", "sigmoid"),
    "cross_entropy": ("softmax",),
    "bce": ("sigmoid",),
}
#: The pairs whose output delta is simply ``y − t`` (chapter 06): one loss layer each.
MATCHED = {
    ("identity", "half_sse"): IdentityWithLoss,
    ("softmax", "cross_entropy"): SoftmaxWithLoss,
    ("sigmoid", "bce"): SigmoidWithLoss,
}


# --- weight decay: the penalty beside its gradient ----------------------------------------


def _check_decay(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"weight_decay must be a number λ >= 0, got {value!r}")
    if not np.isfinite(value) or value < 0:
        raise ValueError(f"weight_decay must be a finite number λ >= 0, got {value!r}")
    return float(value)


def l2_penalty(weights: Sequence[ArrayLike], weight_decay: float) -> float:
    """Weight decay (荷重減衰) term ``λ/2 · Σ ‖W‖²`` over the weight matrices (biases are not decayed).

    Its gradient with respect to each ``W`` is ``λ W`` (:func:`l2_penalty_grad`).

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


# --- a network made of layers ----------------------------------------------------------------


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
    >>> net = LayerNet.create((64, 100, 10), hidden="sigmoid")
    >>> net
    LayerNet(Affine → Sigmoid → Affine → SoftmaxWithLoss, weight_decay=0)
    """

    _X, _T = "X", "T"  # the argument names error messages use (chapter 06's TwoLayerNet says x, t)

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
            Seed of ``numpy.random.default_rng``; the weights are drawn layer by layer, so
            ``LayerNet.create((64, 100, 10), hidden="sigmoid", seed=s)`` has the weights of
            ``TwoLayerNet.create(64, 100, 10, seed=s)``.
        weight_decay : float, default 0.0
            ``λ`` of L2 weight decay.
        dropout : float, optional
            If given, a :class:`~helpers.layers.Dropout` layer with this ratio after every hidden activation.

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
        weights = _random_weights(dims, seed, None)
        layers: list[Any] = []
        for k, W in enumerate(weights):
            layers.append(Affine(W, np.zeros(W.shape[1])))
            if k < len(weights) - 1:
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

    def _batch(self, X: ArrayLike, name: str | None = None) -> np.ndarray:
        """``X`` as a batch ``(B, D)``; one sample ``(D,)`` becomes a batch of one."""
        name = name or self._X
        arr = as_float_array(X, name)
        d = self.affine_layers[0].W.shape[0] if self.affine_layers else arr.shape[-1]
        if arr.ndim == 1 and arr.shape == (d,):
            return arr.reshape(1, d)
        if arr.ndim != 2 or arr.shape[1] != d:
            raise ValueError(
                f"{name} must have shape ({d},) for one sample or (N, {d}) for a batch, got shape {arr.shape}"
            )
        return arr

    def _targets(self, T: ArrayLike, out_shape: tuple[int, int], name: str | None = None) -> np.ndarray:
        """Targets of the output's shape ``(B, M)``; class labels ``(B,)`` for softmax + cross-entropy."""
        name = name or self._T
        t = as_float_array(T, name)
        b, m = out_shape
        if isinstance(self.loss_layer, SoftmaxWithLoss):
            if t.shape in ((b,), ()) and t.size == b:
                return np.eye(m)[as_labels(t.reshape(b), name, n_classes=m, classes_from="the output")]
            if t.shape == out_shape or (b == 1 and t.shape == (m,)):  # one sample's target may be written flat
                # y − t is the gradient of −Σ t log y only when Σ t = 1
                check_probabilities(t, name, must_sum_to_one=True)
                return t.reshape(out_shape)
        elif t.size == b * m and t.shape in (out_shape, (b,), (m,), ()):
            out = t.reshape(out_shape)
            if isinstance(self.loss_layer, SigmoidWithLoss):
                check_probabilities(out, name)
            return out
        labels = f" or be labels of shape ({b},)" if isinstance(self.loss_layer, SoftmaxWithLoss) else ""
        raise ValueError(f"{name} must have the output's shape {out_shape}{labels}, got shape {t.shape}")

    # -- forward / loss / backward -----------------------------------------------------

    def _forward(self, X: np.ndarray, train: bool = False) -> list[np.ndarray]:
        """The input and every layer's output, in order (``Dropout`` active only with ``train``)."""
        outs = [X]
        for layer in self.layers:
            if type(layer) in _CHECKED_INSIDE:  # the course's own layers: inputs checked once, at the network's door
                outs.append(layer._fwd(outs[-1], train) if type(layer) is Dropout else layer._fwd(outs[-1]))
            elif isinstance(layer, Dropout):  # a layer of the learner's own: its public forward
                outs.append(layer.forward(outs[-1], train=train))
            else:
                outs.append(layer.forward(outs[-1]))
        return outs

    def scores(self, X: ArrayLike, *, train: bool = False) -> np.ndarray:
        """The last layer's output, before the loss layer (the logits of softmax), shape ``(B, M)``.

        ``train=True`` switches :class:`~helpers.layers.Dropout` layers on; otherwise they pass everything.
        """
        return self._forward(self._batch(X), train)[-1]

    def output(self, X: ArrayLike) -> np.ndarray:
        """The network's prediction ``Y`` (softmax probabilities, sigmoid probabilities or identity), ``(B, M)``."""
        return self.loss_layer.output(self.scores(X))

    def loss(self, X: ArrayLike, T: ArrayLike, *, train: bool = False) -> float:
        """Batch-mean loss plus the weight-decay term ``λ/2 Σ ‖W‖²``.

        Parameters
        ----------
        X : array_like, shape (B, D) or (D,)
        T : array_like
            Output-shaped targets ``(B, M)``; for softmax + cross-entropy also labels ``(B,)``;
            for one output also a number per sample.

        Returns
        -------
        float
        """
        scores = self.scores(X, train=train)
        data_loss = self.loss_layer.forward(scores, self._targets(T, scores.shape))
        if self.weight_decay == 0.0:
            return data_loss
        return data_loss + l2_penalty([a.W for a in self.affine_layers], self.weight_decay)

    def _backward(self, X: np.ndarray, T: np.ndarray) -> tuple[float, list[np.ndarray], list[np.ndarray]]:
        """One forward pass (training mode) and every layer's backward: loss, layer outputs, arriving gradients.

        ``douts[i]`` is ``∂L/∂(output of layer i)``; ``douts[-1]`` is what the loss layer sends back.
        """
        outs = self._forward(X, train=True)
        data_loss = _loss_of(self.loss_layer, outs[-1], T)
        last = self.loss_layer
        douts = [last._bwd(1.0) if type(last) in _CHECKED_INSIDE else last.backward(1.0)]
        for layer in reversed(self.layers):
            douts.insert(0, layer._bwd(douts[0]) if type(layer) in _CHECKED_INSIDE else layer.backward(douts[0]))
        return data_loss, outs, douts[1:]

    def _grads(self) -> dict[str, np.ndarray]:
        """The gradients the last backward pass left in the Affine layers, with ``λ W`` added to each ``dW``."""
        grads = {}
        for k, a in enumerate(self.affine_layers, start=1):
            decay = l2_penalty_grad(a.W, self.weight_decay) if self.weight_decay else 0.0
            grads[f"W{k}"] = a.dW + decay
            grads[f"b{k}"] = a.db.copy()
        return grads

    def gradient(self, X: ArrayLike, T: ArrayLike) -> dict[str, np.ndarray]:
        """Backpropagation: one forward pass (training mode), then every layer's backward in reverse.

        Returns
        -------
        dict
            ``{"W1": ∂L/∂W1, "b1": ∂L/∂b1, ...}`` — new arrays shaped like the parameters,
            including the weight-decay part ``λ W`` of each ``dW``.
        """
        x = self._batch(X)
        probe = self.affine_layers[-1].W.shape[1] if self.affine_layers else x.shape[1]
        self._backward(x, self._targets(T, (x.shape[0], probe)))
        return self._grads()

    def params(self) -> dict[str, np.ndarray]:
        """Copies of the parameters ``{"W1", "b1", "W2", "b2", ...}``."""
        out = {}
        for k, a in enumerate(self.affine_layers, start=1):
            out[f"W{k}"], out[f"b{k}"] = a.W.copy(), a.b.copy()
        return out

    def _shaped_like_params(self, values: Mapping[str, ArrayLike], what: str) -> dict[str, np.ndarray]:
        """``values`` as float arrays, after checking they have exactly the parameters' names and shapes."""
        if not isinstance(values, Mapping):
            raise TypeError(f"{what} must be a dict of arrays keyed like net.params(), got {type(values).__name__}")
        shapes = {}
        for k, a in enumerate(self.affine_layers, start=1):
            shapes[f"W{k}"], shapes[f"b{k}"] = a.W.shape, a.b.shape
        for name in shapes:
            if name not in values:
                raise ValueError(f"{what} is missing {name!r}; expected the keys {', '.join(shapes)}")
        extra = sorted(set(values) - set(shapes))
        if extra:
            raise ValueError(f"{what} has keys the network does not have: {extra}; expected {', '.join(shapes)}")
        out = {}
        for name in shapes:
            out[name] = as_float_array(values[name], f"{what}[{name!r}]")
            if out[name].shape != shapes[name]:
                raise ValueError(f"{what}[{name!r}] has shape {out[name].shape} but {name} has shape {shapes[name]}")
        return out

    def set_params(self, params: Mapping[str, ArrayLike]) -> None:
        """Replace every parameter by a copy of ``params[name]`` (same keys and shapes as :meth:`params`)."""
        new = self._shaped_like_params(params, "params")
        for k, a in enumerate(self.affine_layers, start=1):
            a.W, a.b = new[f"W{k}"], new[f"b{k}"]  # new arrays: the caller's stay theirs

    def step(self, grads: Mapping[str, ArrayLike], lr: float) -> None:
        """One SGD update ``p ← p − lr · ∂L/∂p`` of every parameter.

        The layers get new parameter arrays (arrays handed out earlier by :meth:`params`
        are copies and stay as they were).  All gradients are checked first, so a bad one
        changes nothing.

        Parameters
        ----------
        grads : dict
            ``{"W1": ..., "b1": ..., ...}`` as :meth:`gradient` returns it (or a record with ``.grads()``).
        lr : float
            Learning rate ``η`` (学習率).
        """
        rate = check_positive(lr, "lr")
        g = self._shaped_like_params(grads.grads() if hasattr(grads, "grads") else grads, "grads")
        self._sgd(g, rate)

    def _sgd(self, g: Mapping[str, np.ndarray], rate: float) -> None:
        for k, a in enumerate(self.affine_layers, start=1):
            a.W = a.W - rate * g[f"W{k}"]
            a.b = a.b - rate * g[f"b{k}"]

    def _classes(self, y: np.ndarray) -> np.ndarray:
        """Predicted classes from outputs ``y`` ``(B, M)``: argmax, or ``y ≥ 0.5`` for one output."""
        if y.shape[1] == 1:
            return (y[:, 0] >= 0.5).astype(np.int64)
        return np.argmax(y, axis=1)

    def predict(self, X: ArrayLike) -> np.ndarray | int:
        """Predicted class: ``argmax`` of the outputs, or ``y ≥ 0.5`` for a single output.

        Returns
        -------
        int for one sample ``(D,)``, ndarray of int64 of shape (N,) for a batch
        """
        arr = as_float_array(X, self._X)
        labels = self._classes(self.output(arr))
        return int(labels[0]) if arr.ndim == 1 else labels

    def accuracy(self, X: ArrayLike, labels: ArrayLike) -> float:
        """Fraction of samples whose predicted class equals ``labels`` (正解率).

        Parameters
        ----------
        X : array_like, shape (N, D)
        labels : array_like of int, shape (N,)

        Returns
        -------
        float in [0, 1]
        """
        x = self._batch(X)
        n_out = self.affine_layers[-1].W.shape[1]
        lab = np.atleast_1d(as_labels(labels, "labels", n_classes=max(n_out, 2), classes_from="the network's output"))
        if lab.shape[0] != x.shape[0]:
            raise ValueError(f"labels has {lab.shape[0]} entries but {self._X} has {x.shape[0]} rows")
        return float(np.mean(self._classes(self.output(x)) == lab))


def _random_weights(dims: Sequence[int], seed: int, scale: float | None) -> list[np.ndarray]:
    """Weight matrices for layer sizes ``dims``, drawn in order; standard deviation ``scale`` or ``1/sqrt(fan_in)``."""
    rng = np.random.default_rng(seed)
    return [
        rng.standard_normal((fan_in, fan_out)) * (1.0 / np.sqrt(fan_in) if scale is None else scale)
        for fan_in, fan_out in zip(dims[:-1], dims[1:], strict=True)
    ]


# --- chapter 06's network, made of layers ------------------------------------------------------


@dataclass(frozen=True)
class Forward:
    """Every intermediate of one forward pass (shapes for a batch; drop ``N`` for one sample).

    Attributes
    ----------
    x : ndarray, (N, D)
        Input.
    u1 : ndarray, (N, H)
        Hidden weighted sums ``x @ W1 + b1``.
    z1 : ndarray, (N, H)
        Hidden activations ``sigmoid(u1)``.
    u2 : ndarray, (N, M)
        Output weighted sums ``z1 @ W2 + b2``.
    y : ndarray, (N, M)
        Output ``f_out(u2)``.
    """

    x: np.ndarray
    u1: np.ndarray
    z1: np.ndarray
    u2: np.ndarray
    y: np.ndarray


@dataclass(frozen=True)
class Backward:
    """Loss, deltas and gradients of one backward pass.

    Attributes
    ----------
    loss : float
        Mean loss per sample.
    delta2 : ndarray, (N, M)
        Output deltas ``∂E_n/∂u2`` per sample (``y − t`` for matched pairs).
    delta1 : ndarray, (N, H)
        Hidden deltas ``f′(u1) · (δ2 @ W2.T)`` per sample.
    dW1, db1, dW2, db2 : ndarray
        Gradients of the mean loss, shaped like the parameters.
    """

    loss: float
    delta2: np.ndarray
    delta1: np.ndarray
    dW1: np.ndarray
    db1: np.ndarray
    dW2: np.ndarray
    db2: np.ndarray

    def grads(self) -> dict[str, np.ndarray]:
        """The gradients keyed like :meth:`TwoLayerNet.params` (``"W1"``, ``"b1"``, ...)."""
        return {"W1": self.dW1, "b1": self.db1, "W2": self.dW2, "b2": self.db2}


def _bias(value: ArrayLike, name: str, size: int) -> np.ndarray:
    arr = as_float_array(value, name)
    if arr.ndim == 0:
        return np.full(size, float(arr))  # one value for every unit
    if arr.shape != (size,):
        raise ValueError(f"{name} must be a number or have shape ({size},), got shape {arr.shape}")
    return arr


def _parameter(layer: int, attr: str, name: str, shape: str) -> property:
    """``net.W1`` and friends: the array held by Affine layer ``layer``; assigning checks the shape, keeps a copy."""

    def get(self: LayerNet) -> np.ndarray:
        return getattr(self.layers[layer], attr)

    def put(self: LayerNet, value: ArrayLike) -> None:
        arr = as_float_array(value, name)  # always a copy
        current = getattr(self.layers[layer], attr)
        if arr.shape != current.shape:
            raise ValueError(f"{name} must have shape {current.shape}, got shape {arr.shape}")
        setattr(self.layers[layer], attr, arr)

    return property(get, put, doc=f"{name}, shape {shape}")


class TwoLayerNet(LayerNet):
    """Chapter 06's network: ``Affine → Sigmoid → Affine``, then the output function and the loss.

    A :class:`LayerNet` of these layers (so ``gradient``, ``step`` and :func:`train` are the same code),
    with chapter 06's names: :meth:`forward` keeps ``u1, z1, u2, y`` and :meth:`backward` the deltas.

    Parameters
    ----------
    W1 : array_like, shape (D, H)
        Input-to-hidden weights; ``W1[i, j]`` connects input ``i`` to hidden unit ``j``.
    b1 : array_like, shape (H,) or scalar
        Hidden biases (a scalar is used for every hidden unit).
    W2 : array_like, shape (H, M), or (H,) for a single output
        Hidden-to-output weights.
    b2 : array_like, shape (M,) or scalar
        Output biases.
    output : {"identity", "softmax", "sigmoid"}, default "identity"
        Output function ``f_out``.
    loss : {"half_sse", "cross_entropy", "bce"}, default "half_sse"
        ``½ Σ (y − t)²``, ``−Σ t log y`` (needs softmax) or binary CE (needs sigmoid);
        each averaged over the samples of a batch.  Identity + ½SSE, softmax + CE and
        sigmoid + BCE are one loss layer each; softmax or sigmoid with ½SSE add a
        :class:`~helpers.layers.Softmax` or :class:`~helpers.layers.Sigmoid` layer before
        :class:`~helpers.layers.IdentityWithLoss`.
    weight_decay : float, default 0.0
        ``λ`` of L2 weight decay.

    Raises
    ------
    ValueError
        If the shapes do not chain or the output/loss pair is not supported.

    Examples
    --------
    The chapter-06 worked example:

    >>> net = TwoLayerNet([[0.1, 0.2], [0.3, 0.4]], [0.1, 0.1], [0.5, 0.6], 0.2)
    >>> net.loss([1.0, 0.5], 1.0)
    0.008873199616318052
    >>> net
    TwoLayerNet(2-2-1, output='identity', loss='half_sse')
    """

    def __init__(
        self,
        W1: ArrayLike,
        b1: ArrayLike,
        W2: ArrayLike,
        b2: ArrayLike,
        output: str = "identity",
        loss: str = "half_sse",
        *,
        weight_decay: float = 0.0,
    ) -> None:
        if output not in OUTPUTS:
            raise ValueError(f"output must be one of {OUTPUTS}, got {output!r}")
        if loss not in LOSSES:
            raise ValueError(f"loss must be one of {tuple(LOSSES)}, got {loss!r}")
        if output not in LOSSES[loss]:
            raise ValueError(f"loss={loss!r} needs output in {LOSSES[loss]}, got output={output!r}")
        w1 = as_float_array(W1, "W1")
        if w1.ndim != 2:
            raise ValueError(f"W1 must have shape (D, H), got shape {w1.shape}")
        w2 = as_float_array(W2, "W2")
        if w2.ndim == 1:  # a single output column written flat, like seed 003's [.5, .6]ᵀ
            w2 = w2.reshape(-1, 1)
        if w2.ndim != 2 or w2.shape[0] != w1.shape[1]:
            raise ValueError(
                f"W2 must have shape (H, M) with H = {w1.shape[1]} hidden units (columns of W1), got shape {w2.shape}"
            )
        layers: list[Any] = [
            Affine(w1, _bias(b1, "b1", w1.shape[1])),
            Sigmoid(),
            Affine(w2, _bias(b2, "b2", w2.shape[1])),
        ]
        if (output, loss) in MATCHED:
            loss_layer: _LossLayer = MATCHED[(output, loss)]()
        else:  # softmax or sigmoid, then ½ squared error: the output function is a layer of its own
            layers.append(Softmax() if output == "softmax" else Sigmoid())
            loss_layer = IdentityWithLoss()
        super().__init__(layers, loss_layer, weight_decay=weight_decay)
        self.output_name = output
        self.loss_name = loss

    @classmethod
    def create(  # type: ignore[override]  # chapter 06's signature: three sizes, an output and a loss
        cls,
        n_in: int,
        n_hidden: int,
        n_out: int,
        *,
        output: str = "softmax",
        loss: str = "cross_entropy",
        seed: int = 0,
        scale: float | None = None,
    ) -> TwoLayerNet:
        """A network with seeded random weights and zero biases.

        Parameters
        ----------
        n_in, n_hidden, n_out : int
            ``D``, ``H``, ``M``.
        output, loss : str
            As in the constructor.
        seed : int, default 0
            Seed for ``numpy.random.default_rng``.
        scale : float, optional
            Standard deviation of every weight.  By default each layer uses
            ``1 / sqrt(fan_in)`` (Xavier), which keeps the sigmoid out of its
            flat tails; the book's ``0.01`` also works but learns more slowly.

        Returns
        -------
        TwoLayerNet

        Examples
        --------
        >>> net = TwoLayerNet.create(64, 100, 10, seed=0)
        >>> net.W1.shape, net.W2.shape
        ((64, 100), (100, 10))
        """
        dims = [
            check_positive(n_in, "n_in", integer=True),
            check_positive(n_hidden, "n_hidden", integer=True),
            check_positive(n_out, "n_out", integer=True),
        ]
        if scale is not None:
            check_positive(scale, "scale")
        W1, W2 = _random_weights(dims, seed, scale)
        return cls(W1, np.zeros(dims[1]), W2, np.zeros(dims[2]), output=output, loss=loss)

    _X, _T = "x", "t"

    def __repr__(self) -> str:
        d, h = self.W1.shape
        return f"TwoLayerNet({d}-{h}-{self.W2.shape[1]}, output={self.output_name!r}, loss={self.loss_name!r})"

    # -- the parameters under chapter 06's names: the arrays the two Affine layers hold ----------

    W1 = _parameter(0, "W", "W1", "(D, H)")
    b1 = _parameter(0, "b", "b1", "(H,)")
    W2 = _parameter(2, "W", "W2", "(H, M)")
    b2 = _parameter(2, "b", "b2", "(M,)")

    # -- chapter 06's records ---------------------------------------------------------------

    def forward(self, x: ArrayLike) -> Forward:
        """Run the network and keep every intermediate.

        Parameters
        ----------
        x : array_like, shape (D,) or (N, D)

        Returns
        -------
        Forward
            ``x, u1, z1, u2, y``; 1-D fields for a single sample.

        Examples
        --------
        >>> net = TwoLayerNet([[0.1, 0.2], [0.3, 0.4]], [0.1, 0.1], [0.5, 0.6], 0.2)
        >>> net.forward([1.0, 0.5]).u1
        array([0.35, 0.5 ])
        """
        arr = self._batch(x)
        outs = self._forward(arr)
        fw = Forward(arr, outs[1], outs[2], outs[3], self.loss_layer.output(outs[-1]))
        if np.ndim(x) == 1:
            return Forward(*(a[0] for a in (fw.x, fw.u1, fw.z1, fw.u2, fw.y)))
        return fw

    def backward(self, x: ArrayLike, t: ArrayLike) -> Backward:
        """Backpropagation through the layers: the loss, both deltas and every gradient.

        The deltas are per sample, ``δ = ∂E_n/∂u``: ``B`` times the batch-mean gradient that
        arrives at the Affine layer's output.

        Parameters
        ----------
        x, t
            As in :meth:`loss`.

        Returns
        -------
        Backward
            Deltas are 1-D for a single sample; gradients have the parameters' shapes.

        Examples
        --------
        >>> net = TwoLayerNet([[0.1, 0.2], [0.3, 0.4]], [0.1, 0.1], [0.5, 0.6], 0.2)
        >>> b = net.backward([1.0, 0.5], 1.0)
        >>> b.delta2.round(8), b.delta1.round(8)
        (array([-0.13321561]), array([-0.01615222, -0.0187837 ]))
        """
        arr = self._batch(x)
        data_loss, _, douts = self._backward(arr, self._targets(t, (arr.shape[0], self.W2.shape[1])))
        g = self._grads()
        n = arr.shape[0]
        delta1, delta2 = n * douts[0], n * douts[2]  # ∂L/∂u1 and ∂L/∂u2 are the per-sample deltas / B
        if self.weight_decay:
            data_loss += l2_penalty([self.W1, self.W2], self.weight_decay)
        if np.ndim(x) == 1:
            delta1, delta2 = delta1[0], delta2[0]
        return Backward(data_loss, delta2, delta1, g["W1"], g["b1"], g["W2"], g["b2"])


# --- training --------------------------------------------------------------------------------


@dataclass
class History:
    """What :func:`train` records.

    Attributes
    ----------
    losses : list of float
        Mini-batch loss at every step (for the live loss curve).
    epoch_losses : list of float
        Mean of the step losses of each epoch.
    train_loss, val_loss : list of float
        Loss on the whole training / validation set after each epoch (without the weight-decay
        term); ``val_loss`` only with validation data.
    train_accuracy, val_accuracy : list of float
        Accuracy on the same sets after each epoch.
    best_epoch : int
        The epoch (counted from 1) with the lowest validation loss (0 without validation data).
    stopped_epoch : int
        The last epoch trained (earlier than ``epochs`` when early stopping ended the run).
    seconds : float
        Wall time of the whole loop.
    """

    losses: list[float] = field(default_factory=list)
    epoch_losses: list[float] = field(default_factory=list)
    train_loss: list[float] = field(default_factory=list)
    val_loss: list[float] = field(default_factory=list)
    train_accuracy: list[float] = field(default_factory=list)
    val_accuracy: list[float] = field(default_factory=list)
    best_epoch: int = 0
    stopped_epoch: int = 0
    seconds: float = 0.0


def train(
    net: LayerNet,
    X: ArrayLike,
    T: ArrayLike,
    *,
    lr: float,
    batch_size: int,
    epochs: int,
    seed: int = 0,
    callback: Callable[[int, int, float], Any] | None = None,
    X_val: ArrayLike | None = None,
    y_val: ArrayLike | None = None,
    patience: int | None = None,
) -> History:
    """Mini-batch stochastic gradient descent (ミニバッチ学習), updating ``net`` in place.

    Every epoch shuffles the samples with a seeded generator and walks through them
    ``batch_size`` at a time; for each mini-batch it runs ``net.gradient`` (forward and
    backward) and ``net.step`` (``w ← w − lr · ∂L/∂w``).  A leftover that does not fill a
    last batch is skipped in that epoch (it is reshuffled into the next): ``N // batch_size``
    steps per epoch.  After every epoch the loss and accuracy on the whole training set (and
    on the validation set, if given) are recorded.

    With ``patience`` (needs validation data), **early stopping**: training ends once the
    validation loss has not improved for ``patience`` epochs, and the network gets back the
    parameters of its best epoch.

    Chapter 09's setting (64-100-10, sigmoid hidden, softmax + CE, batch 32,
    :func:`helpers.data.load_digits_split`): ``TwoLayerNet.create(64, 100, 10, seed=0)``,
    ``lr=2.0``, ``epochs=20``, ``seed=0`` — 97.6 % test accuracy in a fraction of a second.

    Parameters
    ----------
    net : LayerNet or TwoLayerNet
        Trained in place.
    X : array_like, shape (N, D)
        Training inputs.
    T : array_like
        Training targets: output-shaped ``(N, M)``, or labels ``(N,)`` for
        softmax + cross-entropy, or a number per sample for one output.
    lr : float
        Learning rate ``η``.
    batch_size : int
        Samples per step (seed 003: 32, 64, 128, 256 are common).
    epochs : int
        Passes over the training set.
    seed : int, default 0
        Seed of the shuffling.
    callback : callable, optional
        ``callback(epoch, step, loss)`` after every step (``step`` counts from 0
        over the whole run) — hook a progress bar or a live plot here.
    X_val, y_val : array_like, optional
        Validation inputs ``(N_val, D)`` and their targets, or labels ``(N_val,)`` (one-hot for the
        loss when the network has several outputs); measured only — never trained on.
    patience : int, optional
        Early-stopping patience in epochs.

    Returns
    -------
    History

    Examples
    --------
    >>> from helpers.data import load_digits_split
    >>> X_tr, X_te, y_tr, y_te = load_digits_split()
    >>> net = TwoLayerNet.create(64, 100, 10, seed=0)
    >>> hist = train(net, X_tr, y_tr, lr=2.0, batch_size=32, epochs=20, seed=0)
    >>> net.accuracy(X_te, y_te) >= 0.97
    True
    """
    if not isinstance(net, LayerNet):
        raise TypeError(f"net must be a LayerNet or TwoLayerNet, got {type(net).__name__}")
    x_all = as_float_array(X, "X")
    if x_all.ndim != 2:
        raise ValueError(f"X must be a batch of shape (N, D), got shape {x_all.shape}")
    x_all = net._batch(x_all, "X")
    n_out = net.affine_layers[-1].W.shape[1]
    t_all = net._targets(T, (x_all.shape[0], n_out), "T")
    rate = check_positive(lr, "lr")
    bs = check_positive(batch_size, "batch_size", integer=True)
    n_epochs = check_positive(epochs, "epochs", integer=True)
    if callback is not None and not callable(callback):
        raise TypeError(f"callback must be callable, got {type(callback).__name__}")
    if (X_val is None) != (y_val is None):
        raise ValueError("X_val and y_val must be given together")
    val = None
    if X_val is not None:
        x_val = net._batch(X_val, "X_val")
        if np.ndim(y_val) >= 1 and np.shape(y_val)[0] != x_val.shape[0]:
            raise ValueError(f"y_val has {np.shape(y_val)[0]} rows but X_val has {x_val.shape[0]}")
        y = as_float_array(y_val, "y_val")
        if y.ndim == 1 and n_out > 1 and not isinstance(net.loss_layer, SoftmaxWithLoss):
            y = np.eye(n_out)[as_labels(y, "y_val", n_classes=n_out, classes_from="the network's output")]  # one-hot
        val = (x_val, net._targets(y, (x_val.shape[0], n_out), "y_val"))
    if patience is not None:
        patience = check_positive(patience, "patience", integer=True)
        if val is None:
            raise ValueError("patience (early stopping) needs validation data: give X_val and y_val")

    history = History()
    with _single_blas_thread():
        start = time.perf_counter()
        rng = np.random.default_rng(seed)
        _sgd_loop(net, (x_all, t_all), val, rate, bs, n_epochs, rng, callback, patience, history)
        history.seconds = time.perf_counter() - start
    return history


def _single_blas_thread() -> Any:
    """Run BLAS on one thread: for 32×64 matrices, thread start-up costs more than it saves."""
    from threadpoolctl import threadpool_limits  # a declared dependency (pyproject.toml)

    return threadpool_limits(limits=1, user_api="blas")


def _labels_of(t: np.ndarray) -> np.ndarray:
    return (t[:, 0] >= 0.5).astype(np.int64) if t.shape[1] == 1 else t.argmax(axis=1)


def _measure(net: LayerNet, x: np.ndarray, t: np.ndarray) -> tuple[float, float]:
    """Data loss (no weight-decay term) and accuracy from one forward pass over a whole set."""
    scores = net._forward(x)[-1]
    fast = type(net.loss_layer) in _CHECKED_INSIDE
    correct = net._classes(net.loss_layer._output(scores) if fast else net.loss_layer.output(scores)) == _labels_of(t)
    return _loss_of(net.loss_layer, scores, t), float(np.mean(correct))


def _sgd_loop(
    net: LayerNet,
    data: tuple[np.ndarray, np.ndarray],
    val: tuple[np.ndarray, np.ndarray] | None,
    rate: float,
    bs: int,
    n_epochs: int,
    rng: np.random.Generator,
    callback: Callable[[int, int, float], Any] | None,
    patience: int | None,
    history: History,
) -> None:
    x_all, t_all = data
    n = x_all.shape[0]
    best, best_params = np.inf, net.params()
    step = 0
    for epoch in range(n_epochs):
        order = rng.permutation(n)
        first = len(history.losses)
        # Only full batches: a 3-sample leftover (1347 = 42·32 + 3) with the same lr makes a ten-times
        # noisier step that can undo an epoch of progress.  The reshuffle means every sample still gets
        # its turn.  A set smaller than one batch is used whole.
        for begin in range(0, max(n - bs + 1, 1), bs):
            idx = order[begin : begin + bs]
            data_loss, _, _ = net._backward(x_all[idx], t_all[idx])  # inputs validated once, above
            if net.weight_decay:
                data_loss += l2_penalty([a.W for a in net.affine_layers], net.weight_decay)
            net._sgd(net._grads(), rate)
            history.losses.append(data_loss)
            if callback is not None:
                callback(epoch, step, data_loss)
            step += 1
        history.epoch_losses.append(float(np.mean(history.losses[first:])))
        loss, acc = _measure(net, x_all, t_all)
        history.train_loss.append(loss)
        history.train_accuracy.append(acc)
        history.stopped_epoch = epoch + 1
        if val is None:
            continue
        loss, acc = _measure(net, *val)
        history.val_loss.append(loss)
        history.val_accuracy.append(acc)
        if loss < best:
            best, best_params, history.best_epoch = loss, net.params(), epoch + 1
        elif patience is not None and epoch + 1 - history.best_epoch >= patience:
            break
    if patience is not None:
        net.set_params(best_params)
