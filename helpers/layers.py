"""Layers with a forward and a backward pass (『ゼロから作るDeep Learning』 chapter 5).

Backpropagation the way the book (斎藤康毅) builds it: every layer (レイヤ)
knows how to compute its output (``forward``, 順伝播) and how to turn the
gradient arriving from above, ``dout = ∂L/∂output``, into the gradient of its
inputs (``backward``, 逆伝播).
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
scalar losses are Python ``float``.  :mod:`helpers.network` puts the layers
together into a network.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from helpers._validate import as_float_array, as_labels, check_probabilities

__all__ = [
    "sigmoid",
    "sigmoid_grad",
    "MulLayer",
    "AddLayer",
    "ReLU",
    "Sigmoid",
    "Softmax",
    "Affine",
    "Dropout",
    "SoftmaxWithLoss",
    "SigmoidWithLoss",
    "IdentityWithLoss",
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


def _check_dout(dout: Any, expected: tuple[int, ...], layer: str) -> Any:
    """``dout`` must have the shape of the layer's output (a number for a number)."""
    if expected == ():
        grad = _operand(dout, "dout")
        if np.shape(grad) != ():
            raise ValueError(f"dout must be one number, like {layer}'s output, got shape {np.shape(grad)}")
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
        if np.shape(x) != np.shape(y):
            raise ValueError(f"x has shape {np.shape(x)} but y has shape {np.shape(y)}; MulLayer needs equal shapes")
        self.x, self.y = x, y
        out = x * y
        self._out_shape = np.shape(out)
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
        if np.shape(x) != np.shape(y):
            raise ValueError(f"x has shape {np.shape(x)} but y has shape {np.shape(y)}; AddLayer needs equal shapes")
        out = x + y
        self._out_shape = np.shape(out)
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
        return self._fwd(as_float_array(x, "x"))

    def _fwd(self, arr: np.ndarray) -> np.ndarray:
        self.mask = arr <= 0  # where the gradient will be stopped
        self._out_shape = arr.shape
        return np.where(self.mask, 0.0, arr)

    def backward(self, dout: ArrayLike) -> np.ndarray:
        """``dout`` where the input was positive, else 0 — a new array (``dout`` is not changed)."""
        return self._bwd(_check_dout(dout, self._need_forward(), "ReLU"))

    def _bwd(self, grad: np.ndarray) -> np.ndarray:
        return np.where(self.mask, 0.0, grad)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    # Exactly the textbook 1 / (1 + exp(−x)).  For x < −709, exp(−x) overflows to inf and 1 / (1 + inf) = 0.0
    # is the right limit, so that one overflow warning is silenced rather than the formula changed (this keeps
    # chapter 06's digits and is the fastest form for training).
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-x))


def sigmoid(u: ArrayLike) -> np.ndarray:
    """Sigmoid (シグモイド関数) ``σ(u) = 1 / (1 + exp(−u))``, without overflow.

    Parameters
    ----------
    u : array_like, any shape

    Returns
    -------
    ndarray of float64, same shape, values in [0, 1]

    Examples
    --------
    >>> sigmoid([0.0, 1e4, -1e4])
    array([0.5, 1. , 0. ])
    """
    return _sigmoid(as_float_array(u, "u"))


def sigmoid_grad(u: ArrayLike) -> np.ndarray:
    """Derivative of the sigmoid, ``σ′(u) = σ(u) (1 − σ(u))`` (at most 0.25, at u = 0).

    Examples
    --------
    >>> sigmoid_grad([0.0])
    array([0.25])
    """
    s = _sigmoid(as_float_array(u, "u"))
    return s * (1.0 - s)


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))  # max-shift against overflow (chapter 04)
    return e / e.sum(axis=-1, keepdims=True)


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
        return self._fwd(as_float_array(x, "x"))

    def _fwd(self, arr: np.ndarray) -> np.ndarray:
        self.out = _sigmoid(arr)
        self._out_shape = self.out.shape
        return self.out.copy()

    def backward(self, dout: ArrayLike) -> np.ndarray:
        """``y (1 − y) · dout``."""
        return self._bwd(_check_dout(dout, self._need_forward(), "Sigmoid"))

    def _bwd(self, grad: np.ndarray) -> np.ndarray:
        return self.out * (1.0 - self.out) * grad


