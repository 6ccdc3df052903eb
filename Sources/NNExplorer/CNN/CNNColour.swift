import NNCore
import NNRender

/// A colour input on the CNN screen: its three maps as one picture and the first convolution's 3-channel
/// kernels as one small picture each, or (`g`) one channel at a time, grey input and diverging kernels.
extension CNNExplorer {
    static let channelNames = ["red", "green", "blue"]

    /// Whether the input is a colour image (three maps: red, green, blue).
    public var colourInput: Bool { network.inputShape.first == 3 }

    /// Colour, then red, green and blue alone, then colour again.
    mutating func cycleChannel() {
        shownChannel = switch shownChannel { case nil: 0; case 2: nil; case let c?: c + 1 }
        note = shownChannel.map { "the \(Self.channelNames[$0]) channel alone: the input in grey, each kernel's \(Self.channelNames[$0]) weights" }
            ?? "colour: the input as a picture, each kernel's three channels as one"
    }
}

/// A colour image's red, green and blue maps as one picture, each value v (0 to 1) its channel's byte
/// round(255·v), values outside clamped: a byte b read as b / 255 shows as b.
func colourPicture(_ input: Tensor, zoom: Int) -> ColourPicture {
    ColourPicture(rows: input.height, columns: input.width, planes: input.values).zoomed(zoom)
}

/// Kernel `k` of a convolution over a colour input, its three channels as one picture: each weight w its
/// channel's brightness 0.5 + 0.5·w / `limit` (mid-grey 128 is 0, brighter positive, darker negative).
func kernelPicture(_ weights: [Double], kernel k: Int, size: Int, limit: Double) -> ColourPicture {
    let plane = size * size
    let scaled = weights[(3 * k * plane)..<(3 * (k + 1) * plane)].map { 0.5 + 0.5 * $0 / limit }
    return ColourPicture(rows: size, columns: size, planes: scaled)
}
