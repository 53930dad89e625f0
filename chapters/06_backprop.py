# %% [markdown]
# # 06 — Backpropagation, derived
#
# **What you will learn**
#
# * the chain rule (連鎖律) for one and for several variables, checked with numbers;
# * a small network — weighted sums (重み付き和) $u$, activations $z = f(u)$, a sigmoid hidden layer, an identity (恒等関数) output and ½ squared error — and its forward pass (順伝播);
# * backpropagation (誤差逆伝播法): the output $\delta = y - t$, the hidden $\delta_j = f'(u_j)\sum_k w_{kj}\delta_k$, $\partial E/\partial w = \delta \cdot z_\text{prev}$ — computed by hand, compared with `helpers` and with the numerical gradient (勾配);
# * why softmax + cross-entropy and sigmoid + binary cross-entropy also give $\delta = y - t$ (derived step by step), and why sigmoid + squared error learns slowly;
# * to step through the backward pass one node at a time on a drawing of the network.

# %% [markdown]
# ## Setup
# Run this cell first. It imports numpy, the course's `helpers` package and applies the course plot style.

# %%
import matplotlib.pyplot as plt
import numpy as np

import helpers
from helpers.checks import check
from helpers.network import TwoLayerNet, sigmoid, sigmoid_grad
from helpers.style import COLORS, LINESTYLES, use_course_style

use_course_style()

# %% [markdown]
# ## 1. The chain rule (連鎖律)
#
# Training needs $\partial E / \partial w$ — the **partial derivative** (偏微分) of the loss $E$ with respect to one
# weight $w$, the others held fixed — for every weight. But $E$ depends on $w$ only through a chain of
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
# That sum over paths is the key idea of backpropagation: a hidden unit feeds several later units, so its
# derivative collects one term from each of them.

# %% [markdown]
# ## 2. The network and its notation
#
# The network and the formulas follow the article [[src:003]]. Two inputs, two hidden units, one output. Each unit
# first forms a **weighted sum** (重み付き和) $u$ of what flows in, then applies an **activation function** (活性化関数)
# $f$: $z = f(u)$.
#
# * hidden layer: $u^{(1)}_j = \sum_i x_i w^{(1)}_{ji} + b^{(1)}_j$, $z^{(1)}_j = \sigma(u^{(1)}_j)$ — each hidden unit
#   $j$ has its own bias $b^{(1)}_j$; $\sigma$ is the **sigmoid** (シグモイド関数) $\sigma(u) = 1/(1+e^{-u})$;
# * output layer: $u^{(2)} = \sum_j z^{(1)}_j w^{(2)}_{j} + b^{(2)}$, $y = u^{(2)}$ — the **identity function** (恒等関数), as for regression;
# * loss: $E = \tfrac12 (y - t)^2$ (½ squared error, chapter 02).
#
# In code `W1[i, j]` is the weight *from* input $i$ *to* hidden unit $j$ (rows = inputs), as in the book's `x @ W1 + b1`;
# the article writes $w_{ji}$ for the same weight. The example's numbers are the course's own (the article gives the
# formulas, not these values). Both hidden biases start at 0.1, but they are two parameters: each gets its own
# gradient and its own update.

# %%
x = np.array([1.0, 0.5])
W1 = np.array([[0.1, 0.2], [0.3, 0.4]])  # W1[i, j]: input i -> hidden j
b1 = np.array([0.1, 0.1])  # b1[j]: the bias of hidden unit j
W2 = np.array([0.5, 0.6])  # hidden j -> output
b2 = 0.2
t = 1.0

# %% [markdown]
# ## 3. The forward pass (順伝播), every intermediate
#
# Hidden weighted sums: $u^{(1)}_1 = 1 \cdot 0.1 + 0.5 \cdot 0.3 + b^{(1)}_1 = 0.35$ and
# $u^{(1)}_2 = 1 \cdot 0.2 + 0.5 \cdot 0.4 + b^{(1)}_2 = 0.5$.

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
# The article [[src:003]] names the derivative of the loss with respect to a unit's weighted sum its **delta**, the
# **error signal** of that unit: $\delta = \partial E / \partial u$.
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
# = f'(u^{(1)}_j) \sum_k w^{(2)}_{kj}\, \delta^{(2)}_k .$$
#
# Here there is one output, so the sum has one term; $f' = \sigma' = z(1 - z)$.
#
# **Which weight is $w^{(2)}_{kj}$ in the code?** The article writes the index of the unit the weight leads *to* first:
# $w^{(2)}_{kj}$ connects hidden unit $j$ to output unit $k$. The code stores it the other way round, like the book and
# chapter 08's layers: rows are the units a weight comes *from* — `W2[j, k]` for $K$ outputs, and here, with one
# output, just `W2[j]`. So $w^{(2)}_{kj}$ is `W2[j]`, and $\sum_k w^{(2)}_{kj}\,\delta^{(2)}_k$ is `W2[j] * delta2`
# (for $K$ outputs, `W2 @ delta2`).

