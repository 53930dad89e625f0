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

# %% [markdown] lang="ja"
# # 07 — 計算グラフ：図で見る誤差逆伝播法
#
# **この章で学ぶこと**
#
# * 計算を計算グラフ（computational graph）として描き、左から右へ計算します。これが順伝播（forward propagation）です。
# * 右から左へ微分を伝えます。これが逆伝播（backward propagation）で、どのノードでも1つの規則 *局所的な微分 × 右から伝わってきた勾配* を使います。
# * 加算ノードが勾配をそのまま伝え、乗算ノードが入力を入れ替える理由を学びます。
# * 本の買い物の例を最後の桁まで計算します。100 × 2 × 1.1 が `220.00000000000003` と表示される理由も調べます。
# * 06章の連鎖律（chain rule）が、この同じ規則を図にしたものだとわかります。

# %% [markdown]
# ## Setup
# Run this cell first. It imports numpy, the course's `helpers` package and applies the course plot style.

# %% [markdown] lang="ja"
# ## 準備
#
# 最初にこのセルを実行してください。numpyとコースの `helpers` パッケージをインポートし、コースのグラフのスタイルを設定します。

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

# %% [markdown] lang="ja"
# ## 1. 計算をグラフで表す
#
# 06章では、誤差逆伝播法（backpropagation）を式で導きました。本（斎藤康毅『ゼロから作るDeep Learning』5章）は、代わりに図を使って教えます。それが **計算グラフ** です。
# 各 **ノード**（node、丸）は1つの小さな計算を受け持ち、各 **エッジ**（edge、矢印）は値を次のノードへ運びます。
#
# 本の最初の問題はこうです。*1個100円のりんごを2個買いました。消費税が10%（× 1.1）のとき、支払う金額はいくらでしょうか。*
# 2回の掛け算を左から右へ計算します。これが **順伝播** です。

# %%
apple, apple_num, tax = 100, 2, 1.1
apple_price = apple * apple_num
price = apple_price * tax
print(apple_price, price)

# %% [markdown]
# The graph of the same calculation. The values flowing along the arrows are written above them:
# 100 and 2 enter the first × node, 200 leaves it, and the second × node turns 200 and 1.1 into 220.
# (The drawing rounds every number to ten significant digits; the printout above shows all of them.)

# %% [markdown] lang="ja"
# 同じ計算をグラフで表します。矢印に沿って流れる値は、矢印の上に書いてあります。
# 100と2が1つ目の×ノードに入って200が出ていき、2つ目の×ノードが200と1.1から220を作ります。
# （図ではどの数値も有効数字10桁に丸めています。すべての桁は、上の出力で確かめられます。）

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

# %% [markdown] lang="ja"
# ### なぜ `220.00000000000003` になるのか
#
# 答えは220のはずですが、Pythonは `220.00000000000003` と表示します。
# その理由は、02章の `0.1` と同じく、1.1が2進数の浮動小数点数（floating-point number）で正確に表せないことです。
# `Decimal` を使うと、コンピュータが1.1として実際に記憶している数、それと200の正確な積、そしてその積を丸めた浮動小数点数が見られます。

# %%
print("stored 1.1:       ", Decimal(1.1))
print("exact 200 × that: ", Decimal(200) * Decimal(1.1))
print("float 200 * 1.1:  ", Decimal(200 * 1.1))

# %% [markdown]
# The stored 1.1 is a little too large, so the exact product is 220.0000000000000178. A float64 cannot hold that
# number: near 220, neighbouring floats are $2^{-45} \approx 2.8 \times 10^{-14}$ apart, and 220.0000000000000178
# is closer to 220 + 2.8e-14 than to 220 itself. So the product is rounded up to 220 + 2.8e-14, which Python prints as
# `220.00000000000003`.

# %% [markdown] lang="ja"
# 記憶されている1.1はわずかに大きすぎるので、正確な積は220.0000000000000178になります。float64はこの数を表せません。
# 220の近くでは、隣り合う浮動小数点数の間隔は $2^{-45} \approx 2.8 \times 10^{-14}$ です。そして220.0000000000000178は、220そのものより220 + 2.8e-14のほうに近いのです。
# そのため積は220 + 2.8e-14に切り上げられ、Pythonはそれを `220.00000000000003` と表示します。

