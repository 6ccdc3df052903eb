import NNCore
import Yams

/// A CNN scenario's `data:` (`image` or `images`, and `probe`) and `cnn:` blocks (issue 4 fixes the names).
extension ScenarioReader {
    static let cnnDataKeys = ["image", "images", "probe"]
    static let cnnKeys = ["layers", "learning_rate", "momentum", "batch_size", "max_epochs", "test_split", "dropout", "precision"]
    static let layerKinds = ["conv", "activation", "pool", "flatten", "dense", "softmax"]
    static let convKeys = ["kernels", "size", "stride", "padding", "mode", "weights", "bias", "frozen"]
    static let poolKeys = ["kind", "size", "stride", "padding"]
    /// The built-in image sets.
    static let imageSets = ["optdigits", "glyphs", "shapes", "glyphs32", "colour_shapes"]
    /// How many of each class the 32×32 sets draw.
    static let glyphs32PerClass = 500, colourShapesPerClass = 500
    static let maxImageSide = 64
    /// Kernels a convolution may have: LeNet-5's C5 has 120, and 256 still trains on a 2-core machine.
    static let maxKernels = 256
    static let maxWeights = 1_000_000
    static let maxMultiplyAdds = 20_000_000

    /// A CNN scenario's images: where they come from (for titles and messages), the images (the data's own
    /// test images last, `ownTestCount` of them), the probe's index, and the class names if the data has them.
    struct CNNImages {
        var name: String
        var images: [LabeledImage]
        var probe = 0
        var probePicture: Tensor?
        var ownTestCount: Int?
        var classNames: [String]?
    }

    /// The images and the probe: one inline `image` (rows of numbers), a named set, a picture or CSV file,
    /// or a data set's files (`images: {idx: …}`, `images: {cifar10: …}`).
    func cnnImages(_ field: Field, seed: UInt64) -> CNNImages? {
        guard let block = MappingReader(field, keys: Self.cnnDataKeys) else { return nil }
        let present = block.presentKeys.filter { $0 != "probe" }
        var images = CNNImages(name: "the inline image", images: [])
        guard let source = present.first, let value = block.field(source) else {
            block.reportMissing("data for a CNN needs image (one image as rows of numbers) or images (optdigits, glyphs, shapes, glyphs32, colour_shapes, a .pgm, .ppm or .csv file, {idx: …}, {cifar10: …} or {folder: …})")
            return nil
        }
        if present.count > 1, let second = block.field(present[1]) {
            diagnostics.report("data must have only one of image or images; found both", at: second.keyMark)
        }
        if source == "image" {
            guard let image = inlineImage(value) else { return nil }
            images.images = [LabeledImage(image: image, label: 0)]
        } else if case .mapping = value.node {
            guard let loaded = imageData(value) else { return nil }
            images = loaded
        } else {
            if case .scalar(let scalar) = value.node, [".pgm", ".ppm", ".csv"].contains(where: scalar.string.lowercased().hasSuffix) {
                guard let loaded = imageFile(value, path: scalar.string) else { return nil }
                images = CNNImages(name: scalar.string, images: loaded)
                return probe(block, images)
            }
            guard let set = value.choice(Self.imageSets) else { return nil }
            images.name = set
            images.images = switch set {
            case "glyphs": GlyphImages.digits(seed: seed)
            case "shapes": GlyphImages.shapes(seed: seed)
            case "glyphs32": GlyphImages.largeDigits(perClass: Self.glyphs32PerClass, seed: seed)
            case "colour_shapes": ColourShapes.images(perClass: Self.colourShapesPerClass, seed: seed)
            default: Optdigits.images
            }
            if set == "colour_shapes" { images.classNames = ColourShapes.classNames }
        }
        return probe(block, images)
    }