class Softmax(_Layer):
    """Softmax (ソフトマックス関数) of each row, as a layer of its own: ``y_k = exp(x_k) / Σ_j exp(x_j)``.

    Needed only where softmax is *not* followed by cross-entropy (chapter 09's softmax + squared error);
    with cross-entropy use :class:`SoftmaxWithLoss`, whose backward is simply ``(Y − T)/B``.  Backward is
    the softmax's Jacobian applied to ``dout``: ``∂L/∂x_k = y_k (dout_k − Σ_j dout_j y_j)`` for each row.

    Examples
    --------
    >>> s = Softmax()
    >>> s.forward([[0.0, 0.0]])
    array([[0.5, 0.5]])
    >>> s.backward([[1.0, 0.0]])
    array([[ 0.25, -0.25]])
    """

    def forward(self, x: ArrayLike) -> np.ndarray:
        """Softmax of each row of ``x`` (shape ``(B, K)``), max-shifted so that ``exp`` cannot overflow."""
        arr = as_float_array(x, "x")
        if arr.ndim != 2:
            raise ValueError(f"x must be a batch of shape (B, K), got shape {arr.shape}")
        return self._fwd(arr)

    def _fwd(self, arr: np.ndarray) -> np.ndarray:
        self.out = _softmax(arr)
        self._out_shape = arr.shape
        return self.out.copy()

    def backward(self, dout: ArrayLike) -> np.ndarray:
        """``y · (dout − Σ_row dout · y)``: every output depends on every input of its row."""
        return self._bwd(_check_dout(dout, self._need_forward(), "Softmax"))

    def _bwd(self, grad: np.ndarray) -> np.ndarray:
        y = self.out
        return y * (grad - np.sum(grad * y, axis=-1, keepdims=True))


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
        return self._fwd(arr)

    def _fwd(self, arr: np.ndarray) -> np.ndarray:
        self.X = arr
        out = arr @ self.W + self.b
        self._out_shape = out.shape
        return out

    def backward(self, dout: ArrayLike) -> np.ndarray:
        """Store ``dW = Xᵀ · dout`` and ``db = Σ_batch dout``; return ``dX = dout · Wᵀ``."""
        return self._bwd(_check_dout(dout, self._need_forward(), "Affine"))

    def _bwd(self, grad: np.ndarray) -> np.ndarray:
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
        return self._fwd(as_float_array(x, "x"), train)

    def _fwd(self, arr: np.ndarray, train: bool = True) -> np.ndarray:
        if train:
            self.scale = (self.rng.random(arr.shape) >= self.ratio) / (1.0 - self.ratio)
        else:
            self.scale = np.ones_like(arr)
        self._out_shape = arr.shape
        return arr * self.scale

    def backward(self, dout: ArrayLike) -> np.ndarray:
        """``dout`` times the same mask (and scale) as the last forward pass."""
        return self._bwd(_check_dout(dout, self._need_forward(), "Dropout"))

    def _bwd(self, grad: np.ndarray) -> np.ndarray:
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

    def output(self, X: ArrayLike) -> np.ndarray:
        """The output function alone (softmax, sigmoid or identity) — the network's prediction ``Y``."""
        raise NotImplementedError  # pragma: no cover - each loss layer defines it

    def backward(self, dout: float = 1.0) -> np.ndarray:
        """``dout · (Y − T) / B``: the gradient of the batch-mean loss with respect to ``X``."""
        self._need_forward()
        return self._bwd(_check_dout(dout, (), type(self).__name__))

    def _bwd(self, grad: float = 1.0) -> np.ndarray:
        batch = self.t.shape[0]
        return grad * (self.y - self.t) / batch

    def _loss(self, x: np.ndarray, t: np.ndarray) -> float:
        """The loss of scores ``x`` ``(B, K)`` against targets ``t`` of the same shape, both checked already."""
        raise NotImplementedError  # pragma: no cover - each loss layer defines it

    def _output(self, x: np.ndarray) -> np.ndarray:
        """:meth:`output` of a checked float array."""
        raise NotImplementedError  # pragma: no cover - each loss layer defines it


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
        return self._loss(x, t)

    def _loss(self, x: np.ndarray, t: np.ndarray) -> float:
        shifted = x - x.max(axis=1, keepdims=True)  # max-shift against overflow
        e = np.exp(shifted)
        total = e.sum(axis=1, keepdims=True)
        self.y, self.t = e / total, t  # softmax, for backward
        log_y = shifted - np.log(total)  # log-softmax: no log(0), no delta
        self._out_shape = ()
        return float(-np.sum(t * log_y) / x.shape[0])

    def output(self, X: ArrayLike) -> np.ndarray:
        """``softmax(X)`` row by row."""
        return self._output(as_float_array(X, "X"))

    def _output(self, x: np.ndarray) -> np.ndarray:
        return _softmax(x)


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
        return self._loss(x, t)

    def _loss(self, x: np.ndarray, t: np.ndarray) -> float:
        self.y, self.t = _sigmoid(x), t
        self._out_shape = ()
        return float(np.sum(np.logaddexp(0.0, x) - t * x) / x.shape[0])

    def output(self, X: ArrayLike) -> np.ndarray:
        """``σ(X)``: one probability per output."""
        return self._output(as_float_array(X, "X"))

    def _output(self, x: np.ndarray) -> np.ndarray:
        return _sigmoid(x)


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
        return self._loss(*self._inputs(X, T))

    def _loss(self, x: np.ndarray, t: np.ndarray) -> float:
        self.y, self.t = x, t
        self._out_shape = ()
        return float(0.5 * np.sum((x - t) ** 2) / x.shape[0])

    def output(self, X: ArrayLike) -> np.ndarray:
        """``X`` itself (a new array): the identity output."""
        return self._output(as_float_array(X, "X"))

    def _output(self, x: np.ndarray) -> np.ndarray:
        return x.copy()
