import Foundation
import NNCore

/// `images: {folder: path, size: 32, channels: 1}`: a teacher's own pictures as a small data set, one
/// sub-folder a class (the classes in the sub-folders' name order, named by them), each PGM or PPM picture
/// fitted to `size × size` (`Tensor.fitted`: area averaging, letterboxed). Other files are passed over.
extension ScenarioReader {
    static let pictureFolderKeys = ["folder", "size", "channels"]
    static let maxFolderPictures = 10_000

    func pictureFolder(_ block: MappingReader) -> CNNImages? {
        guard let field = block.field("folder") else { return nil }
        if let other = block.presentKeys.first(where: { !Self.pictureFolderKeys.contains($0) }).flatMap({ block.field($0) }) {
            other.failAtKey("images has folder (a folder of pictures): \(other.name) belongs with idx or cifar10")
            return nil
        }
        let side = block.field("size").map { $0.integer(in: 4...Self.maxImageSide) } ?? 32
        var channels: Int?
        if let channelsField = block.field("channels") {
            guard let count = channelsField.integer(in: 1...3) else { return nil }
            guard count != 2 else {
                channelsField.fail("channels must be 1 (grey) or 3 (colour), found 2")
                return nil
            }
            channels = count
        }
        guard let path = field.line(), let folder = dataPath(field, path), let side else { return nil }
        let needs = "folder names a folder with one sub-folder of .pgm or .ppm pictures a class (such as cats/ and dogs/)"
        guard Self.kind(folder) == .folder else {
            field.fail("there is no folder '\(path)': \(needs)")
            return nil
        }
        let classes = Self.pictureClasses(in: folder)
        guard !classes.isEmpty else {
            field.fail("the folder '\(path)' has no sub-folder holding a .pgm or .ppm picture: \(needs)")
            return nil
        }
        let count = classes.reduce(0) { $0 + $1.files.count }
        guard count <= Self.maxFolderPictures else {
            field.fail("the folder '\(path)' holds \(count) pictures; nnx reads at most \(Self.maxFolderPictures) this way")
            return nil
        }
        var pictures: [(Tensor, Int)] = []
        for (label, item) in classes.enumerated() {
            for file in item.files {
                guard let (fullPath, bytes) = readBytes(field, path: file, kind: "picture"),
                      let picture = parsed(field, fullPath, { () throws(ImageFileError) in try ImageFiles.parsePicture(bytes) }) else { return nil }
                pictures.append((picture, label))
            }
        }
        // Colour when any picture is (unless channels says otherwise).
        let shape = channels ?? (pictures.contains { $0.0.channels == 3 } ? 3 : 1)
        let images = pictures.map { LabeledImage(image: $0.0.fitted(channels: shape, height: side, width: side), label: $0.1) }
        return CNNImages(name: path, images: images, classNames: classes.map(\.name))
    }

    /// The sub-folders holding pictures, sorted by name, each with its pictures' paths sorted by name.
    static func pictureClasses(in folder: String) -> [(name: String, files: [String])] {
        let manager = FileManager.default
        func pictures(_ path: String) -> [String] {
            ((try? manager.contentsOfDirectory(atPath: path)) ?? []).sorted().filter { name in
                let lower = name.lowercased()
                return (lower.hasSuffix(".pgm") || lower.hasSuffix(".ppm")) && kind(path + "/" + name) == .file
            }.map { path + "/" + $0 }
        }
        let names = ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).sorted().filter { kind(folder + "/" + $0) == .folder }
        return names.map { (name: $0, files: pictures(folder + "/" + $0)) }.filter { !$0.files.isEmpty }
    }
}
