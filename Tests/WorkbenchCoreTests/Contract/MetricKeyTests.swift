import Foundation
import Testing

@testable import WorkbenchCore

@Suite("Metric keys, coordinates and metric families")
struct MetricKeyTests {
    @Test("one number format: integers bare, others shortest round-trip")
    func numberFormat() {
        #expect(MetricKey.format(4) == "4")
        #expect(MetricKey.format(-1) == "-1")
        #expect(MetricKey.format(0.5) == "0.5")
        #expect(MetricKey.format(1e-5) == "1e-05")
        #expect(MetricKey.format(1e20) == "1e+20")
    }

    @Test("text coordinates show their value, numeric ones their name and number")
    func keyText() {
        let key = MetricKey("w2", .text("process", "vp-linear"), .text("grid", "power:2"), .number("eta", 0.5))
        #expect(key.text == "w2.vp-linear.power:2.eta0.5")
        #expect(key.coordinates.map(\.name) == ["process", "grid", "eta"])
        let longer = key.appending("last", .integer("layer", 3))
        #expect(longer.text == "w2.vp-linear.power:2.eta0.5.last.layer3")
        #expect(longer.coordinates.last == MetricCoordinate("layer", .number(3)))
        let plain: MetricKey = "constant"
        #expect(plain.coordinates.isEmpty)
    }

    @Test("coordinates are stored as JSON with sorted names and read back")
    func coordinateJSON() {
        let key = MetricKey("m", .text("name", "a\"b"), .number("eta", 0.25), .integer("n", 1024))
        let json = CoordinateJSON.encode(key.coordinates)
        #expect(json == #"{"eta":0.25,"n":1024.0,"name":"a\"b"}"#)
        #expect(CoordinateJSON.decode(json) == key.coordinates.sorted { $0.name < $1.name })
        #expect(CoordinateJSON.encode([]) == nil)
        #expect(CoordinateJSON.decode(nil).isEmpty)
    }

    @Test("metric families: placeholders match one or more characters, dots included")
    func families() {
        let family = MetricSpec("w2.{process}.{spectrum}.{grid}.eta{eta}", "W2 vs K")
        #expect(family.placeholders == ["process", "spectrum", "grid", "eta"])
        #expect(family.matches("w2.vp-linear.pow1.uniform.eta0.5"))
        #expect(family.matches("w2.ve-edm.pow0.5.power:2.eta1"))
        #expect(!family.matches("w2.vp-linear.pow1.uniform.eta"))
        #expect(!family.matches("weak.vp-linear.pow1.uniform.eta0.5"))
        #expect(MetricSpec("constant", "").matches("constant"))
        #expect(!MetricSpec("constant", "").matches("constant.x"))
    }
}
