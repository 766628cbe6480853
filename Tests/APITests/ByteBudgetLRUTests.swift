import Testing

@testable import API

/// The least-recently-used map under a byte budget that holds every cached response.
@Suite struct ByteBudgetLRUTests {
    @Test func whenFull_theLeastRecentlyUsedGoFirst() {
        var lru = ByteBudgetLRU<String, Int>(budget: 30)
        for (i, key) in ["a", "b", "c"].enumerated() { lru.put(key, i, cost: 10) }
        #expect(lru.keysByRecency == ["c", "b", "a"])
        lru.put("d", 3, cost: 10)
        #expect(lru.keysByRecency == ["d", "c", "b"])
        #expect(lru.get("a") == nil)
        #expect(lru.evictions == 1)
    }

    @Test func get_makesAnEntryTheMostRecentlyUsed_soItSurvivesTheNextEviction() {
        var lru = ByteBudgetLRU<String, Int>(budget: 30)
        for (i, key) in ["a", "b", "c"].enumerated() { lru.put(key, i, cost: 10) }
        #expect(lru.get("a") == 0)
        #expect(lru.keysByRecency == ["a", "c", "b"])
        lru.put("d", 3, cost: 10)
        #expect(lru.get("a") == 0)
        #expect(lru.get("b") == nil, "b was the least recently used")
        #expect(lru.keysByRecency == ["a", "d", "c"])
    }

    @Test func bytes_areTheSumOfTheStoredCosts_andNeverAboveTheBudget() {
        var lru = ByteBudgetLRU<Int, String>(budget: 100)
        lru.put(1, "x", cost: 40)
        lru.put(2, "y", cost: 50)
        #expect(lru.bytes == 90)
        lru.put(3, "z", cost: 30)  // 120 > 100: 1 goes (50 + 30)
        #expect(lru.bytes == 80)
        #expect(lru.keysByRecency == [3, 2])
        lru.put(4, "w", cost: 100)  // takes the whole budget: both others go
        #expect(lru.bytes == 100)
        #expect(lru.count == 1)
        #expect(lru.evictions == 3)
        for key in 10..<1_000 {
            lru.put(key, "v", cost: key % 37 + 1)
            #expect(lru.bytes <= 100)
            #expect(lru.bytes == lru.keysByRecency.reduce(0) { $0 + $1 % 37 + 1 })
        }
    }

    @Test func anEntryCostingMoreThanTheBudget_isNotStored_andEvictsNothing() {
        var lru = ByteBudgetLRU<String, Int>(budget: 50)
        lru.put("a", 1, cost: 20)
        let stored = lru.put("huge", 2, cost: 51)
        #expect(!stored)
        #expect(lru.get("huge") == nil)
        #expect(lru.keysByRecency == ["a"])
        #expect(lru.bytes == 20)
        #expect(lru.evictions == 0)
    }

    @Test func aZeroBudget_storesNothing() {
        var lru = ByteBudgetLRU<String, Int>(budget: 0)
        let stored = lru.put("a", 1, cost: 1)
        #expect(!stored)
        #expect(lru.count == 0)
        #expect(lru.get("a") == nil)
    }

    @Test func puttingAnExistingKey_replacesItsValueAndCost() {
        var lru = ByteBudgetLRU<String, Int>(budget: 100)
        lru.put("a", 1, cost: 10)
        lru.put("b", 2, cost: 10)
        lru.put("a", 3, cost: 30)
        #expect(lru.count == 2)
        #expect(lru.bytes == 40)
        #expect(lru.keysByRecency == ["a", "b"])
        #expect(lru.get("a") == 3)
        #expect(lru.evictions == 0)
    }

    @Test func removeAll_forgetsEverything_andTheMapWorksAfter() {
        var lru = ByteBudgetLRU<String, Int>(budget: 100)
        for i in 0..<10 { lru.put("k\(i)", i, cost: 10) }
        lru.removeAll()
        #expect(lru.count == 0)
        #expect(lru.bytes == 0)
        #expect(lru.get("k3") == nil)
        lru.put("n", 1, cost: 10)
        #expect(lru.keysByRecency == ["n"])
    }

    /// Slots freed by evictions are reused, and the list stays consistent through any mix of operations: checked
    /// against a naive model (an array ordered by recency).
    @Test func aLongRandomMix_matchesANaiveModel() {
        var lru = ByteBudgetLRU<Int, Int>(budget: 200)
        var model: [(key: Int, cost: Int)] = []  // most recent first
        var generator = SystemRandomNumberGenerator()
        for step in 0..<5_000 {
            let key = Int.random(in: 0..<40, using: &generator)
            if Bool.random(using: &generator) {
                let found = lru.get(key)
                if let i = model.firstIndex(where: { $0.key == key }) {
                    #expect(found == key)
                    model.insert(model.remove(at: i), at: 0)
                } else {
                    #expect(found == nil)
                }
            } else {
                let cost = Int.random(in: 1...60, using: &generator)
                lru.put(key, key, cost: cost)
                model.removeAll { $0.key == key }
                model.insert((key, cost), at: 0)
                while model.reduce(0, { $0 + $1.cost }) > 200 { model.removeLast() }
            }
            #expect(lru.keysByRecency == model.map(\.key), "step \(step)")
            if lru.keysByRecency != model.map(\.key) { return }
        }
        #expect(lru.bytes == model.reduce(0) { $0 + $1.cost })
    }
}
