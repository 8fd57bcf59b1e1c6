import XCTest
@testable import AWSClient

/// libcrypto is opened on first use; the Swift SHA-256 that stands in when it cannot be opened
/// must give the same bytes.
final class CryptoTests: XCTestCase {
    func testLibcryptoIsOpenedAndAgreesWithTheSwiftFallback() throws {
        XCTAssertNotNil(LibCrypto.api, "libcrypto.so.3 opens on this machine, so the signer uses it")
        var generator = SystemRandomNumberGenerator()
        let lengths = [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 100_000]
        for n in lengths {
            let data = (0..<n).map { _ in UInt8.random(in: 0...255, using: &generator) }
            XCTAssertEqual(SHA256Digest.hash(data), Crypto.sha256(data), "length \(n)")
            for keyLength in [0, 20, 64, 65, 200] {
                let key = (0..<keyLength).map { _ in UInt8.random(in: 0...255, using: &generator) }
                XCTAssertEqual(SHA256Digest.hmac(key: key, data), Crypto.hmacSHA256(key: key, data), "length \(n), key \(keyLength)")
            }
        }
    }

    func testKnownAnswers() {
        XCTAssertEqual(Crypto.hex(SHA256Digest.hash(Array("abc".utf8))), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(Crypto.hex(SHA256Digest.hash([])), Crypto.emptySHA256)
        // RFC 4231 test case 2.
        XCTAssertEqual(Crypto.hex(SHA256Digest.hmac(key: Array("Jefe".utf8), Array("what do ya want for nothing?".utf8))),
                       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
