/// The written bytes of generated users' list items, kept in a fixed number of slots (a new item replaces the one
/// in its slot). Generating an item (its login, the 64-hex-digit `username_hash`) cost a quarter of a users page;
/// clients read the same pages again and again (a console's refresh, a list polled), so those pages are copies.
/// Bounded: at most `slotCount` items (about 6 MiB), whatever the number of users, so `--users 1000000` stays flat.
/// A value inside `EmulatorState`: only the store's actor touches it, changed in place.
struct VirtualListItemCache: Sendable {
    static let slotCount = 1 << 14

    private struct Entry: Sendable {
        var users: VirtualUsers
        var index: Int
        var bytes: [UInt8]
    }

    /// Allocated on first use: an emulator that lists no generated users pays nothing.
    private var slots: [Entry?] = []

    /// Appends the list item of generated user `index` of `users`, written once and then copied.
    mutating func write(_ users: VirtualUsers, index: Int, to json: inout JSONWriter) {
        if slots.isEmpty { slots = Array(repeating: nil, count: Self.slotCount) }
        let slot = index & (Self.slotCount - 1)
        if let entry = slots[slot], entry.index == index, entry.users == users {
            json.bytes(entry.bytes)
            return
        }
        var item = JSONWriter(capacity: 320)
        VirtualUserListItem(users, index: index).write(to: &item, issuerID: users.issuerID, storeID: users.storeID)
        json.bytes(item.out)
        slots[slot] = Entry(users: users, index: index, bytes: item.out)
    }
}
