# %% [markdown]
# # 06 — Backpropagation, derived
#
# **What you will learn**
#
# * the chain rule (連鎖律) for one and for several variables, checked with numbers;
# * seed 003's network — weighted sums (重み付き和) $u$, activations $z = f(u)$, a sigmoid hidden layer, an identity (恒等関数) output and ½ squared error — and its forward pass (順伝播);
# * backpropagation (誤差逆伝播法): the output $\delta = y - t$, the hidden $\delta_j = f'(u_j)\sum_k w_{kj}\delta_k$, $\partial E/\partial w = \delta \cdot z_\text{prev}$ — computed by hand, compared with `helpers` and with the numerical gradient (勾配);
# * why softmax + cross-entropy and sigmoid + binary cross-entropy also give $\delta = y - t$, and why sigmoid + squared error learns slowly;
# * to step through the backward pass one node at a time on a drawing of the network.

# %% [markdown]
# ## Setup
# Run this cell first. It imports numpy, the course's `helpers` package and applies the course plot style.

# %%
import matplotlib.pyplot as plt
import numpy as np

import helpers
import helpers.explorers.ch06
from helpers.checks import check
from helpers.network import TwoLayerNet, sigmoid, sigmoid_grad
from helpers.style import COLORS, LINESTYLES, use_course_style

use_course_style()

# %% [markdown]
# ## 1. The chain rule (連鎖律)
#
# Training needs $\partial E / \partial w$ for every weight $w$, but $E$ depends on $w$ only through a chain of
# functions. The chain rule splits such a derivative into easy pieces. **One variable:** if $z = f(u)$ and $u = g(x)$,
#
# $$\frac{dz}{dx} = \frac{dz}{du}\,\frac{du}{dx}.$$
#
# Check it on $z = \sigma(u)$ with $u = 2x + 1$ at $x = 0.5$: the chain rule says $\sigma'(u)\cdot 2$.

# %%
x0 = 0.5
chain = float(sigmoid_grad(2 * x0 + 1)) * 2  # dz/du · du/dx
numeric = helpers.numerical_diff(lambda x: float(sigmoid(2 * x + 1)), x0)
print(f"chain rule {chain:.10f}   numerical {numeric:.10f}")

# %% [markdown]
# **Several variables.** If $z$ depends on $u_1$ and $u_2$, and both depend on $x$, the change in $x$ reaches $z$ along
# both paths, and the contributions add:
#
# $$\frac{dz}{dx} = \frac{\partial z}{\partial u_1}\frac{du_1}{dx} + \frac{\partial z}{\partial u_2}\frac{du_2}{dx},
# \qquad\text{in general}\qquad \frac{\partial z}{\partial x_i} = \sum_k \frac{\partial z}{\partial u_k}\frac{\partial u_k}{\partial x_i}.$$
#
# Check it on $z = u_1 u_2$ with $u_1 = x^2$, $u_2 = 3x$ at $x = 2$ (so $z = 3x^3$ and $dz/dx = 9x^2 = 36$).

# %%
x0 = 2.0
u1, u2 = x0**2, 3 * x0
chain = u2 * (2 * x0) + u1 * 3  # ∂z/∂u1 · du1/dx + ∂z/∂u2 · du2/dx
numeric = helpers.numerical_diff(lambda x: (x**2) * (3 * x), x0)
print(f"chain rule {chain}   numerical {numeric:.8f}")

# %% [markdown]
# That sum over paths is the whole secret of backpropagation: a hidden unit feeds several later units, so its
# derivative collects one term from each of them.

# %% [markdown]
# ## 2. Seed 003's network and its notation
#
# Two inputs, two hidden units, one output. Each unit first forms a **weighted sum** (重み付き和) $u$ of what flows in,
# then applies an **activation function** (活性化関数) $f$: $z = f(u)$.
#
# * hidden layer: $u^{(1)}_j = \sum_i x_i w^{(1)}_{ji} + b^{(1)}$, $z^{(1)}_j = \sigma(u^{(1)}_j)$ — the **sigmoid** (シグモイド関数) $\sigma(u) = 1/(1+e^{-u})$;
# * output layer: $u^{(2)} = \sum_j z^{(1)}_j w^{(2)}_{j} + b^{(2)}$, $y = u^{(2)}$ — the **identity function** (恒等関数), as for regression;
# * loss: $E = \tfrac12 (y - t)^2$ (½ squared error, chapter 02).
#
# In code `W1[i, j]` is the weight *from* input $i$ *to* hidden unit $j$ (rows = inputs), as in the book's `x @ W1 + b1`;
# seed 003 writes $w_{ji}$ for the same weight. The example's numbers:

