"""Layers with a forward and a backward pass, and a network assembled from them.

This is backpropagation the way the book (斎藤康毅『ゼロから作るDeep Learning』,
chapter 5) builds it: every layer (レイヤ) knows how to compute its output
(``forward``, 順伝播) and how to turn the gradient arriving from above,
``dout = ∂L/∂output``, into the gradient of its inputs (``backward``, 逆伝播).
Each ``backward`` sits right below its ``forward``; the two together are the
local rule of one node of a computational graph (計算グラフ, chapter 07).

Shapes (chapter 08): a batch of ``B`` samples goes through as rows, ``X`` of
shape ``(B, D)``.  ``Affine`` with ``W`` of shape ``(D, H)`` and ``b`` of shape
``(H,)``::

    forward   Y  = X · W + b                      (B, H)
    backward  dX = dout · Wᵀ                       (B, D)
              dW = Xᵀ · dout                       (D, H)
              db = Σ over the batch of dout        (H,)

The loss layers (``SoftmaxWithLoss`` and friends) average the loss over the
batch, so the gradient they send back is ``(Y − T) / B``: the ``1/B`` enters
once, at the top, and every ``dW`` below is already the batch *mean*.

Rules kept throughout: inputs are never modified (``forward`` keeps its own
copy for ``backward``); bad input raises an error naming the argument;
scalar losses are Python ``float``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from helpers._validate import as_float_array, as_labels, check_positive, check_probabilities

__all__ = [
    "MulLayer",
    "AddLayer",
    "ReLU",
    "Sigmoid",
    "Affine",
    "Dropout",
    "SoftmaxWithLoss",
    "SigmoidWithLoss",
    "IdentityWithLoss",
    "LayerNet",
    "two_layer_net",
    "FitHistory",
    "fit",
    "l2_penalty",
]


def _operand(value: Any, name: str) -> Any:
    """A number stays a Python number (so 100 × 2 × 1.1 prints as the book does); anything else an array."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be a number or an array of numbers, got {value!r}")
    if isinstance(value, (int, float, np.integer, np.floating)):
        if not np.isfinite(value):
            raise ValueError(f"{name} must be finite, got {value!r}")
        return value.item() if isinstance(value, np.generic) else value
    return as_float_array(value, name)


def _shape(value: Any) -> tuple[int, ...]:
    return np.shape(value)


def _check_dout(dout: Any, expected: tuple[int, ...], layer: str) -> Any:
    """``dout`` must have the shape of the layer's output (a number for a number)."""
    if expected == ():
        grad = _operand(dout, "dout")
        if _shape(grad) != ():
            raise ValueError(f"dout must be one number, like {layer}'s output, got shape {_shape(grad)}")
        return grad
    grad = as_float_array(dout, "dout")
    if grad.shape != expected:
        raise ValueError(f"dout must have the shape of {layer}'s output {expected}, got shape {grad.shape}")
    return grad


class _Layer:
    """Remembers what ``forward`` saw, and refuses ``backward`` before it."""

    _out_shape: tuple[int, ...] | None = None

    def _need_forward(self) -> tuple[int, ...]:
        if self._out_shape is None:
            raise RuntimeError(f"{type(self).__name__}.backward needs the values of a forward pass: call forward first")
        return self._out_shape


# --- the two simplest nodes: multiply and add -------------------------------------


class MulLayer(_Layer):
    """Multiply node ``z = x · y`` (elementwise for arrays).

    Backward swaps the inputs: ``∂z/∂x = y``, ``∂z/∂y = x``.

    Examples
    --------
    The book's apple: 100 yen × 2 apples.

    >>> layer = MulLayer()
    >>> layer.forward(100, 2)
    200
    >>> layer.backward(1.1)  # upstream gradient 1.1 (the tax)
    (2.2, 110.00000000000001)
    """

    def forward(self, x: ArrayLike, y: ArrayLike) -> Any:
        """``x * y``; numbers stay numbers, arrays must have equal shapes."""
        x, y = _operand(x, "x"), _operand(y, "y")
        if _shape(x) != _shape(y):
            raise ValueError(f"x has shape {_shape(x)} but y has shape {_shape(y)}; MulLayer needs equal shapes")
        self.x, self.y = x, y
        out = x * y
        self._out_shape = _shape(out)
        return out

    def backward(self, dout: ArrayLike) -> tuple[Any, Any]:
        """``(dout · y, dout · x)``: each input gets the upstream gradient times the *other* input."""
        dout = _check_dout(dout, self._need_forward(), "MulLayer")
        return dout * self.y, dout * self.x


