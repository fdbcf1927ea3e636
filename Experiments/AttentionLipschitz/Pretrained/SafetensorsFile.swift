import Foundation

/// Why a safetensors file cannot be read.
public enum SafetensorsError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case tooShort(size: Int)
    case headerLength(declared: UInt64, available: Int)
    case headerNotJSON(String)
    case badEntry(name: String, reason: String)
    case missingTensor(String)
    case unsupportedType(name: String, dtype: String)
    case shapeMismatch(name: String, expected: [Int], actual: [Int])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "cannot read the safetensors file \(path): \(reason)"
        case .tooShort(let size): return "safetensors file too short: \(size) bytes, the header length alone needs 8"
        case .headerLength(let declared, let available):
            return "safetensors header length \(declared) exceeds the \(available) bytes after it (truncated file?)"
        case .headerNotJSON(let reason): return "safetensors header is not a JSON object: \(reason)"
        case .badEntry(let name, let reason): return "safetensors entry '\(name)': \(reason)"
        case .missingTensor(let name): return "safetensors file has no tensor '\(name)'"
        case .unsupportedType(let name, let dtype):
            return "tensor '\(name)' has type \(dtype); only F32 and F64 are read"
        case .shapeMismatch(let name, let expected, let actual):
            return "tensor '\(name)' has shape \(actual), expected \(expected)"
        }
    }
}

/// A safetensors file: an 8-byte little-endian header length `L`, a JSON header of `L` bytes
/// mapping each tensor name to `{dtype, shape, data_offsets: [start, end]}` (plus an optional
/// `__metadata__`), then the raw little-endian data, offsets relative to byte `8 + L`.
/// Every entry is checked when the file is opened (offsets inside the data, byte count =
/// elements × element size).
public struct SafetensorsFile: Sendable {
    public struct Entry: Sendable, Equatable {
        public let dtype: String
        public let shape: [Int]
        public let start: Int
        public let end: Int
    }

    public let entries: [String: Entry]
    private let data: Data
    private let dataStart: Int

    static let elementSizes = [
        "F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1, "U8": 1, "BOOL": 1,
    ]

    /// Opens (memory-maps) `url`.
    public init(url: URL) throws(SafetensorsError) {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        try self.init(data: data)
    }

    public init(data: Data) throws(SafetensorsError) {
        guard data.count >= 8 else { throw .tooShort(size: data.count) }
        var length: UInt64 = 0
        for index in 0..<8 { length |= UInt64(data[data.startIndex + index]) << (8 * UInt64(index)) }
        let available = data.count - 8
        guard length <= UInt64(available) else { throw .headerLength(declared: length, available: available) }
        let headerEnd = 8 + Int(length)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(
                with: data.subdata(in: (data.startIndex + 8)..<(data.startIndex + headerEnd)))
        } catch {
            throw .headerNotJSON(error.localizedDescription)
        }
        guard let header = object as? [String: Any] else { throw .headerNotJSON("top level is not an object") }
        let dataLength = data.count - headerEnd
        var entries: [String: Entry] = [:]
        for (name, value) in header where name != "__metadata__" {
            guard let fields = value as? [String: Any], let dtype = fields["dtype"] as? String,
                let shape = fields["shape"] as? [Int], let offsets = fields["data_offsets"] as? [Int],
                offsets.count == 2
            else { throw .badEntry(name: name, reason: "needs dtype, shape and data_offsets [start, end]") }
            guard let size = Self.elementSizes[dtype] else {
                throw .badEntry(name: name, reason: "unknown dtype \(dtype)")
            }
            let (start, end) = (offsets[0], offsets[1])
            guard start >= 0, start <= end, end <= dataLength else {
                throw .badEntry(
                    name: name, reason: "data_offsets [\(start), \(end)] outside the \(dataLength) data bytes")
            }
            let elements = shape.reduce(1, *)
            guard shape.allSatisfy({ $0 >= 0 }), elements * size == end - start else {
                throw .badEntry(
                    name: name,
                    reason: "shape \(shape) of \(dtype) needs \(elements * size) bytes, offsets give \(end - start)")
            }
            entries[name] = Entry(dtype: dtype, shape: shape, start: start, end: end)
        }
        self.entries = entries
        self.data = data
        self.dataStart = headerEnd
    }

    /// The tensor `name` as `Double`s in the file's (row-major) order, checked against `shape`.
    public func doubles(_ name: String, shape: [Int]? = nil) throws(SafetensorsError) -> [Double] {
        guard let entry = entries[name] else { throw .missingTensor(name) }
        if let shape, shape != entry.shape { throw .shapeMismatch(name: name, expected: shape, actual: entry.shape) }
        let count = entry.shape.reduce(1, *)
        let base = data.startIndex + dataStart + entry.start
        switch entry.dtype {
        case "F32":
            return data.withUnsafeBytes { raw in
                (0..<count).map {
                    Double(
                        Float32(
                            bitPattern: raw.loadUnaligned(
                                fromByteOffset: base - data.startIndex + 4 * $0, as: UInt32.self
                            ).littleEndian))
                }
            }
        case "F64":
            return data.withUnsafeBytes { raw in
                (0..<count).map {
                    Double(
                        bitPattern: raw.loadUnaligned(fromByteOffset: base - data.startIndex + 8 * $0, as: UInt64.self)
                            .littleEndian)
                }
            }
        default:
            throw .unsupportedType(name: name, dtype: entry.dtype)
        }
    }
}
