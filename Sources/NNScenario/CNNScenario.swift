import NNCore

/// A CNN scenario's images, stages and training settings.
public struct CNNScenario: Sendable {
    /// Where the images come from, for titles and messages ("optdigits", "the inline image").
    public var imagesName: String
    public var images: [LabeledImage]
    /// The image shown and traced.
    public var probe: Int
    public var layers: [CNNLayer]
    /// Hand-set weights and biases by layer index (the others are drawn with the seed).
    public var fixed: [Int: FixedParameters]
    public var training: CNNSettings
    /// The classes' names when the data has them (CIFAR-10's `batches.meta.txt`), by label.
    public var classNames: [String]?
    /// A picture of the teacher's own shown and traced instead of `images[probe]` (`probe: FILE.pgm`,
    /// `--probe FILE`), fitted to the input.
    public var probePicture: Tensor?

    public struct FixedParameters: Sendable, Hashable {
        /// Laid out as `ConvNet.weights[l]` (`[output map][input map][row][column]` for a convolution).
        public var weights: [Double]
        public var biases: [Double]?
        public var frozen: Bool
    }

    public init(imagesName: String, images: [LabeledImage], probe: Int, layers: [CNNLayer],
                fixed: [Int: FixedParameters] = [:], training: CNNSettings = CNNSettings()) {
        self.imagesName = imagesName; self.images = images; self.probe = probe
        self.layers = layers; self.fixed = fixed; self.training = training
    }

    /// A network that ends in softmax is trained; one without is only looked at (hand-set kernels).
    public var trains: Bool { layers.last == .softmax }

    public var inputShape: [Int] { images[0].image.shape }

    /// The image shown and traced first: the probe picture, or `images[probe]`.
    public var probeImage: Tensor { probePicture ?? images[probe].image }

    /// `picture` as the probe, fitted to the input's maps and size (`Tensor.fitted`: area averaging,
    /// letterboxed; colour to grey by luma, grey to colour as three equal maps).
    public mutating func setProbe(picture: Tensor) {
        probePicture = picture.fitted(channels: inputShape[0], height: inputShape[1], width: inputShape[2])
    }

    /// The network with weights drawn from `seed` and the hand-set ones in place. The scenario reader has
    /// checked that the stages fit the images.
    public func network(seed: UInt64) -> ConvNet {
        var rng = SplitMix64(seed: seed)
        do {
            var network = try ConvNet(inputShape: inputShape, layers: layers, rng: &rng)
            for (l, parameters) in fixed {
                network.weights[l] = parameters.weights
                if let biases = parameters.biases { network.biases[l] = biases }
                network.frozen[l] = parameters.frozen
            }
            return network
        } catch {
            preconditionFailure("a checked CNN scenario does not fit its images: \(error)")
        }
    }
}
