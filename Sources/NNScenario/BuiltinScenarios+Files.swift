// GENERATED from scenarios/*.yaml by Tests/NNScenarioTests/BuiltinSyncTests.swift — do not edit.
// After changing a scenario, regenerate with:
//     NNX_UPDATE_BUILTINS=1 swift test --filter NNScenarioTests.BuiltinSyncTests

extension BuiltinScenarios {
    static let embeddedFiles: [(name: String, text: String)] = [
("cnn-digits.yaml", #"""
# A small convolutional network learns the 8×8 handwritten digits (1,797 images, UCI optdigits): 16 kernels
# of 3×3 over the image (same padding), ReLU, 2×2 max pooling, then a dense layer of 10 units and a softmax
# over the 10 classes; cross-entropy loss, mini-batch SGD with momentum. A quarter of the images, drawn with
# the seed, are held out as the test set. Measured from this seed: 94.7 % test accuracy after the first
# epoch, 98.7 % after the tenth. Use ←/→ to browse the test images and w for the next one it gets wrong.
title: "CNN: a small network learns handwritten digits"
summary: 16 kernels, ReLU, max pooling and a dense softmax layer reach 98 % on held-out 8x8 digits.
seed: 1
model: cnn
data:
  images: optdigits
  probe: 0
cnn:
  layers:
    - conv: {kernels: 16, size: 3, padding: same}   # weights drawn with the seed (He, for the ReLU)
    - activation: relu
    - pool: {kind: max, size: 2, stride: 2}
    - flatten
    - dense: {units: 10}
    - softmax
  learning_rate: 0.05
  momentum: 0.9
  batch_size: 16
  max_epochs: 10
  test_split: 0.25

"""#),
("cnn-edge-kernels.yaml", #"""
# Convolution with four hand-set 3×3 kernels, no training: what each kernel picks out of a bright square.
# Correlation (what deep-learning libraries compute): output(i, j) = Σ_kl w_kl · image(i + k, j + l) + b.
# The vertical-edge kernel [1, 0, −1] is positive where dark meets light going left (the square's right
# side) and negative on its left side; ReLU then keeps only the positive side. Press v for the numbers.
title: "CNN: edge, blur and sharpen kernels"
summary: Four hand-set 3x3 kernels on a bright square find vertical and horizontal edges, blur and sharpen.
seed: 1
model: cnn
data:
  image:                        # 12×12: a bright 6×6 square (9) on a dark ground (0)
    - [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    - [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    - [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    - [0, 0, 0, 9, 9, 9, 9, 9, 9, 0, 0, 0]
    - [0, 0, 0, 9, 9, 9, 9, 9, 9, 0, 0, 0]
    - [0, 0, 0, 9, 9, 9, 9, 9, 9, 0, 0, 0]
    - [0, 0, 0, 9, 9, 9, 9, 9, 9, 0, 0, 0]
    - [0, 0, 0, 9, 9, 9, 9, 9, 9, 0, 0, 0]
    - [0, 0, 0, 9, 9, 9, 9, 9, 9, 0, 0, 0]
    - [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    - [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    - [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
cnn:
  layers:
    - conv:
        kernels: 4
        size: 3
        stride: 1
        padding: valid          # 12×12 → 10×10: only windows inside the image
        mode: correlation
        weights:                # [kernel][input map][row][column]
          - [[[1, 0, -1], [1, 0, -1], [1, 0, -1]]]                  # vertical edge
          - [[[1, 1, 1], [0, 0, 0], [-1, -1, -1]]]                  # horizontal edge
          - [[[0.111, 0.111, 0.111], [0.111, 0.111, 0.111], [0.111, 0.111, 0.111]]]   # blur: the mean of 9
          - [[[0, -1, 0], [-1, 5, -1], [0, -1, 0]]]                 # sharpen
        bias: [0, 0, 0, 0]
        frozen: true
    - activation: relu          # negative responses become 0
    - pool: {kind: max, size: 2, stride: 2}   # 10×10 → 5×5: the strongest response in each 2×2 window

"""#),
("cnn-edge-shapes.yaml", #"""
# The edge, blur and sharpen kernels of cnn-edge-kernels.yaml on generated shapes: vertical and horizontal
# bars, vertical edges, crosses and square outlines, 16×16 with a little noise. Browse them with ←/→ and see
# which kernel answers to which shape: the vertical-edge kernel lights up on vertical bars and edges and
# stays dark on horizontal bars. Nothing is trained.
title: "CNN: edge kernels on generated shapes"
summary: The same hand-set kernels on bars, edges, crosses and squares; browse the shapes with the arrow keys.
seed: 1
model: cnn
data:
  images: shapes                # 100 each of vertical bar, horizontal bar, vertical edge, cross, square
  probe: 4
cnn:
  layers:
    - conv:
        kernels: 4
        size: 3
        padding: same           # 16×16 stays 16×16
        weights:
          - [[[1, 0, -1], [1, 0, -1], [1, 0, -1]]]                  # vertical edge
          - [[[1, 1, 1], [0, 0, 0], [-1, -1, -1]]]                  # horizontal edge
          - [[[0.111, 0.111, 0.111], [0.111, 0.111, 0.111], [0.111, 0.111, 0.111]]]   # blur
          - [[[0, -1, 0], [-1, 5, -1], [0, -1, 0]]]                 # sharpen
        frozen: true
    - activation: relu
    - pool: {kind: max, size: 2}

"""#),
("cnn-glyphs.yaml", #"""
# A LeNet-like network learns generated 16×16 digits: each drawn from a 5×7 font at twice its size,
# shifted anywhere in the frame, bold half the time, its rows wobbling a pixel now and then, with noise.
# Two stages of convolution, ReLU and 2×2 max pooling (6 kernels of 5×5, then 12 of 3×3 over the 6 maps),
# then a dense layer of 10 and a softmax. Measured from this seed: 48 % test accuracy after the first
# epoch, 95 % after the third, 99 % from the sixth on. The images are drawn with the seed too.
title: "CNN: a LeNet-like network learns generated glyphs"
summary: Two convolution and pooling stages learn shifted, wobbly 16x16 digits drawn from a small font.
seed: 1
model: cnn
data:
  images: glyphs                # 100 of each digit 0–9, 16×16, drawn with the seed
  probe: 0
cnn:
  layers:
    - conv: {kernels: 6, size: 5}         # 16×16 → 6 maps of 12×12
    - activation: relu
    - pool: {kind: max, size: 2}          # → 6×6 (stride defaults to the size)
    - conv: {kernels: 12, size: 3}        # each kernel looks at all 6 maps → 12 maps of 4×4
    - activation: relu
    - pool: {kind: max, size: 2}          # → 12 maps of 2×2
    - flatten                             # 48 values
    - dense: {units: 10}
    - softmax
  learning_rate: 0.01
  momentum: 0.9
  batch_size: 16
  max_epochs: 10
  test_split: 0.25              # 250 test images, never trained on

"""#),
("cnn-pooling.yaml", #"""
# Pooling shrinks each map by summarising windows: max keeps the strongest response (where an edge is, it
# stays), mean averages it (an edge one pixel wide fades). Press p to switch max and mean on the same maps.
title: "CNN: max pooling and mean pooling"
summary: "The same edge maps pooled 2x2 by max (p switches to mean): max keeps thin edges, mean blurs them."
seed: 1
model: cnn
data:
  image:                        # 8×8: a thin bright diagonal line
    - [9, 0, 0, 0, 0, 0, 0, 0]
    - [0, 9, 0, 0, 0, 0, 0, 0]
    - [0, 0, 9, 0, 0, 0, 0, 0]
    - [0, 0, 0, 9, 0, 0, 0, 0]
    - [0, 0, 0, 0, 9, 0, 0, 0]
    - [0, 0, 0, 0, 0, 9, 0, 0]
    - [0, 0, 0, 0, 0, 0, 9, 0]
    - [0, 0, 0, 0, 0, 0, 0, 9]
cnn:
  layers:
    - conv:
        kernels: 2
        size: 3
        padding: same           # 8×8 stays 8×8 (zeros outside the image)
        weights:
          - [[[-1, -1, 2], [-1, 2, -1], [2, -1, -1]]]    # the other diagonal: answers weakly
          - [[[2, -1, -1], [-1, 2, -1], [-1, -1, 2]]]    # this diagonal: answers strongly along the line
        frozen: true
    - activation: relu
    - pool: {kind: max, size: 2, stride: 2}   # 8×8 → 4×4

"""#),
("lesson-1-perceptron.yaml", #"""
title: "Lesson 1: the perceptron"
summary: What w·x does, the lecture's worked example step by step, then AND and OR converge.
chapter: 1
seed: 1
model: perceptron
data:
  points:
    - [0.5, 1, 0]     # the worked example: x = (½, 1) with y = −1 (class 0)
perceptron:
  learning_rate: 1
  initial_weights: [-1, 2, 1]
  order: sequential
  max_epochs: 100
lesson:
  - say: "A perceptron computes **v = w·x = w0 + w1·x1 + w2·x2** and predicts **ŷ = sign(v)**. The line w·x = 0 splits the plane; its shaded side is predicted +1."
  - focus: plot
  - say: "The lecture's worked example: w = (−1, 2, 1), one point x = (½, 1) of class y = −1, and η = 1."
  - focus: update
  - step: visit
  - say: "v = −1 + 2·½ + 1·1 = **1**, so ŷ = **1** but y = −1: the error is e = y − ŷ = **−2**. The point lies on the shaded + side, the wrong one. Where will the rule move the line?"
  - pause
  - step: sample
  - say: "The rule w ← w + η·e·x moves w by −2·(1, ½, 1): w = **(−3, 1, −1)**. The new line −3 + x1 − x2 = 0 lies off this plot: all of the view, the point too, is now on its **−** side, so the point is classified right. The faint line is where it was."
  - pause
  - set: {dataset: and}
  - set: {weights: [0, 0, 0]}
  - focus: plot
  - say: "**AND**: only (1, 1) is positive. We start again from w = (0, 0, 0). One line separates the classes, so the rule must stop making mistakes."
  - step: epoch
  - say: "One epoch: each mistake moved the line so that the point it got wrong came nearer its own side. The panel counts this epoch's mistakes."
  - run: until_converged
  - say: "**Converged** in epoch 6: a whole epoch without a mistake. Look at (1, 1): v = −6 + 4 + 2 = **0**, on the line itself, and sign(0) = +1 counts it as positive. This line has no margin to spare; the best line's is γ = 0.243, measured as the convergence theorem does (w with w0 scaled to length 1, on x = (1, x1, x2)), not as a distance in the plane."
  - set: {dataset: or}
  - say: "**OR**: only (0, 0) is negative. Linearly separable again; from w = (0, 0, 0) once more."
  - run: until_converged
  - say: "OR converges too, in epoch 4, with the line through (0, 1) and (1, 0) (v = 0, counted +1). Next lesson: what happens when no line can separate the classes."

"""#),
("lesson-2-convergence.yaml", #"""
title: "Lesson 2: when the perceptron converges, and when it cannot"
summary: Linearly separable data is always learnt (the convergence theorem); overlapping clouds and XOR never are.
chapter: 2
seed: 7
model: perceptron
data:
  generator:
    kind: separable             # two clouds with an empty band between them
    count: 40
    noise: 0.35
    margin: 0.2
perceptron:
  learning_rate: 1.0
  initial_weights: [0, 0, 0]
  order: sequential            # a fixed order, so that a repeat of the weights can be recognised
  max_epochs: 100
lesson:
  - say: "Two clouds with an empty band between them: **linearly separable**. The convergence theorem says the rule then makes only finitely many mistakes."
  - focus: plot
  - step: epoch
  - say: "The first epoch: each mistake turned and shifted the line (the panel counts the updates)."
  - run: until_converged
  - say: "**Converged** in epoch 2, after **2** updates. The theorem's bound from w = 0 is (R/γ)² ≈ **47.9**: R = 1.912 is the largest ‖(1, x1, x2)‖, γ = 0.276 the margin, the least y·w·x for the best w of length 1."
  - pause
  - set: {dataset: overlapping}
  - say: "Now the clouds **overlap**: no line separates them. Some point is always misclassified, so the weights never settle."
  - run: until_converged
  - say: "After the epoch cap it has **not converged**: every epoch still has mistakes."
  - set: {learning_rate: 0.1}
  - set: {weights: [0, 0, 0]}
  - run: until_converged
  - say: "Again from w = 0, now with η = **0.1**: the same line, the same mistakes. From w = 0 each update adds η·e·x, so w is η times what η = 1 gives, and sign(w·x) is the same. A smaller η does not steady the line."
  - set: {learning_rate: 1}
  - set: {dataset: xor}
  - say: "**XOR**: (0, 1) and (1, 0) are positive, (0, 0) and (1, 1) negative. No single line can do it."
  - focus: update
  - run: until_converged
  - say: "The weights at an epoch's end **repeat** an earlier epoch's: the perceptron is cycling and will never converge. A hidden layer is needed (next lesson)."

"""#),
("lesson-3-backpropagation.yaml", #"""
title: "Lesson 3: from sign to sigmoid — backpropagation learns XOR"
summary: "A 2-2-1 network of sigmoid units, one sample at a time (the forward pass, the δ terms, the updates), then it learns XOR."
chapter: 3
seed: 1
model: mlp
data:
  points:
    - [0, 0, 0]
    - [0, 1, 1]
    - [1, 0, 1]
    - [1, 1, 0]
mlp:
  layers: [2, 2, 1]
  activation: sigmoid
  output: sigmoid
  loss: squared_error
  learning_rate: 0.5
  batch_size: 1
  order: sequential
  init: uniform
  init_range: 0.5
  max_epochs: 3000
lesson:
  - say: "The sign function has no slope, so nothing tells a weight which way to move. The **sigmoid** σ(net) = 1 / (1 + e^−net) is smooth: its slope is σ(1 − σ)."
  - focus: network
  - say: "Two hidden units and one output, first weights uniform in [−0.5, 0.5]. The loss is the lecture's E = ½ Σ (y − ŷ)²."
  - focus: ledger
  - step: phase
  - say: "**Forward**, hidden layer: each hidden unit sums its weighted inputs, net_j = Σ_i w_ij x_i (x_0 = 1 carries the bias w_0j), and outputs z_j = σ(net_j)."
  - step: phase
  - say: "**Forward**, output layer: ŷ = σ(w_0 + Σ_j w_j z_j), the same rule one layer up."
  - step: phase
  - say: "**Output δ**: δ^o = ŷ(1 − ŷ)(y − ŷ): the error times the sigmoid's slope."
  - step: phase
  - say: "**Hidden δ**: δ^h_j = z_j(1 − z_j) w_j δ^o, with the output weights as they were before this update: the error sent back."
  - step: phase
  - say: "**Update**: every weight moves by Δw = η δ z, the δ of the unit it feeds times the value it carries."
  - pause
  - focus: regions
  - run: 100
  - say: "A hundred epochs: the regions are still almost flat. Backpropagation on XOR starts slowly."
  - run: until_converged
  - say: "For the first time all four points are on the right side of ŷ = 0.5 (ŷ now, in the update panel), two of them only just: (0, 1) at 0.551 and (1, 1) just under 0.5. The hidden units have begun to take different jobs."
  - run: 1000
  - say: "A thousand epochs more: the outputs are near 0 and 1 and E is small. **XOR is learnt**: the two hidden units draw two lines; the output combines them."
  - focus: curves
  - say: "The loss curve: a long plateau, then a fast drop once the hidden units take different jobs."

"""#),
("lesson-3a-gradient-descent.yaml", #"""
title: "Lesson 3a: gradient descent on the error surface"
summary: "E over two weights as a landscape: the step −η∂E/∂w, per-sample updates that follow E_t and zig-zag on E, a plateau where the surface is flat, and momentum carrying the weights across."
chapter: 3
# Lesson 4's unlucky first weights (seed 5): plain SGD creeps onto a plateau at E ≈ 1/3; from there
# momentum α = 0.9 carries the weights off it within 500 epochs.
seed: 5
model: mlp
data:
  points:
    - [0, 0, 0]
    - [0, 1, 1]
    - [1, 0, 1]
    - [1, 1, 0]
mlp:
  layers: [2, 2, 1]
  activation: sigmoid
  output: sigmoid
  loss: squared_error
  learning_rate: 0.5
  batch_size: 1
  order: sequential
  init: uniform
  init_range: 0.5
  max_epochs: 6000
lesson:
  - focus: surface
  - say: "E as a landscape over two weights, every other weight held where it is: w(b→o) across and w(h2→o) up, the two steepest now. Dark is low. ◆ marks the weights now; the arrow is the step −η ∂E/∂w, downhill across the bands."
  - set: {surface_error: next_update}
  - say: "Backpropagation does not follow E but E_t, the error of one sample: here the next one, (0, 0). Its landscape differs, and so does its arrow."
  - step: sample
  - say: "The update moves the weights by exactly that arrow; the next sample has a landscape of its own."
  - set: {surface_error: all}
  - {step: sample, count: 7}
  - say: "Back on E: sample after sample the steps zig-zag across E's bands; only on the whole do they go downhill."
  - run: 3000
  - say: "3000 epochs later E is 0.337 and barely moves: the step −η ∂E/∂w is shorter than a pixel."
  - set: {surface_weights: [[0, 0, 1], [1, 2, 0]]}
  - say: "Over the two weights momentum will move most, w(b→h2) and w(h2→o), the surface is flat around ◆: no band edge near it, and the step still shorter than a pixel. A plateau: the slope is not zero, only tiny."
  - set: {momentum: 0.9}
  - say: "Momentum: each step also adds α Δw(t−1), 0.9 times the step before it (the ⇢ line), so steps that keep one direction add up to ten times the plain one."
  - run: 500
  - say: "500 epochs on, the weights have rolled across the plateau: E is 0.0066 and XOR is learnt."

"""#),
("lesson-4-local-minima.yaml", #"""
title: "Lesson 4: stuck on a plateau — momentum and restarts"
summary: From unlucky first weights backpropagation creeps along a plateau where E ≈ 1/3; momentum carries the same weights across it, and restarts are the second remedy.
chapter: 4
# Seed 5 draws first weights (uniform in [−0.5, 0.5], as the lecture does) from which plain SGD creeps
# towards E = 1/3 and stays there (E = 0.3337 after 6000 epochs), while the same weights with momentum
# α = 0.9 learn XOR (E ≈ 1e−4). Restarts draw from seeds 5–9; seeds 6–9 learn XOR without momentum.
seed: 5
model: mlp
data:
  points:
    - [0, 0, 0]
    - [0, 1, 1]
    - [1, 0, 1]
    - [1, 1, 0]
mlp:
  layers: [2, 2, 1]
  activation: sigmoid
  output: sigmoid
  loss: squared_error
  learning_rate: 0.5
  batch_size: 1
  order: sequential
  init: uniform
  init_range: 0.5
  max_epochs: 6000
  restarts: 5
lesson:
  - say: "Backpropagation only follows the slope of E. From these first weights the slope soon leads onto a **plateau**."
  - focus: ledger
  - run: 3000
  - say: "3000 epochs: E has crept down to about **1/3** and barely moves. The update panel shows why: the hidden units' sums are large (net ≈ −12 and −8), where the sigmoid is flat, so their δ are tiny."
  - run: 3000
  - say: "3000 epochs more: E is a little lower still (0.334), and the weights have grown, up to 7.61 (6.48 at epoch 3000). The slope is not zero, only tiny: this is a **plateau**, not a minimum, and plain SGD creeps along it without reaching a better answer."
  - focus: regions
  - say: "One boundary where XOR needs two: three of the four points share one side, and XOR is not learnt."
  - focus: momentum
  - say: "The lecture's first remedy, **momentum**: each step also carries on α times the last one, which rolls the weights across plateaus and shallow minima. Side by side, from the same first weights for 6000 epochs: without momentum E stays near 1/3; with α = 0.9 XOR is learnt."
  - pause
  - focus: restarts
  - say: "The second remedy, **restarts**: train several times from different first weights and keep the run with the lowest error. The best run (starred) learns XOR, without momentum."

"""#),
("lesson-5-overfitting.yaml", #"""
title: "Lesson 5: overfitting — early stopping and weight decay"
summary: Fifty hidden units learn the noise of forty points; fewer units, early stopping on held-out points and weight decay keep the shape of XOR.
chapter: 5
seed: 7
model: mlp
data:
  generator:
    kind: xor
    count: 40
    noise: 0.35
mlp:
  layers: [2, 50, 1]
  activation: tanh
  output: sigmoid
  loss: squared_error
  learning_rate: 0.2
  batch_size: 1
  order: shuffled
  init: xavier
  validation_split: 0.3
  max_epochs: 3000
lesson:
  - say: "Noisy XOR: 40 points, **12 held out** (hollow) to measure what the training points cannot. The network has 50 hidden units: 201 weights for 28 points."
  - focus: regions
  - run: 300
  - say: "300 epochs: the regions already follow single noisy points."
  - focus: curves
  - run: 1200
  - say: "The training loss keeps falling, but the **validation loss** (dashed) was lowest at epoch 288 (0.044 a point) and is twice that now (0.09, in the update panel): the network is learning the noise. That is **overfitting**."
  - pause
  - set: {early_stopping: 200}
  - run: 3000
  - say: "**Early stopping**: the same network from the same first weights, but training stops once the validation loss has not improved for 200 epochs, and goes back to the **best epoch's weights** (the marker on the curve)."
  - set: {early_stopping: off}
  - set: {weight_decay: 0.001}
  - run: 1500
  - say: "**Weight decay** (λ = 0.001): each update also pulls every weight towards 0 (not the biases: nnx, like scikit-learn and Keras, leaves them alone; PyTorch decays them too), so only weights the data keeps asking for grow. After 1500 epochs the validation loss is 0.072 a point, against 0.09 without it."
  - focus: none
  - say: "The lecture's other fix is **fewer hidden units**: press Esc to explore, then j and J change them."

"""#),
("lesson-6-convolution.yaml", #"""
title: "Lesson 6: convolution, non-linearity, pooling"
summary: Hand-set edge, blur and sharpen kernels on generated shapes, a sliding window over the products, then max against mean pooling.
chapter: 6
seed: 3
model: cnn
data:
  images: shapes
  probe: 4
cnn:
  layers:
    - conv:
        kernels: 4
        size: 3
        padding: same
        mode: correlation
        weights:
          - [[[1, 0, -1], [1, 0, -1], [1, 0, -1]]]        # vertical edges
          - [[[1, 1, 1], [0, 0, 0], [-1, -1, -1]]]        # horizontal edges
          - [[[0.111, 0.111, 0.111], [0.111, 0.111, 0.111], [0.111, 0.111, 0.111]]]   # blur (mean of 9)
          - [[[0, -1, 0], [-1, 5, -1], [0, -1, 0]]]       # sharpen
        bias: [0, 0, 0, 0]
        frozen: true
    - activation: relu
    - pool: {kind: max, size: 2, stride: 2}
lesson:
  - say: "A convolution slides a **kernel** over the image: each cell sums weight × pixel, plus a bias. The lecture flips the kernel (z_(i−k, j−l)); nnx does not."
  - say: "Four hand-set kernels: vertical edges, horizontal edges, blur and sharpen. Nothing is trained here."
  - focus: window
  - say: "The **sliding window** of the first kernel (vertical edges): the boxed pixels, each product w·z and their sum, then ReLU and the pooling window."
  - {step: cell, count: 73}
  - say: "Row 4, column 9: the window's left column is dark, its right column lies on the bright bar, so the sum is strongly **negative**: ReLU sets it to 0."
  - {step: cell, count: 2}
  - say: "Two cells on, the window's left column is on the bar and its right column is dark: a strong **positive** response. The same kernel finds the bar's other edge."
  - focus: maps
  - say: "The maps row by row: the four kernels' outputs, then **ReLU** (only positive responses survive: each edge kernel keeps one side of a stroke), then pooling."
  - set: {pooling: max}
  - say: "**Max pooling** keeps the strongest response in each 2×2 window: the map shrinks 4× and small shifts of the image change little."
  - set: {pooling: mean}
  - say: "**Mean pooling** averages the window instead: smoother, weaker peaks. The pooled maps are shaded on the relu maps' scale: ← compares with max."
  - set: {image: 9}
  - say: "Another shape: the vertical-edge map lights up on vertical strokes, the horizontal one on horizontal strokes."

"""#),
("lesson-7-cnn-digits.yaml", #"""
title: "Lesson 7: a small CNN learns handwritten digits"
summary: Convolution, ReLU and pooling, then a dense layer and softmax, trained by backpropagation on 8×8 digits; the feature maps and the confusion matrix.
chapter: 7
seed: 1
model: cnn
data:
  images: optdigits
  probe: 0
cnn:
  layers:
    - conv: {kernels: 16, size: 3, padding: same}
    - activation: relu
    - pool: {kind: max, size: 2, stride: 2}
    - flatten
    - dense: {units: 10}
    - softmax
  learning_rate: 0.05
  momentum: 0.9
  batch_size: 16
  max_epochs: 10
  test_split: 0.25
lesson:
  - say: "1797 handwritten digits of 8×8 pixels; a quarter are held out as the **test set** and never trained on."
  - focus: maps
  - say: "16 kernels of 3×3, drawn at random; ReLU; 2×2 max pooling; then a dense layer of 10 units and **softmax**: a probability for each digit."
  - focus: output
  - say: "Before training the weights are random, and so are these probabilities: the guess means nothing yet."
  - step: batch
  - say: "One mini-batch of 16 images: forward, the cross-entropy's gradient backwards through every layer, then one update of every weight (with momentum)."
  - run: 1
  - say: "After one epoch the test accuracy is already high: the dense layer learns fast from the pooled maps."
  - focus: maps
  - say: "The feature maps: the kernels have begun to respond to strokes and edges of the digit."
  - focus: curves
  - run: until_converged
  - say: "Ten epochs: the training loss keeps falling; the **test accuracy** is what counts, on images the network has never seen."
  - focus: confusion
  - say: "The **confusion matrix** of the test set: row = true digit, column = predicted. Off the diagonal are the mistakes."

"""#),
("mlp-blobs-3-classes.yaml", #"""
# Three classes need three output units. A softmax output turns their input sums into probabilities
# ŷ_k = e^net_k / Σ_m e^net_m that add up to 1; the predicted class is the largest, and the loss is the
# cross-entropy −log ŷ of the right class (targets are one-hot: class 2 is y = (0, 0, 1)).
# The blobs overlap a little, so a few points always lie in a neighbour's region. Measured from this
# seed: 96 % of the points are right after the first epoch, 98 % after the last (100).
title: "MLP: three classes with softmax"
summary: One output unit per class and a softmax over them split the plane into three regions.
seed: 1
model: mlp
data:
  generator:
    kind: blobs
    classes: 3                  # 2 to 4 blobs, centres evenly spaced on the unit circle
    count: 150                  # 50 per class
    noise: 0.4                  # spread of each blob
mlp:
  layers: [2, 6, 3]             # 3 output units: one per class
  activation: tanh
  output: softmax
  loss: cross_entropy
  learning_rate: 0.05
  batch_size: 1
  order: shuffled
  init: uniform
  init_range: 0.5
  max_epochs: 100

"""#),
("mlp-circles.yaml", #"""
# A disc of class 1 inside a ring of class 0. A perceptron's single line cannot separate them, but each
# hidden unit draws one line and the output unit combines them: four lines box in the disc.
# Measured from this seed: every training point is right by epoch 69 (of 200).
title: "MLP: circles"
summary: Four hidden units draw four lines, and the output unit joins them into a closed boundary around the disc.
seed: 1
model: mlp
data:
  generator:
    kind: circles
    count: 200                  # half in the disc, half in the ring
    noise: 0.08                 # jitter of each point's radius
mlp:
  layers: [2, 4, 1]
  activation: sigmoid
  output: sigmoid
  loss: squared_error
  learning_rate: 0.5
  batch_size: 1
  order: shuffled               # a new order each epoch
  init: uniform
  init_range: 0.5
  max_epochs: 200

"""#),
("mlp-overfitting.yaml", #"""
# Too many hidden units for the data: 50 tanh units (201 weights) for 28 training points of noisy XOR.
# Given time, the net memorises the noise: training accuracy reaches 100 % by epoch 462 while the
# validation loss, lowest at epoch 288 (0.53), climbs to 1.2 by epoch 3000 and validation accuracy falls
# from 92 % to 75 % (measured with early stopping and weight decay switched off).
# The lecture's fixes are switched on here:
# - validation_split holds 12 of the 40 points out of training (the hollow points);
# - early stopping watches their loss and, after `patience` epochs without a new best, goes back to the
#   best weights: it stops at epoch 666 and returns to epoch 466 (89 % training, 92 % validation);
# - weight decay pulls every weight but the biases towards 0 a little at each step, keeping the boundary smooth.
# Fewer hidden units (layers: [2, 4, 1]) is the lecture's other fix.
title: "MLP: overfitting and early stopping"
summary: Fifty hidden units on forty noisy points learn the noise; early stopping on held-out points and weight decay keep the shape of XOR.
seed: 7                         # draws the points, the validation split, the order and the first weights
model: mlp
data:
  generator:
    kind: xor                   # the four XOR corners, repeated with Gaussian jitter
    count: 40
    noise: 0.35                 # large enough that the corners' clouds touch
mlp:
  layers: [2, 50, 1]            # far more hidden units than the problem needs
  activation: tanh
  output: sigmoid
  loss: squared_error
  learning_rate: 0.2
  batch_size: 1
  order: shuffled
  init: xavier                  # uniform in ±√(6 / (fan_in + fan_out)): about ±0.34 here
  weight_decay: 0.0005          # λ: every step also moves each non-bias weight by −η λ w
  validation_split: 0.3         # 30 % of the points (12) are held out and never trained on
  early_stopping:
    patience: 200               # stop after 200 epochs without a better validation loss
  max_epochs: 3000

"""#),
("mlp-spirals.yaml", #"""
# Two interleaved spirals: the classic hard case, with a boundary that turns one and three-quarter
# times around the centre. Two hidden layers of 16 tanh units, cross-entropy (stronger gradients than
# the squared error when an output is confidently wrong) and momentum.
# The points lie within ±1, so the first weights are drawn wide (init_range 3): the tanh units start
# with steep, varied slopes. From the lecture's ±0.5 the same net is still near 60 % after 1000 epochs.
# Measured from this seed: 95 % of the training points are right by epoch 19, all 200 by epoch 59;
# other seeds reach 90 % within about 20–120 epochs.
title: "MLP: two spirals"
summary: A deeper net of tanh units winds its boundary around two interleaved spirals.
seed: 2
model: mlp
data:
  generator:
    kind: spirals
    count: 200                  # 100 points per spiral
    noise: 0.05
mlp:
  layers: [2, 16, 16, 1]        # two hidden layers of 16 units
  activation: tanh
  output: sigmoid
  loss: cross_entropy           # −Σ [y log ŷ + (1 − y) log(1 − ŷ)]
  learning_rate: 0.02
  momentum: 0.5
  batch_size: 1
  order: shuffled
  init: uniform
  init_range: 3
  max_epochs: 300

"""#),
("mlp-xor-momentum.yaml", #"""
# The same network, data and first weights as mlp-xor.yaml, plus momentum: each change keeps a part of
# the previous one, Δw(t) = η δ z + α Δw(t−1), so steps grow along directions that keep their sign and
# the long flat stretch of the error is crossed quickly. Measured from this seed: XOR is learnt after
# 209 epochs instead of 1966 without momentum, about 9 times fewer.
title: "MLP: XOR with momentum"
summary: Momentum carries the weights across the flat part of the error surface, so XOR is learnt about nine times sooner.
seed: 1                         # the same first weights as mlp-xor.yaml
model: mlp
data:
  points:
    - [0, 0, 0]
    - [0, 1, 1]
    - [1, 0, 1]
    - [1, 1, 0]
mlp:
  layers: [2, 2, 1]
  activation: sigmoid
  output: sigmoid
  loss: squared_error
  learning_rate: 0.5            # η, as in mlp-xor.yaml
  momentum: 0.9                 # α: the part of the previous weight change added to each new one
  batch_size: 1
  order: sequential
  init: uniform
  init_range: 0.5
  max_epochs: 1000

"""#),
("mlp-xor-stuck.yaml", #"""
# Backpropagation only follows the slope, so it can settle where the error is not zero. These first
# weights (a draw from the lecture's uniform [−0.5, 0.5], nothing unusual) lead the two hidden units to
# the same job: (0, 1), (1, 0) and (1, 1) end up with the same output ŷ ≈ 2/3 and E stays at about 1/3,
# a local minimum. Plain SGD has not learnt XOR after 3000 epochs (nor after 20000), and from these
# weights momentum 0.9 does not get out either (from other stuck starts it does: lesson 4, or M to compare).
# The lecture's fix is restarts: train K times from different first weights and keep the run with the
# lowest error. With restarts: 5 the first run starts from these weights and the other four draw theirs
# from seeds 2–5; three of those four learn XOR within 3000 epochs, and the best run is one of them.
title: "MLP: XOR stuck in a local minimum"
summary: From these first weights backpropagation settles where E ≈ 1/3 and XOR is never learnt — restarts from other weights get out.
seed: 1                         # restart k draws its first weights from seed 1 + k
model: mlp
data:
  points:
    - [0, 0, 0]
    - [0, 1, 1]
    - [1, 0, 1]
    - [1, 1, 0]
mlp:
  layers: [2, 2, 1]
  activation: sigmoid
  output: sigmoid
  loss: squared_error
  learning_rate: 0.5
  batch_size: 1
  order: sequential
  # initial_weights[l][i][j]: from unit i of layer l (row 0 = the bias unit) to unit j of layer l + 1.
  initial_weights:
    - [[-0.29, -0.48],          # input → hidden: biases of h1, h2
       [-0.25, -0.14],          #   from x1
       [-0.40, -0.33]]          #   from x2
    - [[0.33],                  # hidden → output: bias
       [-0.19],                 #   from h1
       [-0.42]]                 #   from h2
  max_epochs: 3000
  restarts: 5                   # K runs; the first uses the weights above, the others draw their own

"""#),
("mlp-xor.yaml", #"""
# The lecture's XOR network: two inputs, two sigmoid hidden units, one sigmoid output, trained by
# backpropagation one sample at a time (per-sample SGD) on the squared error E = ½ Σ_t (y_t − ŷ_t)².
# Measured from this seed's first weights: E starts at 0.51 and is still 0.50 after 1000 epochs (a long
# plateau), then falls; all four outputs are on the right side of 0.5 after 1966 epochs (E = 0.25), and
# E is 0.007 by epoch 3000. Press s for another seed: most learn XOR within 700–2000 epochs, and a few
# never do (see mlp-xor-stuck.yaml).
title: "MLP: backpropagation learns XOR"
summary: One hidden layer of two sigmoid units bends the boundary that no single perceptron could draw.
seed: 1                         # draws the first weights (the order is fixed)
model: mlp
data:
  # [x1, x2, class]: class 1 when exactly one input is 1; the sigmoid output's target is y = class.
  points:
    - [0, 0, 0]
    - [0, 1, 1]
    - [1, 0, 1]
    - [1, 1, 0]
mlp:
  layers: [2, 2, 1]             # inputs x1, x2 → 2 hidden units → 1 output unit
  activation: sigmoid           # hidden units: z = σ(net) = 1 / (1 + e^−net)
  output: sigmoid               # ŷ ≥ 0.5 means class 1
  loss: squared_error           # E = ½ Σ_t Σ_k (y_tk − ŷ_tk)², the lecture's error
  learning_rate: 0.5            # η
  momentum: 0                   # α = 0: plain gradient steps (mlp-xor-momentum.yaml adds it)
  batch_size: 1                 # update after every sample, as in the lecture's algorithm
  order: sequential             # the rows top to bottom in every epoch
  init: uniform
  init_range: 0.5               # first weights uniform in [−0.5, 0.5]
  max_epochs: 3000

"""#),
("perceptron-and.yaml", #"""
# The lecture's first example: the AND truth table, learned by the perceptron rule.
# Course authors: copy this file to start a new scenario; check it with `nnx check FILE`.
title: "Perceptron: AND converges"
summary: AND is linearly separable, so the perceptron rule finds a separating line after a few epochs.
seed: 1                         # only matters for shuffled orders and generated data
model: perceptron
data:
  # One row per sample: [x1, x2, class]. Class 1 means y = +1, class 0 means y = −1 (y = 2c − 1).
  points:
    - [0, 0, 0]
    - [0, 1, 0]
    - [1, 0, 0]
    - [1, 1, 1]
perceptron:
  learning_rate: 1.0            # η in w ← w + η(y − ŷ)x
  initial_weights: [0, 0, 0]    # w0 (bias), w1, w2; with w = 0, v = 0 and every point is predicted +1
  order: sequential             # visit the rows top to bottom in every epoch
  max_epochs: 100               # give up if no epoch is error-free by then

"""#),
("perceptron-or.yaml", #"""
# OR: the companion to perceptron-and.yaml. Only the class column differs.
title: "Perceptron: OR converges"
summary: OR is linearly separable too; one line puts (0, 0) alone on the −1 side.
seed: 1
model: perceptron
data:
  # [x1, x2, class]: only (0, 0) is class 0 (y = −1).
  points:
    - [0, 0, 0]
    - [0, 1, 1]
    - [1, 0, 1]
    - [1, 1, 1]
perceptron:
  learning_rate: 1.0
  initial_weights: [0, 0, 0]    # w0 (bias), w1, w2
  order: sequential
  max_epochs: 100

"""#),
("perceptron-overlapping.yaml", #"""
# When the classes overlap, every line misclassifies some points, so an error-free epoch never comes
# and training stops at max_epochs. The line still ends up roughly between the two clouds.
title: "Perceptron: overlapping blobs never converge"
summary: When the classes overlap no line separates them, so the perceptron never has an error-free epoch.
seed: 3
model: perceptron
data:
  generator:
    kind: overlapping
    count: 60
    noise: 0.5                  # spread of each blob; their centres are closer than this
perceptron:
  learning_rate: 0.1            # from w = 0, η only scales w (w = η·Σe·x): the same lines and mistakes as η = 1
  initial_weights: [0, 0, 0]    # w0 (bias), w1, w2
  order: shuffled
  max_epochs: 50                # stops here: overlapping data never has an error-free epoch

"""#),
("perceptron-separable.yaml", #"""
# Random but reproducible data: two blobs on either side of a line, with an empty band around it.
# The convergence theorem promises a finite number of updates; a wider margin means fewer.
# Try another seed (same data shape, new points and order) or a smaller margin (slower convergence).
title: "Perceptron: separable blobs"
summary: Two clouds with a gap between them — the perceptron is guaranteed to find a separating line.
seed: 7                         # draws the points and the shuffled order
model: perceptron
data:
  generator:
    kind: separable             # and | or | xor | separable | overlapping
    count: 40                   # number of points, half in each class
    noise: 0.35                 # spread (standard deviation) of each blob
    margin: 0.2                 # half-width of the empty band around the separating line
perceptron:
  learning_rate: 1.0
  initial_weights: [0, 0, 0]    # w0 (bias), w1, w2
  order: shuffled               # a new random order each epoch, drawn from the seed
  max_epochs: 100

"""#),
("perceptron-worked-example.yaml", #"""
# The lecture's worked example, one update by hand:
#   x = (1, 0.5, 1) with the bias input x0 = 1, target y = −1 (class 0), w = (−1, 2, 1), η = 1
#   v = w·x = −1 + 2·0.5 + 1·1 = 1      ŷ = sign(1) = +1      e = y − ŷ = −2
#   w ← w + η·e·x = (−1, 2, 1) − 2·(1, 0.5, 1) = (−3, 1, −1)
# Step with `n` and compare each number with the panel; the second epoch is error-free.
title: "Perceptron: the worked example"
summary: One sample, one update — x = (0.5, 1), y = −1, w = (−1, 2, 1), η = 1 gives w = (−3, 1, −1).
seed: 1
model: perceptron
data:
  points:
    - [0.5, 1, 0]               # class 0, so y = −1
perceptron:
  learning_rate: 1
  initial_weights: [-1, 2, 1]   # w0 (bias), w1, w2
  order: sequential
  max_epochs: 10

"""#),
("perceptron-xor.yaml", #"""
# XOR: the classic counter-example. No line separates the classes, so some sample is always
# misclassified. With a fixed (sequential) order the weights return to an earlier epoch's values,
# and the screen and nnx train stop with "cycling" instead of running to max_epochs (nnx trace goes on to it).
title: "Perceptron: XOR never converges"
summary: No single line separates XOR's classes, so the perceptron keeps updating and its weights cycle.
seed: 1
model: perceptron
data:
  # [x1, x2, class]: class 1 when exactly one input is 1.
  points:
    - [0, 0, 0]
    - [0, 1, 1]
    - [1, 0, 1]
    - [1, 1, 0]
perceptron:
  learning_rate: 1.0
  initial_weights: [0, 0, 0]    # w0 (bias), w1, w2
  order: sequential             # keep it fixed: cycle detection needs the same order every epoch
  max_epochs: 100

"""#),
]
}
