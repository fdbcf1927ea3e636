/// The result digest of a run: SHA-256 over the IEEE-754 bits of every metric point in
/// canonical order (key, then scalar before series, then abscissa).
///
/// Each point contributes its key's UTF-8 bytes, a 0 separator, a presence byte and the bits of
/// `x`, and the bits of the value (every NaN counts as the canonical NaN, as the store keeps no
/// payloads). Two runs have the same digest exactly when they recorded the
/// same keys with bit-identical numbers, whatever the recording order.
///
/// A run's digest covers its reproducible points only
/// (``ExperimentDescriptor/reproducible(_:)``): wall-clock timing families are left out, so
/// reruns that measured other seconds still share one digest.
public enum ResultDigest {
    /// The digest of `points`.
    public static func of(_ points: [MetricPoint]) -> String {
        var hasher = SHA256()
        for point in points.sorted(by: MetricPoint.canonicalOrder) {
            hasher.update(Array(point.key.utf8) + [0])
            if let x = point.x {
                hasher.update([1])
                hasher.update(x.bitPattern)
            } else {
                hasher.update([0])
            }
            hasher.update(point.value.isNaN ? Double.nan.bitPattern : point.value.bitPattern)
        }
        return hasher.hexDigest()
    }
}
