import Dispatch
import Synchronization

/// A problem in a data file, naming the file and, where it helps, the byte it is at.
public struct DataFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var offset: Int?
    public var message: String

    public init(file: String, offset: Int? = nil, message: String) {
        self.file = file; self.offset = offset; self.message = message
    }

    public var description: String { "\(file)\(offset.map { " at byte \($0)" } ?? ""): \(message)" }
}

/// Images as data files hold them, bytes 0…255 image after image (each `[channel][row][column]`), with
/// their classes: eight times smaller than tensors until a network needs them.
public struct ByteImages: Sendable, Equatable {
    public var channels: Int, height: Int, width: Int
    public var pixels: [UInt8]
    public var labels: [UInt8]

    public init(channels: Int, height: Int, width: Int, pixels: [UInt8], labels: [UInt8]) {
        precondition(pixels.count == labels.count * channels * height * width, "pixels do not fit the shape")
        self.channels = channels; self.height = height; self.width = width; self.pixels = pixels; self.labels = labels
    }

    public var count: Int { labels.count }
    public var shape: [Int] { [channels, height, width] }

    /// The images as tensors, each pixel byte b as b / 255, made on every core (60,000 colour images are
    /// 1.5 GB of tensors: writing them is most of the time a data set takes to load).
    public var labeledImages: [LabeledImage] {
        let size = channels * height * width, count = count, parts = max(1, min(Kernels.cores, count / 1_000))
        let scale = (0...255).map { Double($0) / 255 }
        let made = Mutex(Array(repeating: [LabeledImage](), count: parts))
        pixels.withUnsafeBufferPointer { pixels in
            scale.withUnsafeBufferPointer { scale in
                nonisolated(unsafe) let (pixels, scale) = (pixels, scale)
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let images = ((part * count / parts)..<((part + 1) * count / parts)).map { n in
                        var image = Tensor(uninitializedChannels: channels, height: height, width: width)
                        image.values.withUnsafeMutableBufferPointer { values in
                            for i in 0..<size { values[i] = scale[Int(pixels[n * size + i])] }
                        }
                        return LabeledImage(image: image, label: Int(labels[n]))
                    }
                    made.withLock { $0[part] = images }
                }
            }
        }
        return made.withLock { $0.flatMap { $0 } }
    }
}