    /// The images with the `probe` index checked against them, or the probe picture (`probe: FILE.pgm`) read
    /// and fitted to them.
    private func probe(_ block: MappingReader, _ images: CNNImages) -> CNNImages? {
        var images = images
        if let field = block.field("probe"), case .scalar(let scalar) = field.node,
           [".pgm", ".ppm"].contains(where: scalar.string.lowercased().hasSuffix) {
            guard let (fullPath, bytes) = readBytes(field, path: scalar.string, kind: "picture"),
                  let picture = parsed(field, fullPath, { () throws(ImageFileError) in try ImageFiles.parsePicture(bytes) }) else { return nil }
            let shape = images.images[0].image.shape
            images.probePicture = picture.fitted(channels: shape[0], height: shape[1], width: shape[2])
            return images
        }
        if let field = block.field("probe") {
            guard let index = field.integer(in: 0...(images.images.count - 1)) else { return nil }
            images.probe = index
        }
        return images
    }

    /// A PGM or PPM picture (one unlabelled image; one larger than `maxImageSide` is scaled down to fit, see
    /// `Tensor.fitted`) or CSV rows of pixels and classes, relative to the scenario file.
    private func imageFile(_ field: Field, path: String) -> [LabeledImage]? {
        if path.lowercased().hasSuffix(".csv") {
            guard let (fullPath, text) = readFile(field, path: path, kind: "image file") else { return nil }
            return parsed(field, fullPath) { () throws(ImageFileError) in try ImageFiles.parseCSV(text) }
        }
        guard let (fullPath, bytes) = readBytes(field, path: path, kind: "image file"),
              var picture = parsed(field, fullPath, { () throws(ImageFileError) in try ImageFiles.parsePicture(bytes) }) else { return nil }
        let side = max(picture.height, picture.width)
        if side > Self.maxImageSide {
            let scale = Double(Self.maxImageSide) / Double(side)
            picture = picture.fitted(channels: picture.channels, height: max(1, Int((Double(picture.height) * scale).rounded())),
                                     width: max(1, Int((Double(picture.width) * scale).rounded())))
        }
        return [LabeledImage(image: picture, label: 0)]
    }

    /// What `parse` makes of a file the scenario names; its problem is reported in that file, ordered where
    /// the scenario names it.
    func parsed<T>(_ field: Field, _ fullPath: String, _ parse: () throws(ImageFileError) -> T) -> T? {
        do throws(ImageFileError) {
            return try parse()
        } catch {
            diagnostics.report(ScenarioError(file: fullPath, line: error.line, column: 1, message: error.message),
                               sortedAt: SortPosition(field.node.mark))
            return nil
        }
    }

    /// `image: [[…], …]`: rows of equal length.
    private func inlineImage(_ field: Field) -> Tensor? {
        guard let rows = field.list("a list of rows of numbers"), !rows.isEmpty else {
            if case .sequence = field.node { field.fail("image must have at least one row") }
            return nil
        }
        guard rows.count <= Self.maxImageSide else {
            field.fail("image must have at most \(Self.maxImageSide) rows, found \(rows.count)")
            return nil
        }
        var values: [Double] = [], width: Int?
        for (y, node) in rows.enumerated() {
            let row = field.item(node, named: "image[\(y)]")
            guard let items = row.list("a row of numbers") else { return nil }
            guard !items.isEmpty, items.count <= Self.maxImageSide else {
                row.fail("\(row.name) must have 1 to \(Self.maxImageSide) numbers, found \(items.count)")
                return nil
            }
            if let width, items.count != width {
                row.fail("\(row.name) must have \(width) numbers like the first row, found \(items.count)")
                return nil
            }
            width = items.count
            for (x, item) in items.enumerated() {
                guard let number = row.item(item, named: "image[\(y)][\(x)]").number(within: 1e6) else { return nil }
                values.append(number)
            }
        }
        return Tensor(channels: 1, height: rows.count, width: width ?? 1, values: values)
    }

