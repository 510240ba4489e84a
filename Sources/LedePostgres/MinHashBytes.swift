import Foundation
import LedeCore

/// MinHash signatures stored as `BYTEA`: little-endian 64-bit words, the layout the SQLite
/// store uses, so a database can be copied from one store to the other as it is.
enum MinHashBytes {
    static func encode(_ signature: MinHashSignature) -> Data {
        var data = Data(capacity: signature.values.count * 8)
        for value in signature.values {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    static func decode(_ data: Data) -> MinHashSignature {
        var values: [UInt64] = []
        values.reserveCapacity(data.count / 8)
        var index = data.startIndex
        while index + 8 <= data.endIndex {
            var value: UInt64 = 0
            for offset in 0..<8 { value |= UInt64(data[index + offset]) << (8 * UInt64(offset)) }
            values.append(value)
            index += 8
        }
        return MinHashSignature(values: values)
    }
}