class AddLayer(_Layer):
    """Add node ``z = x + y``.  Backward passes the upstream gradient on unchanged to both inputs.

    Examples
    --------
    >>> layer = AddLayer()
    >>> layer.forward(200, 450)
    650
    >>> layer.backward(1.1)
    (1.1, 1.1)
    """

    def forward(self, x: ArrayLike, y: ArrayLike) -> Any:
        """``x + y``; numbers stay numbers, arrays must have equal shapes."""
        x, y = _operand(x, "x"), _operand(y, "y")
        if _shape(x) != _shape(y):
            raise ValueError(f"x has shape {_shape(x)} but y has shape {_shape(y)}; AddLayer needs equal shapes")
        out = x + y
        self._out_shape = _shape(out)
        return out

    def backward(self, dout: ArrayLike) -> tuple[Any, Any]:
        """``(dout, dout)``: ∂z/∂x = ∂z/∂y = 1."""
        dout = _check_dout(dout, self._need_forward(), "AddLayer")
        return dout, dout


# --- activation layers ---------------------------------------------------------------


class ReLU(_Layer):
    """ReLU (ReLU関数) ``y = max(0, x)``: passes positive inputs, blocks the rest.

    Backward lets the gradient through where the input was positive and stops
    it (0) where it was not: ``∂y/∂x = 1`` for ``x > 0``, else 0.

    Examples
    --------
    >>> relu = ReLU()
    >>> relu.forward([[1.0, -0.5], [-2.0, 3.0]])
    array([[1., 0.],
           [0., 3.]])
    >>> relu.backward([[10.0, 10.0], [10.0, 10.0]])
    array([[10.,  0.],
           [ 0., 10.]])
    """

    def forward(self, x: ArrayLike) -> np.ndarray:
        """``x`` where ``x > 0``, else 0 (any shape)."""
        arr = as_float_array(x, "x")
        self.mask = arr <= 0  # where the gradient will be stopped
        self._out_shape = arr.shape
        return np.where(self.mask, 0.0, arr)

    def backward(self, dout: ArrayLike) -> np.ndarray:
        """``dout`` where the input was positive, else 0 — a new array (``dout`` is not changed)."""
        grad = _check_dout(dout, self._need_forward(), "ReLU")
        return np.where(self.mask, 0.0, grad)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    # The textbook 1 / (1 + exp(−x)); for x < −709 exp overflows to inf and 1 / inf = 0 is the right limit.
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-x))


class Sigmoid(_Layer):
    """Sigmoid (シグモイド関数) ``y = 1 / (1 + exp(−x))``.

    Backward needs only the output: ``∂y/∂x = y (1 − y)``, at most 0.25 (at x = 0).

    Examples
    --------
    >>> s = Sigmoid()
    >>> s.forward([0.0])
    array([0.5])
    >>> s.backward([1.0])
    array([0.25])
    """

    def forward(self, x: ArrayLike) -> np.ndarray:
        """``σ(x)`` elementwise (any shape)."""
        self.out = _sigmoid(as_float_array(x, "x"))
        self._out_shape = self.out.shape
        return self.out.copy()

    def backward(self, dout: ArrayLike) -> np.ndarray:
        """``y (1 − y) · dout``."""
        grad = _check_dout(dout, self._need_forward(), "Sigmoid")
        return self.out * (1.0 - self.out) * grad


# --- the affine layer: a whole layer of weighted sums, for a batch --------------------


