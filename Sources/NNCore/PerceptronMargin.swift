/// The numbers of the perceptron convergence theorem for a dataset, measured as the lecture measures them, on
/// the inputs with their bias, x = (1, x1, x2):
/// - `radius` R = max ‖x_t‖;
/// - `margin` γ = max over w = (w0, w1, w2) with ‖w‖ = 1 of min_t y_t·w·x_t: the best separating line's
///   least y·w·x, how far its closest point lies on the right side in the space of x (nil when no line
///   separates the classes).
///
/// From w = 0, with one η throughout, the rule then makes at most (R/γ)² updates, in any order of visits.
public struct PerceptronMargin: Sendable, Hashable {
    public var radius: Double
    public var margin: Double?
    /// The unit w of the best line (nil when not separable).
    public var weights: [Double]?
    /// The samples closest to the best line (its support vectors), by index.
    public var closest: [Int]

    /// (R/γ)², the most updates the rule makes from w = 0 (nil when not separable).
    public var updateBound: Double? { margin.map { (radius / $0) * (radius / $0) } }

    /// Nil for no samples.
    public init?(samples: [Sample]) {
        guard !samples.isEmpty else { return nil }
        // z_t = y_t·x_t: a unit w separates the data with margin m when w·z_t ≥ m for every t.
        let z = samples.map { s in Vector3(1, s.x1, s.x2).scaled(s.signedTarget) }
        radius = z.map(\.norm).max()!
        // The best margin is the distance from the origin to the convex hull of the z_t (a max-min and a
        // min-norm problem are duals); the nearest point p gives w = p/‖p‖. Zero distance: the hull holds
        // the origin, and no line separates the classes.
        let nearest = NearestPoint(z)
        let distance = nearest.point.norm
        guard distance > 1e-9 * radius else {
            margin = nil; weights = nil; closest = []
            return
        }
        let w = nearest.point.scaled(1 / distance)
        // γ as this w achieves it: equal to the distance up to rounding, and never above the true maximum.
        let achieved = z.map { $0.dot(w) }.min()!
        guard achieved > 0 else {   // only if rounding defeated the solver: claim no bound rather than a wrong one
            margin = nil; weights = nil; closest = []
            return
        }
        margin = achieved
        weights = [w.x, w.y, w.z]
        closest = nearest.corral.sorted()
    }
}

/// A point of 3-D space with the few operations the solver needs.
struct Vector3: Hashable {
    var x, y, z: Double
    init(_ x: Double, _ y: Double, _ z: Double) { self.x = x; self.y = y; self.z = z }
    func dot(_ o: Vector3) -> Double { x * o.x + y * o.y + z * o.z }
    var norm: Double { dot(self).squareRoot() }
    func scaled(_ k: Double) -> Vector3 { Vector3(k * x, k * y, k * z) }
    static func + (a: Vector3, b: Vector3) -> Vector3 { Vector3(a.x + b.x, a.y + b.y, a.z + b.z) }
    static func - (a: Vector3, b: Vector3) -> Vector3 { Vector3(a.x - b.x, a.y - b.y, a.z - b.z) }
    static let zero = Vector3(0, 0, 0)
}

/// The point of the convex hull of `points` nearest the origin, by Wolfe's algorithm (1976): an exact active-set
/// method that ends after finitely many steps. It keeps a "corral" of at most four affinely independent points
/// and convex weights on them; each major step adds the point most in the direction of the origin, and minor
/// steps drop points until the corral's nearest affine point has positive weights.
struct NearestPoint {
    private(set) var point = Vector3.zero
    /// Indices of the points whose convex combination is `point`.
    private(set) var corral: [Int] = []

    init(_ points: [Vector3]) {
        let scale = points.map { $0.dot($0) }.max()!
        let first = points.indices.min { points[$0].dot(points[$0]) < points[$1].dot(points[$1]) }!
        corral = [first]
        var weights = [1.0]
        point = points[first]
        major: for _ in 0..<1000 {   // a guard: each major step lowers ‖point‖, and corrals are finitely many
            // Major step: the point with the least projection on `point`; none below ‖point‖² means optimal.
            let j = points.indices.min { point.dot(points[$0]) < point.dot(points[$1]) }!
            if point.dot(point) - point.dot(points[j]) <= 1e-13 * scale || corral.contains(j) { break }
            corral.append(j)
            weights.append(0)
            // Minor steps: the corral's nearest affine point, if its weights are all positive; else move
            // towards it as far as the weights stay non-negative, and drop the points whose weight reached 0.
            while true {
                guard let affine = Self.affineWeights(corral.map { points[$0] }) else {
                    corral.removeLast(); weights.removeLast()   // no longer independent in floating point: done
                    break major
                }
                if affine.allSatisfy({ $0 > 1e-14 }) {
                    weights = affine
                    break
                }
                var theta = 1.0
                for (l, a) in zip(weights, affine) where a <= 1e-14 && l > a { theta = min(theta, l / (l - a)) }
                weights = zip(weights, affine).map { (1 - theta) * $0 + theta * $1 }
                let kept = weights.indices.filter { weights[$0] > 1e-14 }
                corral = kept.map { corral[$0] }
                let total = kept.reduce(0) { $0 + weights[$1] }
                weights = kept.map { weights[$0] / total }
            }
            point = zip(corral, weights).reduce(Vector3.zero) { $0 + points[$1.0].scaled($1.1) }
            if corral.count == 4 { break }   // four points with the origin inside them: it is in the hull
        }
        point = zip(corral, weights).reduce(Vector3.zero) { $0 + points[$1.0].scaled($1.1) }
    }

    /// The weights (summing to 1) of the point of the affine hull of `s` nearest the origin; nil when the
    /// points are affinely dependent. With s0 as base: minimise ‖s0 + Σ βi (si − s0)‖², normal equations.
    static func affineWeights(_ s: [Vector3]) -> [Double]? {
        let d = s.dropFirst().map { $0 - s[0] }
        let n = d.count
        if n == 0 { return [1] }
        var a = (0..<n).map { i in (0..<n).map { j in d[i].dot(d[j]) } + [-d[i].dot(s[0])] }
        // Gauss-Jordan elimination with partial pivoting on the n×(n+1) system (n ≤ 3); a pivot that is
        // rounding noise against the Gram matrix's diagonal means the points are affinely dependent.
        let size = (0..<n).map { a[$0][$0] }.max()!
        for col in 0..<n {
            let pivot = (col..<n).max { abs(a[$0][col]) < abs(a[$1][col]) }!
            if abs(a[pivot][col]) <= 1e-12 * size { return nil }
            a.swapAt(col, pivot)
            for row in 0..<n where row != col {
                let f = a[row][col] / a[col][col]
                for k in col...n { a[row][k] -= f * a[col][k] }
            }
        }
        let beta = (0..<n).map { a[$0][n] / a[$0][$0] }
        return [1 - beta.reduce(0, +)] + beta
    }
}
