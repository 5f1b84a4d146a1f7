// A server for previews that answers as Zëri's does, from memory: it takes the first complaint
// filed, routes it to Gjilan's public services, and the institution then asks the citizen a
// question about it. Previews of a complaint's page show the real core's view of that.

import Foundation
import SharedTypes

final class SampleServer: HttpHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var filed: String?
    /// The question the institution asks about the complaint once it is filed.
    let question: String

    init(question: String) { self.question = question }

    func send(_ request: HttpRequest) async -> HttpResult {
        let path = URL(string: request.url)?.path ?? ""
        switch (request.method, path) {
        case ("POST", "/api/v1/complaints"):
            guard let body = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any],
                  let id = body["id"] as? String
            else { return answer(400, [:]) }
            remember(id)
            return answer(201, receipt(id))
        case ("GET", "/api/v1/complaints/mine"):
            let records = filedId().map { [record($0)] } ?? []
            return answer(200, ["complaints": records, "cursor": "1"])
        default:
            return .err(.io("the sample server answers only filing and my complaints"))
        }
    }

    private func remember(_ id: String) {
        lock.lock(); defer { lock.unlock() }
        filed = filed ?? id
    }

    private func filedId() -> String? {
        lock.lock(); defer { lock.unlock() }
        return filed
    }

    private static let institution: [String: Sendable] = [
        "id": "gjilan_public_services",
        "name": [
            "sq": "Drejtoria e Shërbimeve Publike, Gjilan",
            "sr": "Direkcija za javne usluge, Gnjilane",
            "en": "Directorate of Public Services, Gjilan",
        ],
    ]
    private static let explanation = [
        "sq": "Mbledhja e mbeturinave në Gjilan është punë e komunës.",
        "sr": "Odvoz otpada u Gnjilanu je posao opštine.",
        "en": "Waste collection in Gjilan is the municipality's.",
    ]
    private static let filedAt = "2026-11-02T08:30:00Z"

    private func receipt(_ id: String) -> [String: Any] {
        [
            "id": id, "tracking_code": "ZR-7K3Q9M", "status": "received",
            "institution": Self.institution as [String: Any], "explanation": Self.explanation,
            "due_date": "2026-11-23", "submitted_at": Self.filedAt,
        ]
    }

    private func record(_ id: String) -> [String: Any] {
        let entry = { (at: String, kind: String, status: String, text: String?) -> [String: Any] in
            ["at": at, "kind": kind, "status": status, "text": text ?? NSNull(), "institution": NSNull()]
        }
        return receipt(id).merging([
            "category": "waste_collection", "status": "waiting_for_citizen",
            "updated_at": "2026-11-03T10:00:00Z", "resolved_at": NSNull(), "rating": NSNull(),
            "timeline": [
                entry(Self.filedAt, "submitted", "received", nil),
                entry("2026-11-03T10:00:00Z", "question", "waiting_for_citizen", question),
            ],
        ]) { _, new in new }
    }

    private func answer(_ status: UInt16, _ json: [String: Any]) -> HttpResult {
        let body = (try? JSONSerialization.data(withJSONObject: json)) ?? Data()
        return .ok(HttpResponse(status: status, headers: [HttpHeader(name: "content-type", value: "application/json")], body: [UInt8](body)))
    }
}
