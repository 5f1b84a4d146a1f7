// "Your data": each complaint as the server holds it, saving a copy, and erasing it all; and the
// contact section of a complaint's page. Every word comes from the core.
import SharedTypes
import SwiftUI
import UniformTypeIdentifiers
import ZeriCore

struct MyDataScreen: View {
    let view: MyDataView
    let send: (Event) -> Void

    var body: some View {
        List {
            Text(view.intro)
            if view.loading { ProgressView() }
            if let status = view.status { Text(status).accessibilityAddTraits(.updatesFrequently) }
            if let label = view.reloadLabel { Button(label) { send(.myData(.reloadTapped)) } }
            if let empty = view.empty { Text(empty) }
            ForEach(view.complaints, id: \.id) { complaint in
                Section(complaint.title) {
                    ForEach(Array(complaint.rows.enumerated()), id: \.offset) { _, row in
                        VStack(alignment: .leading, spacing: 2) {
                            Text(row.label).font(.caption).foregroundStyle(.secondary)
                            Text(row.value)
                        }
                        .accessibilityElement(children: .combine)
                    }
                }
            }
            if let push = view.pushLine { Text(push).font(.callout) }
            if let label = view.exportLabel { Button(label) { send(.myData(.exportTapped)) } }
            Section(view.erase.title) {
                Text(view.erase.explanation)
                if let pending = view.erase.pending { Text(pending).foregroundStyle(.tint) }
                if let label = view.erase.buttonLabel {
                    Button(label, role: .destructive) { send(.myData(.eraseTapped)) }
                }
            }
        }
        .alert(
            view.erase.confirm?.question ?? "",
            isPresented: Binding(get: { view.erase.confirm != nil }, set: { shown in if !shown { send(.myData(.eraseCancelled)) } })
        ) {
            if let confirm = view.erase.confirm {
                Button(confirm.confirmLabel, role: .destructive) { send(.myData(.eraseConfirmed)) }
                Button(confirm.cancelLabel, role: .cancel) { send(.myData(.eraseCancelled)) }
            }
        }
    }
}

/// On a complaint's page: whether the institution can reach the citizen, and taking that back.
struct ContactSection: View {
    let id: String
    let contact: ContactView
    let send: (Event) -> Void

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            Text(contact.text)
            if let pending = contact.pending { Text(pending).foregroundStyle(.tint) }
            if let label = contact.removeLabel {
                Button(label) { send(.myData(.removeContactTapped(id: id))) }
            }
        }
    }
}

/// On a complaint's page: the PIN that, with the tracking code, opens it on the web.
struct WebAccessSection: View {
    let access: WebAccessView

    var body: some View {
        VStack(alignment: .leading, spacing: 4) {
            Text(access.title).font(.headline).accessibilityAddTraits(.isHeader)
            Text("\(access.pinLabel): \(access.pin)").textSelection(.enabled)
            Text(access.explanation)
            if let url = URL(string: access.url) {
                Link(access.url, destination: url)
            }
        }
    }
}

/// The file the core offered, waiting for the citizen to choose where it goes.
@MainActor
final class FileOffer: ObservableObject, Exporter, @unchecked Sendable {
    @Published var file: ExportOperation?

    nonisolated func export(_ file: ExportOperation) {
        Task { @MainActor in self.file = file }
    }
}

/// The offered file as the system's file exporter writes it.
struct OfferedDocument: FileDocument {
    static var readableContentTypes: [UTType] { [.json] }
    let text: String

    init(text: String) { self.text = text }

    init(configuration: ReadConfiguration) throws {
        text = String(decoding: configuration.file.regularFileContents ?? Data(), as: UTF8.self)
    }

    func fileWrapper(configuration: WriteConfiguration) throws -> FileWrapper {
        FileWrapper(regularFileWithContents: Data(text.utf8))
    }
}

extension View {
    /// Lets the citizen choose where the core's offered file goes, whenever there is one.
    func fileOffer(_ offer: FileOffer) -> some View {
        fileExporter(
            isPresented: Binding(get: { offer.file != nil }, set: { shown in if !shown { offer.file = nil } }),
            document: offer.file.map { OfferedDocument(text: $0.text) },
            contentType: .json,
            defaultFilename: offer.file?.fileName
        ) { _ in offer.file = nil }
    }
}
