# %% [markdown]
# # 07 — Computational graphs: backpropagation in pictures
#
# **What you will learn**
#
# * to draw a calculation as a computational graph (計算グラフ) and compute it from left to right — the forward propagation (順伝播);
# * to send derivatives from right to left — the backward propagation (逆伝播) — with one rule at every node: *local derivative × the gradient that arrives from the right*;
# * why an add node passes its gradient on unchanged and a multiply node swaps its inputs;
# * the book's shopping example to the last digit, including why 100 × 2 × 1.1 prints `220.00000000000003`;
# * that chapter 06's chain rule (連鎖律) is this same rule, drawn.

# %% [markdown]
# ## Setup
# Run this cell first. It imports numpy, the course's `helpers` package and applies the course plot style.

# %%
from decimal import Decimal

import matplotlib.pyplot as plt
import numpy as np

import helpers
from helpers.checks import check
from helpers.graph import ComputationalGraph, Node, draw_graph, shopping_graph, shopping_graph_with_oranges
from helpers.layers import AddLayer, MulLayer
from helpers.style import use_course_style

use_course_style()

# %% [markdown]
# ## 1. A calculation as a graph
#
# Chapter 06 derived backpropagation with formulas. The book (斎藤康毅『ゼロから作るDeep Learning』, chapter 5)
# teaches it with pictures instead: a **computational graph** (計算グラフ). Each **node** (a circle) does one small
# operation; each **edge** (an arrow) carries a value to the next node.
#
# The book's first problem: *you buy 2 apples at 100 yen each, and the consumption tax is 10 % (× 1.1).
# What do you pay?* Two multiplications, computed from left to right — the **forward propagation** (順伝播):

# %%
apple, apple_num, tax = 100, 2, 1.1
apple_price = apple * apple_num
price = apple_price * tax
print(apple_price, price)

# %% [markdown]
# The graph of the same calculation. The values flowing along the arrows are written above them:
# 100 and 2 enter the first × node, 200 leaves it, and the second × node turns 200 and 1.1 into 220.
# (The drawing rounds every number to ten significant digits; the printout above shows all of them.)

# %%
graph = shopping_graph()
state = graph.evaluate(apple=100, apple_num=2, tax=1.1)
draw_graph(graph, state, gradients=False)
plt.show()

# %% [markdown]
# ### Why `220.00000000000003`?
#
# The answer should be 220, but Python prints `220.00000000000003`. The reason is that 1.1 has no exact binary
# floating-point (浮動小数点数) form, as `0.1` had none in chapter 02. `Decimal` shows the number the computer
# really stores for 1.1, the exact product of 200 with it, and the float that the product is rounded to:

# %%
print("stored 1.1:       ", Decimal(1.1))
print("exact 200 × that: ", Decimal(200) * Decimal(1.1))
print("float 200 * 1.1:  ", Decimal(200 * 1.1))

# %% [markdown]
# The stored 1.1 is a little too large, so the exact product is 220.0000000000000178. A float64 cannot hold that
# number: near 220, neighbouring floats are $2^{-45} \approx 2.8 \times 10^{-14}$ apart, and 220.0000000000000178
# is closer to 220 + 2.8e-14 than to 220 itself. So the product is rounded up to 220 + 2.8e-14, which Python prints as
# `220.00000000000003`.

# %%
print("distance between neighbouring floats at 220:", np.spacing(220.0))
print("200 * 1.1 == 220:", 200 * 1.1 == 220)

# %% [markdown]
# ### Local computation
#
# Each node needs only the values that arrive at it. The tax node multiplies 200 by 1.1 and does not care how the
# 200 was made (one item or a hundred). This is what makes graphs useful: a large calculation becomes many small
# **local** steps, and every intermediate value stays on its edge for later use.

# %% [markdown]
# ## 2. Backward: gradients flow from right to left
#
# Now ask: *if the price of an apple goes up a little, how much does the total go up?* That is the derivative
# $\partial\,\text{price}/\partial\,\text{apple}$. On a graph we get it with the **backward propagation** (逆伝播):
# start at the right end with $\partial\,\text{price}/\partial\,\text{price} = 1$ and go from right to left.
# Every node applies the same rule:
#
# $$\underbrace{\frac{\partial L}{\partial x}}_{\text{sent to the left}} \;=\;
# \underbrace{\frac{\partial L}{\partial z}}_{\text{arrives from the right}} \times
# \underbrace{\frac{\partial z}{\partial x}}_{\text{local derivative}}
# \qquad\text{for a node } z = f(x, y).$$
#
# The local derivative depends only on the node itself, so the rule stays local in this direction too.

# %% [markdown]
# **Multiply node** $z = x\,y$: $\partial z/\partial x = y$ and $\partial z/\partial y = x$. Each input receives
# the arriving gradient times the *other* input: the inputs swap. This is why the node must remember its forward
# inputs. Written as a small class, in the book's style:

# %%
class MulNode:
    def forward(self, x, y):
        self.x, self.y = x, y  # kept for the backward pass
        return x * y

    def backward(self, dout):
        return dout * self.y, dout * self.x  # the inputs swap


