#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Converts bytes in a legacy encoding (Shift_JIS, Big5, KOI8-R, ISO-8859-x…) to UTF-8 with the
/// C library's iconv.
enum IconvConverter {
    enum Failure: Error { case unknownEncoding, invalidInput }

    static func convert(_ bytes: UnsafeBufferPointer<UInt8>, from encoding: String) -> Result<[UInt8], Failure> {
        let descriptor = iconv_open("UTF-8", encoding)
        guard descriptor != iconv_t(bitPattern: -1) else { return .failure(.unknownEncoding) }
        defer { iconv_close(descriptor) }
        guard let base = bytes.baseAddress, bytes.count > 0 else { return .success([]) }
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var inputPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base)
            .assumingMemoryBound(to: CChar.self)
        var inputLeft = bytes.count
        var written = 0
        while inputLeft > 0 {
            if output.count - written < 16 { output.append(contentsOf: repeatElement(0, count: output.count)) }
            let result: Int = output.withUnsafeMutableBufferPointer { buffer in
                var outputPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(buffer.baseAddress! + written)
                    .assumingMemoryBound(to: CChar.self)
                var outputLeft = buffer.count - written
                let converted = iconv(descriptor, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
                written = buffer.count - outputLeft
                return converted == -1 ? Int(errno) : 0
            }
            if result == 0 { break }
            if result == E2BIG { continue }
            return .failure(.invalidInput)
        }
        output.removeSubrange(written...)
        return .success(output)
    }
}
