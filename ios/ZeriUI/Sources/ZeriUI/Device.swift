// Location and photos, the iOS way. Refusing location is fine: the citizen picks the
// municipality or a pin instead. Photos are drawn upright, scaled and compressed to JPEG before
// the core sees them (the core strips their metadata, orientation included).
import Combine
import CoreLocation
import SharedTypes
import SwiftUI
import UIKit

/// One location fix when the citizen asks for it, after asking permission the first time; or,
/// when there can be none, why (location switched off, not allowed, no fix), for the core to say.
@MainActor
final class LocationProvider: NSObject, ObservableObject, CLLocationManagerDelegate {
    private let manager = CLLocationManager()
    private var deliver: ((Double, Double) -> Void)?
    private var unavailable: ((GpsProblem) -> Void)?

    override init() {
        super.init()
        manager.delegate = self
        manager.desiredAccuracy = kCLLocationAccuracyNearestTenMeters
    }

    func request(_ deliver: @escaping (Double, Double) -> Void, unavailable: @escaping (GpsProblem) -> Void) {
        self.deliver = deliver
        self.unavailable = unavailable
        switch manager.authorizationStatus {
        case .notDetermined: manager.requestWhenInUseAuthorization()
        case .authorizedAlways, .authorizedWhenInUse: manager.requestLocation()
        default: Task { await fail(Self.refusal()) }
        }
    }

    /// Denied, or switched off for the whole phone (which also reads as denied). Asking which
    /// may block, so it is asked off the main actor.
    nonisolated private static func refusal() async -> GpsProblem {
        await Task.detached { CLLocationManager.locationServicesEnabled() }.value ? .permissionDenied : .switchedOff
    }

    private func fail(_ problem: GpsProblem) {
        unavailable?(problem)
        deliver = nil
        unavailable = nil
    }

    // Core Location calls these on the thread that made the manager; each hops to the main
    // actor explicitly and reads the manager there, never the one passed in.
    nonisolated func locationManagerDidChangeAuthorization(_ manager: CLLocationManager) {
        Task { @MainActor in
            guard deliver != nil else { return }
            switch self.manager.authorizationStatus {
            case .authorizedAlways, .authorizedWhenInUse: self.manager.requestLocation()
            case .notDetermined: break
            default: fail(await Self.refusal())
            }
        }
    }

    nonisolated func locationManager(_ manager: CLLocationManager, didUpdateLocations locations: [CLLocation]) {
        guard let point = locations.last?.coordinate else { return }
        let (latitude, longitude) = (point.latitude, point.longitude)
        Task { @MainActor in
            deliver?(latitude, longitude)
            deliver = nil
            unavailable = nil
        }
    }

    nonisolated func locationManager(_ manager: CLLocationManager, didFailWithError error: Error) {
        let denied = (error as? CLError)?.code == .denied
        Task { @MainActor in
            fail(denied ? await Self.refusal() : .noFix)
        }
    }
}

/// The camera, for a photo of the problem.
struct CameraPicker: UIViewControllerRepresentable {
    let taken: (UIImage) -> Void
    @Environment(\.dismiss) private var dismiss

    func makeUIViewController(context: Context) -> UIImagePickerController {
        let picker = UIImagePickerController()
        picker.sourceType = .camera
        picker.delegate = context.coordinator
        return picker
    }

    func updateUIViewController(_ controller: UIImagePickerController, context: Context) {}

    func makeCoordinator() -> Coordinator { Coordinator(self) }

    final class Coordinator: NSObject, UIImagePickerControllerDelegate, UINavigationControllerDelegate {
        let parent: CameraPicker
        init(_ parent: CameraPicker) { self.parent = parent }

        func imagePickerController(_ picker: UIImagePickerController, didFinishPickingMediaWithInfo info: [UIImagePickerController.InfoKey: Any]) {
            if let image = info[.originalImage] as? UIImage { parent.taken(image) }
            parent.dismiss()
        }

        func imagePickerControllerDidCancel(_ picker: UIImagePickerController) { parent.dismiss() }
    }
}

private let maxSide: CGFloat = 1600

/// The photo drawn upright, scaled to at most 1600 pixels a side, as JPEG at quality 0.8. A
/// camera photo is stored sideways with its orientation only in EXIF, which the core strips:
/// drawing it (UIImage.draw honours `imageOrientation`) bakes the rotation into the pixels, and
/// the JPEG of the drawn image is `.up`.
@MainActor
func compressedJPEG(_ image: UIImage) -> [UInt8]? {
    // `size` is already in the orientation the citizen saw.
    let scale = min(1, maxSide / max(image.size.width, image.size.height))
    let size = CGSize(width: (image.size.width * scale).rounded(), height: (image.size.height * scale).rounded())
    guard size.width >= 1, size.height >= 1 else { return nil }
    let format = UIGraphicsImageRendererFormat()
    format.scale = 1
    format.opaque = true
    let upright = UIGraphicsImageRenderer(size: size, format: format).image { _ in
        image.draw(in: CGRect(origin: .zero, size: size))
    }
    return upright.jpegData(compressionQuality: 0.8).map { [UInt8]($0) }
}

/// A picked photo's bytes (UIImage reads their EXIF orientation), drawn upright as above.
@MainActor
func compressedJPEG(_ data: Data) -> [UInt8]? {
    guard let image = UIImage(data: data) else { return nil }
    return compressedJPEG(image)
}
