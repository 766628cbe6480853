/// Words that name a kind of entity rather than one entity: «مدينة» / city for places, «منظمة» / organization,
/// «دولة» / «حكومة» / country for countries. A query word that is one of them counts as covered by every entity of
/// that kind (at the lowest name rank), so «مدينة نور سلطان» is the city and «الحكومة القطرية» the country.
enum KindWords {
    static func words(for kind: EntityKind) -> [(String, String)] {
        switch kind {
        case .countries:
            [
                ("ar", "دولة"), ("ar", "بلد"), ("ar", "جمهورية"), ("ar", "حكومة"), ("ar", "شعب"), ("en", "country"),
                ("en", "state"), ("en", "republic"), ("en", "government"), ("en", "nation"), ("en", "people"),
            ]
        case .places:
            [
                ("ar", "مدينة"), ("ar", "منطقة"), ("ar", "إقليم"), ("en", "city"), ("en", "town"), ("en", "region"),
                ("en", "area"),
            ]
        case .organizations:
            [("ar", "منظمة"), ("ar", "هيئة"), ("en", "organization"), ("en", "organisation"), ("en", "body")]
        case .visits: [("ar", "زيارة"), ("en", "visit")]
        case .events: [("ar", "حدث"), ("en", "event")]
        case .declarations: [("ar", "إعلان"), ("ar", "بيان"), ("en", "declaration"), ("en", "statement")]
        case .initiatives: [("ar", "مبادرة"), ("en", "initiative"), ("en", "proposal")]
        case .people: [("ar", "شخص"), ("en", "person")]
        case .facts: []
        }
    }
}
