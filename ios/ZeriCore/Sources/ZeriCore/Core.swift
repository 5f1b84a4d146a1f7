// The Zëri core for a Swift shell: send it events, draw its view model. It carries out the
// core's effects: HTTP through an HttpHandler, storage in a KeyValueStore, timers with tasks,
// notifications through a Notifier, and files for the citizen to keep through an Exporter.

import Foundation
import SharedFFI
// The generated types are plain values (strings, numbers, arrays of them) but their package
// does not declare them Sendable.
@preconcurrency import SharedTypes

/// Something went wrong between the shell and the core; the app keeps running.
public struct CoreFailure: Error, Equatable, Sendable {
    public enum Kind: Sendable {
        /// The shell sent bytes that are not an event.
        case invalidEvent
        /// An effect's answer did not decode, or its request was unknown or already answered.
        case invalidOutput
        /// The core failed inside; it keeps running.
        case `internal`
        /// The core answered with bytes the generated types could not read (a version mismatch).
        case unreadable
    }

    public let kind: Kind
    public let reason: String

    init(_ error: Error) {
        switch error {
        case FfiError.InvalidEvent(let reason): (kind, self.reason) = (.invalidEvent, reason)
        case FfiError.InvalidOutput(let reason): (kind, self.reason) = (.invalidOutput, reason)
        case FfiError.Internal(let reason): (kind, self.reason) = (.internal, reason)
        default: (kind, reason) = (.unreadable, String(describing: error))
        }
    }
}

/// Every call into the core, and every key-value operation, runs in order on one serial queue,
/// so the core's writes reach the store in the order it asked for them. HTTP requests and
/// timers run concurrently and report back on that queue.
public final class Core: @unchecked Sendable {
    private let ffi = CoreFfi()
    private let queue = DispatchQueue(label: "org.zeri.core")
    private let store: KeyValueStore
    private let http: HttpHandler
    private let notifier: Notifier
    private let exporter: Exporter
    private let now: @Sendable () -> Date

    // Touched on `queue` only.
    private var timers: [UInt64: Task<Void, Never>] = [:]
    private var closed = false

    // Read from any thread.
    private let state = NSLock()
    private var currentView: ViewModel
    private var lastFailure: CoreFailure?
    private var observers: [UInt64: @Sendable (ViewModel, CoreFailure?) -> Void] = [:]
    private var nextObserver: UInt64 = 0

    public init(
        store: KeyValueStore,
        notifier: Notifier,
        http: HttpHandler = URLSessionHttpHandler(),
        now: @escaping @Sendable () -> Date = { Date() },
        exporter: Exporter = ExportShelf()
    ) throws {
        self.store = store
        self.notifier = notifier
        self.exporter = exporter
        self.http = http
        self.now = now
        currentView = try ViewModel.bincodeDeserialize(input: [UInt8](ffi.view()))
    }

    /// What the screens show.
    public var view: ViewModel {
        state.lock(); defer { state.unlock() }
        return currentView
    }

    /// The last failure between shell and core, for the screen to show or report.
    public var failure: CoreFailure? {
        state.lock(); defer { state.unlock() }
        return lastFailure
    }

    /// Calls `observer` on the core's queue, in order, whenever the view model or the failure
    /// changes, until `stopObserving` is given the number this returns.
    @discardableResult
    public func observe(_ observer: @escaping @Sendable (ViewModel, CoreFailure?) -> Void) -> UInt64 {
        state.lock(); defer { state.unlock() }
        nextObserver += 1
        observers[nextObserver] = observer
        return nextObserver
    }

    public func stopObserving(_ observer: UInt64) {
        state.lock(); defer { state.unlock() }
        observers[observer] = nil
    }

    /// The view model and the failure as they change, in order; a consumer that falls behind
    /// gets the latest, never an older one after a newer. The core stops feeding the stream when
    /// its consumer goes away.
    public func updates() -> AsyncStream<CoreUpdate> {
        AsyncStream(bufferingPolicy: .bufferingNewest(1)) { continuation in
            let observer = observe { view, failure in continuation.yield(CoreUpdate(view: view, failure: failure)) }
            continuation.onTermination = { [weak self] _ in self?.stopObserving(observer) }
        }
    }

    /// Sends `event` to the core; its effects are carried out as they come.
    public func send(_ event: Event) {
        queue.async {
            self.process { try self.ffi.update(event: Data(event.bincodeSerialize())) }
        }
    }

    /// Sends bytes as an event: for shells that already hold encoded events, and tests.
    public func sendEncoded(_ event: [UInt8]) {
        queue.async { self.process { try self.ffi.update(event: Data(event)) } }
    }

