// View models from the real core, for SwiftUI previews: the core runs in memory, offline, and
// is taken through a journey by events, so previews show exactly what the app would.

import Foundation
import SharedTypes

/// A phone with no network: every request fails the way an offline one does.
struct OfflineHttp: HttpHandler {
    func send(_ request: HttpRequest) async -> HttpResult { .err(.io("offline")) }
}

public enum Samples {
    /// The view model after `events`, in `language`.
    public static func viewModel(_ language: Language = .english, _ events: [Event] = []) -> ViewModel {
        guard let core = try? Core(store: MemoryKeyValueStore(), notifier: NotificationTray(), http: OfflineHttp()) else {
            fatalError("the core cannot draw its first screen")
        }
        defer { core.close() }
        // A release build for zeri.example, offline: nothing leaves the preview.
        core.send(.lifecycle(.started(apiBaseUrl: "https://zeri.example", debugBuild: false)))
        core.send(.settings(.languageSelected(language: language)))
        events.forEach(core.send)
        core.settle()
        return core.view
    }

    public static func welcome(_ language: Language = .english) -> ViewModel { viewModel(language) }

    public static func home(_ language: Language = .english) -> ViewModel {
        viewModel(language, [.settings(.welcomeFinished)])
    }

    /// A complaint being written: category, words, place, a phone number.
    public static func draft(_ language: Language = .english) -> ViewModel {
        viewModel(language, [
            .settings(.welcomeFinished),
            .navigation(.navigateTo(screen: .newComplaint)),
            .draft(.categorySearchChanged(query: "waste")),
            .draft(.categorySelected(id: "waste_collection")),
            .draft(.descriptionChanged(text: "The bins near the market have not been emptied for ten days.")),
            .draft(.municipalitySelected(id: "gjilan")),
            .draft(.contactPhoneChanged(text: "+383 44 123 456")),
        ])
    }

    /// A complaint sent while offline, waiting in the queue.
    public static func queued(_ language: Language = .english) -> ViewModel {
        viewModel(language, [
            .settings(.welcomeFinished),
            .draft(.categorySelected(id: "street_lighting")),
            .draft(.descriptionChanged(text: "The street lights on our road have been off for a month.")),
            .draft(.municipalitySelected(id: "prizren")),
            .draft(.anonymousToggled(anonymous: true)),
            .draft(.submitTapped),
            .navigation(.navigateTo(screen: .myComplaints)),
        ])
    }

    /// "Use my location" with location switched off on the phone.
    public static func locationOff(_ language: Language = .english) -> ViewModel {
        viewModel(language, [
            .settings(.welcomeFinished),
            .navigation(.navigateTo(screen: .newComplaint)),
            .draft(.gpsUnavailable(problem: .switchedOff)),
        ])
    }

    /// A trainer's link offers a training server; the core asks the citizen first.
    public static func serverOffered(_ language: Language = .english) -> ViewModel {
        viewModel(language, [
            .settings(.welcomeFinished),
            .link(.opened(url: "zeri://server?url=https://training.zeri.example")),
        ])
    }

    /// A complaint's page while the institution waits for the citizen's answer to its question
    /// (the complaint filed to, and asked about by, a `SampleServer`).
    public static func question(_ language: Language = .english) -> ViewModel {
        filedToSampleServer(language, contact: nil) { core in
            core.send(.myComplaints(.refreshRequested))
            core.settle()
            if let id = core.view.myComplaints.items.first?.id {
                core.send(.navigation(.complaintOpened(id: id)))
            }
        }
    }

    /// "Your data": what a `SampleServer` holds about a complaint filed with contact details.
    public static func myData(_ language: Language = .english) -> ViewModel {
        filedToSampleServer(language, contact: ("Arta Krasniqi", "+383 44 123 456")) { core in
            core.send(.myData(.opened))
        }
    }

    /// The view model after a complaint is filed to a `SampleServer` (anonymously, or with a
    /// name and phone) and `then` has taken the core further.
    private static func filedToSampleServer(
        _ language: Language, contact: (name: String, phone: String)?, then: (Core) -> Void
    ) -> ViewModel {
        let server = SampleServer(question: "Which entrance of the building, the one by the school or the one by the park?")
        guard let core = try? Core(store: MemoryKeyValueStore(), notifier: NotificationTray(), http: server) else {
            fatalError("the core cannot draw its first screen")
        }
        defer { core.close() }
        core.send(.lifecycle(.started(apiBaseUrl: "https://zeri.example", debugBuild: false)))
        var events: [Event] = [
            .settings(.languageSelected(language: language)),
            .settings(.welcomeFinished),
            .draft(.categorySelected(id: "waste_collection")),
            .draft(.descriptionChanged(text: "The bins behind our building have not been emptied for ten days.")),
            .draft(.municipalitySelected(id: "gjilan")),
            .draft(.anonymousToggled(anonymous: contact == nil)),
        ]
        if let contact {
            events += [.draft(.contactNameChanged(text: contact.name)), .draft(.contactPhoneChanged(text: contact.phone))]
        }
        (events + [.draft(.submitTapped)]).forEach(core.send)
        core.settle()
        then(core)
        core.settle()
        return core.view
    }

    public static func settings(_ language: Language = .english) -> ViewModel {
        viewModel(language, [.settings(.welcomeFinished), .navigation(.navigateTo(screen: .settings))])
    }
}

extension Core {
    /// Waits until the events sent so far and the effects they started have been handled.
    func settle() {
        for _ in 0..<5 {
            Thread.sleep(forTimeInterval: 0.05)
            drain()
        }
    }
}