# %%
x = np.array([1.0, 0.5])
W1 = np.array([[0.1, 0.2], [0.3, 0.4]])  # W1[i, j]: input i -> hidden j
b1 = 0.1  # one bias for both hidden units
W2 = np.array([0.5, 0.6])  # hidden j -> output
b2 = 0.2
t = 1.0

# %% [markdown]
# ## 3. The forward pass (順伝播), every intermediate
#
# Hidden weighted sums: $u^{(1)}_1 = 1 \cdot 0.1 + 0.5 \cdot 0.3 + 0.1 = 0.35$ and $u^{(1)}_2 = 1 \cdot 0.2 + 0.5 \cdot 0.4 + 0.1 = 0.5$.

# %%
u1 = x @ W1 + b1
z1 = 1 / (1 + np.exp(-u1))
print("u1 =", u1)
print("z1 =", z1)

# %% [markdown]
# Output and loss: the output is its own weighted sum (identity), and the error is half its squared distance to $t = 1$.

# %%
u2 = z1 @ W2 + b2
y = u2  # identity output
E = 0.5 * (y - t) ** 2
print("u2 = y =", y)
print("E =", E)

# %% [markdown]
# ## 4. The output δ
#
# Seed 003 names the derivative of the loss with respect to a unit's weighted sum its **delta**: $\delta = \partial E / \partial u$.
# For a weight $w_j$ into the output, $u^{(2)}$ depends on $w_j$ only through the term $z_j w_j$, so by the chain rule
#
# $$\frac{\partial E}{\partial w_j} = \frac{\partial E}{\partial u^{(2)}}\frac{\partial u^{(2)}}{\partial w_j} = \delta^{(2)}\, z^{(1)}_j,
# \qquad \delta^{(2)} = \frac{\partial E}{\partial y}\,\frac{\partial y}{\partial u^{(2)}} = (y - t)\cdot f'(u^{(2)}) = (y - t)\cdot 1.$$
#
# The ½ cancels the 2 of the square, and the identity's derivative is 1: **the output delta is simply $y - t$**.

# %%
delta2 = (y - t) * 1.0
print("delta2 =", delta2)

# %% [markdown]
# ## 5. The hidden δ: the recursion
#
# A hidden unit $j$ influences $E$ through every unit $k$ it feeds. The several-variable chain rule sums those paths:
#
# $$\delta^{(1)}_j = \frac{\partial E}{\partial u^{(1)}_j}
# = \sum_k \frac{\partial E}{\partial u^{(2)}_k}\,\frac{\partial u^{(2)}_k}{\partial z^{(1)}_j}\,\frac{\partial z^{(1)}_j}{\partial u^{(1)}_j}
# = f'(u^{(1)}_j) \sum_k w_{kj}\, \delta^{(2)}_k .$$
#
# Here there is one output, so the sum has one term; $f' = \sigma' = z(1 - z)$.

# %%
sig_grad = z1 * (1 - z1)  # σ'(u1) = z(1 - z)
delta1 = sig_grad * W2 * delta2  # f'(u_j) · w_kj · δ_k (one k)
print("sigma'(u1) =", sig_grad)
print("delta1 =", delta1)

# %% [markdown]
# This is the recursion that gives **backpropagation (誤差逆伝播法)** its name: each layer's δ is computed from the δ of
# the layer *after* it, so the error travels backwards from the output — $\delta^{(2)} = y - t$ first, then
# $\delta^{(1)}$ from it, and in a deeper network the layer before from that, and so on. No derivative is ever
# computed twice.

# %% [markdown]
# ## 6. Every gradient: $\partial E/\partial w = \delta \cdot z_\text{prev}$
#
# Each weight's gradient is the δ of the unit it points to times the value flowing *into* the weight
# ($z^{(1)}$ for the output weights, $x$ for the hidden weights); a bias sees a constant input 1, so its gradient is the δ.

# %%
dW2 = z1 * delta2
db2 = delta2
dW1 = np.outer(x, delta1)  # dW1[i, j] = x_i · δ1_j
db1 = delta1
print("dE/dW2 =", dW2, "  dE/db2 =", db2)
print("dE/dW1 =\n", dW1)
print("dE/db1 =", db1)

# %% [markdown]
# ## 7. The same with `helpers.network`
#
# `TwoLayerNet` does exactly these steps (`forward` keeps `u1, z1, u2, y`; `backward` returns the deltas and the
# gradients). Every number agrees with the hand computation.

# %%
net = TwoLayerNet(W1, b1, W2, b2)  # identity output, ½ squared error
fw, bw = net.forward(x), net.backward(x, t)
print("loss:", bw.loss, "| equal to the hand value:", bw.loss == E)
print("delta2:", bw.delta2, " delta1:", bw.delta1)

