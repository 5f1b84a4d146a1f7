// The app target: starts the core and shows the screens; everything else is in the packages.
import SwiftUI
import UIKit
import ZeriUI

@main
struct ZeriApp: App {
    @UIApplicationDelegateAdaptor(AppDelegate.self) private var delegate

    var body: some Scene {
        WindowGroup {
            RootView(shell: delegate.shell)
        }
    }
}

@MainActor
final class AppDelegate: NSObject, UIApplicationDelegate {
    /// Made on first use, on the main actor: at launch, before the first screen.
    private(set) lazy var shell = AppShell(
        server: Bundle.main.object(forInfoDictionaryKey: "ZeriServer") as? String ?? "",
        debugBuild: Self.debugBuild
    )

    #if DEBUG
    private static let debugBuild = true
    #else
    private static let debugBuild = false
    #endif

    func application(_ application: UIApplication, didFinishLaunchingWithOptions options: [UIApplication.LaunchOptionsKey: Any]? = nil) -> Bool {
        // Background tasks must be registered before launch ends.
        shell.registerBackgroundCatchUp()
        // Silent wake-ups need no permission; the token is handed to the core on every launch.
        application.registerForRemoteNotifications()
        return true
    }

    func application(_ application: UIApplication, didRegisterForRemoteNotificationsWithDeviceToken deviceToken: Data) {
        shell.pushTokenIssued(deviceToken)
    }

    func application(
        _ application: UIApplication,
        didReceiveRemoteNotification userInfo: [AnyHashable: Any],
        fetchCompletionHandler completionHandler: @escaping (UIBackgroundFetchResult) -> Void
    ) {
        let completion = BackgroundFetchCompletion(completionHandler)
        shell.wokenByPush { caughtUp in completion(caughtUp ? .newData : .failed) }
    }
}

/// Hands a push's completion handler to the catching up, which calls it once from its thread.
private final class BackgroundFetchCompletion: @unchecked Sendable {
    private let handler: (UIBackgroundFetchResult) -> Void
    init(_ handler: @escaping (UIBackgroundFetchResult) -> Void) { self.handler = handler }
    func callAsFunction(_ result: UIBackgroundFetchResult) { handler(result) }
}
