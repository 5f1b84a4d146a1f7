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
        guard let core = try? Core(store: MemoryKeyValueStore(), http: OfflineHttp()) else {
            fatalError("the core cannot draw its first screen")
        }
        defer { core.close() }
        core.send(.started(apiBaseUrl: "http://127.0.0.1:9"))
        core.send(.languageSelected(language: language))
        events.forEach(core.send)
        core.settle()
        return core.view
    }

    public static func welcome(_ language: Language = .english) -> ViewModel { viewModel(language) }

    public static func home(_ language: Language = .english) -> ViewModel {
        viewModel(language, [.welcomeFinished])
    }

    /// A complaint being written: category, words, place, a phone number.
    public static func draft(_ language: Language = .english) -> ViewModel {
        viewModel(language, [
            .welcomeFinished,
            .navigateTo(screen: .newComplaint),
            .categorySearchChanged(query: "waste"),
            .categorySelected(id: "waste_collection"),
            .descriptionChanged(text: "The bins near the market have not been emptied for ten days."),
            .municipalitySelected(id: "gjilan"),
            .contactPhoneChanged(text: "+383 44 123 456"),
        ])
    }

    /// A complaint sent while offline, waiting in the queue.
    public static func queued(_ language: Language = .english) -> ViewModel {
        viewModel(language, [
            .welcomeFinished,
            .categorySelected(id: "street_lighting"),
            .descriptionChanged(text: "The street lights on our road have been off for a month."),
            .municipalitySelected(id: "prizren"),
            .anonymousToggled(anonymous: true),
            .submitTapped,
            .navigateTo(screen: .myComplaints),
        ])
    }

    public static func settings(_ language: Language = .english) -> ViewModel {
        viewModel(language, [.welcomeFinished, .navigateTo(screen: .settings)])
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
