import CLibCrypto

/// SHA-256 and HMAC-SHA256 from OpenSSL's libcrypto (no swift-crypto: it compiles BoringSSL),
/// opened on the first use so offline commands never load it. Without libcrypto, the Swift
/// implementation in SHA256.swift gives the same bytes, more slowly.
public enum Crypto {
    public static func sha256(_ data: [UInt8]) -> [UInt8] {
        guard let api = LibCrypto.api, let sha256 = api.sha256 else { return SHA256Digest.hash(data) }
        var out = [UInt8](repeating: 0, count: 32)
        data.withUnsafeBufferPointer { p in _ = sha256(p.baseAddress, p.count, &out) }
        return out
    }

    public static func hmacSHA256(key: [UInt8], _ data: [UInt8]) -> [UInt8] {
        guard let api = LibCrypto.api, let hmac = api.hmac, let md = api.evp_sha256?() else { return SHA256Digest.hmac(key: key, data) }
        var out = [UInt8](repeating: 0, count: 64)
        var length: UInt32 = 0
        key.withUnsafeBufferPointer { k in
            data.withUnsafeBufferPointer { d in
                _ = hmac(md, k.baseAddress, Int32(k.count), d.baseAddress, d.count, &out, &length)
            }
        }
        return Array(out.prefix(Int(length)))
    }

    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0xF)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Hex SHA-256 of the empty payload, used often enough to name.
    public static let emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
}

/// The process-wide libcrypto, opened once on first use (nil when no candidate opens).
enum LibCrypto {
    static let candidates = ["libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so", "libcrypto.3.dylib"]

    nonisolated(unsafe) static let api: bp_crypto_api? = {
        for name in candidates {
            var api = bp_crypto_api()
            if bp_crypto_load(&api, name) == 0 { return api }
        }
        return nil
    }()
}
