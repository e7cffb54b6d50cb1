import Foundation
import Testing
@testable import BereikReport

/// The encoder behind every schema: declaration order, snake_case names, `null` for a missing
/// value, verbatim data keys, `Omittable` keys left out, non-finite numbers as `null`.
@Suite struct JSONDocumentEncoderTests {
    struct Inner: Encodable { let pValue: Double; let lower95: Double }
    struct Sample: Encodable {
        let zebra: Int
        let rowsUsed: Int?
        let alpha: String
        let counts: JSONObject<Int?>
        let suppressed: Omittable<Bool>
        let shown: Omittable<Bool>
        let inner: Inner?
        let list: [Double]
    }

    @Test func keepsOrderAndWritesNullAndOmits() throws {
        let sample = Sample(zebra: 3, rowsUsed: nil, alpha: "a\"b", counts: JSONObject([("Man", 4), ("no_person_id", nil)]),
                            suppressed: Omittable(nil), shown: Omittable(true), inner: Inner(pValue: 0.5, lower95: .nan), list: [1.5, .infinity])
        let text = JSONDocumentEncoder.render(sample)
        #expect(text == """
        {
          "zebra": 3,
          "rows_used": null,
          "alpha": "a\\"b",
          "counts": {
            "Man": 4,
            "no_person_id": null
          },
          "shown": true,
          "inner": {
            "p_value": 0.5,
            "lower95": null
          },
          "list": [
            1.5,
            null
          ]
        }

        """)
        // And it is JSON a standard parser reads.
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }
}