# %% [markdown]
# **Add node** $z = x + y$: $\partial z/\partial x = \partial z/\partial y = 1$. The arriving gradient goes on to
# both inputs unchanged. The node needs to remember nothing.

# %%
class AddNode:
    def forward(self, x, y):
        return x + y

    def backward(self, dout):
        return dout, dout  # × 1 for both inputs


# %% [markdown]
# ## 3. The apples, backward
#
# Run the two multiply nodes forward, then backward from `dprice = 1`, exactly as the book does:

# %%
mul_apple, mul_tax = MulNode(), MulNode()
price = mul_tax.forward(mul_apple.forward(apple, apple_num), tax)

dprice = 1
dapple_price, dtax = mul_tax.backward(dprice)
dapple, dapple_num = mul_apple.backward(dapple_price)
print(price)
print(dapple, dapple_num, dtax)

# %% [markdown]
# Read the three gradients as "how much the price changes per unit change of one input":
#
# * $\partial\,\text{price}/\partial\,\text{apple} = 2.2$: one yen more per apple costs 2 × 1.1 = 2.2 yen more;
# * $\partial\,\text{price}/\partial\,\text{apple\_num} = 110$: one more apple costs 100 × 1.1 = 110 yen (printed
#   `110.00000000000001`, for the same reason as above);
# * $\partial\,\text{price}/\partial\,\text{tax} = 200$: the tax factor multiplies the 200 yen of apples.
#
# In the picture each arrow now also carries its gradient, in blue brackets below the value:

# %%
draw_graph(graph, state)
plt.show()

# %% [markdown]
# The numerical derivative of chapter 05 gives the same slope for the apple price (up to its small error):

# %%
slope = helpers.numerical_diff(lambda a: a * apple_num * tax, 100.0)
print(f"numerical d price / d apple = {slope:.10f}")

# %% [markdown]
# `helpers.layers` has these two nodes as `MulLayer` and `AddLayer` (the book's names), with input checks added.
# They give the same numbers, digit for digit:

# %%
mul_apple, mul_tax = MulLayer(), MulLayer()
price = mul_tax.forward(mul_apple.forward(apple, apple_num), tax)
dapple_price, dtax = mul_tax.backward(1)
dapple, dapple_num = mul_apple.backward(dapple_price)
print(price, dapple, dapple_num, dtax)

# %% [markdown]
# ## 4. Apples and oranges: the add node at work
#
# The book's second problem: 2 apples at 100 yen and 3 oranges at 150 yen, tax 1.1. The two subtotals meet in an
# add node. The forward pass:

# %%
orange, orange_num = 150, 3
mul_apple, mul_orange, add_fruit, mul_tax = MulLayer(), MulLayer(), AddLayer(), MulLayer()
apple_price = mul_apple.forward(apple, apple_num)
orange_price = mul_orange.forward(orange, orange_num)
all_price = add_fruit.forward(apple_price, orange_price)
price = mul_tax.forward(all_price, tax)
print(apple_price, orange_price, all_price, price)

# %% [markdown]
# Backward, in the reverse order: the tax node first, then the add node (which passes 1.1 on to both
# subtotals), then the two multiply nodes.

# %%
dall_price, dtax = mul_tax.backward(1)
dapple_price, dorange_price = add_fruit.backward(dall_price)
dapple, dapple_num = mul_apple.backward(dapple_price)
dorange, dorange_num = mul_orange.backward(dorange_price)
print(dapple_num, dapple, dorange, dorange_num, dtax)

# %% [markdown]
# `helpers.graph` holds the same graph as data: `evaluate` runs both passes with these layers and keeps every
# forward value and every gradient, and `draw_graph` draws them. The add node in the middle receives 1.1 from the
# right and sends 1.1 to both of its inputs.

# %%
graph2 = shopping_graph_with_oranges()
state2 = graph2.evaluate(apple=100, apple_num=2, orange=150, orange_num=3, tax=1.1)
draw_graph(graph2, state2, highlight="all_price")
plt.show()

# %% [markdown]
# Every node can explain its own local rule, with its numbers:

# %%
print(graph2.local_rule("all_price", state2))
print(graph2.local_rule("orange_price", state2))

# %% [markdown]
# ### Explorer: change an input, watch the graph
#
# Move a slider (or click its handle and press the arrow keys): every value above an arrow and every gradient below
# it follows. Pick a node with its button, or click the node in the figure, to read its local rule under the numbers.
# Which gradients change when you change `apple`? Which change when you change `tax`?

# %% tags=["nbval-ignore-output"]
import helpers.explorers.ch07

shop = helpers.explorers.ch07.graph_explorer()
shop

# %% [markdown]
# Driven from code: twice as many apples, then the × node that multiplies by the tax.

# %%
shop.set(apple_num=4)
print(shop.readout_text)
shop.set(apple_num=2, node="price")
print(shop.readout_text)

