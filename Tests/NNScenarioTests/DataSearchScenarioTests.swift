import Foundation
import NNCore
import XCTest
@testable import NNScenario

/// `{search: NAME}` (where a built-in finds MNIST or CIFAR-10), `images: {folder: …}` (a teacher's own
/// pictures) and `probe: FILE.pgm`, on files the tests write to a fresh temporary folder.
final class DataSearchScenarioTests: ScenarioFolderTestCase {
    private var search: DataSearch { DataSearch(environment: ["HOME": folder + "/home"], currentDirectory: folder + "/here") }

    private func load(_ images: String, probe: String = "0", search: DataSearch? = nil) throws(ScenarioError) -> CNNScenario? {
        let yaml = "title: T\nsummary: S\nmodel: cnn\ndata:\n  images: \(images)\n  probe: \(probe)\ncnn:\n  layers: [flatten, {dense: 10}, softmax]\n"
        return try ScenarioLoader.parse(yaml, source: "s.yaml", baseDirectory: folder, dataSearch: search ?? self.search).cnn
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        try FileManager.default.createDirectory(atPath: TextFile.directory(of: folder + "/" + path), withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + path))
    }

    /// The four IDX files in `path`, two 2×2 images each, labelled 0 and 1.
    private func writeMNIST(in path: String) throws {
        func idx(_ magic: Int, _ sizes: [Int], _ body: [UInt8]) -> [UInt8] {
            ([magic] + sizes).flatMap { v in (0..<4).map { UInt8((v >> (24 - 8 * $0)) & 0xFF) } } + body
        }
        for prefix in ["train", "t10k"] {
            try write(idx(0x803, [2, 2, 2], Array(repeating: 128, count: 8)), to: "\(path)/\(prefix)-images-idx3-ubyte")
            try write(idx(0x801, [2], [0, 1]), to: "\(path)/\(prefix)-labels-idx1-ubyte")
        }
    }

    func testTheSearchPlacesInOrder() {
        let places = DataSearch(environment: ["HOME": "/h", "NNX_DATA": "/d"], currentDirectory: "/c").places("MNIST", raw: true)
        XCTAssertEqual(places, ["/d", "/d/MNIST/raw", "/d/MNIST", "/c/MNIST/raw", "/c/MNIST", "/c/data/MNIST/raw", "/c/data/MNIST",
                                "/h/data/MNIST/raw", "/h/data/MNIST", "/h/Downloads/MNIST/raw", "/h/Downloads/MNIST"])
        XCTAssertEqual(DataSearch(environment: [:], currentDirectory: "/c").places("cifar-10-batches-bin", raw: false),
                       ["/c/cifar-10-batches-bin", "/c/data/cifar-10-batches-bin"])
    }

    func testNothingFoundListsEveryPlaceAndTheFiles() {
        XCTAssertThrowsError(try load("{idx: {search: MNIST}}")) { error in
            XCTAssertEqual("\(error)", "s.yaml:5:17: error: no folder holding train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, "
                           + "t10k-labels-idx1-ubyte (plain or .gz) was found; searched \(folder)/here/MNIST/raw, \(folder)/here/MNIST, "
                           + "\(folder)/here/data/MNIST/raw, \(folder)/here/data/MNIST, ~/data/MNIST/raw, ~/data/MNIST, ~/Downloads/MNIST/raw, "
                           + "~/Downloads/MNIST (set NNX_DATA to the folder, or name it: idx: path/to/folder); \(ImageDataFiles.idxWhere); nothing is downloaded")
        }
        XCTAssertThrowsError(try load("{cifar10: {search: cifar-10-batches-bin}}")) { error in
            XCTAssertEqual("\(error)", "s.yaml:5:21: error: no folder holding the CIFAR-10 files was found; searched \(folder)/here/cifar-10-batches-bin, "
                           + "\(folder)/here/data/cifar-10-batches-bin, ~/data/cifar-10-batches-bin, ~/Downloads/cifar-10-batches-bin "
                           + "(set NNX_DATA to the folder, or name it: cifar10: path/to/cifar-10-batches-bin); CIFAR-10 needs data_batch_1.bin … "
                           + "data_batch_5.bin, test_batch.bin and batches.meta.txt: \(ImageDataFiles.cifarWhere); nothing is downloaded")
        }
        XCTAssertThrowsError(try load("{idx: {search: a/b}}")) { error in
            XCTAssertEqual("\(error)", "s.yaml:5:26: error: search names a folder to look for (such as MNIST or cifar-10-batches-bin), not a path; found 'a/b'")
        }
    }

    func testTheFirstPlaceHoldingTheFilesWins() throws {
        try writeMNIST(in: "home/Downloads/MNIST")
        try writeMNIST(in: "home/data/MNIST/raw")
        let found = try XCTUnwrap(try load("{idx: {search: MNIST}}"))
        XCTAssertEqual(found.imagesName, folder + "/home/data/MNIST/raw")
        XCTAssertEqual(found.images.count, 4)
        XCTAssertEqual(found.training.ownTestCount, 2)
        // NNX_DATA may name the folder itself.
        try writeMNIST(in: "mine")
        let mine = DataSearch(environment: ["HOME": folder + "/home", "NNX_DATA": folder + "/mine"], currentDirectory: folder)
        XCTAssertEqual(try load("{idx: {search: MNIST}}", search: mine)?.imagesName, folder + "/mine")
    }

    /// A P2 picture `width × height` of one grey level (0…9).
    private func writePGM(_ path: String, width: Int = 2, height: Int = 2, level: Int) throws {
        let row = Array(repeating: "\(level)", count: width).joined(separator: " ")
        try write(Array("P2\n\(width) \(height)\n9\n\(Array(repeating: row, count: height).joined(separator: "\n"))\n".utf8), to: path)
    }

    func testAFolderOfPicturesIsADataSetBySubfolder() throws {
        try writePGM("pics/zebra/a.pgm", level: 9)
        try writePGM("pics/cat/b.PGM", width: 4, height: 2, level: 0)
        try writePGM("pics/cat/a.pgm", level: 3)
        try write(Array("notes".utf8), to: "pics/cat/readme.txt")
        try write(Array("stray".utf8), to: "pics/loose.pgm")
        let cnn = try XCTUnwrap(try load("{folder: pics, size: 4}"))
        XCTAssertEqual(cnn.classNames, ["cat", "zebra"])
        XCTAssertEqual(cnn.images.map(\.label), [0, 0, 1])
        XCTAssertEqual(cnn.inputShape, [1, 4, 4])
        // Sorted by name within a class: a.pgm (grey 3/9 all over), then b.PGM (4×2, letterboxed to 4×4).
        XCTAssertEqual(cnn.images[0].image.values, Array(repeating: 3.0 / 9, count: 16))
        XCTAssertEqual(cnn.images[1].image.values, Array(repeating: 0, count: 16))
        XCTAssertEqual(cnn.images[2].image.values, Array(repeating: 1, count: 16))
        XCTAssertEqual(try load("{folder: pics, size: 4, channels: 3}")?.inputShape, [3, 4, 4])
        XCTAssertThrowsError(try load("{folder: nowhere}")) { error in
            XCTAssertEqual("\(error)", "s.yaml:5:20: error: there is no folder 'nowhere': folder names a folder with one sub-folder of .pgm or .ppm pictures a class (such as cats/ and dogs/)")
        }
        XCTAssertThrowsError(try load("{folder: pics, labels: x}")) { error in
            XCTAssertEqual("\(error)", "s.yaml:5:26: error: images has folder (a folder of pictures): labels belongs with idx or cifar10")
        }
    }

    func testAPictureAsTheProbeIsFittedToTheInput() throws {
        try writePGM("seven.pgm", width: 4, height: 4, level: 9)
        let cnn = try XCTUnwrap(try load("glyphs32", probe: "seven.pgm"))
        let picture = try XCTUnwrap(cnn.probePicture)
        XCTAssertEqual(picture.shape, [1, 32, 32])
        XCTAssertEqual(picture.values, Array(repeating: 1, count: 1024))
        XCTAssertEqual(cnn.probeImage, picture)
        var colour = try XCTUnwrap(try load("colour_shapes"))
        XCTAssertNil(colour.probePicture)
        colour.setProbe(picture: Tensor(channels: 1, height: 2, width: 2, values: [0.5, 0.5, 0.5, 0.5]))
        XCTAssertEqual(colour.probeImage, Tensor(channels: 3, height: 32, width: 32, values: Array(repeating: 0.5, count: 3072)))
        XCTAssertEqual(colour.classNames?.first, "red disc")
    }
}