    /// The `cnn:` block for images of `inputShape` with labels `0..<classes`: stages (each checked against the
    /// shape it receives), hand-set parameters and training settings. Nil once reported.
    func cnnBlock(_ field: Field, inputShape: [Int], classes: Int, labelled: Bool, imagesName: String = "the inline image", ownTestCount: Int? = nil) -> (layers: [CNNLayer], fixed: [Int: CNNScenario.FixedParameters], training: CNNSettings)? {
        guard let block = MappingReader(field, keys: Self.cnnKeys) else { return nil }
        var training = CNNSettings(), valid = true
        func read<T>(_ key: String, _ value: (Field) -> T?, into path: WritableKeyPath<CNNSettings, T>) {
            guard let field = block.field(key) else { return }
            if let value = value(field) { training[keyPath: path] = value } else { valid = false }
        }
        read("learning_rate", { $0.positiveNumber(atMost: 1000) }, into: \.learningRate)
        read("momentum", { $0.number(from: 0, below: 1) }, into: \.momentum)
        read("batch_size", { $0.integer(in: 1...100_000) }, into: \.batchSize)
        read("max_epochs", { $0.integer(in: 1...10_000) }, into: \.maxEpochs)
        read("test_split", { $0.number(from: 0, below: 1) }, into: \.testSplit)
        if let ownTestCount {
            training.ownTestCount = ownTestCount
            if let split = block.field("test_split") {
                split.failAtKey("test_split holds out part of the images, but \(imagesName) has a test set of its own (\(ownTestCount) images), which is the test set: remove test_split")
                valid = false
            }
        }
        read("dropout", { $0.number(from: 0, below: 1) }, into: \.dropout)
        // single: the batched passes in Float (about 1.6 times as fast), the weights kept in Double.
        read("precision", { $0.choice(CNNPrecision.self) }, into: \.precision)
        guard let layersField = block.field("layers", required: true), let items = layersField.list("a list of stages (conv, activation, pool, flatten, dense, softmax)") else { return nil }
        guard !items.isEmpty else {
            layersField.fail("layers must have at least one stage")
            return nil
        }
        var layers: [CNNLayer] = [], fixed: [Int: CNNScenario.FixedParameters] = [:], shape = inputShape
        var lastDense: Field?
        var weights = 0, work = 0
        for (l, node) in items.enumerated() {
            let item = layersField.item(node, named: "layers[\(l)]")
            guard let (layer, parameters) = stage(item, inputShape: shape) else { return nil }
            // A network the screen redraws every frame and training runs image by image: keep it teachable.
            weights += layer.parameterCount(shape)
            work += layer.multiplyAdds(shape)
            if weights > Self.maxWeights || work > Self.maxMultiplyAdds {
                item.fail("the network is too big for nnx: \(weights) weights and \(work) multiply-adds an image so far "
                          + "(at most \(Self.maxWeights) weights and \(Self.maxMultiplyAdds) multiply-adds)")
                return nil
            }
            switch layer.outputShape(shape) {
            case .success(let next): shape = next
            case .failure(let problem):
                item.fail("\(item.name) (\(layer.kind)) does not fit its input of \(shape[0])×\(shape[1])×\(shape[2]): \(problem.message)")
                return nil
            }
            if layer == .softmax, l != items.count - 1 {
                item.fail("softmax must be the last stage: it turns the network's outputs into class probabilities")
                return nil
            }
            if layer == .softmax, shape[1] != 1 || shape[2] != 1 {
                item.fail("softmax needs one value a class, not maps of \(shape[0])×\(shape[1])×\(shape[2]): put flatten and dense (units: the number of classes) before it")
                return nil
            }

            if let parameters { fixed[l] = parameters }
            if case .dense = layer { lastDense = item }
            layers.append(layer)
        }
        if layers.last == .softmax {
            let outputs = shape[0] * shape[1] * shape[2]
            if !labelled {
                layersField.fail("a network that ends in softmax is trained, and training needs labelled images (optdigits, glyphs, shapes or a CSV file); "
                                 + "\(imagesName) has no label")
                return nil
            }
            if outputs < classes {
                (lastDense ?? layersField).fail("the softmax has \(outputs) outputs but the images have \(classes) classes; "
                                 + "the last dense stage needs units: \(classes)")
                return nil
            }
        }
        if !checkDropout(block.field("dropout"), training, layers) { return nil }
        return valid ? (layers, fixed, training) : nil
    }

    /// Dropout acts on the inputs of the dense stages of a trained network: without either it would do nothing.
    private func checkDropout(_ field: Field?, _ training: CNNSettings, _ layers: [CNNLayer]) -> Bool {
        guard let field, training.dropout > 0, let problem = Self.dropoutProblem(layers, named: "layers") else { return true }
        field.failAtKey(problem)
        return false
    }