# %%
same = [np.allclose(a, b, rtol=1e-15) for a, b in [(fw.u1, u1), (fw.z1, z1), (bw.delta1, delta1), (bw.dW1, dW1)]]
print("u1, z1, delta1, dW1 equal:", same)
print("dW2 equal:", np.allclose(bw.dW2[:, 0], dW2, rtol=1e-15), "| db1 equal:", np.allclose(bw.db1, db1, rtol=1e-15))

# %% [markdown]
# ## 8. Check against the numerical gradient
#
# Backpropagation is easy to get subtly wrong, so always compare it with the slow, obviously-correct
# central difference (chapter 05) on each parameter. A relative error below $10^{-7}$ means they agree.

# %%
for name in ("W1", "b1", "W2", "b2"):
    def loss_of(p, name=name):
        params = net.params() | {name: p}
        return TwoLayerNet(**params).loss(x, t)

    numeric = helpers.numerical_gradient(loss_of, getattr(net, name))
    err = helpers.gradient_check(bw.grads()[name], numeric)
    print(f"{name}: relative error {err:.1e}  < 1e-7: {err < 1e-7}")

# %% [markdown]
# ## 9. One step of gradient descent
#
# Move every parameter against its gradient with learning rate (学習率) $\eta = 0.1$: $w \leftarrow w - \eta\,\partial E/\partial w$.
# The loss drops from 0.00887 to 0.00595.

# %%
eta = 0.1
W1_new, b1_new = W1 - eta * dW1, b1 - eta * db1
W2_new, b2_new = W2 - eta * dW2, b2 - eta * db2
y_new = (1 / (1 + np.exp(-(x @ W1_new + b1_new)))) @ W2_new + b2_new
print("E after one step (by hand):", 0.5 * (y_new - t) ** 2)

# %%
net.step(bw, lr=eta)  # updates net in place
print("E after one step (helpers):", net.loss(x, t))

# %% [markdown]
# ## 10. Why softmax + cross-entropy and sigmoid + BCE also give δ = y − t
#
# **Softmax + cross-entropy.** With $y_k = e^{u_k}/\sum_m e^{u_m}$ and $E = -\sum_k t_k \log y_k$ (one-hot $t$), we have
# $\partial \log y_k / \partial u_i = [k = i] - y_i$, so
# $\delta_i = -\sum_k t_k([k = i] - y_i) = -t_i + y_i \sum_k t_k = y_i - t_i$.
#
# **Sigmoid + binary cross-entropy.** With $y = \sigma(u)$ and $E = -t\log y - (1-t)\log(1-y)$:
# $\partial E/\partial y = \frac{y - t}{y(1-y)}$ and $\sigma'(u) = y(1-y)$ cancel, leaving $\delta = y - t$.
#
# The derivative of the loss's log exactly undoes the derivative of the output function. Check both numerically:

# %%
u_out, t_hot = np.array([2.0, -1.0, 0.5]), np.array([0.0, 0.0, 1.0])
ce_num = helpers.numerical_gradient(lambda u: helpers.cross_entropy_from_logits(u, t_hot), u_out)
print("softmax + CE:  numerical", ce_num.round(8), "  y - t", (helpers.softmax(u_out) - t_hot).round(8))
bce_num = helpers.numerical_diff(lambda u: float(np.logaddexp(0, u) - 1.0 * u), 0.3)  # BCE with t = 1
print("sigmoid + BCE: numerical", round(bce_num, 8), "  y - t", round(float(sigmoid(0.3)) - 1.0, 8))

# %% [markdown]
# ## 11. Sigmoid + squared error keeps a σ′ factor — and learns slowly
#
# With a sigmoid output and ½ squared error nothing cancels: $\delta = (y - t)\,\sigma'(u)$.
# When the output is confidently wrong — say $u^{(2)} = -5$ but $t = 1$ — $\sigma'(-5) \approx 0.0066$ almost kills
# the gradient, while binary cross-entropy still pushes with almost full force.

# %%
u_sat = -5.0
y_sat = float(sigmoid(u_sat))
print(f"BCE gradient           y - t          = {y_sat - 1:.4f}")
print(f"squared-error gradient (y - t)·σ'(u)  = {(y_sat - 1) * y_sat * (1 - y_sat):.4f}")

# %% [markdown]
# The plot shows both gradients as the output's weighted sum moves, for target $t = 1$. Far to the left (very wrong)
# the BCE gradient (solid) stays near −1 while the squared-error one (dashed) flattens to 0: the worse the
# prediction, the *slower* squared error learns. The same small σ′ (at most 0.25) multiplies every δ that passes
# through a sigmoid hidden layer — in deep networks this is the vanishing gradient problem (勾配消失).