class Affine(_Layer):
    """Affine layer (Affineレイヤ) ``Y = X · W + b`` for a batch ``X`` of shape ``(B, D)``.

    Parameters
    ----------
    W : array_like, shape (D, H)
        ``W[i, j]`` connects input ``i`` to output unit ``j`` (rows are inputs, as in the book).
    b : array_like, shape (H,) or a number
        One bias per output unit (a number is used for every unit).

    Attributes
    ----------
    W, b : ndarray
        The parameters (this layer's own copies; :meth:`LayerNet.step` updates them).
    dW, db : ndarray
        ``∂L/∂W`` and ``∂L/∂b`` after :meth:`backward`, shaped like ``W`` and ``b``.

    Examples
    --------
    >>> layer = Affine([[1.0, 2.0], [3.0, 4.0]], [0.5, -0.5])
    >>> layer.forward([[1.0, 1.0], [0.0, 2.0]])
    array([[4.5, 5.5],
           [6.5, 7.5]])
    >>> layer.backward([[1.0, 0.0], [0.0, 1.0]])   # dX = dout · Wᵀ
    array([[1., 3.],
           [2., 4.]])
    >>> layer.dW, layer.db                          # Xᵀ · dout and the column sums of dout
    (array([[1., 0.],
           [1., 2.]]), array([1., 1.]))
    """

    def __init__(self, W: ArrayLike, b: ArrayLike) -> None:
        self.W = as_float_array(W, "W")
        if self.W.ndim != 2:
            raise ValueError(f"W must have shape (D, H): inputs × outputs, got shape {self.W.shape}")
        bias = as_float_array(b, "b")
        if bias.ndim == 0:
            bias = np.full(self.W.shape[1], float(bias))
        if bias.shape != (self.W.shape[1],):
            h = self.W.shape[1]
            raise ValueError(f"b must be a number or have shape ({h},), one per column of W, got shape {bias.shape}")
        self.b = bias
        self.dW = np.zeros_like(self.W)
        self.db = np.zeros_like(self.b)

    def forward(self, X: ArrayLike) -> np.ndarray:
        """``X · W + b`` for ``X`` of shape ``(B, D)``; returns shape ``(B, H)``."""
        arr = as_float_array(X, "X")
        d = self.W.shape[0]
        if arr.ndim != 2 or arr.shape[1] != d:
            hint = f"; for one sample use x.reshape(1, {d})" if arr.shape == (d,) else ""
            raise ValueError(f"X must be a batch of shape (B, {d}), got shape {arr.shape}{hint}")
        self.X = arr
        out = arr @ self.W + self.b
        self._out_shape = out.shape
        return out

    def backward(self, dout: ArrayLike) -> np.ndarray:
        """Store ``dW = Xᵀ · dout`` and ``db = Σ_batch dout``; return ``dX = dout · Wᵀ``."""
        grad = _check_dout(dout, self._need_forward(), "Affine")
        self.dW = self.X.T @ grad  # (D, B) · (B, H) = (D, H): sums the B samples' contributions
        self.db = grad.sum(axis=0)  # b was added to every row, so its gradient collects every row
        return grad @ self.W.T  # (B, H) · (H, D) = (B, D)


