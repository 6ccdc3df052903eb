import Foundation
import NNCore

/// The data sets nnx reads from the files they are distributed as: MNIST and its relatives in IDX files,
/// CIFAR-10's binary batches. Nothing is downloaded: the messages say which files are needed and where
/// they are usually found.
public enum ImageDataFiles {
    /// Pixel bytes held at most, training and test images together (CIFAR-10's 60,000 images are
    /// 184,320,000); a tensor keeps each as 8 bytes.
    public static let maxBytes = 200_000_000

    /// Images read from data files: the training images, the data's own test images (if any) and the names
    /// of the classes (if the data has them).
    public struct Loaded: Sendable {
        public var training: ByteImages
        public var test: ByteImages?
        public var classNames: [String]?
    }

    /// The four IDX files as distributed, plain or gzip; the test pair is optional (both or neither).
    public static func idx(images: String, labels: String, testImages: String?, testLabels: String?) throws(DataFileError) -> Loaded {
        let training = try IDX.imageSet(images: try read(images), imagesFile: images, labels: try read(labels), labelsFile: labels, maxBytes: maxBytes)
        guard let testImages, let testLabels else { return Loaded(training: training) }
        let test = try IDX.imageSet(images: try read(testImages), imagesFile: testImages, labels: try read(testLabels), labelsFile: testLabels,
                                    maxBytes: maxBytes - training.pixels.count)
        guard test.shape == training.shape else {
            throw DataFileError(file: testImages, message: "images of \(test.height)×\(test.width) pixels; the training images are \(training.height)×\(training.width)")
        }
        return Loaded(training: training, test: test)
    }

    /// The usual names of the four IDX files, in the order `idx(images:labels:testImages:testLabels:)` takes
    /// them; a file matches when its name (without `.gz`) ends in one of the names given for it (EMNIST's
    /// are prefixed, `emnist-letters-train-images-idx3-ubyte`; some copies have a dot before `idx`).
    public static let idxNames = [["train-images-idx3-ubyte", "train-images.idx3-ubyte"],
                                  ["train-labels-idx1-ubyte", "train-labels.idx1-ubyte"],
                                  ["t10k-images-idx3-ubyte", "t10k-images.idx3-ubyte", "test-images-idx3-ubyte"],
                                  ["t10k-labels-idx1-ubyte", "t10k-labels.idx1-ubyte", "test-labels-idx1-ubyte"]]

    /// Where the files are usually found, for the message that says they are missing.
    public static let idxWhere = "MNIST, Fashion-MNIST, KMNIST and EMNIST are distributed as these files (torchvision keeps them in "
        + "<root>/MNIST/raw/, <root>/FashionMNIST/raw/, <root>/KMNIST/raw/; Keras keeps Fashion-MNIST's in ~/.keras/datasets/fashion-mnist/; "
        + "Keras's mnist.npz is not read)"
    public static let cifarWhere = "the 'CIFAR-10 binary version' from https://www.cs.toronto.edu/~kriz/cifar.html unpacks to "
        + "cifar-10-batches-bin/ (the Python version, cifar-10-batches-py/, which torchvision and Keras keep, is not read)"

    /// The four IDX files in `folder` (nil for each one not there, or named ambiguously).
    public static func idxFiles(in folder: String) -> [String?] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return idxNames.map { endings in
            let matches = names.filter { name in
                let plain = name.hasSuffix(".gz") ? String(name.dropLast(3)) : name
                return endings.contains { plain.hasSuffix($0) }
            }
            // The plain file and its .gz side by side (as torchvision leaves them): the plain one.
            let plain = matches.filter { !$0.hasSuffix(".gz") }
            let chosen = plain.count == 1 ? plain : matches
            return chosen.count == 1 ? TextFile.resolve(chosen[0], relativeTo: folder) : nil
        }
    }

    /// `cifar-10-batches-bin`: the five training batches and the test batch, and the class names.
    public static func cifar10(folder: String) throws(DataFileError) -> Loaded {
        func path(_ name: String) -> String { TextFile.resolve(name, relativeTo: folder) }
        var batches: [ByteImages] = []
        for name in CIFAR10.trainingFiles {
            batches.append(try CIFAR10.batch(try read(path(name)), file: path(name)))
        }
        let test = try CIFAR10.batch(try read(path(CIFAR10.testFile)), file: path(CIFAR10.testFile))
        let metaPath = path(CIFAR10.metaFile)
        guard case .success(let meta) = TextFile.read(metaPath) else { throw DataFileError(file: metaPath, message: "cannot read the class names") }
        return Loaded(training: CIFAR10.joined(batches), test: test, classNames: try CIFAR10.classNames(meta, file: metaPath))
    }

    /// The names of the CIFAR-10 files missing from `folder`.
    public static func missingCIFAR10Files(in folder: String) -> [String] {
        (CIFAR10.trainingFiles + [CIFAR10.testFile, CIFAR10.metaFile]).filter {
            !FileManager.default.fileExists(atPath: TextFile.resolve($0, relativeTo: folder))
        }
    }

    /// A file's bytes, refusing one larger than nnx holds (a gzip file is smaller than what it holds).
    static func read(_ path: String) throws(DataFileError) -> [UInt8] {
        switch TextFile.readBytes(path, limit: maxBytes + 16) {
        case .success(let bytes): return bytes
        case .failure(let failure): throw DataFileError(file: path, message: failure.reason)
        }
    }
}
