// A server for previews that answers as Zëri's does, from memory: it takes the first complaint
// filed, routes it to Gjilan's public services, and the institution then asks the citizen a
// question about it. Previews of a complaint's page show the real core's view of that, and
// "Your data" shows what it holds about that complaint.

import Foundation
import SharedTypes

final class SampleServer: HttpHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var filed: String?
    private var filedContact: Any = NSNull()
    private var filedDescription = ""
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
            remember(id, contact: body["contact"] ?? NSNull(), description: body["description"] as? String ?? "")
            return answer(201, receipt(id))
        case ("GET", "/api/v1/complaints/mine"):
            let records = filedId().map { [record($0)] } ?? []
            return answer(200, ["complaints": records, "cursor": "1"])
        case ("GET", "/api/v1/devices/data"):
            let held = filedId().map { [self.held($0)] } ?? []
            return answer(200, ["generated_at": Self.filedAt, "complaints": held, "push_tokens": [Any]()])
        default:
            return .err(.io("the sample server answers only filing, my complaints and my data"))
        }
    }

    private func remember(_ id: String, contact: Any, description: String) {
        lock.lock(); defer { lock.unlock() }
        guard filed == nil else { return }
        (filed, filedContact, filedDescription) = (id, contact, description)
    }

    private func contact() -> Any {
        lock.lock(); defer { lock.unlock() }
        return filedContact
    }

    /// The complaint as "Your data" shows what the server holds of it.
    private func held(_ id: String) -> [String: Any] {
        let record = record(id)
        lock.lock(); defer { lock.unlock() }
        return [
            "id": id, "tracking_code": "ZR-7K3Q9M", "category": "waste_collection", "status": "waiting_for_citizen",
            "institution": Self.institution as [String: Any], "submitted_at": Self.filedAt, "language": "en",
            "description": filedDescription, "latitude": NSNull(), "longitude": NSNull(), "municipality": "gjilan",
            "contact": filedContact, "contact_removed_at": NSNull(), "personal_erased_at": NSNull(),
            "photos": [Any](), "messages": [Any](), "rating": NSNull(), "emails_stopped": false,
            "timeline": record["timeline"] ?? [Any](),
        ]
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
            "due_date": "2026-11-23", "submitted_at": Self.filedAt, "pin": "48210937",
        ]
    }

    private func record(_ id: String) -> [String: Any] {
        let entry = { (at: String, kind: String, status: String, text: String?) -> [String: Any] in
            ["at": at, "kind": kind, "status": status, "text": text ?? NSNull(), "institution": NSNull()]
        }
        return receipt(id).merging([
            "category": "waste_collection", "status": "waiting_for_citizen",
            "updated_at": "2026-11-03T10:00:00Z", "resolved_at": NSNull(), "rating": NSNull(),
            "contact_held": !(contact() is NSNull),
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