class Dropout(_Layer):
    """Dropout (ドロップアウト): during training, silence each unit with probability ``ratio``.

    Placed after an activation layer.  In training every unit is kept with
    probability ``1 − ratio`` and the kept ones are scaled by ``1 / (1 − ratio)``
    ("inverted dropout"), so at test time the layer does nothing at all.
    Backward lets the gradient through exactly where the unit was kept (and
    scales it the same way).

    Parameters
    ----------
    ratio : float, default 0.5
        Probability of dropping a unit, in [0, 1).
    seed : int, default 0
        Seed of the layer's own random generator (the same masks on every run).

    Examples
    --------
    >>> drop = Dropout(0.5, seed=0)
    >>> drop.forward(np.ones((1, 6)), train=True)
    array([[2., 0., 0., 0., 2., 2.]])
    >>> drop.forward(np.ones((1, 6)), train=False)
    array([[1., 1., 1., 1., 1., 1.]])
    """

    def __init__(self, ratio: float = 0.5, seed: int = 0) -> None:
        if isinstance(ratio, bool) or not isinstance(ratio, (int, float, np.integer, np.floating)):
            raise TypeError(f"ratio must be a number in [0, 1), got {ratio!r}")
        if not 0.0 <= ratio < 1.0:
            raise ValueError(f"ratio must be in [0, 1): the share of units dropped, got {ratio!r}")
        self.ratio = float(ratio)
        self.rng = np.random.default_rng(seed)

    def forward(self, x: ArrayLike, train: bool = True) -> np.ndarray:
        """A new mask for every call in training; the identity at test time."""
        arr = as_float_array(x, "x")
        if train:
            self.scale = (self.rng.random(arr.shape) >= self.ratio) / (1.0 - self.ratio)
        else:
            self.scale = np.ones_like(arr)
        self._out_shape = arr.shape
        return arr * self.scale

    def backward(self, dout: ArrayLike) -> np.ndarray:
        """``dout`` times the same mask (and scale) as the last forward pass."""
        grad = _check_dout(dout, self._need_forward(), "Dropout")
        return grad * self.scale


# --- output layers with their loss: the gradient they send back is (Y − T) / B ---------