# %%
sig_grad = z1 * (1 - z1)  # σ'(u1) = z(1 - z)
delta1 = sig_grad * W2 * delta2  # f'(u_j) · w⁽²⁾_kj · δ_k with w⁽²⁾_kj = W2[j] (one output k)
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
# ($z^{(1)}$ for the output weights, $x$ for the hidden weights). A bias sees a constant input 1, so its gradient is
# the δ of its unit: $\partial E/\partial b^{(1)}_j = \delta^{(1)}_j$ — two hidden biases, two gradients.

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
# gradients). Every number agrees with the hand computation. (Inside, it is made of *layers* — small building blocks
# with a forward and a backward pass each; chapters 07 and 08 open it up.)

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
# central difference (chapter 05) on each parameter. A relative error below $10^{-7}$ means they agree. (Here it is
# about $10^{-10}$; its exact digits depend on how the processor rounds, so we print only the verdict.)

# %%
for name in ("W1", "b1", "W2", "b2"):
    def loss_of(p, name=name):
        params = net.params() | {name: p}
        return TwoLayerNet(**params).loss(x, t)

    numeric = helpers.numerical_gradient(loss_of, getattr(net, name))
    err = helpers.gradient_check(bw.grads()[name], numeric)
    print(f"{name}: relative error below 1e-7: {err < 1e-7}")

# %% [markdown]
# ## 9. One step of gradient descent
#
# Move every parameter against its gradient with learning rate (学習率) $\eta = 0.1$: $w \leftarrow w - \eta\,\partial E/\partial w$.
# Each hidden bias moves by its own gradient, so the two biases, equal before, now differ.
# The loss drops from 0.00887 to 0.00595.
#
# We print the new loss to 12 significant digits. The computer adds the terms of a matrix product (`@`) in an order
# and with instructions that depend on the processor and its math library (BLAS), and that can change the 16th or 17th
# digit. Twelve digits are the same on every machine.

# %%
eta = 0.1
W1_new, b1_new = W1 - eta * dW1, b1 - eta * db1
W2_new, b2_new = W2 - eta * dW2, b2 - eta * db2
print("b1 after one step:", b1_new)
y_new = (1 / (1 + np.exp(-(x @ W1_new + b1_new)))) @ W2_new + b2_new
E_new = 0.5 * (y_new - t) ** 2
print(f"E after one step (by hand): {E_new:.12g}")

# %%
net.step(bw, lr=eta)  # updates net in place
print(f"E after one step (helpers): {net.loss(x, t):.12g}   same: {np.isclose(net.loss(x, t), E_new, rtol=1e-12)}")

# %% [markdown]
# ## 10. Why softmax + cross-entropy and sigmoid + BCE also give δ = y − t
#
# This result is the biggest step of the chapter and an exam favourite, so we derive it slowly.
#
# **Softmax + cross-entropy.** The output layer has weighted sums $u_1, \dots, u_K$ (the logits). The softmax turns
# them into probabilities, and the loss is cross-entropy with a one-hot target $t$:
#
# $$y_k = \frac{e^{u_k}}{S}, \quad S = \sum_m e^{u_m}, \qquad E = -\sum_k t_k \log y_k .$$
#
# We want $\delta_i = \partial E / \partial u_i$ for one output $i$.
#
# *Step 1 — take the log first.* $\log y_k = u_k - \log S$. This is easier to differentiate than $y_k$ itself.
#
# *Step 2 — differentiate $\log y_k$ with respect to $u_i$.* The first term $u_k$ depends on $u_i$ only when $k = i$.
# The second term gives $\frac{\partial \log S}{\partial u_i} = \frac{1}{S}\,e^{u_i} = y_i$. There are two cases:
#
# * $k = i$: $\;\dfrac{\partial \log y_i}{\partial u_i} = 1 - y_i$;
# * $k \ne i$: $\;\dfrac{\partial \log y_k}{\partial u_i} = 0 - y_i = -y_i$.
#
# One formula covers both: $\frac{\partial \log y_k}{\partial u_i} = [k = i] - y_i$, where $[k = i]$ is 1 when $k = i$
# and 0 otherwise. This switch is the **Kronecker delta** (クロネッカーのデルタ). Textbooks and E資格 write it
# $\delta_{ki}$; this course writes $[k = i]$, to keep the letter δ for the error signal.
#
# *Step 3 — the chain rule through the sum.* $E$ depends on $u_i$ through every $\log y_k$:
#
# $$\delta_i = \frac{\partial E}{\partial u_i} = -\sum_k t_k \frac{\partial \log y_k}{\partial u_i}
# = -\sum_k t_k \bigl([k = i] - y_i\bigr) = -t_i + y_i \sum_k t_k .$$
#
# *Step 4 — use that the targets sum to 1.* A one-hot (or any probability) target has $\sum_k t_k = 1$, so
#
# $$\delta_i = y_i - t_i .$$
#
# The numbers: for the logits $u = (2, -1, 0.5)$ the matrix of $\partial \log y_k / \partial u_i$ (row $k$, column
# $i$), measured numerically, equals $[k = i] - y_i$ — on the diagonal $1 - y_i$, elsewhere $-y_i$:

