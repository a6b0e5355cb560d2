import Foundation
import Testing
@testable import ConsoleCore

@Suite("DisplayFormat")
struct DisplayFormatTests {
    /// The arithmetic path writes what Foundation's Gregorian calendar in UTC writes, for every kind of date a
    /// resource carries and around the edges (leap days, centuries, before 1970, the fallback's bounds).
    @Test func dateTimeMatchesFoundationsCalendar() {
        var generator = SystemRandomNumberGenerator()
        var seconds: [Double] = [
            0, -1, 86_399, 86_400, -86_400, -86_401, 951_782_400, 951_868_799, 4_107_542_400, 1_700_000_000.999,
            -11_676_096_000, -11_676_096_001, 253_402_300_799, 9_999_999_999_999, 1e13, -1e13,
        ]
        for _ in 0..<5_000 { seconds.append(Double(Int64.random(in: -11_676_096_000...253_402_300_799, using: &generator))) }
        for value in seconds {
            let date = Date(timeIntervalSince1970: value)
            #expect(DisplayFormat.dateTime(date) == DisplayFormat.calendarDateTime(date), "\(value)")
        }
        #expect(DisplayFormat.dateTime(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29 00:00:00")
        #expect(DisplayFormat.date(Date(timeIntervalSince1970: -1)) == "1969-12-31")
        #expect(DisplayFormat.dateTime(nil) == "")
    }
}
