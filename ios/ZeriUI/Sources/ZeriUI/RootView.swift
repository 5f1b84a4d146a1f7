// The whole app for one view model: the bars, the notice, and the current screen.
import SharedTypes
import SwiftUI
import UIKit
import ZeriCore

public struct RootView: View {
    private let shell: AppShell
    @ObservedObject private var model: ObservableCore
    @ObservedObject private var offer: FileOffer
    @Environment(\.scenePhase) private var phase

    public init(shell: AppShell) {
        self.shell = shell
        model = shell.model
        offer = shell.fileOffer
    }

    public var body: some View {
        let view = model.view
        NavigationStack {
            VStack(spacing: 0) {
                if let notice = view.notice {
                    NoticeBanner(notice: notice) { shell.send(.navigation(.noticeDismissed)) }
                }
                screen(view)
                    .frame(maxWidth: .infinity, maxHeight: .infinity)
                if view.navigation.showsBars {
                    TabBar(view: view, send: shell.send)
                }
            }
            .navigationTitle(view.navigation.title)
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                if view.navigation.canGoBack {
                    ToolbarItem(placement: .topBarLeading) {
                        Button(view.navigation.backLabel) { shell.send(.navigation(.backTapped)) }
                    }
                }
            }
        }
        .serverOfferAlert(view.serverOffer, send: shell.send)
        .fileOffer(offer)
        .onOpenURL(perform: shell.open)
        .onChange(of: phase) { _, now in
            if now == .active { shell.foregrounded() }
            if now == .background { AppShell.scheduleBackgroundCatchUp() }
        }
    }

    @ViewBuilder
    private func screen(_ view: ViewModel) -> some View {
        switch view.screen {
        case .loading:
            ProgressView()
        case .loadFailed:
            if let failed = view.loadFailed {
                VStack(spacing: 16) {
                    Text(failed.message)
                    Button(failed.retryLabel) { shell.send(.lifecycle(.retryLoadTapped)) }
                }.padding()
            }
        case .welcome:
            WelcomeScreen(view: view.welcome, send: shell.send)
        case .home:
            HomeScreen(view: view.home, send: shell.send)
        case .newComplaint:
            DraftScreen(view: view.draft, send: shell.send)
        case .myComplaints:
            MyComplaintsScreen(view: view.myComplaints, send: shell.send)
        case .complaintDetail:
            if let detail = view.detail {
                DetailScreen(view: detail, send: shell.send)
            } else {
                MyComplaintsScreen(view: view.myComplaints, send: shell.send)
            }
        case .settings:
            SettingsScreen(view: view.settings, send: shell.send)
        case .myData:
            MyDataScreen(view: view.myData, send: shell.send)
        }
    }
}

extension View {
    /// The question a server link asks, over whatever screen shows, until the core has the
    /// citizen's answer (the alert closes when the view model no longer holds the offer).
    func serverOfferAlert(_ offer: ServerOfferView?, send: @escaping (Event) -> Void) -> some View {
        alert(offer?.title ?? "", isPresented: .constant(offer != nil), presenting: offer) { offer in
            Button(offer.acceptLabel) { send(.settings(.serverOfferAccepted)) }
            Button(offer.declineLabel, role: .cancel) { send(.settings(.serverOfferDeclined)) }
        } message: { offer in
            Text(offer.message)
        }
    }
}

/// What just happened, read out by VoiceOver, until dismissed.
struct NoticeBanner: View {
    let notice: NoticeView
    let dismiss: () -> Void

    var body: some View {
        HStack {
            Text(notice.text).frame(maxWidth: .infinity, alignment: .leading)
            Button(notice.dismissLabel, action: dismiss)
        }
        .padding()
        .background(notice.kind == .error ? Color.red.opacity(0.15) : Color.accentColor.opacity(0.15))
        .accessibilityElement(children: .combine)
        .accessibilityAddTraits(.updatesFrequently)
        .onAppear { UIAccessibility.post(notification: .announcement, argument: notice.text) }
    }
}

/// Home, new complaint, my complaints, settings: labels from the core.
struct TabBar: View {
    let view: ViewModel
    let send: (Event) -> Void

    var body: some View {
        let navigation = view.navigation
        let items: [(Screen, String, String)] = [
            (.home, navigation.homeLabel, "house"),
            (.newComplaint, navigation.newComplaintLabel, "square.and.pencil"),
            (.myComplaints, navigation.myComplaintsLabel, "list.bullet"),
            (.settings, navigation.settingsLabel, "gearshape"),
        ]
        HStack {
            ForEach(items.indices, id: \.self) { index in
                let (screen, label, symbol) = items[index]
                Button { send(.navigation(.navigateTo(screen: screen))) } label: {
                    VStack(spacing: 2) {
                        Image(systemName: symbol).accessibilityHidden(true)
                        Text(label).font(.caption2).lineLimit(2).multilineTextAlignment(.center)
                    }
                    .frame(maxWidth: .infinity)
                }
                .foregroundStyle(view.screen == screen ? Color.accentColor : Color.secondary)
                .accessibilityAddTraits(view.screen == screen ? .isSelected : [])
            }
        }
        .padding(.vertical, 8)
        .background(.bar)
    }
}
