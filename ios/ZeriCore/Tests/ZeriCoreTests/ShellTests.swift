// The app's pieces that are not the effect loop: the store's place, the main-actor view model,
// and the preview samples.

import Foundation
@preconcurrency import SharedTypes
import XCTest
@testable import ZeriCore

final class ShellTests: XCTestCase {
    func testTheStoreLivesInApplicationSupport() throws {
        let directory = try defaultStoreDirectory()
        XCTAssertEqual(directory.lastPathComponent, "core")
        XCTAssertEqual(directory.deletingLastPathComponent().lastPathComponent, "Zeri")
    }

    func testWithoutAStoreTheCoreSaysItCannotReadTheData() throws {
        let core = try Core(store: UnavailableStore(), notifier: NotificationTray(), http: OfflineHttp())
        defer { core.close() }
        core.send(.lifecycle(.started(apiBaseUrl: "http://127.0.0.1:9", debugBuild: false)))
        core.settle()
        XCTAssertEqual(core.view.screen, .loadFailed)
        XCTAssertNotNil(core.view.loadFailed)
    }
}

final class ObservableCoreTests: XCTestCase {
    func testTheMainActorModelFollowsTheCoreToItsLatestView() async throws {
        let core = try Core(store: MemoryKeyValueStore(), notifier: NotificationTray(), http: OfflineHttp())
        defer { core.close() }
        let model = await ObservableCore(core: core)
        let first = await model.view
        XCTAssertEqual(first, core.view)
        core.send(.lifecycle(.started(apiBaseUrl: "http://127.0.0.1:9", debugBuild: false)))
        let languages: [Language] = [.albanian, .serbianCyrillic, .english, .serbianLatin]
        for _ in 0..<20 {
            languages.forEach { model.send(.settings(.languageSelected(language: $0))) }
        }
        model.send(.settings(.languageSelected(language: .albanian)))
        // The offline refresh the start asked for still changes the core's view; once it is
        // done, the model must arrive at the core's one view, read once per look so that
        // the comparison and the assertion see the same one.
        core.settle()
        let deadline = Date().addingTimeInterval(10)
        var latest = core.view
        var shown = await model.view
        while shown != latest && Date() < deadline {
            try await Task.sleep(nanoseconds: 10_000_000)
            latest = core.view
            shown = await model.view
        }
        XCTAssertEqual(latest.language, .albanian)
        XCTAssertEqual(shown, latest)
    }
}

final class SampleTests: XCTestCase {
    func testPreviewSamplesAreTheRealCoresScreens() {
        XCTAssertEqual(Samples.welcome().screen, .welcome)
        XCTAssertEqual(Samples.home().screen, .home)
        let draft = Samples.draft()
        XCTAssertEqual(draft.screen, .newComplaint)
        XCTAssertTrue(draft.draft.canSubmit)
        let queued = Samples.queued()
        XCTAssertEqual(queued.screen, .myComplaints)
        XCTAssertEqual(queued.myComplaints.pending.count, 1)
        XCTAssertEqual(Samples.settings().screen, .settings)
        let located = Samples.locationOff().draft.location
        XCTAssertNotNil(located.gpsProblem)
        XCTAssertEqual(located.gpsSettings?.page, .locationServices)
        XCTAssertFalse(located.municipalityPlaceholder.isEmpty)
        XCTAssertTrue(Samples.serverOffered().serverOffer?.message.contains("training.zeri.example") ?? false)
        let question = Samples.question()
        XCTAssertEqual(question.screen, .complaintDetail)
        XCTAssertEqual(question.detail?.status, .waitingForCitizen)
        XCTAssertEqual(question.detail?.webAccess?.pin, "4821 0937")
        XCTAssertEqual(question.detail?.message?.question, "Which entrance of the building, the one by the school or the one by the park?")
        XCTAssertEqual(Samples.question(.albanian).detail?.status, .waitingForCitizen)
        let myData = Samples.myData()
        XCTAssertEqual(myData.screen, .myData)
        XCTAssertEqual(myData.myData.complaints.first?.rows.first { $0.label == "Contact details" }?.value, "Arta Krasniqi, +38344123456")
        XCTAssertEqual(Samples.home(.albanian).language, .albanian)
        XCTAssertNotEqual(Samples.home(.albanian).home.title, Samples.home().home.title)
    }
}
