import Foundation
import XCTest

@testable import ForaRSA

/// The libcrypto wrapper as the User API Key flow uses it: keys made and read back as PEM,
/// both paddings round-tripped, and OpenSSL's command line as an independent other side.
final class RSAKeyTests: XCTestCase {
    static let key: RSAPrivateKey? = try? RSAPrivateKey(bits: 2048)

    func key() throws -> RSAPrivateKey { try XCTUnwrap(Self.key) }

    func testGeneratedKeyHasItsSizeAndASubjectPublicKeyInfoPEM() throws {
        let key = try key()
        XCTAssertEqual(key.bits, 2048)
        let pem = try key.publicKey.pemRepresentation
        XCTAssertTrue(pem.hasPrefix("-----BEGIN PUBLIC KEY-----\n"), pem)
        XCTAssertEqual(try RSAPublicKey(pem: pem).bits, 2048)
        XCTAssertTrue(try key.pemRepresentation.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        XCTAssertEqual(try RSAPrivateKey(pem: key.pemRepresentation).bits, 2048)
    }

    func testBothPaddingsRoundTrip() throws {
        let key = try key()
        let message = Data(#"{"key":"k","nonce":"n"}"#.utf8)
        for padding in [RSAPadding.pkcs1v15, .oaepSHA1] {
            let cipher = try key.publicKey.encrypt(message, padding: padding)
            XCTAssertEqual(cipher.count, 256)
            XCTAssertEqual(try key.decrypt(cipher, padding: padding), message)
        }
    }

    /// `.none` hands back the whole padded block, `00 02 PS 00 M`, for fora to check itself.
    func testUnpaddedDecryptionReturnsTheV15Block() throws {
        let key = try key()
        let cipher = try key.publicKey.encrypt(Data("hi".utf8), padding: .pkcs1v15)
        let block = [UInt8](try key.decrypt(cipher, padding: .none))
        XCTAssertEqual(block.count, 256)
        XCTAssertEqual(Array(block.prefix(2)), [0, 2])
        XCTAssertEqual(Array(block.suffix(3)), [0, 0x68, 0x69])
        XCTAssertFalse(block[2..<253].contains(0))
    }

    func testRefusesGarbageKeysAndOverlongMessages() throws {
        XCTAssertThrowsError(try RSAPublicKey(pem: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
        XCTAssertThrowsError(try RSAPublicKey(pem: "not a key"))
        XCTAssertThrowsError(try RSAPrivateKey(pem: "not a key"))
        let key = try key()
        XCTAssertThrowsError(try key.publicKey.encrypt(Data(repeating: 1, count: 246), padding: .pkcs1v15))
        XCTAssertThrowsError(try key.publicKey.encrypt(Data(repeating: 1, count: 215), padding: .oaepSHA1))
        XCTAssertThrowsError(try key.decrypt(Data(repeating: 7, count: 256), padding: .oaepSHA1))
    }

    /// A PKCS#1 `BEGIN RSA PUBLIC KEY` (what Ruby's `OpenSSL::PKey::RSA#to_pem` wrote for old
    /// clients) made by OpenSSL's command line is read, and what OpenSSL's command line
    /// encrypts for our key, we decrypt.
    func testInteroperatesWithOpenSSLCommandLine() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") else {
            throw XCTSkip("no /usr/bin/openssl")
        }
        let key = try key()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fora-rsa-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let keyFile = directory.appendingPathComponent("key.pem")
        let plainFile = directory.appendingPathComponent("plain.txt")
        try key.pemRepresentation.write(to: keyFile, atomically: true, encoding: .utf8)
        try Data("from the command line".utf8).write(to: plainFile)

        let pkcs1 = try openssl(["rsa", "-in", keyFile.path, "-RSAPublicKey_out"])
        XCTAssertTrue(String(decoding: pkcs1, as: UTF8.self).hasPrefix("-----BEGIN RSA PUBLIC KEY-----"))
        XCTAssertEqual(try RSAPublicKey(pem: String(decoding: pkcs1, as: UTF8.self)).bits, 2048)

        let cipher = try openssl([
            "pkeyutl", "-encrypt", "-inkey", keyFile.path, "-in", plainFile.path, "-pkeyopt", "rsa_padding_mode:oaep",
        ])
        XCTAssertEqual(try key.decrypt(cipher, padding: .oaepSHA1), Data("from the command line".utf8))
    }

    private func openssl(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "openssl \(arguments.joined(separator: " "))")
        return data
    }
}
