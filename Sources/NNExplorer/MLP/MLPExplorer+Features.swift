import NNCore
import NNRender

/// The input features (`f` picks one, `F` turns it on or off), as TensorFlow Playground offers them.
extension MLPExplorer {
    /// The feature `F` would turn on or off.
    public var featureCursor: InputFeature { InputFeature.allCases[featureCursorIndex % InputFeature.allCases.count] }

    /// Input unit `i`'s name (from 0): its feature, x1, x2, x1², ….
    func inputName(_ i: Int) -> String { trainer.network.features[i].name }

    /// The next of the seven features for `F`.
    mutating func nextFeature() {
        featureCursorIndex = (featureCursorIndex + 1) % InputFeature.allCases.count
        let feature = featureCursor
        let on = trainer.settings.features.contains(feature)
        note = "input \(feature.name): \(on ? "on" : "off") (F turns it \(on ? "off" : "on"))"
    }

    /// Turns the picked feature on or off (the inputs keep the order x1, x2, x1², x2², x1·x2, sin x1, sin x2);
    /// the first layer has one unit per feature, so the network starts again from new weights.
    mutating func toggleFeature() {
        let feature = featureCursor
        var features = trainer.settings.features
        if let index = features.firstIndex(of: feature) {
            guard features.count > 1 else { note = "\(feature.name) is the only input: turn another on first"; return }
            features.remove(at: index)
        } else {
            features = InputFeature.allCases.filter { features.contains($0) || $0 == feature }
        }
        setFeatures(features)
    }

    /// These inputs; new weights (the first layer's size is the number of features).
    mutating func setFeatures(_ features: [InputFeature]) {
        var settings = trainer.settings
        guard features != settings.features else { return }
        settings.features = features
        settings.sizes[0] = features.count
        settings.initialWeights = nil
        restart(with: settings)
        let names = features.map { $0.name }.joined(separator: ", ")
        note = "inputs \(names): network " + settings.sizes.map(String.init).joined(separator: "-") + " re-initialised"
    }
}

extension MLPExplorer {
    /// The columns of an input's picture in the network diagram.
    static let inputPictureWidth = 4

    /// What an input feature is over the plot, as region pixels (`width` × `pixelRows`, row-major): its sign
    /// as the class (positive: class 1's colour), its size against the largest |value| there as the level.
    func inputPicture(_ feature: InputFeature, width: Int, pixelRows: Int) -> [(cls: Int, level: Int)] {
        let map = PlotMapping(area: Rect(x: 0, y: 0, width: width, height: (pixelRows + 1) / 2), xRange: xRange, yRange: yRange)
        let values = (0..<pixelRows).flatMap { row in
            (0..<width).map { column in
                let point = map.point(subColumn: Double(column) + 0.5, subRow: (Double(row) + 0.5) / 2)
                return feature.value(point.x, point.y)
            }
        }
        let largest = values.map(abs).max() ?? 0
        return values.map { v in
            let size = largest > 0 ? abs(v) / largest : 0
            return (v >= 0 ? 1 : 0, size < 0.3 ? 0 : size < 0.7 ? 1 : 2)
        }
    }
}