# %%
print("distance between neighbouring floats at 220:", np.spacing(220.0))
print("200 * 1.1 == 220:", 200 * 1.1 == 220)

# %% [markdown]
# ### Local computation
#
# Each node needs only the values that arrive at it. The tax node multiplies 200 by 1.1 and does not care how the
# 200 was made (one item or a hundred). This is what makes graphs useful: a large calculation becomes many small
# **local** steps, and every intermediate value stays on its edge for later use.

# %% [markdown] lang="ja"
# ### 局所的な計算
#
# 各ノードが必要とするのは、自分に届いた値だけです。消費税のノードは200に1.1を掛けるだけです。200の内訳（品物1個の値段なのか、100個分の合計なのか）は気にしません。
# これがグラフの便利なところです。大きな計算が、たくさんの小さな **局所的な**（local）ステップに分かれます。そして途中の値はすべてエッジの上に残り、あとで使えます。

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

# %% [markdown] lang="ja"
# ## 2. 逆伝播：勾配は右から左へ流れる
#
# では、*りんごの値段が少し上がったら、支払う金額はどれだけ上がるでしょうか。* これは微分 $\partial\,\text{price}/\partial\,\text{apple}$ です。
# 計算グラフでは、これを **逆伝播** で求めます。右端の $\partial\,\text{price}/\partial\,\text{price} = 1$ から出発し、右から左へ進みます。
# どのノードも同じ規則を使います。
#
# $$\underbrace{\frac{\partial L}{\partial x}}_{\text{左へ送る}} \;=\;
# \underbrace{\frac{\partial L}{\partial z}}_{\text{右から届く}} \times
# \underbrace{\frac{\partial z}{\partial x}}_{\text{局所的な微分}}
# \qquad\text{ノード } z = f(x, y) \text{ について}$$
#
# この式は、ノード $z = f(x, y)$ についての規則です。
# 左へ送る微分（sent to the left）は、右から届いた微分（arrives from the right）と局所的な微分（local derivative）の積です。
# 局所的な微分はノード自身だけで決まるので、この向きでも計算は局所的なままです。

# %% [markdown]
# **Multiply node** $z = x\,y$: $\partial z/\partial x = y$ and $\partial z/\partial y = x$. Each input receives
# the arriving gradient times the *other* input: the inputs swap. This is why the node must remember its forward
# inputs. Written as a small class, in the book's style:

# %% [markdown] lang="ja"
# **乗算ノード** $z = x\,y$ では、$\partial z/\partial x = y$、$\partial z/\partial y = x$ です。各入力は、届いた勾配に *もう一方の* 入力を掛けたものを受け取ります。つまり入力が入れ替わります。
# そのため、乗算ノードは順伝播のときの入力を覚えておく必要があります。本のスタイルで、小さなクラスとして書いてみましょう。

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

# %% [markdown] lang="ja"
# **加算ノード** $z = x + y$ では、$\partial z/\partial x = \partial z/\partial y = 1$ です。届いた勾配は、そのまま両方の入力へ伝わります。加算ノードは何も覚えておく必要がありません。

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

# %% [markdown] lang="ja"
# ## 3. りんごの例を逆向きに
#
# 本とまったく同じように、2つの乗算ノードで順伝播したあと、`dprice = 1` を出発点に逆伝播します。

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

# %% [markdown] lang="ja"
# 3つの勾配は、「1つの入力を1単位変えたとき、支払う金額がどれだけ変わるか」と読みます。
#
# * $\partial\,\text{price}/\partial\,\text{apple} = 2.2$：りんご1個の値段が1円上がると、支払う金額は2 × 1.1 = 2.2円上がります。
# * $\partial\,\text{price}/\partial\,\text{apple\_num} = 110$：りんごを1個多く買うと、100 × 1.1 = 110円多くかかります。上と同じ理由で、`110.00000000000001` と表示されます。
# * $\partial\,\text{price}/\partial\,\text{tax} = 200$：消費税の係数は、りんごの代金200円に掛かります。
#
# 図では、各矢印が値に加えて勾配も運びます。勾配は、値の下に青い括弧で書いてあります。

# %%
draw_graph(graph, state)
plt.show()

# %% [markdown]
# The numerical derivative of chapter 05 gives the same slope for the apple price (up to its small error):

# %% [markdown] lang="ja"
# 05章の数値微分（numerical differentiation）でも、りんごの値段について同じ傾きが得られます（小さな誤差を除いて）。

