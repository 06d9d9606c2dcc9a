// Just enough unsigned big-integer arithmetic for one RSA public-key operation
// (`m^e mod n`). swift-crypto encrypts with OAEP only, while Discourse encrypts User API Key
// payloads with PKCS#1 v1.5 by default; the padding is simple, the exponentiation is this.
// Public exponents are small (65537), so plain schoolbook multiplication and bitwise
// reduction are fast enough for a request handler.
import Foundation

struct BigUnsigned: Equatable {
    /// Little-endian 32-bit limbs without leading zero limbs (zero is `[]`).
    private(set) var limbs: [UInt32]

    init(limbs: [UInt32]) {
        self.limbs = limbs
        normalize()
    }

    /// From big-endian bytes.
    init<Bytes: Collection>(bigEndian bytes: Bytes) where Bytes.Element == UInt8 {
        var limbs: [UInt32] = []
        var limb: UInt32 = 0
        var shift: UInt32 = 0
        for byte in bytes.reversed() {
            limb |= UInt32(byte) << shift
            shift += 8
            if shift == 32 {
                limbs.append(limb)
                limb = 0
                shift = 0
            }
        }
        if shift > 0 { limbs.append(limb) }
        self.init(limbs: limbs)
    }

    var isZero: Bool { limbs.isEmpty }
    var bitWidth: Int { limbs.last.map { (limbs.count - 1) * 32 + (32 - $0.leadingZeroBitCount) } ?? 0 }

    func bit(_ index: Int) -> Bool {
        let limb = index / 32
        return limb < limbs.count && (limbs[limb] >> UInt32(index % 32)) & 1 == 1
    }

    /// Big-endian bytes, left-padded with zeros to `count`.
    func bigEndianBytes(count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        for (index, limb) in limbs.enumerated() {
            for byte in 0..<4 {
                let position = count - 1 - (index * 4 + byte)
                if position >= 0 { bytes[position] = UInt8(truncatingIfNeeded: limb >> UInt32(byte * 8)) }
            }
        }
        return bytes
    }

    static func * (lhs: BigUnsigned, rhs: BigUnsigned) -> BigUnsigned {
        guard !lhs.isZero, !rhs.isZero else { return BigUnsigned(limbs: []) }
        var product = [UInt32](repeating: 0, count: lhs.limbs.count + rhs.limbs.count)
        for (i, a) in lhs.limbs.enumerated() {
            var carry: UInt64 = 0
            for (j, b) in rhs.limbs.enumerated() {
                let sum = UInt64(a) * UInt64(b) + UInt64(product[i + j]) + carry
                product[i + j] = UInt32(truncatingIfNeeded: sum)
                carry = sum >> 32
            }
            product[i + rhs.limbs.count] = UInt32(carry)
        }
        return BigUnsigned(limbs: product)
    }

    /// `self mod modulus` by binary long division: shift the remainder left one bit at a
    /// time and subtract the modulus whenever it fits.
    func remainder(dividingBy modulus: BigUnsigned) -> BigUnsigned {
        guard !modulus.isZero else { return self }
        var remainder = [UInt32](repeating: 0, count: modulus.limbs.count + 1)
        for index in stride(from: bitWidth - 1, through: 0, by: -1) {
            var carry: UInt32 = bit(index) ? 1 : 0
            for limb in remainder.indices {
                let next = remainder[limb] >> 31
                remainder[limb] = remainder[limb] << 1 | carry
                carry = next
            }
            if !Self.isLess(remainder, than: modulus.limbs) { Self.subtract(modulus.limbs, from: &remainder) }
        }
        return BigUnsigned(limbs: remainder)
    }

    /// `self^exponent mod modulus`, square-and-multiply from the top bit.
    func power(_ exponent: BigUnsigned, modulus: BigUnsigned) -> BigUnsigned {
        var result = BigUnsigned(limbs: [1]).remainder(dividingBy: modulus)
        let base = remainder(dividingBy: modulus)
        for index in stride(from: exponent.bitWidth - 1, through: 0, by: -1) {
            result = (result * result).remainder(dividingBy: modulus)
            if exponent.bit(index) { result = (result * base).remainder(dividingBy: modulus) }
        }
        return result
    }

    private static func isLess(_ value: [UInt32], than other: [UInt32]) -> Bool {
        for index in stride(from: max(value.count, other.count) - 1, through: 0, by: -1) {
            let a = index < value.count ? value[index] : 0
            let b = index < other.count ? other[index] : 0
            if a != b { return a < b }
        }
        return false
    }

    private static func subtract(_ other: [UInt32], from value: inout [UInt32]) {
        var borrow: UInt64 = 0
        for index in value.indices {
            let b = (index < other.count ? UInt64(other[index]) : 0) + borrow
            let a = UInt64(value[index])
            if a >= b {
                value[index] = UInt32(a - b)
                borrow = 0
            } else {
                value[index] = UInt32(a + (1 << 32) - b)
                borrow = 1
            }
        }
    }

    private mutating func normalize() {
        while limbs.last == 0 { limbs.removeLast() }
    }
}
