import Dispatch
import Testing

@testable import Server

/// `ReadMostly`: readers see the value whole, before or after a replacement, and a reference read before a
/// replacement stays valid after it.
@Suite struct ReadMostlyTests {
    final class Box: Sendable {
        let numbers: [Int]
        init(_ n: Int) { numbers = Array(repeating: n, count: 64) }
    }

    @Test func replace_returnsTheOldValue_andLaterReadsSeeTheNewOne() {
        let slot = ReadMostly(1)
        #expect(slot.read() == 1)
        #expect(slot.replace(with: 2) == 1)
        #expect(slot.read() == 2)
    }

    @Test func aReferenceReadBeforeAReplacement_staysWhole() {
        let slot = ReadMostly(Box(1))
        let held = slot.read()
        _ = slot.replace(with: Box(2))
        #expect(held.numbers == Array(repeating: 1, count: 64))
        #expect(slot.read().numbers == Array(repeating: 2, count: 64))
    }

    /// Two readers and a writer at once (what TSan checks in CI): every value read is one that was written, whole.
    @Test func concurrentReadsAndReplacements_seeOnlyWholeValues() {
        let slot = ReadMostly(Box(0))
        DispatchQueue.concurrentPerform(iterations: 3) { lane in
            for i in 1...2_000 {
                if lane == 0 {
                    _ = slot.replace(with: Box(i))
                } else {
                    let numbers = slot.read().numbers
                    #expect(Set(numbers).count == 1)
                }
            }
        }
        #expect(slot.read().numbers.first == 2_000)
    }
}