# %%
slope = helpers.numerical_diff(lambda a: a * apple_num * tax, 100.0)
print(f"numerical d price / d apple = {slope:.10f}")

# %% [markdown]
# `helpers.layers` has these two nodes as `MulLayer` and `AddLayer` (the book's names), with input checks added.
# They give the same numbers, digit for digit:

# %% [markdown] lang="ja"
# `helpers.layers` には、この2つのノードが `MulLayer` と `AddLayer`（本と同じ名前）として入っていて、入力のチェックも追加されています。
# どちらも、最後の桁まで同じ数値を返します。

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

# %% [markdown] lang="ja"
# ## 4. りんごとみかん：加算ノードの働き
#
# 本の2つ目の問題は、1個100円のりんごを2個と、1個150円のみかんを3個買い、消費税が1.1の場合です。2つの小計は加算ノードで合流します。順伝播は次のとおりです。

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

# %% [markdown] lang="ja"
# 逆伝播は逆の順番で行います。まず消費税のノード、次に加算ノード（1.1を両方の小計にそのまま伝えます）、最後に2つの乗算ノードです。

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

# %% [markdown] lang="ja"
# `helpers.graph` は、同じグラフをデータとして持っています。`evaluate` はこれらのレイヤで順伝播と逆伝播の両方を実行し、順伝播のすべての値とすべての勾配を保持します。`draw_graph` はそれを描きます。
# 真ん中の加算ノードは、右から1.1を受け取り、両方の入力へ1.1を送ります。

# %%
graph2 = shopping_graph_with_oranges()
state2 = graph2.evaluate(apple=100, apple_num=2, orange=150, orange_num=3, tax=1.1)
draw_graph(graph2, state2, highlight="all_price")
plt.show()

# %% [markdown]
# Every node can explain its own local rule, with its numbers:

# %% [markdown] lang="ja"
# どのノードも、自分の局所的な規則を数値入りで説明できます。

# %%
print(graph2.local_rule("all_price", state2))
print(graph2.local_rule("orange_price", state2))

# %% [markdown]
# ### Explorer: change an input, watch the graph
#
# Move a slider (or click its handle and press the arrow keys): every value above an arrow and every gradient below
# it follows. Pick a node with its button, or click the node in the figure, to read its local rule under the numbers.
# Which gradients change when you change `apple`? Which change when you change `tax`?

# %% [markdown] lang="ja"
# ### エクスプローラー：入力を変えてグラフを見る
#
# スライダーを動かしてください（つまみをクリックして矢印キーを押しても動かせます）。矢印の上の値と下の勾配が、すべてそれに合わせて変わります。
# ボタンでノードを選ぶか、図の中のノードをクリックすると、数値の下にそのノードの局所的な規則が表示されます。
# `apple` を変えると、どの勾配が変わるでしょうか。`tax` を変えたときはどうでしょうか。

# %% tags=["nbval-ignore-output"]
import helpers.explorers.ch07

shop = helpers.explorers.ch07.graph_explorer()
shop

# %% [markdown]
# Driven from code: twice as many apples, then the × node that multiplies by the tax.

# %% [markdown] lang="ja"
# コードから動かします。りんごを2倍の個数にし、次に消費税を掛ける×ノードを選びます。

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

# %% [markdown] lang="ja"
# ## 5. 図で見る連鎖律
#
# 06章の連鎖律は、この規則をノードからノードへと適用したものです。本の例 $t = x + y$、$z = t^2$ を使いましょう。
# グラフでは、加算ノードが $t$ を作り、乗算ノードが $t \times t$ を計算します。
# 逆伝播では、乗算ノードは $\partial z/\partial z \cdot t = t$ を2つの入力の *それぞれに* 送ります。どちらの入力も $t$ なので、$t$ には $t + t = 2t$ が集まります（06章と同じく、合流する経路は足し合わされます）。
# 加算ノードは、$2t$ をそのまま $x$ と $y$ に伝えます。
#
# $$\frac{\partial z}{\partial x} = \frac{\partial z}{\partial t}\,\frac{\partial t}{\partial x} = 2t \cdot 1 = 2(x + y).$$
#
# $x = 1$、$y = 2$ では $2 \cdot 3 = 6$ です。

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