# %%
u_grid = np.linspace(-8, 8, 321)
y_grid = sigmoid(u_grid)
fig, ax = plt.subplots()
ax.plot(u_grid, y_grid - 1, color=COLORS["loss"], linestyle=LINESTYLES["loss"], label="sigmoid + BCE: y − t")
ax.plot(u_grid, (y_grid - 1) * y_grid * (1 - y_grid), color=COLORS["gradient"], linestyle=LINESTYLES["gradient"],
        label="sigmoid + ½SE: (y − t)·σ′(u)")  # fmt: skip
ax.plot([u_sat, u_sat], [y_sat - 1, (y_sat - 1) * y_sat * (1 - y_sat)], "o", color=COLORS["neutral"])
ax.set(xlabel="output weighted sum u (t = 1)", ylabel="δ = ∂E/∂u", title="Output δ: 交差エントロピー vs 2乗誤差")
ax.legend(loc="lower right")
plt.show()

# %% [markdown]
# ## 12. Explorer: step through the backward pass
#
# Move the slider (or press **Next ▶** / **◀ Previous**) to walk backwards through the network one node at a time.
# Each node shows $u$ and $z$ underneath; the current node is orange, nodes whose δ is known are light, and the
# edges being differentiated turn blue with $\partial E/\partial w$ written on them. The readout gives the formula
# with its numbers. The last step applies one SGD update.

# %%
# NBVAL_IGNORE_OUTPUT
# Why: a live widget; its text form is only a placeholder. The next cell checks its logic.
stepper = helpers.explorers.ch06.backward_explorer()
stepper

# %% [markdown]
# Driven from code, every step prints the readout a learner sees (numbers to 6 significant digits).

# %%
for k in range(7):
    stepper.set(step=k)
    print(stepper.readout_text)
stepper.set(step=0)

# %% [markdown]
# ## Summary
#
# * The chain rule multiplies derivatives along a path and **adds** the paths when a variable feeds several others.
# * $\delta = \partial E/\partial u$. At the output, $\delta = y - t$ for identity + ½ squared error, softmax + cross-entropy and sigmoid + binary cross-entropy.
# * Hidden deltas come from the next layer's: $\delta_j = f'(u_j)\sum_k w_{kj}\delta_k$ — the error propagates backwards (誤差逆伝播法).
# * Every gradient is $\partial E/\partial w = \delta \cdot z_\text{prev}$; seed 003's example gives $E = 0.008873199616318052$, $\delta^{(2)} = -0.1332156$, and after one step with $\eta = 0.1$, $E = 0.005951086490063359$.
# * Check backprop against the numerical gradient (relative error < 1e-7).
# * Sigmoid + squared error keeps a σ′ factor that almost vanishes when the output saturates: use cross-entropy for classification.
#
# Next: chapter 09 trains this network on real handwritten digits.

# %% [markdown]
# ## Exercises
#
# Replace each `...` with your code and run the cell: the check answers ✓ or gives a hint.
# Solutions are in the collapsed cells below each exercise (click the ⋯ to expand).
#
# **Exercise 06.1.** Keep the network and the input, but change the target to $t = 0.5$. What is the output delta $\delta^{(2)}$?

# %%
answer_06_1 = ...  # your code here
check("06.1", answer_06_1)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer_06_1 = float(y - 0.5)  # the forward pass does not depend on t
check("06.1", answer_06_1)

# %% [markdown]
# **Exercise 06.2.** Compute by hand (numpy, from `x` and `delta1`) the gradient of $E$ (target $t = 1$) with respect
# to the weight from input $x_2$ to hidden unit $h_1$, `W1[1, 0]`.

# %%
answer_06_2 = ...  # your code here
check("06.2", answer_06_2)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer_06_2 = x[1] * delta1[0]  # z_prev (the input x2) times δ of h1
check("06.2", answer_06_2)

# %% [markdown]
# **Exercise 06.3.** Write `delta_sigmoid_se(u, t)`: the output δ = ∂E/∂u for a sigmoid output $y = \sigma(u)$ with
# $E = \tfrac12 (y - t)^2$.

# %%
def delta_sigmoid_se(u, t):
    ...  # your code here


check("06.3", delta_sigmoid_se)

# %% tags=["solution"] jupyter={"source_hidden": true}
def delta_sigmoid_se(u, t):
    y = 1 / (1 + np.exp(-u))
    return (y - t) * y * (1 - y)


check("06.3", delta_sigmoid_se)

# %% [markdown]
# **Exercise 06.4.** Start again from seed 003's network and take **two** SGD steps with $\eta = 0.1$ (target 1).
# What is the loss afterwards?

# %%
answer_06_4 = ...  # your code here
check("06.4", answer_06_4)

# %% tags=["solution"] jupyter={"source_hidden": true}
net2 = helpers.explorers.ch06.worked_example_net()
for _ in range(2):
    net2.step(net2.backward(x, t), lr=0.1)
answer_06_4 = net2.loss(x, t)
check("06.4", answer_06_4)
