// The Swift core bridge against the real Rust library and a real server process.

import Foundation
@preconcurrency import SharedTypes
import XCTest
@testable import ZeriCore

final class CoreTests: XCTestCase {
    private var storeDirectory: URL!
    private var cores: [Core] = []
    private let tray = NotificationTray()
    private let shelf = ExportShelf()

    override func setUp() {
        storeDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("zeri-store-\(UUID().uuidString)")
    }

    override func tearDown() {
        cores.forEach { $0.close() }
        try? FileManager.default.removeItem(at: storeDirectory)
    }

    private func newCore() throws -> Core {
        let core = try Core(store: FileKeyValueStore(directory: storeDirectory), notifier: tray, exporter: shelf)
        cores.append(core)
        return core
    }

    /// Waits until the view model satisfies `condition`.
    @discardableResult
    private func awaitView(_ core: Core, _ what: String, timeout: TimeInterval = 30, _ condition: (ViewModel) -> Bool) -> ViewModel {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let view = core.view
            if condition(view) { return view }
            Thread.sleep(forTimeInterval: 0.02)
        }
        let view = core.view
        XCTFail("waited for \(what); screen \(view.screen), pending \(view.myComplaints.pending), sent \(view.myComplaints.items.count), failure \(String(describing: core.failure))")
        return view
    }

    /// A citizen's first launch, then a complaint drafted and submitted.
    private func fileComplaint(_ core: Core, server: String, word: String) {
        core.send(.lifecycle(.started(apiBaseUrl: server, debugBuild: false)))
        awaitView(core, "the first screen") { $0.screen == .welcome || $0.screen == .home }
        core.send(.settings(.welcomeFinished))
        core.send(.navigation(.navigateTo(screen: .newComplaint)))
        core.send(.draft(.categorySelected(id: "waste_collection")))
        core.send(.draft(.descriptionChanged(text: "The bins near the market have not been emptied for ten days (\(word)).")))
        core.send(.draft(.municipalitySelected(id: "gjilan")))
        core.send(.draft(.anonymousToggled(anonymous: true)))
        awaitView(core, "the draft") { $0.draft.description.value.contains(word) && $0.draft.location.summary != nil }
        core.send(.draft(.submitTapped))
    }

    private func awaitDelivered(_ core: Core) -> ViewModel {
        awaitView(core, "the complaint delivered") { $0.myComplaints.pending.isEmpty && !$0.myComplaints.items.isEmpty }
    }

    func testAComplaintDraftedInSwiftReachesTheServerOnce() throws {
        let server = try ZeriServer()
        let core = try newCore()
        fileComplaint(core, server: server.url, word: "swiftfirst")
        let view = awaitDelivered(core)
        XCTAssertTrue(view.myComplaints.items.first?.trackingCode.hasPrefix("ZR-") ?? false)
        XCTAssertEqual(try server.complaintsMentioning("swiftfirst"), 1)
    }

    func testOfflineThenOnlineDeliversExactlyOnce() throws {
        let port = ZeriServer.freePort()
        let core = try newCore()
        fileComplaint(core, server: "http://127.0.0.1:\(port)", word: "swiftoffline")
        awaitView(core, "the complaint queued") { view in
            view.myComplaints.pending.contains { $0.state == .queued || $0.state == .sending }
        }
        let server = try ZeriServer(port: port)
        core.send(.lifecycle(.networkOnline))
        _ = awaitDelivered(core)
        core.send(.lifecycle(.networkOnline))
        core.send(.myComplaints(.refreshRequested))
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertEqual(try server.complaintsMentioning("swiftoffline"), 1)
    }

    func testANewCoreOnTheSameStoreResumesTheQueue() throws {
        let port = ZeriServer.freePort()
        let first = try newCore()
        fileComplaint(first, server: "http://127.0.0.1:\(port)", word: "swiftrestart")
        awaitView(first, "the complaint queued") { !$0.myComplaints.pending.isEmpty }
        first.close()

        let server = try ZeriServer(port: port)
        let second = try newCore()
        second.send(.lifecycle(.started(apiBaseUrl: server.url, debugBuild: false)))
        _ = awaitDelivered(second)
        XCTAssertEqual(try server.complaintsMentioning("swiftrestart"), 1)
    }

    func testTheCitizenReadsAndSavesTheirDataTakesTheirContactBackAndErasesItAll() throws {
        let server = try ZeriServer()
        let core = try newCore()
        core.send(.lifecycle(.started(apiBaseUrl: server.url, debugBuild: false)))
        awaitView(core, "the first screen") { $0.screen == .welcome || $0.screen == .home }
        core.send(.settings(.languageSelected(language: .english)))
        core.send(.settings(.welcomeFinished))
        core.send(.navigation(.navigateTo(screen: .newComplaint)))
        core.send(.draft(.categorySelected(id: "waste_collection")))
        core.send(.draft(.descriptionChanged(text: "The containers by the stadium overflow (swiftrights).")))
        core.send(.draft(.municipalitySelected(id: "gjilan")))
        core.send(.draft(.anonymousToggled(anonymous: false)))
        core.send(.draft(.contactNameChanged(text: "Drita Swifti")))
        core.send(.draft(.contactPhoneChanged(text: "+38344777888")))
        awaitView(core, "the draft") { $0.draft.contactName.value == "Drita Swifti" && $0.draft.location.summary != nil }
        core.send(.draft(.submitTapped))
        guard let id = awaitDelivered(core).myComplaints.items.first?.id else { return XCTFail("delivered") }

        core.send(.myData(.opened))
        let data = awaitView(core, "what the server holds") { $0.screen == .myData && !$0.myData.complaints.isEmpty }
        let contact = data.myData.complaints.first?.rows.first { $0.label == "Contact details" }
        XCTAssertEqual(contact?.value, "Drita Swifti, +38344777888")
        core.send(.myData(.exportTapped))
        awaitView(core, "the file offered") { _ in !self.shelf.offered.isEmpty }
        XCTAssertEqual(shelf.offered.first?.mediaType, "application/json")
        XCTAssertTrue(shelf.offered.first?.text.contains("Drita Swifti") ?? false)

        core.send(.navigation(.complaintOpened(id: id)))
        awaitView(core, "the contact held") { $0.detail?.contact.removeLabel != nil }
        core.send(.myData(.removeContactTapped(id: id)))
        awaitView(core, "the contact removed") { view in
            view.detail.map { $0.contact.removeLabel == nil && $0.contact.pending == nil } == true && view.myComplaints.pending.isEmpty
        }

        core.send(.myData(.opened))
        core.send(.myData(.eraseTapped))
        awaitView(core, "asked first") { $0.myData.erase.confirm != nil }
        core.send(.myData(.eraseConfirmed))
        let erased = awaitView(core, "erased") { $0.myComplaints.items.isEmpty && $0.myComplaints.pending.isEmpty && $0.myData.empty != nil }
        XCTAssertTrue(erased.notice?.text.contains("no longer belong") ?? false)
        XCTAssertEqual(try server.complaintsMentioning("swiftrights"), 1, "the institution keeps the complaint")
    }

    func testTheViewModelSpeaksTheChosenLanguage() throws {
        let core = try newCore()
        core.send(.lifecycle(.started(apiBaseUrl: "http://127.0.0.1:9", debugBuild: false)))
        awaitView(core, "the welcome screen") { $0.screen == .welcome }
        core.send(.settings(.languageSelected(language: .albanian)))
        let albanian = awaitView(core, "Albanian") { $0.language == .albanian }
        core.send(.settings(.languageSelected(language: .serbianCyrillic)))
        let cyrillic = awaitView(core, "Serbian Cyrillic") { $0.language == .serbianCyrillic }
        core.send(.settings(.languageSelected(language: .english)))
        let english = awaitView(core, "English") { $0.language == .english }
        XCTAssertEqual(english.welcome.continueLabel, "Continue")
        XCTAssertEqual(albanian.welcome.continueLabel, "Vazhdo")
        XCTAssertFalse(cyrillic.welcome.continueLabel.contains { $0.isASCII && $0.isLetter })
    }

    func testMalformedBytesFromTheShellAreAFailureValueNotACrash() throws {
        let core = try newCore()
        core.sendEncoded([0x7f, 0x01, 0x02])
        let deadline = Date().addingTimeInterval(10)
        while core.failure == nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        XCTAssertEqual(core.failure?.kind, .invalidEvent)
        core.send(.lifecycle(.started(apiBaseUrl: "http://127.0.0.1:9", debugBuild: false)))
        awaitView(core, "the app still working") { $0.screen == .welcome }
    }

    func testTheBackgroundTaskSendsTheQueue() throws {
        let port = ZeriServer.freePort()
        let core = try newCore()
        fileComplaint(core, server: "http://127.0.0.1:\(port)", word: "swiftbackground")
        awaitView(core, "the complaint queued") { !$0.myComplaints.pending.isEmpty }
        XCTAssertFalse(blocking { await catchUp(core, timeout: 1) }, "nowhere to send it while the server is down")

        let server = try ZeriServer(port: port)
        XCTAssertTrue(blocking { await catchUp(core, timeout: 30) })
        XCTAssertEqual(try server.complaintsMentioning("swiftbackground"), 1)
    }

    func testTheBackgroundCatchUpStopsWhenItsTaskIsCancelled() throws {
        let port = ZeriServer.freePort()
        let core = try newCore()
        fileComplaint(core, server: "http://127.0.0.1:\(port)", word: "swiftcancelled")
        awaitView(core, "the complaint queued") { !$0.myComplaints.pending.isEmpty }
        let started = Date()
        let sending = Task { await catchUp(core, timeout: 60) }
        Thread.sleep(forTimeInterval: 0.3)
        sending.cancel()
        XCTAssertFalse(blocking { await sending.value })
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "the sending ended when its task was cancelled")
    }

    func testAnExpiredBackgroundTaskIsCompletedOnceAsUnfinished() throws {
        let port = ZeriServer.freePort()
        let core = try newCore()
        fileComplaint(core, server: "http://127.0.0.1:\(port)", word: "swiftexpired")
        awaitView(core, "the complaint queued") { !$0.myComplaints.pending.isEmpty }
        let outcomes = Outcomes<Bool>()
        let sending = BackgroundCatchUp(core: core, timeout: 60) { outcomes.add($0) }
        Thread.sleep(forTimeInterval: 0.3)
        sending.expire()
        XCTAssertEqual(outcomes.values, [false], "completed as soon as it expired")
        sending.expire()

        // The queue empties afterwards: the expired task is not completed a second time.
        let server = try ZeriServer(port: port)
        core.send(.lifecycle(.networkOnline))
        awaitView(core, "the queue sent") { $0.outboxIdle }
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertEqual(outcomes.values, [false])
        XCTAssertEqual(try server.complaintsMentioning("swiftexpired"), 1)
    }

    func testAFinishedBackgroundTaskIsCompletedOnceAsDone() throws {
        let port = ZeriServer.freePort()
        let core = try newCore()
        fileComplaint(core, server: "http://127.0.0.1:\(port)", word: "swiftfinished")
        awaitView(core, "the complaint queued") { !$0.myComplaints.pending.isEmpty }
        let server = try ZeriServer(port: port)
        let outcomes = Outcomes<Bool>()
        let sending = BackgroundCatchUp(core: core, timeout: 30) { outcomes.add($0) }
        let deadline = Date().addingTimeInterval(30)
        while outcomes.values.isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        sending.expire()
        XCTAssertEqual(outcomes.values, [true])
        XCTAssertEqual(try server.complaintsMentioning("swiftfinished"), 1)
    }

    func testAReplyFromStaffIsShownOnceAsANotificationWhoseTapOpensTheComplaint() throws {
        let server = try ZeriServer()
        let core = try newCore()
        fileComplaint(core, server: server.url, word: "swiftnotified")
        _ = awaitDelivered(core)
        XCTAssertEqual(tray.permissionAsks.map(\.id), ["complaint_updates"], "asked once, on the first complaint")
        XCTAssertTrue(blocking { await catchUp(core, timeout: 30) })
        XCTAssertTrue(tray.shown.isEmpty, "filing tells nothing")

        let id = try server.reply(toComplaintMentioning: "swiftnotified", "A truck comes on Thursday.")
        // As a push wake-up or the background refresh task would.
        XCTAssertTrue(blocking { await catchUp(core, timeout: 30) })
        XCTAssertEqual(tray.shown.count, 1)
        let shown = tray.shown[0]
        XCTAssertTrue(shown.title.hasSuffix("u përgjigj"), shown.title) // in the app's first language, Albanian
        XCTAssertEqual(shown.body, "A truck comes on Thursday.")
        XCTAssertEqual(shown.link, "zeri://complaint/\(id)")
        XCTAssertEqual(shown.id, id)

        XCTAssertTrue(blocking { await catchUp(core, timeout: 30) })
        XCTAssertEqual(tray.shown.count, 1, "told once")
        core.send(.link(.opened(url: shown.link)))
        let view = awaitView(core, "the complaint opened from its notification") { $0.screen == .complaintDetail }
        XCTAssertEqual(view.detail?.id, id)
    }

    func testALinkGoesToTheCoreAsItCame() throws {
        let server = try ZeriServer()
        let core = try newCore()
        fileComplaint(core, server: server.url, word: "swiftlink")
        let id = awaitDelivered(core).myComplaints.items.first?.id ?? ""
        core.send(.link(.opened(url: "zeri://nowhere/\(id)")))
        core.send(.link(.opened(url: "zeri://complaint/\(id)")))
        let view = awaitView(core, "the complaint opened by its link") { $0.screen == .complaintDetail }
        XCTAssertEqual(view.detail?.id, id)
    }

    func testTheFileStoreKeepsValuesAcrossInstancesAndListsKeys() throws {
        let store = try FileKeyValueStore(directory: storeDirectory)
        XCTAssertNil(try store.set("outbox/1", [1, 2, 3]))
        XCTAssertEqual(try store.set("outbox/1", [4]), [1, 2, 3])
        _ = try store.set("outbox/2", [5])
        _ = try store.set("draft", [6])
        let reopened = try FileKeyValueStore(directory: storeDirectory)
        XCTAssertEqual(try reopened.get("outbox/1"), [4])
        XCTAssertEqual(try reopened.listKeys(prefix: "outbox/", cursor: 0).keys, ["outbox/1", "outbox/2"])
        XCTAssertEqual(try reopened.delete("draft"), [6])
        XCTAssertFalse(try reopened.exists("draft"))
    }
}

/// Runs `work` to completion from synchronous test code.
func blocking<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
    let result = Outcomes<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        result.add(await work())
        done.signal()
    }
    done.wait()
    return result.values[0]
}

/// What callbacks on other threads reported, in order.
final class Outcomes<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var reported: [T] = []

    func add(_ value: T) {
        lock.lock(); defer { lock.unlock() }
        reported.append(value)
    }

    var values: [T] {
        lock.lock(); defer { lock.unlock() }
        return reported
    }
}