    /// Returns once everything already sent to the core's queue has run.
    func drain() { queue.sync {} }

    /// Stops carrying out effects; answers that arrive later are dropped.
    public func close() {
        queue.sync {
            closed = true
            timers.values.forEach { $0.cancel() }
            timers.removeAll()
        }
    }

    private func publish(view: ViewModel? = nil, failure: CoreFailure? = nil) {
        state.lock()
        if let view { currentView = view }
        if let failure { lastFailure = failure }
        let (snapshot, observers) = ((currentView, lastFailure), self.observers.sorted { $0.key < $1.key })
        state.unlock()
        observers.forEach { $0.value(snapshot.0, snapshot.1) }
    }

    private func process(_ call: () throws -> Data) {
        guard !closed else { return }
        let requests: [Request]
        do {
            requests = try Requests.bincodeDeserialize(input: [UInt8](call())).value
        } catch {
            publish(failure: CoreFailure(error))
            return
        }
        requests.forEach(carryOut)
    }

    private func resolve(_ id: UInt32, _ output: () throws -> [UInt8]) {
        process { try ffi.resolve(id: id, output: Data(output())) }
    }

    private func carryOut(_ request: Request) {
        switch request.effect {
        case .render:
            do {
                publish(view: try ViewModel.bincodeDeserialize(input: [UInt8](ffi.view())))
            } catch {
                publish(failure: CoreFailure(error))
            }
        case .keyValue(let operation):
            let result = keyValue(operation)
            resolve(request.id) { try result.bincodeSerialize() }
        case .http(let operation):
            Task {
                let result = await http.send(operation)
                queue.async { self.resolve(request.id) { try result.bincodeSerialize() } }
            }
        case .time(let operation):
            time(request.id, operation)
        case .notification(.show(let notification)):
            notifier.show(notification)
        case .notification(.askPermission(let channel)):
            notifier.askPermission(channel)
        case .export(let file):
            exporter.export(file)
        }
    }

    private func keyValue(_ operation: KeyValueOperation) -> KeyValueResult {
        func value(_ bytes: [UInt8]?) -> Value { bytes.map { .bytes($0) } ?? .none }
        do {
            switch operation {
            case .get(let key):
                return .ok(response: .get(value: value(try store.get(key))))
            case .set(let key, let bytes):
                return .ok(response: .set(previous: value(try store.set(key, bytes))))
            case .delete(let key):
                return .ok(response: .delete(previous: value(try store.delete(key))))
            case .exists(let key):
                return .ok(response: .exists(isPresent: try store.exists(key)))
            case .listKeys(let prefix, let cursor):
                let (keys, next) = try store.listKeys(prefix: prefix, cursor: cursor)
                return .ok(response: .listKeys(keys: keys, nextCursor: next))
            }
        } catch {
            return .err(error: .io(message: String(describing: error)))
        }
    }

    private func time(_ id: UInt32, _ request: TimeRequest) {
        switch request {
        case .now:
            let seconds = now().timeIntervalSince1970
            let instant = Instant(seconds: UInt64(seconds), nanos: UInt32((seconds - seconds.rounded(.down)) * 1e9))
            resolve(id) { try TimeResponse.now(instant: instant).bincodeSerialize() }
        case .notifyAfter(let timer, let duration):
            after(id, timer, nanoseconds: duration.nanos) { .durationElapsed(id: timer) }
        case .notifyAt(let timer, let instant):
            let at = Double(instant.seconds) + Double(instant.nanos) / 1e9
            let wait = max(0, at - now().timeIntervalSince1970)
            after(id, timer, nanoseconds: UInt64(wait * 1e9)) { .instantArrived(id: timer) }
        case .clear(let timer):
            timers.removeValue(forKey: timer.value)?.cancel()
            resolve(id) { try TimeResponse.cleared(id: timer).bincodeSerialize() }
        }
    }

    private func after(_ id: UInt32, _ timer: TimerId, nanoseconds: UInt64, _ response: @escaping @Sendable () -> TimeResponse) {
        timers[timer.value] = Task {
            try? await Task.sleep(nanoseconds: nanoseconds)
            guard !Task.isCancelled else { return }
            queue.async {
                guard self.timers.removeValue(forKey: timer.value) != nil else { return }
                self.resolve(id) { try response().bincodeSerialize() }
            }
        }
    }
}

/// What the core shows after a change: its view model and its last failure.
public struct CoreUpdate: Sendable {
    public let view: ViewModel
    public let failure: CoreFailure?
}