    /// Why dropout cannot act on these stages (`named` in the message), nil when it can: it acts while
    /// training, on the values coming into dense stages.
    static func dropoutProblem(_ layers: [CNNLayer], named: String) -> String? {
        if layers.last != .softmax { return "dropout acts while training, and only a network that ends in softmax is trained" }
        if !layers.contains(where: { if case .dense = $0 { true } else { false } }) {
            return "dropout drops the values coming into the dense stages, and \(named) has none"
        }
        return nil
    }

    /// One stage: `flatten` or `softmax` alone, or a one-key mapping (`conv: {…}`, `activation: relu`,
    /// `pool: {…}`, `dense: {units: N}` or `dense: N`).
    private func stage(_ item: Field, inputShape shape: [Int]) -> (CNNLayer, CNNScenario.FixedParameters?)? {
        if case .scalar(let scalar) = item.node {
            switch scalar.string {
            case "flatten": return (.flatten, nil)
            case "softmax": return (.softmax, nil)
            default:
                item.fail("\(item.name) must be flatten, softmax or a mapping such as {conv: {…}}, {activation: relu}, "
                          + "{pool: {…}}, {dense: {units: 10}}; found \(scalar.string)\(KeySuggestion.suffix(for: scalar.string, among: Self.layerKinds))")
                return nil
            }
        }
        guard case .mapping(let mapping) = item.node, mapping.count == 1, let (key, value) = mapping.first else {
            item.fail("\(item.name) must be one stage: flatten, softmax or a one-key mapping such as {conv: {…}}; found \(item.node.found)")
            return nil
        }
        let kind = key.string ?? ""
        let field = Field(name: kind, node: value, keyMark: key.mark, diagnostics: diagnostics)
        switch kind {
        case "conv": return convolution(field, inputShape: shape)
        case "activation":
            guard let name = field.choice(["relu", "sigmoid", "tanh"]), let f = Activation(rawValue: name) else { return nil }
            return (.activation(f), nil)
        case "pool":
            return poolingStage(field).map { ($0, nil) }
        case "dense":
            if case .mapping = value {
                guard let block = MappingReader(field, keys: ["units"]), let units = block.field("units", required: true)?.integer(in: 1...4096) else { return nil }
                return (.dense(units: units), nil)
            }
            guard let units = field.integer(in: 1...4096) else { return nil }
            return (.dense(units: units), nil)
        case "flatten": return (.flatten, nil)
        case "softmax": return (.softmax, nil)
        default:
            diagnostics.report("unknown stage '\(kind)' in \(item.name); expected one of \(Self.layerKinds.joined(separator: ", "))"
                               + KeySuggestion.suffix(for: kind, among: Self.layerKinds), at: key.mark)
            return nil
        }
    }

    /// `pool: {kind, size, stride, padding}` (a stage, or a lesson's `set: {pool: …}`): `kind` max (the default),
    /// mean or subsample; `padding: same` centres an odd window on every `stride`-th value (stride 1 unless
    /// given: the lecture's pooling), `valid` (the default) takes windows inside the map `stride` apart (the
    /// window's size unless given). Subsampling keeps `y_(s·i, s·j)`: it needs a stride, and its size only
    /// sets where the last window ends (1 unless given).
    func poolingStage(_ field: Field) -> CNNLayer? {
        guard let block = MappingReader(field, keys: Self.poolKeys) else { return nil }
        let kind = block.field("kind").map { $0.choice(PoolingKind.self) } ?? .max
        let padding = block.field("padding").map { $0.choice(ConvolutionPadding.self) } ?? .valid
        guard let kind, let padding else { return nil }
        let sizeField = block.field("size", required: kind != .subsample)
        let strideField = block.field("stride", required: kind == .subsample && sizeField == nil)
        guard let size = sizeField.map({ $0.integer(in: 1...16) }) ?? (kind == .subsample ? 1 : nil),
              let stride = strideField.map({ $0.integer(in: 1...16) }) ?? (padding == .same ? 1 : size) else { return nil }
        if padding == .same, size % 2 == 0, let sizeField {
            sizeField.fail("padding same centres the window on each value: it needs an odd size, found \(size)")
            return nil
        }
        return .pooling(kind, size: size, stride: stride, padding: padding)
    }

