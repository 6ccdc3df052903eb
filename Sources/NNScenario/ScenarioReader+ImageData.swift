import Foundation
import NNCore

/// `images: {idx: …, labels: …, test_images: …, test_labels: …}` (or `{idx: folder}`) and
/// `images: {cifar10: folder}`: data sets in the files they are distributed as, relative to the scenario.
extension ScenarioReader {
    static let imageDataKeys = ["idx", "labels", "test_images", "test_labels", "cifar10", "folder", "size", "channels"]

    /// The data set's images (its own test images last), named for titles; nil once reported.
    func imageData(_ field: Field) -> CNNImages? {
        guard let block = MappingReader(field, keys: Self.imageDataKeys) else { return nil }
        if block.field("folder") != nil { return pictureFolder(block) }
        return dataFiles(block).map { name, loaded in
            CNNImages(name: name, images: loaded.training.labeledImages + (loaded.test?.labeledImages ?? []),
                      ownTestCount: loaded.test?.count, classNames: loaded.classNames)
        }
    }

    /// IDX files or CIFAR-10 batches: the data set's name and what was read.
    private func dataFiles(_ block: MappingReader) -> (name: String, loaded: ImageDataFiles.Loaded)? {
        if let other = ["size", "channels"].lazy.compactMap({ block.field($0) }).first {
            other.failAtKey("\(other.name) belongs with folder (a folder of pictures): IDX files and CIFAR-10 batches have their own size")
            return nil
        }
        if let cifar = block.field("cifar10") {
            if let other = block.presentKeys.first(where: { $0 != "cifar10" }).flatMap({ block.field($0) }) {
                other.failAtKey("images has cifar10 (a folder of CIFAR-10 batches): \(other.name) belongs with idx")
                return nil
            }
            return cifar10(cifar)
        }
        guard let idx = block.field("idx", required: true) else {
            if block.presentKeys.isEmpty { block.reportMissing("images needs idx (MNIST-style IDX files), cifar10 (a folder of CIFAR-10 batches) or folder (a folder of pictures)") }
            return nil
        }
        if case .mapping = idx.node {
            if let other = block.presentKeys.first(where: { $0 != "idx" }).flatMap({ block.field($0) }) {
                other.failAtKey("idx searches for a folder, which holds all four IDX files: \(other.name) goes with idx naming the training images' file")
                return nil
            }
            return searchedIDX(idx)
        }
        guard let path = idx.line(), let folder = dataPath(idx, path) else { return nil }
        let four = ImageDataFiles.idxNames.map { $0[0] }.joined(separator: ", ")
        switch Self.kind(folder) {
        case nil:
            idx.fail("there is no file or folder '\(path)': idx names a folder holding \(four) (plain or .gz), or the training images' file "
                     + "beside labels (and test_images, test_labels); \(ImageDataFiles.idxWhere); nothing is downloaded")
            return nil
        case .folder?:
            if let other = block.presentKeys.first(where: { $0 != "idx" }).flatMap({ block.field($0) }) {
                other.failAtKey("idx names a folder, which holds all four IDX files: \(other.name) goes with idx naming the training images' file")
                return nil
            }
            let files = ImageDataFiles.idxFiles(in: folder)
            guard let images = files[0], let labels = files[1], let testImages = files[2], let testLabels = files[3] else {
                let missing = zip(ImageDataFiles.idxNames, files).filter { $1 == nil }.map { $0.0[0] }
                idx.fail("the folder '\(path)' does not hold \(missing.joined(separator: ", ")) (plain or .gz, one of each); it needs \(four): "
                         + "\(ImageDataFiles.idxWhere); nothing is downloaded")
                return nil
            }
            return load(idx, name: path, hint: nil) { () throws(DataFileError) in
                try ImageDataFiles.idx(images: images, labels: labels, testImages: testImages, testLabels: testLabels)
            }
        case .file?: break
        }
        let labelsField = block.field("labels", required: true)
        let testImagesField = block.field("test_images"), testLabelsField = block.field("test_labels")
        if (testImagesField == nil) != (testLabelsField == nil), let given = testImagesField ?? testLabelsField {
            given.failAtKey("test_images and test_labels come together: the data's own test set is both files")
            return nil
        }
        guard let labelsField, let labels = labelsField.line().flatMap({ dataPath(labelsField, $0) }) else { return nil }
        var test: (String, String)?
        if let testImagesField, let testLabelsField {
            guard let images = testImagesField.line().flatMap({ dataPath(testImagesField, $0) }),
                  let labels = testLabelsField.line().flatMap({ dataPath(testLabelsField, $0) }) else { return nil }
            test = (images, labels)
        }
        let hint = "idx, labels, test_images and test_labels name IDX files such as train-images-idx3-ubyte (plain or .gz); \(ImageDataFiles.idxWhere); nothing is downloaded"
        return load(idx, name: path, hint: hint) { () throws(DataFileError) in
            try ImageDataFiles.idx(images: folder, labels: labels, testImages: test?.0, testLabels: test?.1)
        }
    }