# %% [markdown] lang="ja"
# ## 6. 逆伝播が速い理由
#
# 1回の逆伝播で、**すべての** 入力についての勾配が一度に求まります。そのコストは、順伝播1回分とほぼ同じです。
# 05章の数値微分による勾配では、*入力1つにつき* 順伝播が2回必要です。
# 入力が5つある果物のグラフなら、2回で済むところが10回になります。重みが100,000個あるニューラルネットワークなら、2回で済むところが200,000回です。
# この違いがあるので、ニューラルネットワークは誤差逆伝播法で学習し、数値微分の勾配はその確認だけに使います。
# これが勾配確認（gradient check）で、逆の使い方はしません。

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

# %% [markdown] lang="ja"
# 同じ5つの数値は、上の1回の逆伝播ですでに得られていました。08章では、ニューラルネットワークのレイヤ（ReLU、シグモイド、Affine、Softmax-with-Loss）を、まさにこの順伝播と逆伝播の組を持つノードとして組み立てます。

# %% [markdown]
# ## Exercises
#
# Replace each `...` with your code and run the cell: the check answers ✓ or gives a hint.
#
# **Exercise 07.1.** You buy **4** apples at 100 yen each, tax 1.1. What is $\partial\,\text{price}/\partial\,\text{apple}$?

# %% [markdown] lang="ja"
# ## 演習
#
# それぞれの `...` をあなたのコードに置き換えて、セルを実行してください。チェックが ✓ を返すか、ヒントを出します。
#
# **演習 07.1** 1個100円のりんごを **4** 個買い、消費税は1.1です。$\partial\,\text{price}/\partial\,\text{apple}$ はいくつですか。

# %%
answer_07_1 = ...  # your code here
check("07.1", answer_07_1)

# %% tags=["solution"] jupyter={"source_hidden": true}
answer_07_1 = shopping_graph().evaluate(apple=100, apple_num=4, tax=1.1).grads["apple"]
check("07.1", answer_07_1)

# %% [markdown]
# **Exercise 07.2.** Write `mul_backward(dout, x, y)` that returns the pair `(dx, dy)` a multiply node
# $z = x\,y$ sends back when `dout` arrives from the right.

# %% [markdown] lang="ja"
# **演習 07.2** 乗算ノード $z = x\,y$ に右から `dout` が届いたとき、そのノードが送り返す組 `(dx, dy)` を返す `mul_backward(dout, x, y)` を書いてください。

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

# %% [markdown] lang="ja"
# **演習 07.3** $z = (x + y) \cdot x$ の計算グラフを（紙に）描き、$x = 3$、$y = 2$ での $\partial z / \partial x$ を逆伝播で計算してください。
# 注意：$x$ はグラフに2回入ってきます。

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
# * The book's shopping example: 100 × 2 × 1.1 = `220.00000000000003` (1.1 has no exact float form); gradients 2.2 (apple price), `110.00000000000001` (apple count), 200 (tax); with oranges `715.0000000000001`, and gradients 110.00000000000001 (apple count), 2.2 (apple price), 3.3000000000000003 (orange price), 165.0 (orange count), 650 (tax).
# * One backward sweep gives every gradient for the cost of about one forward pass.

# %% [markdown] lang="ja"
# ## まとめ
#
# * 計算グラフは、計算をノードに分けます。各ノードは1つの局所的な計算を受け持ちます。順伝播は左から右へ計算します。
# * 逆伝播は、右端の1から始まります。どのノードも *届いた勾配 × 局所的な微分* を送り返します。
# * 加算ノードは勾配をそのまま伝えます。乗算ノードは各入力に、勾配と *もう一方の* 入力の積を送ります。そのため順伝播の入力を覚えておく必要があります。
# * 経路が合流するところでは、勾配が足し合わされます。これが06章の多変数の連鎖律です。
# * 本の買い物の例では、100 × 2 × 1.1 = `220.00000000000003` です（1.1は浮動小数点数で正確に表せません）。勾配は、りんごの値段について2.2、りんごの個数について `110.00000000000001`、消費税について200です。
#   みかんも買うと `715.0000000000001` です。このときの勾配は、りんごの個数について110.00000000000001、りんごの値段について2.2です。
#   みかんの値段について3.3000000000000003、みかんの個数について165.0、消費税について650です。
# * 1回の逆伝播で、順伝播1回分ほどのコストですべての勾配が求まります。