# %%
u_demo = np.array([2.0, -1.0, 0.5])
y_demo = helpers.softmax(u_demo)
jac = np.array([helpers.numerical_gradient(lambda u, k=k: float(helpers.log_softmax(u)[k]), u_demo) for k in range(3)])
print("numerical ∂log y_k/∂u_i:\n", jac.round(6))
print("[k = i] - y_i:\n", (np.eye(3) - y_demo).round(6))

# %% [markdown]
# **Sigmoid + binary cross-entropy.** With $y = \sigma(u)$ and $E = -t\log y - (1-t)\log(1-y)$:
# $\partial E/\partial y = -\frac{t}{y} + \frac{1-t}{1-y} = \frac{y - t}{y(1-y)}$ and $\sigma'(u) = y(1-y)$. Their
# product cancels, leaving $\delta = y - t$.
#
# In both cases the derivative of the loss's log exactly undoes the derivative of the output function.
# Check both numerically:

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

# %% tags=["nbval-ignore-output"]
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
# ## Exercises
#
# Replace each `...` with your code and run the cell: the check answers ✓ or gives a hint. The network's values
# `x`, `W1`, `b1`, `W2`, `b2` of section 2 are never changed by the chapter, so you can use them in every exercise.
#
# **Exercise 06.1.** Keep the network and the input, but change the target to $t = 0.5$. What is the output delta
# $\delta^{(2)}$?

# %%
answer_06_1 = ...  # your code here
check("06.1", answer_06_1)

# %% tags=["solution"]
z1_ = sigmoid(x @ W1 + b1)
y_ = z1_ @ W2 + b2  # the forward pass does not depend on t
answer_06_1 = float(y_ - 0.5)
check("06.1", answer_06_1)

# %% [markdown]
# **Exercise 06.2.** A new input $x = [2.0, -1.0]$, the same weights and target $t = 1$. Compute by hand (numpy,
# following sections 3–6) the gradient of $E$ with respect to the weight from input $x_2$ to hidden unit 1,
# `W1[1, 0]`.

# %%
answer_06_2 = ...  # your code here
check("06.2", answer_06_2)

# %% tags=["solution"]
x_new = np.array([2.0, -1.0])
z1_new = sigmoid(x_new @ W1 + b1)  # forward pass for the new input
delta2_new = (z1_new @ W2 + b2) - 1.0  # y - t
delta1_new = z1_new * (1 - z1_new) * W2 * delta2_new  # σ'(u) · w · δ2
answer_06_2 = x_new[1] * delta1_new[0]  # the input x2 times δ of hidden unit 1
check("06.2", answer_06_2)

# %% [markdown]
# **Exercise 06.3.** Another output function: $y = \tanh(u)$, whose derivative is $\tanh'(u) = 1 - \tanh^2(u)$, with
# ½ squared error $E = \tfrac12 (y - t)^2$. Write `delta_tanh_se(u, t)`: the output δ = ∂E/∂u.

# %%
def delta_tanh_se(u, t):
    ...  # your code here


check("06.3", delta_tanh_se)

# %% tags=["solution"]
def delta_tanh_se(u, t):
    y = np.tanh(u)
    return (y - t) * (1 - y**2)  # ∂E/∂y · ∂y/∂u


check("06.3", delta_tanh_se)

# %% [markdown]
# **Exercise 06.4.** Build a fresh network from section 2's values, `TwoLayerNet(W1, b1, W2, b2)` (as in section 7),
# and take **two** SGD steps with $\eta = 0.1$ (target 1). What is the loss afterwards?

# %%
answer_06_4 = ...  # your code here
check("06.4", answer_06_4)

# %% tags=["solution"]
net2 = TwoLayerNet(W1, b1, W2, b2)  # a fresh copy: section 9's `net` has already taken a step
for _ in range(2):
    net2.step(net2.backward(x, 1.0), lr=0.1)
answer_06_4 = net2.loss(x, 1.0)
check("06.4", answer_06_4)

# %% [markdown]
# ## Summary
#
# * The chain rule multiplies derivatives along a path and **adds** the paths when a variable feeds several others.
# * $\delta = \partial E/\partial u$. At the output, $\delta = y - t$ for identity + ½ squared error, softmax + cross-entropy and sigmoid + binary cross-entropy.
# * Hidden deltas come from the next layer's: $\delta_j = f'(u_j)\sum_k w_{kj}\delta_k$ — the error propagates backwards (誤差逆伝播法).
# * Every gradient is $\partial E/\partial w = \delta \cdot z_\text{prev}$; the worked example gives $E = 0.008873199616318052$, $\delta^{(2)} = -0.1332156$, and after one step with $\eta = 0.1$, $E \approx 0.00595108649006$.
# * Softmax + cross-entropy: $\partial \log y_k/\partial u_i = [k = i] - y_i$ (the Kronecker delta), so $\delta_i = y_i - t_i$.
# * Check backprop against the numerical gradient (relative error < 1e-7).
# * Sigmoid + squared error keeps a σ′ factor that almost vanishes when the output saturates: use cross-entropy for classification.