class _LossLayer(_Layer):
    """An output function and its loss in one layer, averaged over the batch."""

    def _inputs(self, X: ArrayLike, T: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
        x = as_float_array(X, "X")
        if x.ndim != 2:
            raise ValueError(f"X must be a batch of shape (B, K), got shape {x.shape}")
        t = as_float_array(T, "T")
        if t.shape != x.shape:
            raise ValueError(f"T must have the shape of X {x.shape}, got shape {t.shape}")
        return x, t

    def backward(self, dout: float = 1.0) -> np.ndarray:
        """``dout · (Y − T) / B``: the gradient of the batch-mean loss with respect to ``X``."""
        self._need_forward()
        grad = _check_dout(dout, (), type(self).__name__)
        batch = self.t.shape[0]
        return grad * (self.y - self.t) / batch


class SoftmaxWithLoss(_LossLayer):
    """Softmax-with-Loss (Softmax-with-Lossレイヤ): softmax output and cross-entropy, batch mean.

    ``forward(X, T)`` returns ``L = −(1/B) Σ_n Σ_k T_nk log softmax(X_n)_k``;
    ``backward()`` returns ``(Y − T) / B`` with ``Y = softmax(X)``.  The log is
    taken of the max-shifted logits directly (log-softmax, chapter 04), so no
    ``delta`` is needed and ``log 0`` cannot happen.

    Examples
    --------
    >>> layer = SoftmaxWithLoss()
    >>> round(layer.forward([[2.0, 1.0, 0.1]], [0]), 10)
    0.4170300163
    >>> layer.backward().round(6)
    array([[-0.340999,  0.242433,  0.098566]])
    """

    def forward(self, X: ArrayLike, T: ArrayLike) -> float:
        """Cross-entropy of ``softmax(X)`` against ``T``: one-hot ``(B, K)`` or labels ``(B,)``."""
        x = as_float_array(X, "X")
        if x.ndim != 2:
            raise ValueError(f"X must be a batch of logits of shape (B, K), got shape {x.shape}")
        t = as_float_array(T, "T")
        if t.shape == x.shape[:1]:
            t = np.eye(x.shape[1])[as_labels(t, "T", n_classes=x.shape[1], classes_from="X")]
        elif t.shape == x.shape:
            check_probabilities(t, "T", must_sum_to_one=True)
        else:
            raise ValueError(f"T must be one-hot of shape {x.shape} or labels of shape {x.shape[:1]}, got {t.shape}")
        shifted = x - x.max(axis=1, keepdims=True)  # max-shift against overflow
        log_y = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        self.y, self.t = np.exp(log_y), t
        self._out_shape = ()
        return float(-np.sum(t * log_y) / x.shape[0])


class SigmoidWithLoss(_LossLayer):
    """Sigmoid output and binary cross-entropy (二値交差エントロピー), batch mean.

    ``forward(X, T)`` returns ``−(1/B) Σ [T log σ(X) + (1 − T) log(1 − σ(X))]``,
    computed as ``log(1 + e^X) − T·X`` (the same number, finite for any ``X``);
    ``backward()`` returns ``(Y − T) / B`` with ``Y = σ(X)``.

    Examples
    --------
    >>> layer = SigmoidWithLoss()
    >>> round(layer.forward([[0.0]], [[1.0]]), 12)   # −log 0.5
    0.69314718056
    >>> layer.backward()
    array([[-0.5]])
    """

    def forward(self, X: ArrayLike, T: ArrayLike) -> float:
        """Binary cross-entropy of ``σ(X)`` against targets ``T`` in [0, 1], same shape as ``X``."""
        x, t = self._inputs(X, T)
        check_probabilities(t, "T")
        self.y, self.t = _sigmoid(x), t
        self._out_shape = ()
        return float(np.sum(np.logaddexp(0.0, x) - t * x) / x.shape[0])


class IdentityWithLoss(_LossLayer):
    """Identity output (恒等関数) and ½ sum of squared errors, batch mean — chapter 06's regression output.

    ``forward(X, T)`` returns ``(1/B) · ½ Σ (X − T)²``; ``backward()`` returns ``(Y − T) / B`` with ``Y = X``.

    Examples
    --------
    >>> layer = IdentityWithLoss()
    >>> layer.forward([[0.8]], [[1.0]])
    0.01999999999999999
    >>> layer.backward()
    array([[-0.2]])
    """

    def forward(self, X: ArrayLike, T: ArrayLike) -> float:
        """``½ Σ (X − T)² / B``."""
        x, t = self._inputs(X, T)
        self.y, self.t = x, t
        self._out_shape = ()
        return float(0.5 * np.sum((x - t) ** 2) / x.shape[0])


# --- a network made of layers ------------------------------------------------------------

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
            grads[f"W{k}"] = a.dW + self.weight_decay * a.W if self.weight_decay else a.dW.copy()
            grads[f"b{k}"] = a.db.copy()
        return grads

    def params(self) -> dict[str, np.ndarray]:
        """Copies of the parameters ``{"W1", "b1", "W2", "b2", ...}``."""
        out = {}
        for k, a in enumerate(self.affine_layers, start=1):
            out[f"W{k}"], out[f"b{k}"] = a.W.copy(), a.b.copy()
        return out

    def set_params(self, params: dict[str, ArrayLike]) -> None:
        """Replace every parameter by a copy of ``params[name]`` (same keys and shapes as :meth:`params`)."""
        current = self.params()
        if set(params) != set(current):
            raise ValueError(f"params must have the keys {sorted(current)}, got {sorted(params)}")
        new = {}
        for name, value in params.items():
            arr = as_float_array(value, f"params[{name!r}]")
            if arr.shape != current[name].shape:
                raise ValueError(f"params[{name!r}] has shape {arr.shape} but {name} has shape {current[name].shape}")
            new[name] = arr
        for k, a in enumerate(self.affine_layers, start=1):
            a.W, a.b = new[f"W{k}"], new[f"b{k}"]

    def step(self, grads: dict[str, ArrayLike], lr: float) -> None:
        """One SGD update ``p ← p − lr · ∂L/∂p`` of every parameter.

        The network's layers get new parameter arrays (arrays handed out earlier by
        :meth:`params` are copies and stay as they were).  All gradients are checked
        first, so a bad one changes nothing.
        """
        rate = check_positive(lr, "lr")
        current = self.params()
        if set(grads) != set(current):
            raise ValueError(f"grads must have the keys {sorted(current)}, got {sorted(grads)}")
        checked = {}
        for name, g in grads.items():
            arr = as_float_array(g, f"grads[{name!r}]")
            if arr.shape != current[name].shape:
                raise ValueError(f"grads[{name!r}] has shape {arr.shape} but {name} has shape {current[name].shape}")
            checked[name] = arr
        for k, a in enumerate(self.affine_layers, start=1):
            a.W = a.W - rate * checked[f"W{k}"]
            a.b = a.b - rate * checked[f"b{k}"]

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