# %% [markdown]
# ## 5. The chain rule, drawn
#
# Chapter 06's chain rule is this rule applied node after node. Take the book's example
# $z = t^2$ with $t = x + y$. As a graph: an add node makes $t$, and a multiply node computes $t \times t$.
# Backward, the multiply node sends $\partial z/\partial z \cdot t = t$ to *each* of its two inputs — both are $t$ —
# so $t$ collects $t + t = 2t$ (paths that meet are added, as in chapter 06). The add node passes $2t$ on to $x$ and $y$:
#
# $$\frac{\partial z}{\partial x} = \frac{\partial z}{\partial t}\,\frac{\partial t}{\partial x} = 2t \cdot 1 = 2(x + y).$$
#
# At $x = 1$, $y = 2$ that is $2 \cdot 3 = 6$:

# %%
square = ComputationalGraph(
    [Node("x", "input"), Node("y", "input"), Node("t", "add", ("x", "y")), Node("z", "mul", ("t", "t"))],
    output="z",
)
chain = square.evaluate(x=1.0, y=2.0)
print("z =", chain.values["z"], "  dz/dt =", chain.grads["t"], "  dz/dx =", chain.grads["x"], "  dz/dy =", chain.grads["y"])

# %% [markdown]
# ## 6. Why this is fast
#
# One backward sweep gives the gradient for **every** input at once, and costs about as much as one forward pass.
# The numerical gradient of chapter 05 needs two forward passes *per input*. For the fruit graph with 5 inputs that
# is 10 passes instead of 2; for a network with 100,000 weights it is 200,000 passes instead of 2. That difference is
# why networks are trained with backpropagation and checked with numerical gradients (勾配確認), never the other way round.

# %%
inputs = dict(apple=100.0, apple_num=2.0, orange=150.0, orange_num=3.0, tax=1.1)
numeric = {}
for name in inputs:
    up = graph2.evaluate(**(inputs | {name: inputs[name] + 1e-4})).values["price"]
    down = graph2.evaluate(**(inputs | {name: inputs[name] - 1e-4})).values["price"]
    numeric[name] = (up - down) / 2e-4
print({name: round(g, 6) for name, g in numeric.items()}, "from", 2 * len(inputs), "forward passes")

# %% [markdown]
# The same five numbers came from the single backward pass above. Chapter 08 builds the layers of a neural network
# — ReLU, sigmoid, Affine, Softmax-with-Loss — as nodes with exactly this forward/backward pair.

# %% [markdown]
# ## Exercises
#
# Replace each `...` with your code and run the cell: the check answers ✓ or gives a hint.
#
# **Exercise 07.1.** You buy **4** apples at 100 yen each, tax 1.1. What is $\partial\,\text{price}/\partial\,\text{apple}$?

# %%
answer_07_1 = ...  # your code here
check("07.1", answer_07_1)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer_07_1 = shopping_graph().evaluate(apple=100, apple_num=4, tax=1.1).grads["apple"]
check("07.1", answer_07_1)

# %% [markdown]
# **Exercise 07.2.** Write `mul_backward(dout, x, y)` that returns the pair `(dx, dy)` a multiply node
# $z = x\,y$ sends back when `dout` arrives from the right.

# %%
def mul_backward(dout, x, y):
    ...  # your code here


check("07.2", mul_backward)

# %% tags=["solution"] jupyter={"source_hidden": true}
def mul_backward(dout, x, y):
    return dout * y, dout * x


check("07.2", mul_backward)

# %% [markdown]
# **Exercise 07.3.** Draw (on paper) the graph of $z = (x + y) \cdot x$ and compute $\partial z / \partial x$ at
# $x = 3$, $y = 2$ by backpropagation. Careful: $x$ enters the graph twice.

# %%
answer_07_3 = ...  # your code here
check("07.3", answer_07_3)

# %% tags=["solution"] jupyter={"source_hidden": true}
g = ComputationalGraph(
    [Node("x", "input"), Node("y", "input"), Node("s", "add", ("x", "y")), Node("z", "mul", ("s", "x"))], output="z"
)
answer_07_3 = g.evaluate(x=3, y=2).grads["x"]  # (x + y) from the × node plus x through the + node
check("07.3", answer_07_3)

# %% [markdown]
# ## Summary
#
# * A computational graph (計算グラフ) splits a calculation into nodes that each do one local operation; the forward propagation (順伝播) computes from left to right.
# * The backward propagation (逆伝播) starts with 1 at the right end; every node sends back *arriving gradient × local derivative*.
# * An add node passes the gradient on unchanged; a multiply node sends each input the gradient times the *other* input, so it must keep its forward inputs.
# * Where paths meet, the gradients add up — that is the several-variable chain rule of chapter 06.
# * The book's shopping example: 100 × 2 × 1.1 = `220.00000000000003` (1.1 has no exact float form); gradients 2.2, `110.00000000000001`, 200; with oranges `715.0000000000001`, and 110.00000000000001, 2.2, 3.3000000000000003, 165.0, 650.
# * One backward sweep gives every gradient for the cost of about one forward pass.