# %% [raw] teacher="en"
# **Objectives.** A calculation as a computational graph (計算グラフ): nodes, edges, forward propagation (順伝播) from
# left to right; backward propagation (逆伝播) from right to left with one local rule — arriving gradient × local
# derivative; add node passes the gradient on, multiply node swaps its inputs; the book's shopping example to the
# digit (100 × 2 × 1.1 = 220.00000000000003 and why; gradients 2.2 (apple price), 110.00000000000001 (apple count), 200 (tax);
# with oranges 715.0000000000001 and gradients 110.00000000000001 (apple count), 2.2 (apple price), 3.3000000000000003
# (orange price), 165.0 (orange count), 650 (tax)); the chain rule as a graph; why one
# backward sweep is cheaper than numerical gradients.
#
# **10-minute demo.** Draw the apple graph on the board, let the class compute the forward values, then hand out the
# "1" at the right end and ask each row of students to be one node and pass the gradient left. Run the chapter's
# cells to confirm the numbers; ask why 220.00000000000003 (the `Decimal` cell answers it). Finish on the apples and
# oranges drawing: the add node sends 1.1 to both subtotals.
#
# **Misconceptions.** "The gradient of the add node doubles" — it copies, each input gets the same value. "Backward
# needs only the gradient" — a multiply node needs its forward inputs; that is why layers store them. "220.00000000000003
# is a bug in Python" — it is binary floating point (chapter 02's …07).
#
# **Discussion.** What must a node remember from the forward pass to do its backward pass? If an input feeds two nodes,
# what happens to its gradient?
#
# **Exercise answers.** 07.1: with 4 apples ∂price/∂apple = 4 × 1.1 = **4.4**. 07.2:
# `mul_backward = lambda dout, x, y: (dout * y, dout * x)` (each input gets dout times the other). 07.3: z = (x + y)·x at x = 3, y = 2: ∂z/∂x = (x + y) + x = **8**.

# %% [raw] teacher="ja"
# **ねらい。**
#
# * 計算を計算グラフ（computational graph）として表します。ノード、エッジ、左から右への順伝播（forward propagation）を学びます。
# * 右から左への逆伝播（backward propagation）は、ただ1つの局所的な規則「流れてきた勾配 × 局所的な微分」で進みます。
# * 加算ノードは勾配をそのまま流し、乗算ノードは入力を入れ替えます。
# * 本の買い物の例を最後の桁まで計算します。100 × 2 × 1.1 = 220.00000000000003になる理由も扱います。勾配は、りんごの値段について2.2、個数について110.00000000000001、消費税について200です。
# * みかんを加えると715.0000000000001になります。勾配は、りんごの個数について110.00000000000001、値段について2.2、みかんの値段について3.3000000000000003、個数について165.0、消費税について650です。
# * グラフとしての連鎖律を見ます。逆向きに1回たどるほうが、数値勾配より安い理由も学びます。
#
# **10分間のデモ。** 黒板にりんごのグラフを描き、クラスに順伝播の値を計算させます。次に右端の「1」を渡し、生徒の各列に1つのノードを担当させて、勾配を左へ渡していきます。章のセルを実行して数値を確かめ、なぜ220.00000000000003なのかを問いかけます（`Decimal` のセルが答えます）。最後はりんごとみかんの図です。加算ノードは1.1を両方の小計に送ります。
#
# **よくある誤解。** 「加算ノードの勾配は2倍になる」：勾配はコピーされ、どちらの入力にも同じ値が届きます。「逆伝播には勾配だけがあればよい」：乗算ノードには順伝播の入力が必要です。レイヤがそれを保存しておくのはそのためです。「220.00000000000003はPythonのバグだ」：2進数の浮動小数点数のためです（02章の…07と同じです）。
#
# **話し合いの問い。** ノードが逆伝播するには、順伝播から何を覚えておかなければならないでしょうか。1つの入力が2つのノードに入っているとき、その勾配はどうなるでしょうか。
#
# **演習の解答。** 07.1: りんごが4個のとき ∂price/∂apple = 4 × 1.1 = **4.4**。07.2:
# `mul_backward = lambda dout, x, y: (dout * y, dout * x)`（それぞれの入力は、doutにもう一方の入力を掛けたものを受け取ります）。
# 07.3: x = 3、y = 2でのz = (x + y)·x：∂z/∂x = (x + y) + x = **8**。
