import Foundation
import XCTest
@testable import NNScenario

/// Problems in `model: mlp` scenarios, each pinned to its exact `file:line:col: error: message`.
final class MLPErrorTests: XCTestCase {
    func error(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        scenarioError(yaml, file: file, line: line)
    }

    /// An MLP scenario whose `mlp:` block lines start at line 8, column 3.
    func withMLP(_ lines: String...) -> String {
        "title: T\nsummary: S\nmodel: mlp\ndata:\n  points:\n    - [0, 0, 0]\nmlp:\n"
            + lines.map { "  " + $0 + "\n" }.joined()
    }

    func testUnknownKeys() {
        XCTAssertEqual(error(withMLP("learning_rat: 1")),
                       "s.yaml:8:3: error: unknown key 'learning_rat' in mlp; did you mean 'learning_rate'?")
        XCTAssertEqual(error(withMLP("activaton: tanh")),
                       "s.yaml:8:3: error: unknown key 'activaton' in mlp; did you mean 'activation'?")
        XCTAssertEqual(error(withMLP("layer: [2, 1]")), "s.yaml:8:3: error: unknown key 'layer' in mlp; did you mean 'layers'?")
        XCTAssertEqual(error(withMLP("hidden: 3")), "s.yaml:8:3: error: unknown key 'hidden' in mlp (allowed: "
            + "layers, activation, output, loss, learning_rate, momentum, weight_decay, batch_size, order, init, "
            + "init_range, initial_weights, max_epochs, validation_split, early_stopping, restarts, dropout, max_norm, features, l1, learning_rate_schedule, stop_when, task)")
        XCTAssertEqual(error(withMLP("validation_split: 0.3", "early_stopping: {patiense: 5}")),
                       "s.yaml:9:20: error: unknown key 'patiense' in early_stopping; did you mean 'patience'?")
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: mlp\ndata: {generator: {kind: blobs, clases: 3}}\n"),
                       "s.yaml:4:33: error: unknown key 'clases' in generator; did you mean 'classes'?")
    }

    func testWrongTypes() {
        XCTAssertEqual(error(withMLP("layers: 3")),
                       "s.yaml:8:11: error: layers must be a list of layer sizes such as [2, 2, 1], found an integer 3")
        XCTAssertEqual(error(withMLP("layers: [2, two, 1]")),
                       "s.yaml:8:15: error: layers[1] must be an integer from 1 to 256, found a string \"two\"")
        XCTAssertEqual(error(withMLP("activation: relu6")),
                       "s.yaml:8:15: error: activation must be one of sigmoid, tanh, relu, linear; found 'relu6'; did you mean 'relu'?")
        XCTAssertEqual(error(withMLP("output: linear")),
                       "s.yaml:8:11: error: output linear is for task: regression; a classification needs output sigmoid or softmax, "
                       + "whose outputs are class probabilities")
        XCTAssertEqual(error(withMLP("output: linar")),
                       "s.yaml:8:11: error: output must be one of sigmoid, softmax, linear; found 'linar'; did you mean 'linear'?")
        XCTAssertEqual(error(withMLP("loss: mse")),
                       "s.yaml:8:9: error: loss must be one of squared_error, cross_entropy; found 'mse'")
        XCTAssertEqual(error(withMLP("init: glorot")), "s.yaml:8:9: error: init must be one of uniform, xavier, he; found 'glorot'")
        XCTAssertEqual(error(withMLP("order: random")),
                       "s.yaml:8:10: error: order must be one of sequential, shuffled; found 'random'")
        XCTAssertEqual(error(withMLP("dropout: half")), "s.yaml:8:12: error: dropout must be a number, found a string \"half\"")
        XCTAssertEqual(error(withMLP("max_norm: [3]")), "s.yaml:8:13: error: max_norm must be a number, found a list")
        XCTAssertEqual(error(withMLP("momentum: high")), "s.yaml:8:13: error: momentum must be a number, found a string \"high\"")
        XCTAssertEqual(error(withMLP("batch_size: 1.5")),
                       "s.yaml:8:15: error: batch_size must be an integer from 1 to 1000000, found a number 1.5")
        XCTAssertEqual(error(withMLP("validation_split: 0.3", "early_stopping: yes")),
                       "s.yaml:9:19: error: early_stopping must be a mapping {patience: N} or an integer N, found a string \"yes\"")
        XCTAssertEqual(error(withMLP("initial_weights: 0")), "s.yaml:8:20: error: initial_weights must be a list of "
            + "2 matrices [layer][row][column], one per pair of neighbouring layers in [2, 2, 1], found an integer 0")
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: mlp\ndata: {points: [[0, 0, 0]]}\nmlp: [2, 2, 1]\n"),
                       "s.yaml:5:6: error: mlp must be a mapping, found a list")
    }

    func testOutOfRangeValues() {
        XCTAssertEqual(error(withMLP("layers: [3, 2, 1]")), "s.yaml:8:12: error: layers[0] must be 2, the inputs x1 and x2; found 3")
        XCTAssertEqual(error(withMLP("layers: [2]")), "s.yaml:8:11: error: layers must have at least 2 sizes, "
            + "the 2 inputs and the outputs, such as [2, 1]; found 1")
        XCTAssertEqual(error(withMLP("layers: [2, 0, 1]")), "s.yaml:8:15: error: layers[1] must be an integer from 1 to 256, found 0")
        XCTAssertEqual(error(withMLP("layers: [2, 300, 1]")),
                       "s.yaml:8:15: error: layers[1] must be an integer from 1 to 256, found 300")
        XCTAssertEqual(error(withMLP("layers: [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]")),
                       "s.yaml:8:11: error: layers must have at most 10 sizes, found 11")
        XCTAssertEqual(error(withMLP("learning_rate: 0")), "s.yaml:8:18: error: learning_rate must be greater than 0, found 0")
        XCTAssertEqual(error(withMLP("learning_rate: 2000")), "s.yaml:8:18: error: learning_rate must be at most 1000, found 2000")
        XCTAssertEqual(error(withMLP("momentum: 1")), "s.yaml:8:13: error: momentum must be less than 1, found 1")
        XCTAssertEqual(error(withMLP("momentum: -0.1")), "s.yaml:8:13: error: momentum must be at least 0, found -0.1")
        XCTAssertEqual(error(withMLP("weight_decay: 2")), "s.yaml:8:17: error: weight_decay must be at most 1, found 2")
        XCTAssertEqual(error(withMLP("weight_decay: -1")), "s.yaml:8:17: error: weight_decay must be at least 0, found -1")
        XCTAssertEqual(error(withMLP("batch_size: 0")), "s.yaml:8:15: error: batch_size must be an integer from 1 to 1000000, found 0")
        // Huge batch sizes once asked for memory by the batch, not the data, and overflowed.
        XCTAssertEqual(error(withMLP("batch_size: 9223372036854775807")),
                       "s.yaml:8:15: error: batch_size must be an integer from 1 to 1000000, found 9223372036854775807")
        XCTAssertEqual(error(withMLP("batch_size: 2")), "s.yaml:8:15: error: batch_size 2 is more than the data's 1 point; at most 1")
        XCTAssertEqual(error(withMLP("init_range: 0")), "s.yaml:8:15: error: init_range must be greater than 0, found 0")
        XCTAssertEqual(error(withMLP("init_range: 500")), "s.yaml:8:15: error: init_range must be at most 100, found 500")
        XCTAssertEqual(error(withMLP("max_epochs: 0")),
                       "s.yaml:8:15: error: max_epochs must be an integer from 1 to 1000000, found 0")
        XCTAssertEqual(error(withMLP("validation_split: 1")), "s.yaml:8:21: error: validation_split must be less than 1, found 1")
        XCTAssertEqual(error(withMLP("restarts: 101")), "s.yaml:8:13: error: restarts must be an integer from 1 to 100, found 101")
        XCTAssertEqual(error(withMLP("restarts: 0")), "s.yaml:8:13: error: restarts must be an integer from 1 to 100, found 0")
        XCTAssertEqual(error(withMLP("dropout: 1")), "s.yaml:8:12: error: dropout must be less than 1, found 1")
        XCTAssertEqual(error(withMLP("dropout: -0.2")), "s.yaml:8:12: error: dropout must be at least 0, found -0.2")
        XCTAssertEqual(error(withMLP("max_norm: 0")), "s.yaml:8:13: error: max_norm must be greater than 0, found 0")
        XCTAssertEqual(error(withMLP("max_norm: -3")), "s.yaml:8:13: error: max_norm must be greater than 0, found -3")
        XCTAssertEqual(error(withMLP("max_norm: 2000")), "s.yaml:8:13: error: max_norm must be at most 1000, found 2000")
        XCTAssertEqual(error(withMLP("validation_split: 0.3", "early_stopping: 0")),
                       "s.yaml:9:19: error: early_stopping must be an integer from 1 to 1000000, found 0")
        XCTAssertEqual(error(withMLP("validation_split: 0.3", "early_stopping: {patience: 0}")),
                       "s.yaml:9:30: error: patience must be an integer from 1 to 1000000, found 0")
        XCTAssertEqual(error(withMLP("validation_split: 0.3", "early_stopping: {}")),
                       "s.yaml:9:19: error: missing required key 'patience' in early_stopping")
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: mlp\ndata: {generator: {kind: blobs, classes: 5}}\n"),
                       "s.yaml:4:42: error: classes must be an integer from 2 to 4, found 5")
    }

    /// The split is checked against the data: at least 2 points must stay for training.
    /// `features`: a non-empty list of the seven names, each once; `layers[0]` counts them.
    func testFeatures() {
        XCTAssertEqual(error(withMLP("features: [x1, x1_sqared]")), "s.yaml:8:18: error: features[1] must be one of x1, x2, "
            + "x1_squared, x2_squared, x1_x2, sin_x1, sin_x2; found 'x1_sqared'; did you mean 'x1_squared'?")
        XCTAssertEqual(error(withMLP("features: [x1, x2, x1]")),
                       "s.yaml:8:22: error: features[2]: x1 is already an input; each feature may appear once")
        XCTAssertEqual(error(withMLP("features: []")), "s.yaml:8:13: error: features must name at least one input feature, such as [x1, x2]")
        XCTAssertEqual(error(withMLP("features: x1")),
                       "s.yaml:8:13: error: features must be a list of input features such as [x1, x2, x1_squared], found a string \"x1\"")
        XCTAssertEqual(error(withMLP("features: [x1, x2, x1_x2]", "layers: [2, 1]")),
                       "s.yaml:9:12: error: layers[0] must be 3, one input unit per feature [x1, x2, x1_x2]; found 2")
        XCTAssertEqual(error(withMLP("layers: [2, 1]", "features: [sin_x1]")),
                       "s.yaml:8:12: error: layers[0] must be 1, one input unit per feature [sin_x1]; found 2")
    }

    func testL1() {
        XCTAssertEqual(error(withMLP("l1: -0.1")), "s.yaml:8:7: error: l1 must be at least 0, found -0.1")
        XCTAssertEqual(error(withMLP("l1: 2")), "s.yaml:8:7: error: l1 must be at most 1, found 2")
        XCTAssertEqual(error(withMLP("l1: lots")), "s.yaml:8:7: error: l1 must be a number, found a string \"lots\"")
        XCTAssertEqual(error(withMLP("l_1: 0.1")), "s.yaml:8:3: error: unknown key 'l_1' in mlp; did you mean 'l1'?")
    }

    func testLearningRateSchedule() {
        XCTAssertEqual(error(withMLP("learning_rate_schedule: {kind: exponential}")), "s.yaml:8:34: error: kind must be one of "
            + "constant, step, inverse_time; found 'exponential'")
        XCTAssertEqual(error(withMLP("learning_rate_schedule: {kind: step, decay_rate: 0.5}")), "s.yaml:8:27: error: missing required "
            + "key 'decay_steps' in learning_rate_schedule: step decay multiplies η by decay_rate every decay_steps epochs")
        XCTAssertEqual(error(withMLP("learning_rate_schedule: {kind: inverse_time}")),
                       "s.yaml:8:27: error: missing required key 'decay_rate' in learning_rate_schedule")
        XCTAssertEqual(error(withMLP("learning_rate_schedule: {kind: step, decay_steps: 10, decay_rate: 2}")),
                       "s.yaml:8:69: error: decay_rate must be at most 1, found 2")
        XCTAssertEqual(error(withMLP("learning_rate_schedule: {kind: step, decay_steps: 0, decay_rate: 0.5}")),
                       "s.yaml:8:53: error: decay_steps must be an integer from 1 to 1000000, found 0")
        XCTAssertEqual(error(withMLP("learning_rate_schedule: {kind: step, decay_step: 10, decay_rate: 0.5}")),
                       "s.yaml:8:40: error: unknown key 'decay_step' in learning_rate_schedule; did you mean 'decay_steps'?")
        XCTAssertEqual(error(withMLP("learning_rate_schedule: {kind: constant, decay_rate: 0.5}")),
                       "s.yaml:8:44: error: decay_rate is for kind step or inverse_time; a constant η has none")
        XCTAssertEqual(error(withMLP("learning_rate_schedule: step")),
                       "s.yaml:8:27: error: learning_rate_schedule must be a mapping, found a string \"step\"")
    }

    func testStopWhen() {
        XCTAssertEqual(error(withMLP("stop_when: {}")), "s.yaml:8:14: error: stop_when must give at least one of "
            + "train_loss, accuracy, val_loss, val_accuracy, such as {train_loss: 0.01}")
        XCTAssertEqual(error(withMLP("stop_when: {train_los: 0.01}")),
                       "s.yaml:8:15: error: unknown key 'train_los' in stop_when; did you mean 'train_loss'?")
        XCTAssertEqual(error(withMLP("stop_when: {accuracy: 1.5}")), "s.yaml:8:25: error: accuracy must be at most 1, found 1.5")
        XCTAssertEqual(error(withMLP("stop_when: {train_loss: 0}")), "s.yaml:8:27: error: train_loss must be greater than 0, found 0")
        XCTAssertEqual(error(withMLP("stop_when: {val_loss: 1}")),
                       "s.yaml:8:15: error: val_loss needs validation_split greater than 0: it watches the held-out points")
        XCTAssertEqual(error(withMLP("stop_when: 0.01")), "s.yaml:8:14: error: stop_when must be a mapping, found a number 0.01")
    }

    func testValidationSplitMustLeavePointsToTrainOn() {
        XCTAssertEqual(error(withMLP("validation_split: 0.5")),
                       "s.yaml:8:21: error: validation_split 0.5 holds out 1 of the 1 points, leaving 0 to train on; it must leave at least 2")
        let fourPoints = "title: T\nsummary: S\nmodel: mlp\ndata: {generator: {kind: xor}}\nmlp:\n  validation_split: 0.7\n"
        XCTAssertEqual(error(fourPoints),
                       "s.yaml:6:21: error: validation_split 0.7 holds out 3 of the 4 points, leaving 1 to train on; it must leave at least 2")
    }

    func testInitialWeightsMustFitTheLayers() {
        // layers [2, 2, 1]: matrix 0 is 3 × 2 (bias row, x1, x2), matrix 1 is 3 × 1 (bias row, h1, h2).
        XCTAssertEqual(error(withMLP("initial_weights: [[[0, 0], [0, 0], [0, 0]], [[0], [0], [0]], [[0]]]")),
                       "s.yaml:8:20: error: initial_weights must have 2 matrices, one per pair of neighbouring layers "
                       + "in [2, 2, 1]; found 3")
        XCTAssertEqual(error(withMLP("initial_weights: [[[0, 0], [0, 0]], [[0], [0], [0]]]")),
                       "s.yaml:8:21: error: initial_weights[0] must have 3 rows, the bias row and one per unit of layer 0 "
                       + "(2 units); found 2")
        XCTAssertEqual(error(withMLP("initial_weights: [[[0, 0], [0, 0], [0, 0]], [[0], [0], [0, 0]]]")),
                       "s.yaml:8:58: error: initial_weights[1][2] must have 1 weight, one per unit of layer 2; found 2")
        XCTAssertEqual(error(withMLP("initial_weights: [[[0, 0], [0, x], [0, 0]], [[0], [0], [0]]]")),
                       "s.yaml:8:34: error: initial_weights[0][1][1] must be a number, found a string \"x\"")
        XCTAssertEqual(error(withMLP("initial_weights: [[[0, 0], [0, 0], [0, 0]], 5]")),
                       "s.yaml:8:47: error: initial_weights[1] must be a matrix of 3 rows, the bias row and one per unit "
                       + "of layer 1, found an integer 5")
        // The shape follows `layers`, wherever it is written.
        XCTAssertEqual(error(withMLP("initial_weights:", "  - [[0, 0], [0, 0], [0, 0]]", "  - [[0], [0], [0]]", "layers: [2, 3, 1]")),
                       "s.yaml:9:8: error: initial_weights[0][0] must have 3 weights, one per unit of layer 1; found 2")
        XCTAssertEqual(error(withMLP("layers: [2, 1]", "initial_weights: [[[0], [0], [1e7]]]")),
                       "s.yaml:9:33: error: initial_weights[0][2][0] must be between -1000000 and 1000000, found 1e7")
    }

    func testSettingsThatDoNotFitTogether() {
        XCTAssertEqual(error(withMLP("output: softmax")), "s.yaml:8:11: error: output softmax needs at least 2 output units, "
            + "one per class, but layers ends in 1 (one sigmoid unit tells two classes apart)")
        XCTAssertEqual(error(withMLP("early_stopping: {patience: 10}")), "s.yaml:8:3: error: early_stopping needs "
            + "validation_split greater than 0: it watches the loss on the held-out points")
        XCTAssertEqual(error(withMLP("validation_split: 0", "early_stopping: 10")), "s.yaml:9:3: error: early_stopping needs "
            + "validation_split greater than 0: it watches the loss on the held-out points")
        XCTAssertEqual(error(withMLP("layers: [2, 1]", "dropout: 0.5")),
                       "s.yaml:9:12: error: dropout drops hidden units, but layers [2, 1] has no hidden layer")
        XCTAssertEqual(error(withMLP("init: xavier", "init_range: 0.5")),
                       "s.yaml:9:3: error: init_range is only for init uniform; xavier sets its own range from the layer sizes")
        XCTAssertEqual(error(withMLP("init_range: 1", "init: he")),
                       "s.yaml:8:3: error: init_range is only for init uniform; he sets its own range from the layer sizes")
    }

    func testEachBlockBelongsToItsModel() {
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: perceptron\ndata: {points: [[0, 0, 0]]}\nmlp: {layers: [2, 1]}\n"),
                       "s.yaml:5:1: error: the mlp block belongs to model mlp, but this scenario's model is perceptron")
        XCTAssertEqual(error("title: T\nsummary: S\nmodel: mlp\ndata: {points: [[0, 0, 0]]}\nperceptron: {max_epochs: 5}\n"),
                       "s.yaml:5:1: error: the perceptron block belongs to model perceptron, but this scenario's model is mlp")
    }
}
