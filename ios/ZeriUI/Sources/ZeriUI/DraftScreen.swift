// Drafting a complaint: what, where (GPS, a pin on a map, or a municipality), photos, who.
import MapKit
import PhotosUI
import SharedTypes
import SwiftUI
import UIKit

struct DraftScreen: View {
    let view: DraftView
    let send: (Event) -> Void
    @StateObject private var location = LocationProvider()
    @Environment(\.openURL) private var openURL
    @State private var pickedPhoto: PhotosPickerItem?
    @State private var showsCamera = false
    @State private var showsMap = false

    var body: some View {
        Form {
            Section(view.category.label) {
                TextField(view.category.searchLabel, text: binding(view.category.query) { .draft(.categorySearchChanged(query: $0)) })
                if let noMatch = view.category.noMatch { Text(noMatch).foregroundStyle(.secondary) }
                ForEach(view.category.options, id: \.id) { option in
                    Button { send(.draft(.categorySelected(id: option.id))) } label: {
                        VStack(alignment: .leading) {
                            Text(option.label)
                            if !option.detail.isEmpty { Text(option.detail).font(.caption).foregroundStyle(.secondary) }
                        }
                    }
                    .accessibilityAddTraits(option.selected ? .isSelected : [])
                }
                if let error = view.category.error { Text(error).foregroundStyle(.red) }
            }
            Section(view.description.label) {
                TextField(view.description.hint, text: binding(view.description.value) { .draft(.descriptionChanged(text: $0)) }, axis: .vertical)
                    .lineLimit(4...12)
                    .accessibilityLabel(view.description.label)
                Text(view.description.error ?? view.description.hint)
                    .font(.caption)
                    .foregroundStyle(view.description.error == nil ? Color.secondary : Color.red)
            }
            Section(view.location.label) {
                Button(view.location.useGpsLabel) {
                    location.request(
                        { send(.draft(.gpsLocated(lat: $0, lon: $1))) },
                        unavailable: { send(.draft(.gpsUnavailable(problem: $0))) }
                    )
                }
                if let problem = view.location.gpsProblem { Text(problem) }
                if let settings = view.location.gpsSettings, let url = URL(string: UIApplication.openSettingsURLString) {
                    // iOS opens the app's own settings page for either problem: the location
                    // switch is not a page an app may open.
                    Button(settings.label) { openURL(url) }
                }
                Button(view.location.map.openLabel) { showsMap = true }
                if let summary = view.location.summary { Text(summary) }
                Picker(view.location.municipalityLabel, selection: binding(
                    view.location.municipalities.first(where: \.selected)?.id ?? ""
                ) { .draft(.municipalitySelected(id: $0)) }) {
                    Text(view.location.municipalityPlaceholder).tag("")
                    ForEach(view.location.municipalities, id: \.id) { Text($0.label).tag($0.id) }
                }
                if let error = view.location.error { Text(error).foregroundStyle(.red) }
            }
            Section(view.photos.label) {
                Text(view.photos.hint).font(.caption).foregroundStyle(.secondary)
                ForEach(view.photos.items, id: \.index) { photo in
                    HStack {
                        Text(photo.label)
                        Spacer()
                        Button(photo.removeLabel, role: .destructive) { send(.draft(.photoRemoved(index: photo.index))) }
                    }
                }
                if view.photos.canAdd {
                    PhotosPicker(selection: $pickedPhoto, matching: .images) { Text(view.photos.addLabel) }
                    if UIImagePickerController.isSourceTypeAvailable(.camera) {
                        Button { showsCamera = true } label: { Label(view.photos.addLabel, systemImage: "camera") }
                    }
                }
            }
            Section {
                Toggle(isOn: binding(view.anonymous.value) { .draft(.anonymousToggled(anonymous: $0)) }) {
                    VStack(alignment: .leading) {
                        Text(view.anonymous.label)
                        Text(view.anonymous.explanation).font(.caption).foregroundStyle(.secondary)
                    }
                }
                if view.showContact {
                    field(view.contactName, content: .name) { .draft(.contactNameChanged(text: $0)) }
                    field(view.contactPhone, content: .telephoneNumber) { .draft(.contactPhoneChanged(text: $0)) }
                    field(view.contactEmail, content: .emailAddress) { .draft(.contactEmailChanged(text: $0)) }
                    if let error = view.contactError { Text(error).foregroundStyle(.red) }
                }
            }
            Section {
                Button(view.submitLabel) { send(.draft(.submitTapped)) }
                    .disabled(!view.canSubmit || view.submitting)
                Button(view.discardLabel, role: .destructive) { send(.draft(.draftDiscarded)) }
            }
        }
        .onChange(of: pickedPhoto) { _, item in
            guard let item else { return }
            Task {
                if let data = try? await item.loadTransferable(type: Data.self), let jpeg = compressedJPEG(data) {
                    send(.draft(.photoAdded(jpeg: jpeg)))
                }
                pickedPhoto = nil
            }
        }
        .sheet(isPresented: $showsCamera) {
            CameraPicker { image in
                if let jpeg = compressedJPEG(image) { send(.draft(.photoAdded(jpeg: jpeg))) }
            }
        }
        .sheet(isPresented: $showsMap) {
            MapPinSheet(view: view.location.map) { lat, lon in
                send(.draft(.gpsLocated(lat: lat, lon: lon)))
            }
        }
    }

    /// A binding whose value comes from the core and whose changes go back as events.
    private func binding<T>(_ value: T, _ event: @escaping (T) -> Event) -> Binding<T> {
        Binding(get: { value }, set: { send(event($0)) })
    }

    private func field(_ field: TextFieldView, content: UITextContentType, _ event: @escaping (String) -> Event) -> some View {
        VStack(alignment: .leading, spacing: 2) {
            TextField(field.label, text: binding(field.value, event)).textContentType(content)
            Text(field.error ?? field.hint).font(.caption).foregroundStyle(field.error == nil ? Color.secondary : Color.red)
        }
    }
}

/// A map the citizen moves until the pin in its middle is on the problem.
struct MapPinSheet: View {
    let view: MapPickerView
    let picked: (Double, Double) -> Void
    @Environment(\.dismiss) private var dismiss
    @State private var center: CLLocationCoordinate2D

    init(view: MapPickerView, picked: @escaping (Double, Double) -> Void) {
        self.view = view
        self.picked = picked
        _center = State(initialValue: CLLocationCoordinate2D(latitude: view.centerLat, longitude: view.centerLon))
    }

    var body: some View {
        NavigationStack {
            Map(initialPosition: .region(MKCoordinateRegion(center: center, latitudinalMeters: 2000, longitudinalMeters: 2000)))
                .onMapCameraChange { context in center = context.region.center }
                .overlay {
                    Image(systemName: "mappin").font(.largeTitle).foregroundStyle(.red).accessibilityHidden(true)
                }
                .safeAreaInset(edge: .top) { Text(view.hint).padding().background(.bar) }
                .toolbar {
                    ToolbarItem(placement: .cancellationAction) { Button(view.cancelLabel) { dismiss() } }
                    ToolbarItem(placement: .confirmationAction) {
                        Button(view.confirmLabel) {
                            picked(center.latitude, center.longitude)
                            dismiss()
                        }
                    }
                }
        }
    }
}
