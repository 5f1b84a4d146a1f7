// The core as SwiftUI state: its view model on the main actor, in the order the core made it.
// Plain Swift concurrency, compiled and tested on Linux too; only the Combine publishing that
// SwiftUI observes (`ObservableObject`, `@Published`) is for Apple platforms.

import Foundation
@preconcurrency import SharedTypes
#if canImport(Combine)
import Combine
#endif

/// One consumer on the main actor reads the core's updates from one stream, so the screens see
/// the view models in the order the core produced them, and always end on its latest.
@MainActor
public final class ObservableCore {
    #if canImport(Combine)
    @Published
    #endif
    public private(set) var view: ViewModel
    #if canImport(Combine)
    @Published
    #endif
    public private(set) var failure: CoreFailure?
    nonisolated public let core: Core
    private var consumer: Task<Void, Never>?

    public init(core: Core) {
        self.core = core
        // Listening starts before the current view is read, so no change falls in between.
        let updates = core.updates()
        view = core.view
        failure = core.failure
        consumer = Task { [weak self] in
            for await update in updates {
                guard let self else { return }
                self.view = update.view
                self.failure = update.failure
            }
        }
    }

    deinit {
        consumer?.cancel()
    }

    /// The core's `send`: safe from any thread, so screens may hold it as a plain closure.
    nonisolated public func send(_ event: Event) { core.send(event) }
}

#if canImport(Combine)
extension ObservableCore: ObservableObject {}
#endif
