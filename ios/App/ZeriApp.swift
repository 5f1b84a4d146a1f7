// The app target: starts the core and shows the screens; everything else is in the packages.
import SwiftUI
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
    let shell = AppShell(server: Bundle.main.object(forInfoDictionaryKey: "ZeriServer") as? String ?? "")

    func application(_ application: UIApplication, didFinishLaunchingWithOptions options: [UIApplication.LaunchOptionsKey: Any]? = nil) -> Bool {
        shell.registerBackgroundSending()
        return true
    }
}