    private func cifar10(_ field: Field) -> (name: String, loaded: ImageDataFiles.Loaded)? {
        let needs = "CIFAR-10 needs data_batch_1.bin … data_batch_5.bin, test_batch.bin and batches.meta.txt: \(ImageDataFiles.cifarWhere); nothing is downloaded"
        if case .mapping = field.node {
            guard let name = searchName(field) else { return nil }
            let holds = { (folder: String) in Self.kind(folder) == .folder && ImageDataFiles.missingCIFAR10Files(in: folder).isEmpty }
            guard let folder = dataSearch.first(name, raw: false, holds: holds) else {
                field.fail("no folder holding the CIFAR-10 files was found; searched \(dataSearch.shown(dataSearch.places(name, raw: false))) "
                           + "(set NNX_DATA to the folder, or name it: cifar10: path/to/cifar-10-batches-bin); \(needs)")
                return nil
            }
            return load(field, name: folder, hint: nil) { () throws(DataFileError) in try ImageDataFiles.cifar10(folder: folder) }
        }
        guard let path = field.line(), let folder = dataPath(field, path) else { return nil }
        guard Self.kind(folder) == .folder else {
            field.fail("there is no folder '\(path)': \(needs)")
            return nil
        }
        let missing = ImageDataFiles.missingCIFAR10Files(in: folder)
        guard missing.isEmpty else {
            field.fail("the folder '\(path)' does not hold \(missing.joined(separator: ", ")); \(needs)")
            return nil
        }
        return load(field, name: path, hint: nil) { () throws(DataFileError) in try ImageDataFiles.cifar10(folder: folder) }
    }

    /// `idx: {search: NAME}`: the first folder of `dataSearch`'s places that holds the four IDX files.
    private func searchedIDX(_ field: Field) -> (name: String, loaded: ImageDataFiles.Loaded)? {
        guard let name = searchName(field) else { return nil }
        let holds = { (folder: String) in Self.kind(folder) == .folder && !ImageDataFiles.idxFiles(in: folder).contains(nil) }
        guard let folder = dataSearch.first(name, raw: true, holds: holds) else {
            let four = ImageDataFiles.idxNames.map { $0[0] }.joined(separator: ", ")
            field.fail("no folder holding \(four) (plain or .gz) was found; searched \(dataSearch.shown(dataSearch.places(name, raw: true))) "
                       + "(set NNX_DATA to the folder, or name it: idx: path/to/folder); \(ImageDataFiles.idxWhere); nothing is downloaded")
            return nil
        }
        let files = ImageDataFiles.idxFiles(in: folder).compactMap { $0 }
        return load(field, name: folder, hint: nil) { () throws(DataFileError) in
            try ImageDataFiles.idx(images: files[0], labels: files[1], testImages: files[2], testLabels: files[3])
        }
    }

    /// `{search: NAME}`: the folder name searched for.
    private func searchName(_ field: Field) -> String? {
        guard let block = MappingReader(field, keys: ["search"]), let name = block.field("search", required: true),
              let text = name.line() else { return nil }
        guard !text.isEmpty, !text.contains("/") else {
            name.fail("search names a folder to look for (such as MNIST or cifar-10-batches-bin), not a path; found '\(text)'")
            return nil
        }
        return text
    }

    enum PathKind { case file, folder }

    static func kind(_ path: String) -> PathKind? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        return isDirectory.boolValue ? .folder : .file
    }

    /// `path` relative to the scenario's folder; nil (reported) when the scenario is not a file on disk.
    func dataPath(_ field: Field, _ path: String) -> String? {
        guard let baseDirectory else {
            field.fail("cannot read '\(path)': only a scenario file on disk can name data files")
            return nil
        }
        return TextFile.resolve(path, relativeTo: baseDirectory)
    }

    /// The files read, or their problem reported at `field` (the message names the data file; `hint` follows
    /// when a file is missing).
    private func load(_ field: Field, name: String, hint: String?, _ read: () throws(DataFileError) -> ImageDataFiles.Loaded) -> (name: String, loaded: ImageDataFiles.Loaded)? {
        do throws(DataFileError) {
            return (name, try read())
        } catch {
            field.fail(error.description + (error.message == "no such file" ? hint.map { "; \($0)" } ?? "" : ""))
            return nil
        }
    }
}
