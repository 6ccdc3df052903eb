/// An image and its class.
public struct LabeledImage: Sendable, Hashable {
    public var image: Tensor
    public var label: Int
    public init(image: Tensor, label: Int) { self.image = image; self.label = label }
}

/// The handwritten digits of UCI's "Optical Recognition of Handwritten Digits" test set (E. Alpaydin and
/// C. Kaynak, 1998; CC BY 4.0; as distributed with scikit-learn): 1,797 images of 8×8 pixels.
public enum Optdigits {
    /// Pixels are 0..16 in the data; the images hold them scaled to 0..1.
    public static let images: [LabeledImage] = encoded.split(separator: "\n").map { line in
        let characters = Array(line.utf8)
        let pixels = characters.prefix(64).map { Double(hexValue($0)) / 16 }
        return LabeledImage(image: Tensor(channels: 1, height: 8, width: 8, values: pixels), label: Int(characters[64] - UInt8(ascii: "0")))
    }

    /// 0-9 and a-g stand for 0..16.
    private static func hexValue(_ c: UInt8) -> Int {
        c <= UInt8(ascii: "9") ? Int(c - UInt8(ascii: "0")) : Int(c - UInt8(ascii: "a")) + 10
    }
}
