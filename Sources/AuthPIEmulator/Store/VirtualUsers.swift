/// Users generated from their index on demand, so an issuer can hold a million users without a
/// million dictionaries. Only changed or deleted users are stored (as overrides in the collection).
struct VirtualUsers: Sendable, Hashable {
    let issuerID: String
    /// Distinguishes issuers inside user ids.
    let tag: String
    let count: Int
    /// Creation times spread evenly between these two instants.
    let firstCreatedAt: Int
    let lastCreatedAt: Int

    func id(at index: Int) -> String {
        "usr_\(tag)\(Deterministic.hex(UInt64(Deterministic.scramble(index)), width: 8))"
    }

    func index(of id: String) -> Int? {
        let prefix = "usr_\(tag)"
        guard id.hasPrefix(prefix) else { return nil }
        let rest = id.dropFirst(prefix.count)
        guard rest.count == 8, let value = UInt32(rest, radix: 16) else { return nil }
        let index = Deterministic.unscramble(value)
        return index < count ? index : nil
    }

    func createdAt(_ index: Int) -> Int {
        guard count > 1 else { return firstCreatedAt }
        return firstCreatedAt + Int(Double(lastCreatedAt - firstCreatedAt) * Double(index) / Double(count - 1))
    }

    /// Cheap status, so status filters over a million users do not build whole objects.
    func status(_ index: Int) -> String {
        switch Deterministic.number(index, salt: 0x57A7, below: 100) {
        case 0..<78: return "active"
        case 78..<90: return "pending"
        default: return "blocked"
        }
    }

    func updatedAt(_ index: Int, createdAt: Int) -> Int {
        createdAt + Deterministic.number(index, salt: 0x0DA, below: 86_400 * 30)
    }

    /// The list items' `store_id`: one per issuer.
    var storeID: String { "st_\(Deterministic.hex(Deterministic.fnv(issuerID), width: 8))" }

    /// A login's kind (`phone`, `username`, `email`), its text handed over in pieces: `login` joins them and
    /// `loginHash` hashes them, from this one recipe.
    private func loginPieces(
        _ index: Int, _ culture: NameBank.Culture, text: (String) -> Void, decimal: (Int) -> Void
    ) -> String {
        let given = Deterministic.pick(culture.given, index, salt: 0x6177)
        let family = Deterministic.pick(culture.family, index, salt: 0xFA31)
        switch Deterministic.number(index, salt: 0x7E1E, below: 20) {
        case 0:
            text("+1555")
            decimal(1_000_000 + Deterministic.number(index, salt: 0x9407, below: 8_999_999))
            return "phone"
        case 1:
            text(given.ascii)
            text("_")
            text(family.ascii)
            decimal(index)
            return "username"
        default:
            text(given.ascii)
            text(".")
            text(family.ascii)
            decimal(index)
            text("@")
            text(Deterministic.pick(NameBank.emailDomains, index, salt: 0xD0))
            return "email"
        }
    }

    func login(_ index: Int, _ culture: NameBank.Culture) -> (String, String) {
        var login = ""
        let kind = loginPieces(index, culture, text: { login += $0 }, decimal: { login += String($0) })
        return (kind, login)
    }

    /// `login`'s kind and the FNV-1a of its lowercased text, hashed piece by piece: a users page needs only the
    /// hash (for `username_hash`), and building each login as a String was a tenth of a page at a million users.
    /// The names' ASCII forms and the domains are lowercase ASCII, so lowercasing changes nothing there; a letter
    /// A-Z is still lowered, byte by byte, as `lowercased()` would.
    func loginHash(_ index: Int, _ culture: NameBank.Culture) -> (kind: String, fnv: UInt64) {
        var hash = Deterministic.FNV1a()
        let kind = loginPieces(index, culture, text: { piece in
            for byte in piece.utf8 { hash.add(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte) }
        }, decimal: { hash.add(decimal: $0) })
        return (kind, hash.value)
    }

    func user(at index: Int) -> [String: JSON] { VirtualUser(self, index: index).object }
}
