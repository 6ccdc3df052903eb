// GENERATED from scenarios/*.yaml by Tests/NNScenarioTests/BuiltinSyncTests.swift — do not edit.
// After changing a scenario, regenerate with:
//     NNX_UPDATE_BUILTINS=1 swift test --filter NNScenarioTests.BuiltinSyncTests

extension BuiltinScenarios {
    static let embeddedFiles: [(name: String, text: String)] = [
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
  learning_rate: 0.1            # smaller steps: the line wanders less
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
# and nnx stops with "cycling" instead of running to max_epochs.
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