    /// `conv: {kernels, size, stride, padding, mode, weights, bias, frozen}`.
    private func convolution(_ field: Field, inputShape shape: [Int]) -> (CNNLayer, CNNScenario.FixedParameters?)? {
        guard let block = MappingReader(field, keys: Self.convKeys) else { return nil }
        let kernels = block.field("kernels", required: true)?.integer(in: 1...Self.maxKernels)
        let size = block.field("size", required: true)?.integer(in: 1...15)
        let stride = block.field("stride").map { $0.integer(in: 1...8) } ?? 1
        let padding = block.field("padding").map { $0.choice(ConvolutionPadding.self) } ?? .valid
        let mode = block.field("mode").map { $0.choice(ConvolutionMode.self) } ?? .correlation
        let frozen = block.field("frozen").map(boolean) ?? false
        guard let kernels, let size, let stride, let padding, let mode, let frozen else { return nil }
        if padding == .same, size % 2 == 0, let padField = block.field("padding") {
            padField.fail("padding same needs an odd kernel size (the kernel centred on each value), found size \(size)")
            return nil
        }
        let layer = CNNLayer.convolution(kernels: kernels, size: size, stride: stride, padding: padding, mode: mode)
        // A kernel bigger than its input is the problem to name, before any weights are counted.
        if case .failure(let problem) = layer.outputShape(shape), let sizeField = block.field("size") {
            sizeField.fail("size \(size) does not fit the input of \(shape[0])×\(shape[1])×\(shape[2]): \(problem.message)")
            return nil
        }
        var weights: [Double]?, biases: [Double]?
        if let weightsField = block.field("weights") {
            guard let values = kernelWeights(weightsField, kernels: kernels, inputs: shape[0], size: size) else { return nil }
            weights = values
        }
        if let biasField = block.field("bias") {
            guard let items = biasField.list("a list of \(kernels) numbers, one per kernel") else { return nil }
            guard items.count == kernels else {
                biasField.fail("bias must have \(kernels) numbers, one per kernel; found \(items.count)")
                return nil
            }
            let values = items.enumerated().map { biasField.item($1, named: "bias[\($0)]").number(within: 1e6) }
            guard !values.contains(nil) else { return nil }
            biases = values.compactMap { $0 }
        }
        if frozen, weights == nil, let frozenField = block.field("frozen") {
            frozenField.fail("frozen kernels need their weights: without weights they would stay random")
            return nil
        }
        guard let weights else {
            if let biasField = block.field("bias") { biasField.failAtKey("bias needs weights beside it (hand-set kernels)"); return nil }
            return (layer, nil)
        }
        return (layer, CNNScenario.FixedParameters(weights: weights, biases: biases, frozen: frozen))
    }

    /// `weights[output map][input map][row][column]`, flattened in that order.
    private func kernelWeights(_ field: Field, kernels: Int, inputs: Int, size: Int) -> [Double]? {
        var values: [Double] = []
        func level(_ field: Field, _ counts: [Int], _ names: [(one: String, many: String)]) -> Bool {
            guard let count = counts.first else {
                guard let number = field.number(within: 1e6) else { return false }
                values.append(number)
                return true
            }
            let what = "\(count) \(count == 1 ? names[0].one : names[0].many)"
            guard let items = field.list("a list of \(what)") else { return false }
            guard items.count == count else {
                field.fail("\(field.name) must have \(what); found \(items.count)")
                return false
            }
            for (n, item) in items.enumerated() where !level(field.item(item, named: "\(field.name)[\(n)]"), Array(counts.dropFirst()), Array(names.dropFirst())) {
                return false
            }
            return true
        }
        let names = [("kernel (one per output map)", "kernels (one per output map)"), ("input map", "input maps"),
                     ("row", "rows"), ("number", "numbers")]
        return level(field, [kernels, inputs, size, size], names) ? values : nil
    }

    /// `true` or `false`.
    private func boolean(_ field: Field) -> Bool? {
        if case .bool(let value) = field.node.scalarType { return value }
        field.fail("\(field.name) must be true or false, found \(field.node.found)")
        return nil
    }
}
