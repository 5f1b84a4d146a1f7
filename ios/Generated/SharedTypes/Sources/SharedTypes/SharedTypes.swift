import Serde

func serializeArray<T, S: Serializer>(
    value: [T],
    serializer: S,
    serializeElement: (T, S) throws -> Void
) throws {
    try serializer.serialize_len(value: value.count)
    for item in value {
        try serializeElement(item, serializer)
    }
}

func deserializeArray<T, D: Deserializer>(
    deserializer: D,
    deserializeElement: (D) throws -> T
) throws -> [T] {
    let length = try deserializer.deserialize_len()
    var obj: [T] = []
    for _ in 0..<length {
        obj.append(try deserializeElement(deserializer))
    }
    return obj
}

func serializeOption<T, S: Serializer>(
    value: T?,
    serializer: S,
    serializeElement: (T, S) throws -> Void
) throws {
    if let value = value {
        try serializer.serialize_option_tag(value: true)
        try serializeElement(value, serializer)
    } else {
        try serializer.serialize_option_tag(value: false)
    }
}

func deserializeOption<T, D: Deserializer>(
    deserializer: D,
    deserializeElement: (D) throws -> T
) throws -> T? {
    let tag = try deserializer.deserialize_option_tag()
    if tag {
        return try deserializeElement(deserializer)
    } else {
        return nil
    }
}

public struct CategoryFieldView: Hashable, Equatable {
    public var label: String
    public var searchLabel: String
    public var query: String
    /// The categories that match the query, in catalog order.
    public var options: [ChoiceOption]
    public var selected: String?
    public var noMatch: String?
    public var error: String?

    public init(label: String, searchLabel: String, query: String, options: [ChoiceOption], selected: String?, noMatch: String?, error: String?) {
        self.label = label
        self.searchLabel = searchLabel
        self.query = query
        self.options = options
        self.selected = selected
        self.noMatch = noMatch
        self.error = error
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.label)
        try serializer.serialize_str(value: self.searchLabel)
        try serializer.serialize_str(value: self.query)
        try serializeArray(value: self.options, serializer: serializer) { item, serializer in
            try item.serialize(serializer: serializer)
        }
        try serializeOption(value: self.selected, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializeOption(value: self.noMatch, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializeOption(value: self.error, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> CategoryFieldView {
        try deserializer.increase_container_depth()
        let label = try deserializer.deserialize_str()
        let searchLabel = try deserializer.deserialize_str()
        let query = try deserializer.deserialize_str()
        let options = try deserializeArray(deserializer: deserializer) { deserializer in
            try ChoiceOption.deserialize(deserializer: deserializer)
        }
        let selected = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        let noMatch = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        let error = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        try deserializer.decrease_container_depth()
        return CategoryFieldView(label: label, searchLabel: searchLabel, query: query, options: options, selected: selected, noMatch: noMatch, error: error)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> CategoryFieldView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct ChoiceOption: Hashable, Equatable {
    public var id: String
    public var label: String
    /// A second line, such as who is responsible for a category.
    public var detail: String
    public var selected: Bool

    public init(id: String, label: String, detail: String, selected: Bool) {
        self.id = id
        self.label = label
        self.detail = detail
        self.selected = selected
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.id)
        try serializer.serialize_str(value: self.label)
        try serializer.serialize_str(value: self.detail)
        try serializer.serialize_bool(value: self.selected)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> ChoiceOption {
        try deserializer.increase_container_depth()
        let id = try deserializer.deserialize_str()
        let label = try deserializer.deserialize_str()
        let detail = try deserializer.deserialize_str()
        let selected = try deserializer.deserialize_bool()
        try deserializer.decrease_container_depth()
        return ChoiceOption(id: id, label: label, detail: detail, selected: selected)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> ChoiceOption {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct ComplaintCardView: Hashable, Equatable {
    public var id: String
    public var trackingCode: String
    public var category: String
    public var institution: String
    public var status: StatusCode
    public var statusLabel: String
    public var dueLabel: String
    public var overdue: Bool
    public var updatedLabel: String

    public init(id: String, trackingCode: String, category: String, institution: String, status: StatusCode, statusLabel: String, dueLabel: String, overdue: Bool, updatedLabel: String) {
        self.id = id
        self.trackingCode = trackingCode
        self.category = category
        self.institution = institution
        self.status = status
        self.statusLabel = statusLabel
        self.dueLabel = dueLabel
        self.overdue = overdue
        self.updatedLabel = updatedLabel
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.id)
        try serializer.serialize_str(value: self.trackingCode)
        try serializer.serialize_str(value: self.category)
        try serializer.serialize_str(value: self.institution)
        try self.status.serialize(serializer: serializer)
        try serializer.serialize_str(value: self.statusLabel)
        try serializer.serialize_str(value: self.dueLabel)
        try serializer.serialize_bool(value: self.overdue)
        try serializer.serialize_str(value: self.updatedLabel)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> ComplaintCardView {
        try deserializer.increase_container_depth()
        let id = try deserializer.deserialize_str()
        let trackingCode = try deserializer.deserialize_str()
        let category = try deserializer.deserialize_str()
        let institution = try deserializer.deserialize_str()
        let status = try StatusCode.deserialize(deserializer: deserializer)
        let statusLabel = try deserializer.deserialize_str()
        let dueLabel = try deserializer.deserialize_str()
        let overdue = try deserializer.deserialize_bool()
        let updatedLabel = try deserializer.deserialize_str()
        try deserializer.decrease_container_depth()
        return ComplaintCardView(id: id, trackingCode: trackingCode, category: category, institution: institution, status: status, statusLabel: statusLabel, dueLabel: dueLabel, overdue: overdue, updatedLabel: updatedLabel)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> ComplaintCardView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct ComplaintDetailView: Hashable, Equatable {
    public var id: String
    public var trackingCodeLabel: String
    public var trackingCode: String
    public var category: String
    public var institutionLabel: String
    public var institution: String
    public var explanation: String
    public var status: StatusCode
    public var statusLabel: String
    public var dueLabel: String
    public var overdue: Bool
    public var timelineTitle: String
    public var timeline: [TimelineItemView]
    public var rating: RatingFormView?
    public var reopen: ReopenFormView?
    /// Whether the institution holds the citizen's contact details for this complaint, and
    /// the button that takes them back.
    public var contact: ContactView
    /// The PIN that, with the tracking code, opens the complaint on the web; once the server
    /// has told it.
    public var webAccess: WebAccessView?
    /// Writing to the institution, while the complaint is open: the answer to its question
    /// when it waits for one, else information added. Sends `MyComplaintsEvent::MessageSubmitted`;
    /// photos come with `MessagePhotoAdded` and go with `MessagePhotoRemoved`.
    public var message: MessageFormView?

    public init(id: String, trackingCodeLabel: String, trackingCode: String, category: String, institutionLabel: String, institution: String, explanation: String, status: StatusCode, statusLabel: String, dueLabel: String, overdue: Bool, timelineTitle: String, timeline: [TimelineItemView], rating: RatingFormView?, reopen: ReopenFormView?, contact: ContactView, webAccess: WebAccessView?, message: MessageFormView?) {
        self.id = id
        self.trackingCodeLabel = trackingCodeLabel
        self.trackingCode = trackingCode
        self.category = category
        self.institutionLabel = institutionLabel
        self.institution = institution
        self.explanation = explanation
        self.status = status
        self.statusLabel = statusLabel
        self.dueLabel = dueLabel
        self.overdue = overdue
        self.timelineTitle = timelineTitle
        self.timeline = timeline
        self.rating = rating
        self.reopen = reopen
        self.contact = contact
        self.webAccess = webAccess
        self.message = message
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.id)
        try serializer.serialize_str(value: self.trackingCodeLabel)
        try serializer.serialize_str(value: self.trackingCode)
        try serializer.serialize_str(value: self.category)
        try serializer.serialize_str(value: self.institutionLabel)
        try serializer.serialize_str(value: self.institution)
        try serializer.serialize_str(value: self.explanation)
        try self.status.serialize(serializer: serializer)
        try serializer.serialize_str(value: self.statusLabel)
        try serializer.serialize_str(value: self.dueLabel)
        try serializer.serialize_bool(value: self.overdue)
        try serializer.serialize_str(value: self.timelineTitle)
        try serializeArray(value: self.timeline, serializer: serializer) { item, serializer in
            try item.serialize(serializer: serializer)
        }
        try serializeOption(value: self.rating, serializer: serializer) { value, serializer in
            try value.serialize(serializer: serializer)
        }
        try serializeOption(value: self.reopen, serializer: serializer) { value, serializer in
            try value.serialize(serializer: serializer)
        }
        try self.contact.serialize(serializer: serializer)
        try serializeOption(value: self.webAccess, serializer: serializer) { value, serializer in
            try value.serialize(serializer: serializer)
        }
        try serializeOption(value: self.message, serializer: serializer) { value, serializer in
            try value.serialize(serializer: serializer)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> ComplaintDetailView {
        try deserializer.increase_container_depth()
        let id = try deserializer.deserialize_str()
        let trackingCodeLabel = try deserializer.deserialize_str()
        let trackingCode = try deserializer.deserialize_str()
        let category = try deserializer.deserialize_str()
        let institutionLabel = try deserializer.deserialize_str()
        let institution = try deserializer.deserialize_str()
        let explanation = try deserializer.deserialize_str()
        let status = try StatusCode.deserialize(deserializer: deserializer)
        let statusLabel = try deserializer.deserialize_str()
        let dueLabel = try deserializer.deserialize_str()
        let overdue = try deserializer.deserialize_bool()
        let timelineTitle = try deserializer.deserialize_str()
        let timeline = try deserializeArray(deserializer: deserializer) { deserializer in
            try TimelineItemView.deserialize(deserializer: deserializer)
        }
        let rating = try deserializeOption(deserializer: deserializer) { deserializer in
            try RatingFormView.deserialize(deserializer: deserializer)
        }
        let reopen = try deserializeOption(deserializer: deserializer) { deserializer in
            try ReopenFormView.deserialize(deserializer: deserializer)
        }
        let contact = try ContactView.deserialize(deserializer: deserializer)
        let webAccess = try deserializeOption(deserializer: deserializer) { deserializer in
            try WebAccessView.deserialize(deserializer: deserializer)
        }
        let message = try deserializeOption(deserializer: deserializer) { deserializer in
            try MessageFormView.deserialize(deserializer: deserializer)
        }
        try deserializer.decrease_container_depth()
        return ComplaintDetailView(id: id, trackingCodeLabel: trackingCodeLabel, trackingCode: trackingCode, category: category, institutionLabel: institutionLabel, institution: institution, explanation: explanation, status: status, statusLabel: statusLabel, dueLabel: dueLabel, overdue: overdue, timelineTitle: timelineTitle, timeline: timeline, rating: rating, reopen: reopen, contact: contact, webAccess: webAccess, message: message)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> ComplaintDetailView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct ConfirmView: Hashable, Equatable {
    public var question: String
    public var confirmLabel: String
    public var cancelLabel: String

    public init(question: String, confirmLabel: String, cancelLabel: String) {
        self.question = question
        self.confirmLabel = confirmLabel
        self.cancelLabel = cancelLabel
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.question)
        try serializer.serialize_str(value: self.confirmLabel)
        try serializer.serialize_str(value: self.cancelLabel)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> ConfirmView {
        try deserializer.increase_container_depth()
        let question = try deserializer.deserialize_str()
        let confirmLabel = try deserializer.deserialize_str()
        let cancelLabel = try deserializer.deserialize_str()
        try deserializer.decrease_container_depth()
        return ConfirmView(question: question, confirmLabel: confirmLabel, cancelLabel: cancelLabel)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> ConfirmView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct ContactView: Hashable, Equatable {
    public var text: String
    /// Sends `MyDataEvent::RemoveContactTapped`; set while the institution holds them and no
    /// removal is queued.
    public var removeLabel: String?
    /// Set while a removal is queued.
    public var pending: String?

    public init(text: String, removeLabel: String?, pending: String?) {
        self.text = text
        self.removeLabel = removeLabel
        self.pending = pending
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.text)
        try serializeOption(value: self.removeLabel, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializeOption(value: self.pending, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> ContactView {
        try deserializer.increase_container_depth()
        let text = try deserializer.deserialize_str()
        let removeLabel = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        let pending = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        try deserializer.decrease_container_depth()
        return ContactView(text: text, removeLabel: removeLabel, pending: pending)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> ContactView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct DataRowView: Hashable, Equatable {
    public var label: String
    public var value: String

    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.label)
        try serializer.serialize_str(value: self.value)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> DataRowView {
        try deserializer.increase_container_depth()
        let label = try deserializer.deserialize_str()
        let value = try deserializer.deserialize_str()
        try deserializer.decrease_container_depth()
        return DataRowView(label: label, value: value)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> DataRowView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

indirect public enum DraftEvent: Hashable, Equatable {
    case categorySearchChanged(query: String)
    case categorySelected(id: String)
    case descriptionChanged(text: String)
    case gpsLocated(lat: Double, lon: Double)
    /// The phone could not give a location; the citizen is told why, and what to do.
    case gpsUnavailable(problem: GpsProblem)
    case municipalitySelected(id: String)
    /// A photo as JPEG bytes (the shell compresses camera and gallery images to JPEG).
    case photoAdded(jpeg: [UInt8])
    case photoRemoved(index: UInt32)
    case anonymousToggled(anonymous: Bool)
    case contactNameChanged(text: String)
    case contactPhoneChanged(text: String)
    case contactEmailChanged(text: String)
    /// Send the draft: it is checked, then queued in the outbox.
    case submitTapped
    case draftDiscarded

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .categorySearchChanged(let query):
            try serializer.serialize_variant_index(value: 0)
            try serializer.serialize_str(value: query)
        case .categorySelected(let id):
            try serializer.serialize_variant_index(value: 1)
            try serializer.serialize_str(value: id)
        case .descriptionChanged(let text):
            try serializer.serialize_variant_index(value: 2)
            try serializer.serialize_str(value: text)
        case .gpsLocated(let lat, let lon):
            try serializer.serialize_variant_index(value: 3)
            try serializer.serialize_f64(value: lat)
            try serializer.serialize_f64(value: lon)
        case .gpsUnavailable(let problem):
            try serializer.serialize_variant_index(value: 4)
            try problem.serialize(serializer: serializer)
        case .municipalitySelected(let id):
            try serializer.serialize_variant_index(value: 5)
            try serializer.serialize_str(value: id)
        case .photoAdded(let jpeg):
            try serializer.serialize_variant_index(value: 6)
            try serializer.serialize_bytes(value: jpeg)
        case .photoRemoved(let index):
            try serializer.serialize_variant_index(value: 7)
            try serializer.serialize_u32(value: index)
        case .anonymousToggled(let anonymous):
            try serializer.serialize_variant_index(value: 8)
            try serializer.serialize_bool(value: anonymous)
        case .contactNameChanged(let text):
            try serializer.serialize_variant_index(value: 9)
            try serializer.serialize_str(value: text)
        case .contactPhoneChanged(let text):
            try serializer.serialize_variant_index(value: 10)
            try serializer.serialize_str(value: text)
        case .contactEmailChanged(let text):
            try serializer.serialize_variant_index(value: 11)
            try serializer.serialize_str(value: text)
        case .submitTapped:
            try serializer.serialize_variant_index(value: 12)
        case .draftDiscarded:
            try serializer.serialize_variant_index(value: 13)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> DraftEvent {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            let query = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .categorySearchChanged(query: query)
        case 1:
            let id = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .categorySelected(id: id)
        case 2:
            let text = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .descriptionChanged(text: text)
        case 3:
            let lat = try deserializer.deserialize_f64()
            let lon = try deserializer.deserialize_f64()
            try deserializer.decrease_container_depth()
            return .gpsLocated(lat: lat, lon: lon)
        case 4:
            let problem = try GpsProblem.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .gpsUnavailable(problem: problem)
        case 5:
            let id = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .municipalitySelected(id: id)
        case 6:
            let jpeg = try deserializer.deserialize_bytes()
            try deserializer.decrease_container_depth()
            return .photoAdded(jpeg: jpeg)
        case 7:
            let index = try deserializer.deserialize_u32()
            try deserializer.decrease_container_depth()
            return .photoRemoved(index: index)
        case 8:
            let anonymous = try deserializer.deserialize_bool()
            try deserializer.decrease_container_depth()
            return .anonymousToggled(anonymous: anonymous)
        case 9:
            let text = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .contactNameChanged(text: text)
        case 10:
            let text = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .contactPhoneChanged(text: text)
        case 11:
            let text = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .contactEmailChanged(text: text)
        case 12:
            try deserializer.decrease_container_depth()
            return .submitTapped
        case 13:
            try deserializer.decrease_container_depth()
            return .draftDiscarded
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for DraftEvent: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> DraftEvent {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct DraftView: Hashable, Equatable {
    public var title: String
    public var category: CategoryFieldView
    public var description: TextFieldView
    public var location: LocationFieldView
    public var photos: PhotosFieldView
    public var anonymous: ToggleView
    /// Contact fields are shown only when the complaint is not anonymous.
    public var showContact: Bool
    public var contactName: TextFieldView
    public var contactPhone: TextFieldView
    public var contactEmail: TextFieldView
    public var contactError: String?
    public var submitLabel: String
    public var canSubmit: Bool
    public var submitting: Bool
    public var discardLabel: String

    public init(title: String, category: CategoryFieldView, description: TextFieldView, location: LocationFieldView, photos: PhotosFieldView, anonymous: ToggleView, showContact: Bool, contactName: TextFieldView, contactPhone: TextFieldView, contactEmail: TextFieldView, contactError: String?, submitLabel: String, canSubmit: Bool, submitting: Bool, discardLabel: String) {
        self.title = title
        self.category = category
        self.description = description
        self.location = location
        self.photos = photos
        self.anonymous = anonymous
        self.showContact = showContact
        self.contactName = contactName
        self.contactPhone = contactPhone
        self.contactEmail = contactEmail
        self.contactError = contactError
        self.submitLabel = submitLabel
        self.canSubmit = canSubmit
        self.submitting = submitting
        self.discardLabel = discardLabel
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.title)
        try self.category.serialize(serializer: serializer)
        try self.description.serialize(serializer: serializer)
        try self.location.serialize(serializer: serializer)
        try self.photos.serialize(serializer: serializer)
        try self.anonymous.serialize(serializer: serializer)
        try serializer.serialize_bool(value: self.showContact)
        try self.contactName.serialize(serializer: serializer)
        try self.contactPhone.serialize(serializer: serializer)
        try self.contactEmail.serialize(serializer: serializer)
        try serializeOption(value: self.contactError, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializer.serialize_str(value: self.submitLabel)
        try serializer.serialize_bool(value: self.canSubmit)
        try serializer.serialize_bool(value: self.submitting)
        try serializer.serialize_str(value: self.discardLabel)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> DraftView {
        try deserializer.increase_container_depth()
        let title = try deserializer.deserialize_str()
        let category = try CategoryFieldView.deserialize(deserializer: deserializer)
        let description = try TextFieldView.deserialize(deserializer: deserializer)
        let location = try LocationFieldView.deserialize(deserializer: deserializer)
        let photos = try PhotosFieldView.deserialize(deserializer: deserializer)
        let anonymous = try ToggleView.deserialize(deserializer: deserializer)
        let showContact = try deserializer.deserialize_bool()
        let contactName = try TextFieldView.deserialize(deserializer: deserializer)
        let contactPhone = try TextFieldView.deserialize(deserializer: deserializer)
        let contactEmail = try TextFieldView.deserialize(deserializer: deserializer)
        let contactError = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        let submitLabel = try deserializer.deserialize_str()
        let canSubmit = try deserializer.deserialize_bool()
        let submitting = try deserializer.deserialize_bool()
        let discardLabel = try deserializer.deserialize_str()
        try deserializer.decrease_container_depth()
        return DraftView(title: title, category: category, description: description, location: location, photos: photos, anonymous: anonymous, showContact: showContact, contactName: contactName, contactPhone: contactPhone, contactEmail: contactEmail, contactError: contactError, submitLabel: submitLabel, canSubmit: canSubmit, submitting: submitting, discardLabel: discardLabel)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> DraftView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// Represents a duration of time, internally stored as nanoseconds
public struct Duration: Hashable, Equatable {
    public var nanos: UInt64

    public init(nanos: UInt64) {
        self.nanos = nanos
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_u64(value: self.nanos)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> Duration {
        try deserializer.increase_container_depth()
        let nanos = try deserializer.deserialize_u64()
        try deserializer.decrease_container_depth()
        return Duration(nanos: nanos)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> Duration {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

indirect public enum Effect: Hashable, Equatable {
    case render(RenderOperation)
    case http(HttpRequest)
    case keyValue(KeyValueOperation)
    case time(TimeRequest)
    case notification(NotificationOperation)
    case export(ExportOperation)

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .render(let x):
            try serializer.serialize_variant_index(value: 0)
            try x.serialize(serializer: serializer)
        case .http(let x):
            try serializer.serialize_variant_index(value: 1)
            try x.serialize(serializer: serializer)
        case .keyValue(let x):
            try serializer.serialize_variant_index(value: 2)
            try x.serialize(serializer: serializer)
        case .time(let x):
            try serializer.serialize_variant_index(value: 3)
            try x.serialize(serializer: serializer)
        case .notification(let x):
            try serializer.serialize_variant_index(value: 4)
            try x.serialize(serializer: serializer)
        case .export(let x):
            try serializer.serialize_variant_index(value: 5)
            try x.serialize(serializer: serializer)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> Effect {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            let x = try RenderOperation.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .render(x)
        case 1:
            let x = try HttpRequest.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .http(x)
        case 2:
            let x = try KeyValueOperation.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .keyValue(x)
        case 3:
            let x = try TimeRequest.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .time(x)
        case 4:
            let x = try NotificationOperation.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .notification(x)
        case 5:
            let x = try ExportOperation.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .export(x)
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for Effect: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> Effect {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// Erasing everything: the button sends `MyDataEvent::EraseTapped`, which asks first
/// (`confirm`); then `EraseConfirmed` or `EraseCancelled`.
public struct EraseView: Hashable, Equatable {
    public var title: String
    public var explanation: String
    /// None while an erasure is queued.
    public var buttonLabel: String?
    public var confirm: ConfirmView?
    /// "Your data will be erased when the phone reaches the server."
    public var pending: String?

    public init(title: String, explanation: String, buttonLabel: String?, confirm: ConfirmView?, pending: String?) {
        self.title = title
        self.explanation = explanation
        self.buttonLabel = buttonLabel
        self.confirm = confirm
        self.pending = pending
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.title)
        try serializer.serialize_str(value: self.explanation)
        try serializeOption(value: self.buttonLabel, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializeOption(value: self.confirm, serializer: serializer) { value, serializer in
            try value.serialize(serializer: serializer)
        }
        try serializeOption(value: self.pending, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> EraseView {
        try deserializer.increase_container_depth()
        let title = try deserializer.deserialize_str()
        let explanation = try deserializer.deserialize_str()
        let buttonLabel = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        let confirm = try deserializeOption(deserializer: deserializer) { deserializer in
            try ConfirmView.deserialize(deserializer: deserializer)
        }
        let pending = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        try deserializer.decrease_container_depth()
        return EraseView(title: title, explanation: explanation, buttonLabel: buttonLabel, confirm: confirm, pending: pending)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> EraseView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

indirect public enum Event: Hashable, Equatable {
    /// The app's life: started, foregrounded, back online.
    case lifecycle(LifecycleEvent)
    /// Moving between screens.
    case navigation(NavigationEvent)
    /// The language, and the welcome screen.
    case settings(SettingsEvent)
    /// The app was opened with a link (`zeri://…`, or a campaign's web link).
    case link(LinkEvent)
    /// Writing a complaint.
    case draft(DraftEvent)
    /// What the server refused, waiting for the citizen.
    case outbox(OutboxEvent)
    /// The citizen's complaints: refreshing, rating, reopening.
    case myComplaints(MyComplaintsEvent)
    /// The citizen's data: reading it, keeping it, removing contact details, erasing.
    case myData(MyDataEvent)

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .lifecycle(let x):
            try serializer.serialize_variant_index(value: 0)
            try x.serialize(serializer: serializer)
        case .navigation(let x):
            try serializer.serialize_variant_index(value: 1)
            try x.serialize(serializer: serializer)
        case .settings(let x):
            try serializer.serialize_variant_index(value: 2)
            try x.serialize(serializer: serializer)
        case .link(let x):
            try serializer.serialize_variant_index(value: 3)
            try x.serialize(serializer: serializer)
        case .draft(let x):
            try serializer.serialize_variant_index(value: 4)
            try x.serialize(serializer: serializer)
        case .outbox(let x):
            try serializer.serialize_variant_index(value: 5)
            try x.serialize(serializer: serializer)
        case .myComplaints(let x):
            try serializer.serialize_variant_index(value: 6)
            try x.serialize(serializer: serializer)
        case .myData(let x):
            try serializer.serialize_variant_index(value: 7)
            try x.serialize(serializer: serializer)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> Event {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            let x = try LifecycleEvent.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .lifecycle(x)
        case 1:
            let x = try NavigationEvent.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .navigation(x)
        case 2:
            let x = try SettingsEvent.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .settings(x)
        case 3:
            let x = try LinkEvent.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .link(x)
        case 4:
            let x = try DraftEvent.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .draft(x)
        case 5:
            let x = try OutboxEvent.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .outbox(x)
        case 6:
            let x = try MyComplaintsEvent.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .myComplaints(x)
        case 7:
            let x = try MyDataEvent.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .myData(x)
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for Event: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> Event {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// A file for the citizen to keep, its text in UTF-8.
public struct ExportOperation: Hashable, Equatable {
    /// What to call it, such as `zeri-my-data-2026-12-03.json`.
    public var fileName: String
    /// Its media type, such as `application/json`.
    public var mediaType: String
    public var text: String

    public init(fileName: String, mediaType: String, text: String) {
        self.fileName = fileName
        self.mediaType = mediaType
        self.text = text
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.fileName)
        try serializer.serialize_str(value: self.mediaType)
        try serializer.serialize_str(value: self.text)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> ExportOperation {
        try deserializer.increase_container_depth()
        let fileName = try deserializer.deserialize_str()
        let mediaType = try deserializer.deserialize_str()
        let text = try deserializer.deserialize_str()
        try deserializer.decrease_container_depth()
        return ExportOperation(fileName: fileName, mediaType: mediaType, text: text)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> ExportOperation {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// Why the phone gave no location.
indirect public enum GpsProblem: Hashable, Equatable {
    /// Location is switched off on the phone.
    case switchedOff
    /// The citizen did not allow the app to use their location.
    case permissionDenied
    /// Location is on and allowed, but no fix came in time.
    case noFix

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .switchedOff:
            try serializer.serialize_variant_index(value: 0)
        case .permissionDenied:
            try serializer.serialize_variant_index(value: 1)
        case .noFix:
            try serializer.serialize_variant_index(value: 2)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> GpsProblem {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            try deserializer.decrease_container_depth()
            return .switchedOff
        case 1:
            try deserializer.decrease_container_depth()
            return .permissionDenied
        case 2:
            try deserializer.decrease_container_depth()
            return .noFix
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for GpsProblem: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> GpsProblem {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// Which of the phone's settings pages fixes a location problem.
indirect public enum GpsSettingsPage: Hashable, Equatable {
    /// The phone's location switch.
    case locationServices
    /// The app's own permissions.
    case appPermissions

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .locationServices:
            try serializer.serialize_variant_index(value: 0)
        case .appPermissions:
            try serializer.serialize_variant_index(value: 1)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> GpsSettingsPage {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            try deserializer.decrease_container_depth()
            return .locationServices
        case 1:
            try deserializer.decrease_container_depth()
            return .appPermissions
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for GpsSettingsPage: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> GpsSettingsPage {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct GpsSettingsView: Hashable, Equatable {
    public var label: String
    public var page: GpsSettingsPage

    public init(label: String, page: GpsSettingsPage) {
        self.label = label
        self.page = page
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.label)
        try self.page.serialize(serializer: serializer)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> GpsSettingsView {
        try deserializer.increase_container_depth()
        let label = try deserializer.deserialize_str()
        let page = try GpsSettingsPage.deserialize(deserializer: deserializer)
        try deserializer.decrease_container_depth()
        return GpsSettingsView(label: label, page: page)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> GpsSettingsView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// One complaint as the server holds it: a heading and each thing kept, labelled.
public struct HeldComplaintView: Hashable, Equatable {
    public var id: String
    public var title: String
    public var rows: [DataRowView]

    public init(id: String, title: String, rows: [DataRowView]) {
        self.id = id
        self.title = title
        self.rows = rows
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.id)
        try serializer.serialize_str(value: self.title)
        try serializeArray(value: self.rows, serializer: serializer) { item, serializer in
            try item.serialize(serializer: serializer)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> HeldComplaintView {
        try deserializer.increase_container_depth()
        let id = try deserializer.deserialize_str()
        let title = try deserializer.deserialize_str()
        let rows = try deserializeArray(deserializer: deserializer) { deserializer in
            try DataRowView.deserialize(deserializer: deserializer)
        }
        try deserializer.decrease_container_depth()
        return HeldComplaintView(id: id, title: title, rows: rows)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> HeldComplaintView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct HomeView: Hashable, Equatable {
    public var title: String
    public var intro: String
    public var newComplaintLabel: String
    public var myComplaintsLabel: String
    /// "2 complaints waiting to be sent", when any are.
    public var outboxSummary: String?

    public init(title: String, intro: String, newComplaintLabel: String, myComplaintsLabel: String, outboxSummary: String?) {
        self.title = title
        self.intro = intro
        self.newComplaintLabel = newComplaintLabel
        self.myComplaintsLabel = myComplaintsLabel
        self.outboxSummary = outboxSummary
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.title)
        try serializer.serialize_str(value: self.intro)
        try serializer.serialize_str(value: self.newComplaintLabel)
        try serializer.serialize_str(value: self.myComplaintsLabel)
        try serializeOption(value: self.outboxSummary, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> HomeView {
        try deserializer.increase_container_depth()
        let title = try deserializer.deserialize_str()
        let intro = try deserializer.deserialize_str()
        let newComplaintLabel = try deserializer.deserialize_str()
        let myComplaintsLabel = try deserializer.deserialize_str()
        let outboxSummary = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        try deserializer.decrease_container_depth()
        return HomeView(title: title, intro: intro, newComplaintLabel: newComplaintLabel, myComplaintsLabel: myComplaintsLabel, outboxSummary: outboxSummary)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> HomeView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// An error produced when an HTTP request fails.
/// 
/// Variants fall into two groups:
/// 
/// **Transport errors** — generated by the shell when it cannot complete the HTTP
/// exchange. These cross the FFI boundary and are serialized in the protocol:
/// [`Url`](HttpError::Url), [`Io`](HttpError::Io), [`Timeout`](HttpError::Timeout).
/// 
/// **Processing errors** — generated on the Rust side after a response arrives.
/// These are never serialized or visible to shells:
/// 
/// - [`Http`](HttpError::Http) — produced by `Response::new()` when the server returns
/// a 4xx or 5xx status, and **only** then. At the *protocol* level these arrive as
/// [`HttpResult::Ok`](crate::protocol::HttpResult::Ok); `Response::new()` converts
/// them here, so app code using `crux_http::Result<Response<T>>` will see them as
/// `Err(HttpError::Http { code, .. })` — **never** as `Ok(response)` with an error
/// status.
/// - [`Json`](HttpError::Json) — produced when response body deserialisation fails.
/// - [`BodyAlreadyTaken`](HttpError::BodyAlreadyTaken) — a caller took the response body
/// twice.
/// - [`InvalidStatusCode`](HttpError::InvalidStatusCode) — the shell sent a status that
/// isn't valid HTTP.
/// 
/// # Reading what the server said
/// 
/// Because a rejection arrives as an error rather than a response, everything the server
/// sent with it lives on this type: [`HttpError::body`] and [`HttpError::body_json`] for
/// the body, [`HttpError::header`] and [`HttpError::content_type`] for the headers. No
/// matching on the variant's fields required:
/// 
/// ```
/// # use serde::Deserialize;
/// #[derive(Deserialize)]
/// struct ApiError {
/// error: String,
/// }
/// 
/// // the `crux_http::Result` a feature receives when the server rejects a request
/// let result: crux_http::Result<crux_http::Response<Vec<u8>>> =
/// crux_http::testing::rejection(409, r#"{"error":"that overlaps a booked day"}"#);
/// 
/// let error = result.expect_err("a 409 is never Ok");
/// assert_eq!(error.code(), Some(409));
/// assert_eq!(
/// error.body_json::<ApiError>().unwrap().error,
/// "that overlaps a booked day"
/// );
/// ```
indirect public enum HttpError: Hashable, Equatable {
    /// The request URL could not be parsed.
    case url(String)
    /// An IO error prevented the request from completing.
    case io(String)
    /// The request timed out before a response was received.
    case timeout

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .url(let x):
            try serializer.serialize_variant_index(value: 0)
            try serializer.serialize_str(value: x)
        case .io(let x):
            try serializer.serialize_variant_index(value: 1)
            try serializer.serialize_str(value: x)
        case .timeout:
            try serializer.serialize_variant_index(value: 2)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> HttpError {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            let x = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .url(x)
        case 1:
            let x = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .io(x)
        case 2:
            try deserializer.decrease_container_depth()
            return .timeout
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for HttpError: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> HttpError {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct HttpHeader: Hashable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.name)
        try serializer.serialize_str(value: self.value)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> HttpHeader {
        try deserializer.increase_container_depth()
        let name = try deserializer.deserialize_str()
        let value = try deserializer.deserialize_str()
        try deserializer.decrease_container_depth()
        return HttpHeader(name: name, value: value)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> HttpHeader {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// A raw HTTP request, as sent to the shell over the protocol boundary.
/// 
/// # No header validation
/// 
/// All fields are plain strings. Header names and values are carried as-is with no
/// validation against the HTTP specification. This is intentional: `HttpRequest` is a
/// cross-language data carrier deserialised by Swift, Kotlin, and TypeScript shells;
/// Rust's `http`-crate validation rules cannot be enforced on the other side of that
/// boundary.
/// 
/// **Shell authors must not assume that header names or values are well-formed.**
/// Pass them to your underlying HTTP client as-is — it will apply its own rules.
/// 
/// For the ergonomic Rust-side builder that *does* validate header values (and panics
/// on invalid input), see [`crate::command::RequestBuilder`].
public struct HttpRequest: Hashable, Equatable {
    public var method: String
    public var url: String
    public var headers: [HttpHeader]
    public var body: [UInt8]

    public init(method: String, url: String, headers: [HttpHeader], body: [UInt8]) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.method)
        try serializer.serialize_str(value: self.url)
        try serializeArray(value: self.headers, serializer: serializer) { item, serializer in
            try item.serialize(serializer: serializer)
        }
        try serializer.serialize_bytes(value: self.body)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> HttpRequest {
        try deserializer.increase_container_depth()
        let method = try deserializer.deserialize_str()
        let url = try deserializer.deserialize_str()
        let headers = try deserializeArray(deserializer: deserializer) { deserializer in
            try HttpHeader.deserialize(deserializer: deserializer)
        }
        let body = try deserializer.deserialize_bytes()
        try deserializer.decrease_container_depth()
        return HttpRequest(method: method, url: url, headers: headers, body: body)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> HttpRequest {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct HttpResponse: Hashable, Equatable {
    public var status: UInt16
    public var headers: [HttpHeader]
    public var body: [UInt8]

    public init(status: UInt16, headers: [HttpHeader], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_u16(value: self.status)
        try serializeArray(value: self.headers, serializer: serializer) { item, serializer in
            try item.serialize(serializer: serializer)
        }
        try serializer.serialize_bytes(value: self.body)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> HttpResponse {
        try deserializer.increase_container_depth()
        let status = try deserializer.deserialize_u16()
        let headers = try deserializeArray(deserializer: deserializer) { deserializer in
            try HttpHeader.deserialize(deserializer: deserializer)
        }
        let body = try deserializer.deserialize_bytes()
        try deserializer.decrease_container_depth()
        return HttpResponse(status: status, headers: headers, body: body)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> HttpResponse {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// The result of an HTTP request, as returned by the shell over the protocol boundary.
/// 
/// # Status codes are not errors
/// 
/// Any completed HTTP exchange — including responses with 4xx or 5xx status codes — is
/// returned as [`HttpResult::Ok`]. Only *transport-level* failures (the shell could not
/// reach the server at all) produce [`HttpResult::Err`].
/// 
/// To act on an error status, inspect [`HttpResponse::status`]:
/// 
/// ```
/// # use crux_http::protocol::{HttpResult, HttpResponse};
/// # use crux_http::HttpError;
/// # fn handle(result: HttpResult) {
/// match result {
/// HttpResult::Ok(response) if response.status == 200 => { /* success */ }
/// HttpResult::Ok(response) if response.status == 404 => { /* not found */ }
/// HttpResult::Ok(response) if response.status >= 500 => { /* server error */ }
/// HttpResult::Ok(_) => { /* other status */ }
/// HttpResult::Err(e) => { /* transport failure: bad URL, IO error, or timeout */ }
/// }
/// # }
/// ```
indirect public enum HttpResult: Hashable, Equatable {
    /// The shell completed the HTTP exchange. The response may carry any status code,
    /// including 4xx and 5xx — inspect [`HttpResponse::status`] to distinguish them.
    case ok(HttpResponse)
    /// The shell could not complete the HTTP exchange due to a transport-level failure.
    /// See [`HttpError`] for the possible causes.
    case err(HttpError)

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .ok(let x):
            try serializer.serialize_variant_index(value: 0)
            try x.serialize(serializer: serializer)
        case .err(let x):
            try serializer.serialize_variant_index(value: 1)
            try x.serialize(serializer: serializer)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> HttpResult {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            let x = try HttpResponse.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .ok(x)
        case 1:
            let x = try HttpError.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .err(x)
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for HttpResult: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> HttpResult {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// Represents a point in time (UTC):
/// 
/// - seconds: number of seconds since the Unix epoch (1970-01-01T00:00:00Z)
/// - nanos: number of nanoseconds since the last second
public struct Instant: Hashable, Equatable {
    public var seconds: UInt64
    public var nanos: UInt32

    public init(seconds: UInt64, nanos: UInt32) {
        self.seconds = seconds
        self.nanos = nanos
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_u64(value: self.seconds)
        try serializer.serialize_u32(value: self.nanos)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> Instant {
        try deserializer.increase_container_depth()
        let seconds = try deserializer.deserialize_u64()
        let nanos = try deserializer.deserialize_u32()
        try deserializer.decrease_container_depth()
        return Instant(seconds: seconds, nanos: nanos)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> Instant {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// Error type for `KeyValue` operations
indirect public enum KeyValueError: Hashable, Equatable {
    case io(message: String)
    case timeout
    case cursorNotFound
    case other(message: String)

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .io(let message):
            try serializer.serialize_variant_index(value: 0)
            try serializer.serialize_str(value: message)
        case .timeout:
            try serializer.serialize_variant_index(value: 1)
        case .cursorNotFound:
            try serializer.serialize_variant_index(value: 2)
        case .other(let message):
            try serializer.serialize_variant_index(value: 3)
            try serializer.serialize_str(value: message)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> KeyValueError {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            let message = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .io(message: message)
        case 1:
            try deserializer.decrease_container_depth()
            return .timeout
        case 2:
            try deserializer.decrease_container_depth()
            return .cursorNotFound
        case 3:
            let message = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .other(message: message)
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for KeyValueError: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> KeyValueError {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// Supported operations
indirect public enum KeyValueOperation: Hashable, Equatable {
    /// Read bytes stored under a key
    case get(key: String)
    /// Write bytes under a key
    case set(key: String, value: [UInt8])
    /// Remove a key and its value
    case delete(key: String)
    /// Test if a key exists
    case exists(key: String)
    case listKeys(prefix: String, cursor: UInt64)

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .get(let key):
            try serializer.serialize_variant_index(value: 0)
            try serializer.serialize_str(value: key)
        case .set(let key, let value):
            try serializer.serialize_variant_index(value: 1)
            try serializer.serialize_str(value: key)
            try serializeArray(value: value, serializer: serializer) { item, serializer in
                try serializer.serialize_u8(value: item)
            }
        case .delete(let key):
            try serializer.serialize_variant_index(value: 2)
            try serializer.serialize_str(value: key)
        case .exists(let key):
            try serializer.serialize_variant_index(value: 3)
            try serializer.serialize_str(value: key)
        case .listKeys(let prefix, let cursor):
            try serializer.serialize_variant_index(value: 4)
            try serializer.serialize_str(value: prefix)
            try serializer.serialize_u64(value: cursor)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> KeyValueOperation {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            let key = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .get(key: key)
        case 1:
            let key = try deserializer.deserialize_str()
            let value = try deserializeArray(deserializer: deserializer) { deserializer in
                try deserializer.deserialize_u8()
            }
            try deserializer.decrease_container_depth()
            return .set(key: key, value: value)
        case 2:
            let key = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .delete(key: key)
        case 3:
            let key = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .exists(key: key)
        case 4:
            let prefix = try deserializer.deserialize_str()
            let cursor = try deserializer.deserialize_u64()
            try deserializer.decrease_container_depth()
            return .listKeys(prefix: prefix, cursor: cursor)
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for KeyValueOperation: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> KeyValueOperation {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

indirect public enum KeyValueResponse: Hashable, Equatable {
    /// Response to a `KeyValueOperation::Get`,
    /// returning the value stored under the key, which may be empty
    case get(value: Value)
    /// Response to a `KeyValueOperation::Set`,
    /// returning the value that was previously stored under the key, may be empty
    case set(previous: Value)
    /// Response to a `KeyValueOperation::Delete`,
    /// returning the value that was previously stored under the key, may be empty
    case delete(previous: Value)
    /// Response to a `KeyValueOperation::Exists`,
    /// returning whether the key is present in the store
    case exists(isPresent: Bool)
    /// Response to a `KeyValueOperation::ListKeys`,
    /// returning a list of keys that start with the prefix, and a cursor to continue listing
    /// if there are more keys
    /// 
    /// Note: the cursor is 0 if there are no more keys
    case listKeys(keys: [String], nextCursor: UInt64)

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .get(let value):
            try serializer.serialize_variant_index(value: 0)
            try value.serialize(serializer: serializer)
        case .set(let previous):
            try serializer.serialize_variant_index(value: 1)
            try previous.serialize(serializer: serializer)
        case .delete(let previous):
            try serializer.serialize_variant_index(value: 2)
            try previous.serialize(serializer: serializer)
        case .exists(let isPresent):
            try serializer.serialize_variant_index(value: 3)
            try serializer.serialize_bool(value: isPresent)
        case .listKeys(let keys, let nextCursor):
            try serializer.serialize_variant_index(value: 4)
            try serializeArray(value: keys, serializer: serializer) { item, serializer in
                try serializer.serialize_str(value: item)
            }
            try serializer.serialize_u64(value: nextCursor)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> KeyValueResponse {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            let value = try Value.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .get(value: value)
        case 1:
            let previous = try Value.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .set(previous: previous)
        case 2:
            let previous = try Value.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .delete(previous: previous)
        case 3:
            let isPresent = try deserializer.deserialize_bool()
            try deserializer.decrease_container_depth()
            return .exists(isPresent: isPresent)
        case 4:
            let keys = try deserializeArray(deserializer: deserializer) { deserializer in
                try deserializer.deserialize_str()
            }
            let nextCursor = try deserializer.deserialize_u64()
            try deserializer.decrease_container_depth()
            return .listKeys(keys: keys, nextCursor: nextCursor)
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for KeyValueResponse: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> KeyValueResponse {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// The result of an operation on the store.
/// 
/// Note: we can't use [`core::result::Result`] here because it is not currently
/// supported across the FFI boundary, when using `typegen` or `facet_typegen`.
indirect public enum KeyValueResult: Hashable, Equatable {
    case ok(response: KeyValueResponse)
    case err(error: KeyValueError)

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .ok(let response):
            try serializer.serialize_variant_index(value: 0)
            try response.serialize(serializer: serializer)
        case .err(let error):
            try serializer.serialize_variant_index(value: 1)
            try error.serialize(serializer: serializer)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> KeyValueResult {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            let response = try KeyValueResponse.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .ok(response: response)
        case 1:
            let error = try KeyValueError.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .err(error: error)
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for KeyValueResult: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> KeyValueResult {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// The languages of the interface.
indirect public enum Language: Hashable, Equatable {
    case albanian
    case serbianLatin
    case serbianCyrillic
    case english

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .albanian:
            try serializer.serialize_variant_index(value: 0)
        case .serbianLatin:
            try serializer.serialize_variant_index(value: 1)
        case .serbianCyrillic:
            try serializer.serialize_variant_index(value: 2)
        case .english:
            try serializer.serialize_variant_index(value: 3)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> Language {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            try deserializer.decrease_container_depth()
            return .albanian
        case 1:
            try deserializer.decrease_container_depth()
            return .serbianLatin
        case 2:
            try deserializer.decrease_container_depth()
            return .serbianCyrillic
        case 3:
            try deserializer.decrease_container_depth()
            return .english
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for Language: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> Language {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct LanguageOption: Hashable, Equatable {
    public var language: Language
    public var label: String
    public var selected: Bool

    public init(language: Language, label: String, selected: Bool) {
        self.language = language
        self.label = label
        self.selected = selected
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try self.language.serialize(serializer: serializer)
        try serializer.serialize_str(value: self.label)
        try serializer.serialize_bool(value: self.selected)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> LanguageOption {
        try deserializer.increase_container_depth()
        let language = try Language.deserialize(deserializer: deserializer)
        let label = try deserializer.deserialize_str()
        let selected = try deserializer.deserialize_bool()
        try deserializer.decrease_container_depth()
        return LanguageOption(language: language, label: label, selected: selected)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> LanguageOption {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

indirect public enum LifecycleEvent: Hashable, Equatable {
    /// The app launched. `api_base_url` is the server it was built for, e.g.
    /// `https://zeri.example`; `debug_build` says it is a developer's build, which a server
    /// link may point at any server (see [`crate::servers`]).
    case started(apiBaseUrl: String, debugBuild: Bool)
    /// The app came back to the foreground.
    case foregrounded
    /// The phone's network came back.
    case networkOnline
    /// Try reading the stored state again after it failed.
    case retryLoadTapped
    /// The app was woken while not in front: by a push, or by the system's periodic
    /// background refresh (WorkManager, BGAppRefreshTask). The core sends what waits and asks
    /// what changed, and tells the citizen of it.
    case wokenInBackground
    /// The push provider gave this app `token` (on every start, and when it renews it).
    case pushTokenIssued(provider: PushProvider, token: String)

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .started(let apiBaseUrl, let debugBuild):
            try serializer.serialize_variant_index(value: 0)
            try serializer.serialize_str(value: apiBaseUrl)
            try serializer.serialize_bool(value: debugBuild)
        case .foregrounded:
            try serializer.serialize_variant_index(value: 1)
        case .networkOnline:
            try serializer.serialize_variant_index(value: 2)
        case .retryLoadTapped:
            try serializer.serialize_variant_index(value: 3)
        case .wokenInBackground:
            try serializer.serialize_variant_index(value: 4)
        case .pushTokenIssued(let provider, let token):
            try serializer.serialize_variant_index(value: 5)
            try provider.serialize(serializer: serializer)
            try serializer.serialize_str(value: token)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> LifecycleEvent {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            let apiBaseUrl = try deserializer.deserialize_str()
            let debugBuild = try deserializer.deserialize_bool()
            try deserializer.decrease_container_depth()
            return .started(apiBaseUrl: apiBaseUrl, debugBuild: debugBuild)
        case 1:
            try deserializer.decrease_container_depth()
            return .foregrounded
        case 2:
            try deserializer.decrease_container_depth()
            return .networkOnline
        case 3:
            try deserializer.decrease_container_depth()
            return .retryLoadTapped
        case 4:
            try deserializer.decrease_container_depth()
            return .wokenInBackground
        case 5:
            let provider = try PushProvider.deserialize(deserializer: deserializer)
            let token = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .pushTokenIssued(provider: provider, token: token)
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for LifecycleEvent: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> LifecycleEvent {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

indirect public enum LinkEvent: Hashable, Equatable {
    /// The app was opened with `url`, exactly as the phone received it.
    case opened(url: String)

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .opened(let url):
            try serializer.serialize_variant_index(value: 0)
            try serializer.serialize_str(value: url)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> LinkEvent {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            let url = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .opened(url: url)
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for LinkEvent: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> LinkEvent {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct LoadFailedView: Hashable, Equatable {
    public var message: String
    public var retryLabel: String

    public init(message: String, retryLabel: String) {
        self.message = message
        self.retryLabel = retryLabel
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.message)
        try serializer.serialize_str(value: self.retryLabel)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> LoadFailedView {
        try deserializer.increase_container_depth()
        let message = try deserializer.deserialize_str()
        let retryLabel = try deserializer.deserialize_str()
        try deserializer.decrease_container_depth()
        return LoadFailedView(message: message, retryLabel: retryLabel)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> LoadFailedView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct LocationFieldView: Hashable, Equatable {
    public var label: String
    public var useGpsLabel: String
    /// What was chosen, in words: "GPS: 42.66321, 21.16541" or "Municipality: Gjilan".
    public var summary: String?
    public var municipalityLabel: String
    /// The picker's first row, selected while no municipality is.
    public var municipalityPlaceholder: String
    public var municipalities: [ChoiceOption]
    public var error: String?
    /// Why "use my location" gave nothing, and what the citizen can do instead.
    public var gpsProblem: String?
    /// A button to the phone's settings that would fix it.
    public var gpsSettings: GpsSettingsView?
    /// Putting a pin on a map instead of using the phone's location.
    public var map: MapPickerView

    public init(label: String, useGpsLabel: String, summary: String?, municipalityLabel: String, municipalityPlaceholder: String, municipalities: [ChoiceOption], error: String?, gpsProblem: String?, gpsSettings: GpsSettingsView?, map: MapPickerView) {
        self.label = label
        self.useGpsLabel = useGpsLabel
        self.summary = summary
        self.municipalityLabel = municipalityLabel
        self.municipalityPlaceholder = municipalityPlaceholder
        self.municipalities = municipalities
        self.error = error
        self.gpsProblem = gpsProblem
        self.gpsSettings = gpsSettings
        self.map = map
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.label)
        try serializer.serialize_str(value: self.useGpsLabel)
        try serializeOption(value: self.summary, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializer.serialize_str(value: self.municipalityLabel)
        try serializer.serialize_str(value: self.municipalityPlaceholder)
        try serializeArray(value: self.municipalities, serializer: serializer) { item, serializer in
            try item.serialize(serializer: serializer)
        }
        try serializeOption(value: self.error, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializeOption(value: self.gpsProblem, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializeOption(value: self.gpsSettings, serializer: serializer) { value, serializer in
            try value.serialize(serializer: serializer)
        }
        try self.map.serialize(serializer: serializer)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> LocationFieldView {
        try deserializer.increase_container_depth()
        let label = try deserializer.deserialize_str()
        let useGpsLabel = try deserializer.deserialize_str()
        let summary = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        let municipalityLabel = try deserializer.deserialize_str()
        let municipalityPlaceholder = try deserializer.deserialize_str()
        let municipalities = try deserializeArray(deserializer: deserializer) { deserializer in
            try ChoiceOption.deserialize(deserializer: deserializer)
        }
        let error = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        let gpsProblem = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        let gpsSettings = try deserializeOption(deserializer: deserializer) { deserializer in
            try GpsSettingsView.deserialize(deserializer: deserializer)
        }
        let map = try MapPickerView.deserialize(deserializer: deserializer)
        try deserializer.decrease_container_depth()
        return LocationFieldView(label: label, useGpsLabel: useGpsLabel, summary: summary, municipalityLabel: municipalityLabel, municipalityPlaceholder: municipalityPlaceholder, municipalities: municipalities, error: error, gpsProblem: gpsProblem, gpsSettings: gpsSettings, map: map)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> LocationFieldView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// The map a citizen moves until the pin is on the problem; the shell draws it and sends the
/// pin's point as `Event::GpsLocated`.
public struct MapPickerView: Hashable, Equatable {
    public var openLabel: String
    public var hint: String
    public var confirmLabel: String
    public var cancelLabel: String
    /// Where the map opens: the point already chosen, or the middle of Kosovo.
    public var centerLat: Double
    public var centerLon: Double
    public var attribution: String

    public init(openLabel: String, hint: String, confirmLabel: String, cancelLabel: String, centerLat: Double, centerLon: Double, attribution: String) {
        self.openLabel = openLabel
        self.hint = hint
        self.confirmLabel = confirmLabel
        self.cancelLabel = cancelLabel
        self.centerLat = centerLat
        self.centerLon = centerLon
        self.attribution = attribution
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.openLabel)
        try serializer.serialize_str(value: self.hint)
        try serializer.serialize_str(value: self.confirmLabel)
        try serializer.serialize_str(value: self.cancelLabel)
        try serializer.serialize_f64(value: self.centerLat)
        try serializer.serialize_f64(value: self.centerLon)
        try serializer.serialize_str(value: self.attribution)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> MapPickerView {
        try deserializer.increase_container_depth()
        let openLabel = try deserializer.deserialize_str()
        let hint = try deserializer.deserialize_str()
        let confirmLabel = try deserializer.deserialize_str()
        let cancelLabel = try deserializer.deserialize_str()
        let centerLat = try deserializer.deserialize_f64()
        let centerLon = try deserializer.deserialize_f64()
        let attribution = try deserializer.deserialize_str()
        try deserializer.decrease_container_depth()
        return MapPickerView(openLabel: openLabel, hint: hint, confirmLabel: confirmLabel, cancelLabel: cancelLabel, centerLat: centerLat, centerLon: centerLon, attribution: attribution)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> MapPickerView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct MessageFormView: Hashable, Equatable {
    /// Set when the complaint waits for the citizen's answer: the question, to show above.
    public var question: String?
    public var prompt: String
    public var textLabel: String
    public var addPhotoLabel: String
    /// Attached so far, each with its remove button's label.
    public var photos: [MessagePhotoView]
    /// Whether another photo can be added.
    public var canAddPhoto: Bool
    public var submitLabel: String
    /// Messages written and still on their way, one line each.
    public var pending: [String]
    public var error: String?

    public init(question: String?, prompt: String, textLabel: String, addPhotoLabel: String, photos: [MessagePhotoView], canAddPhoto: Bool, submitLabel: String, pending: [String], error: String?) {
        self.question = question
        self.prompt = prompt
        self.textLabel = textLabel
        self.addPhotoLabel = addPhotoLabel
        self.photos = photos
        self.canAddPhoto = canAddPhoto
        self.submitLabel = submitLabel
        self.pending = pending
        self.error = error
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializeOption(value: self.question, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializer.serialize_str(value: self.prompt)
        try serializer.serialize_str(value: self.textLabel)
        try serializer.serialize_str(value: self.addPhotoLabel)
        try serializeArray(value: self.photos, serializer: serializer) { item, serializer in
            try item.serialize(serializer: serializer)
        }
        try serializer.serialize_bool(value: self.canAddPhoto)
        try serializer.serialize_str(value: self.submitLabel)
        try serializeArray(value: self.pending, serializer: serializer) { item, serializer in
            try serializer.serialize_str(value: item)
        }
        try serializeOption(value: self.error, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> MessageFormView {
        try deserializer.increase_container_depth()
        let question = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        let prompt = try deserializer.deserialize_str()
        let textLabel = try deserializer.deserialize_str()
        let addPhotoLabel = try deserializer.deserialize_str()
        let photos = try deserializeArray(deserializer: deserializer) { deserializer in
            try MessagePhotoView.deserialize(deserializer: deserializer)
        }
        let canAddPhoto = try deserializer.deserialize_bool()
        let submitLabel = try deserializer.deserialize_str()
        let pending = try deserializeArray(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        let error = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        try deserializer.decrease_container_depth()
        return MessageFormView(question: question, prompt: prompt, textLabel: textLabel, addPhotoLabel: addPhotoLabel, photos: photos, canAddPhoto: canAddPhoto, submitLabel: submitLabel, pending: pending, error: error)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> MessageFormView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct MessagePhotoView: Hashable, Equatable {
    public var label: String
    public var removeLabel: String

    public init(label: String, removeLabel: String) {
        self.label = label
        self.removeLabel = removeLabel
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.label)
        try serializer.serialize_str(value: self.removeLabel)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> MessagePhotoView {
        try deserializer.increase_container_depth()
        let label = try deserializer.deserialize_str()
        let removeLabel = try deserializer.deserialize_str()
        try deserializer.decrease_container_depth()
        return MessagePhotoView(label: label, removeLabel: removeLabel)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> MessagePhotoView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// `id` is a complaint's, as the view model gives it; any other id is ignored.
indirect public enum MyComplaintsEvent: Hashable, Equatable {
    case refreshRequested
    case ratingSubmitted(id: String, stars: UInt8, comment: String)
    case reopenSubmitted(id: String, reason: String)
    /// A photo (JPEG bytes) for the message being written about complaint `id`.
    case messagePhotoAdded(id: String, jpeg: [UInt8])
    case messagePhotoRemoved(id: String, index: UInt32)
    /// Send the message about complaint `id`: an answer to its question, or information added.
    case messageSubmitted(id: String, text: String)

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .refreshRequested:
            try serializer.serialize_variant_index(value: 0)
        case .ratingSubmitted(let id, let stars, let comment):
            try serializer.serialize_variant_index(value: 1)
            try serializer.serialize_str(value: id)
            try serializer.serialize_u8(value: stars)
            try serializer.serialize_str(value: comment)
        case .reopenSubmitted(let id, let reason):
            try serializer.serialize_variant_index(value: 2)
            try serializer.serialize_str(value: id)
            try serializer.serialize_str(value: reason)
        case .messagePhotoAdded(let id, let jpeg):
            try serializer.serialize_variant_index(value: 3)
            try serializer.serialize_str(value: id)
            try serializer.serialize_bytes(value: jpeg)
        case .messagePhotoRemoved(let id, let index):
            try serializer.serialize_variant_index(value: 4)
            try serializer.serialize_str(value: id)
            try serializer.serialize_u32(value: index)
        case .messageSubmitted(let id, let text):
            try serializer.serialize_variant_index(value: 5)
            try serializer.serialize_str(value: id)
            try serializer.serialize_str(value: text)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> MyComplaintsEvent {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            try deserializer.decrease_container_depth()
            return .refreshRequested
        case 1:
            let id = try deserializer.deserialize_str()
            let stars = try deserializer.deserialize_u8()
            let comment = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .ratingSubmitted(id: id, stars: stars, comment: comment)
        case 2:
            let id = try deserializer.deserialize_str()
            let reason = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .reopenSubmitted(id: id, reason: reason)
        case 3:
            let id = try deserializer.deserialize_str()
            let jpeg = try deserializer.deserialize_bytes()
            try deserializer.decrease_container_depth()
            return .messagePhotoAdded(id: id, jpeg: jpeg)
        case 4:
            let id = try deserializer.deserialize_str()
            let index = try deserializer.deserialize_u32()
            try deserializer.decrease_container_depth()
            return .messagePhotoRemoved(id: id, index: index)
        case 5:
            let id = try deserializer.deserialize_str()
            let text = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .messageSubmitted(id: id, text: text)
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for MyComplaintsEvent: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> MyComplaintsEvent {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct MyComplaintsView: Hashable, Equatable {
    public var title: String
    public var refreshLabel: String
    public var refreshing: Bool
    public var pendingTitle: String
    public var pending: [OutboxItemView]
    public var items: [ComplaintCardView]
    public var emptyText: String?

    public init(title: String, refreshLabel: String, refreshing: Bool, pendingTitle: String, pending: [OutboxItemView], items: [ComplaintCardView], emptyText: String?) {
        self.title = title
        self.refreshLabel = refreshLabel
        self.refreshing = refreshing
        self.pendingTitle = pendingTitle
        self.pending = pending
        self.items = items
        self.emptyText = emptyText
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.title)
        try serializer.serialize_str(value: self.refreshLabel)
        try serializer.serialize_bool(value: self.refreshing)
        try serializer.serialize_str(value: self.pendingTitle)
        try serializeArray(value: self.pending, serializer: serializer) { item, serializer in
            try item.serialize(serializer: serializer)
        }
        try serializeArray(value: self.items, serializer: serializer) { item, serializer in
            try item.serialize(serializer: serializer)
        }
        try serializeOption(value: self.emptyText, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> MyComplaintsView {
        try deserializer.increase_container_depth()
        let title = try deserializer.deserialize_str()
        let refreshLabel = try deserializer.deserialize_str()
        let refreshing = try deserializer.deserialize_bool()
        let pendingTitle = try deserializer.deserialize_str()
        let pending = try deserializeArray(deserializer: deserializer) { deserializer in
            try OutboxItemView.deserialize(deserializer: deserializer)
        }
        let items = try deserializeArray(deserializer: deserializer) { deserializer in
            try ComplaintCardView.deserialize(deserializer: deserializer)
        }
        let emptyText = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        try deserializer.decrease_container_depth()
        return MyComplaintsView(title: title, refreshLabel: refreshLabel, refreshing: refreshing, pendingTitle: pendingTitle, pending: pending, items: items, emptyText: emptyText)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> MyComplaintsView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

indirect public enum MyDataEvent: Hashable, Equatable {
    /// Show "Your data", asking the server what it holds.
    case opened
    /// Ask the server again, after it could not be reached.
    case reloadTapped
    /// Keep what the server holds as a file (the shell's save or share sheet).
    case exportTapped
    /// Ask before erasing.
    case eraseTapped
    case eraseConfirmed
    case eraseCancelled
    /// Take the contact details back from complaint `id` (as the view model gives it).
    case removeContactTapped(id: String)

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .opened:
            try serializer.serialize_variant_index(value: 0)
        case .reloadTapped:
            try serializer.serialize_variant_index(value: 1)
        case .exportTapped:
            try serializer.serialize_variant_index(value: 2)
        case .eraseTapped:
            try serializer.serialize_variant_index(value: 3)
        case .eraseConfirmed:
            try serializer.serialize_variant_index(value: 4)
        case .eraseCancelled:
            try serializer.serialize_variant_index(value: 5)
        case .removeContactTapped(let id):
            try serializer.serialize_variant_index(value: 6)
            try serializer.serialize_str(value: id)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> MyDataEvent {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            try deserializer.decrease_container_depth()
            return .opened
        case 1:
            try deserializer.decrease_container_depth()
            return .reloadTapped
        case 2:
            try deserializer.decrease_container_depth()
            return .exportTapped
        case 3:
            try deserializer.decrease_container_depth()
            return .eraseTapped
        case 4:
            try deserializer.decrease_container_depth()
            return .eraseConfirmed
        case 5:
            try deserializer.decrease_container_depth()
            return .eraseCancelled
        case 6:
            let id = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .removeContactTapped(id: id)
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for MyDataEvent: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> MyDataEvent {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// "Your data": what the server holds about this phone's complaints, to read, keep and erase.
public struct MyDataView: Hashable, Equatable {
    public var intro: String
    /// "Asking the server…", or that it could not be reached; otherwise none.
    public var status: String?
    public var loading: Bool
    /// Sends `MyDataEvent::ReloadTapped`; set when the server could not be reached.
    public var reloadLabel: String?
    /// Once the server answered: "The server holds nothing about this phone's complaints."
    public var empty: String?
    public var complaints: [HeldComplaintView]
    /// The push services this phone is woken through, if any.
    public var pushLine: String?
    /// Sends `MyDataEvent::ExportTapped`; set once the server answered.
    public var exportLabel: String?
    public var erase: EraseView

    public init(intro: String, status: String?, loading: Bool, reloadLabel: String?, empty: String?, complaints: [HeldComplaintView], pushLine: String?, exportLabel: String?, erase: EraseView) {
        self.intro = intro
        self.status = status
        self.loading = loading
        self.reloadLabel = reloadLabel
        self.empty = empty
        self.complaints = complaints
        self.pushLine = pushLine
        self.exportLabel = exportLabel
        self.erase = erase
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.intro)
        try serializeOption(value: self.status, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializer.serialize_bool(value: self.loading)
        try serializeOption(value: self.reloadLabel, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializeOption(value: self.empty, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializeArray(value: self.complaints, serializer: serializer) { item, serializer in
            try item.serialize(serializer: serializer)
        }
        try serializeOption(value: self.pushLine, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializeOption(value: self.exportLabel, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try self.erase.serialize(serializer: serializer)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> MyDataView {
        try deserializer.increase_container_depth()
        let intro = try deserializer.deserialize_str()
        let status = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        let loading = try deserializer.deserialize_bool()
        let reloadLabel = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        let empty = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        let complaints = try deserializeArray(deserializer: deserializer) { deserializer in
            try HeldComplaintView.deserialize(deserializer: deserializer)
        }
        let pushLine = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        let exportLabel = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        let erase = try EraseView.deserialize(deserializer: deserializer)
        try deserializer.decrease_container_depth()
        return MyDataView(intro: intro, status: status, loading: loading, reloadLabel: reloadLabel, empty: empty, complaints: complaints, pushLine: pushLine, exportLabel: exportLabel, erase: erase)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> MyDataView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

indirect public enum NavigationEvent: Hashable, Equatable {
    case navigateTo(screen: Screen)
    case complaintOpened(id: String)
    case backTapped
    case noticeDismissed

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .navigateTo(let screen):
            try serializer.serialize_variant_index(value: 0)
            try screen.serialize(serializer: serializer)
        case .complaintOpened(let id):
            try serializer.serialize_variant_index(value: 1)
            try serializer.serialize_str(value: id)
        case .backTapped:
            try serializer.serialize_variant_index(value: 2)
        case .noticeDismissed:
            try serializer.serialize_variant_index(value: 3)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> NavigationEvent {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            let screen = try Screen.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .navigateTo(screen: screen)
        case 1:
            let id = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .complaintOpened(id: id)
        case 2:
            try deserializer.decrease_container_depth()
            return .backTapped
        case 3:
            try deserializer.decrease_container_depth()
            return .noticeDismissed
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for NavigationEvent: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> NavigationEvent {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct NavigationView: Hashable, Equatable {
    public var title: String
    public var backLabel: String
    public var canGoBack: Bool
    /// Whether the top and bottom bars show (not while starting, nor on the welcome screen).
    public var showsBars: Bool
    public var homeLabel: String
    public var newComplaintLabel: String
    public var myComplaintsLabel: String
    public var settingsLabel: String

    public init(title: String, backLabel: String, canGoBack: Bool, showsBars: Bool, homeLabel: String, newComplaintLabel: String, myComplaintsLabel: String, settingsLabel: String) {
        self.title = title
        self.backLabel = backLabel
        self.canGoBack = canGoBack
        self.showsBars = showsBars
        self.homeLabel = homeLabel
        self.newComplaintLabel = newComplaintLabel
        self.myComplaintsLabel = myComplaintsLabel
        self.settingsLabel = settingsLabel
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.title)
        try serializer.serialize_str(value: self.backLabel)
        try serializer.serialize_bool(value: self.canGoBack)
        try serializer.serialize_bool(value: self.showsBars)
        try serializer.serialize_str(value: self.homeLabel)
        try serializer.serialize_str(value: self.newComplaintLabel)
        try serializer.serialize_str(value: self.myComplaintsLabel)
        try serializer.serialize_str(value: self.settingsLabel)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> NavigationView {
        try deserializer.increase_container_depth()
        let title = try deserializer.deserialize_str()
        let backLabel = try deserializer.deserialize_str()
        let canGoBack = try deserializer.deserialize_bool()
        let showsBars = try deserializer.deserialize_bool()
        let homeLabel = try deserializer.deserialize_str()
        let newComplaintLabel = try deserializer.deserialize_str()
        let myComplaintsLabel = try deserializer.deserialize_str()
        let settingsLabel = try deserializer.deserialize_str()
        try deserializer.decrease_container_depth()
        return NavigationView(title: title, backLabel: backLabel, canGoBack: canGoBack, showsBars: showsBars, homeLabel: homeLabel, newComplaintLabel: newComplaintLabel, myComplaintsLabel: myComplaintsLabel, settingsLabel: settingsLabel)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> NavigationView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

indirect public enum NoticeKind: Hashable, Equatable {
    case info
    case success
    case error

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .info:
            try serializer.serialize_variant_index(value: 0)
        case .success:
            try serializer.serialize_variant_index(value: 1)
        case .error:
            try serializer.serialize_variant_index(value: 2)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> NoticeKind {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            try deserializer.decrease_container_depth()
            return .info
        case 1:
            try deserializer.decrease_container_depth()
            return .success
        case 2:
            try deserializer.decrease_container_depth()
            return .error
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for NoticeKind: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> NoticeKind {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct NoticeView: Hashable, Equatable {
    public var kind: NoticeKind
    public var text: String
    public var dismissLabel: String

    public init(kind: NoticeKind, text: String, dismissLabel: String) {
        self.kind = kind
        self.text = text
        self.dismissLabel = dismissLabel
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try self.kind.serialize(serializer: serializer)
        try serializer.serialize_str(value: self.text)
        try serializer.serialize_str(value: self.dismissLabel)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> NoticeView {
        try deserializer.increase_container_depth()
        let kind = try NoticeKind.deserialize(deserializer: deserializer)
        let text = try deserializer.deserialize_str()
        let dismissLabel = try deserializer.deserialize_str()
        try deserializer.decrease_container_depth()
        return NoticeView(kind: kind, text: text, dismissLabel: dismissLabel)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> NoticeView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct Notification: Hashable, Equatable {
    /// One per complaint: a newer notification about it replaces the older.
    public var id: String
    public var title: String
    public var body: String
    /// What to send back as `LinkEvent::Opened` when the citizen taps it.
    public var link: String
    /// The channel (Android) or category (iOS) it belongs to.
    public var channel: NotificationChannel

    public init(id: String, title: String, body: String, link: String, channel: NotificationChannel) {
        self.id = id
        self.title = title
        self.body = body
        self.link = link
        self.channel = channel
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.id)
        try serializer.serialize_str(value: self.title)
        try serializer.serialize_str(value: self.body)
        try serializer.serialize_str(value: self.link)
        try self.channel.serialize(serializer: serializer)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> Notification {
        try deserializer.increase_container_depth()
        let id = try deserializer.deserialize_str()
        let title = try deserializer.deserialize_str()
        let body = try deserializer.deserialize_str()
        let link = try deserializer.deserialize_str()
        let channel = try NotificationChannel.deserialize(deserializer: deserializer)
        try deserializer.decrease_container_depth()
        return Notification(id: id, title: title, body: body, link: link, channel: channel)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> Notification {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// Where the phone's settings list these notifications, in the citizen's language.
public struct NotificationChannel: Hashable, Equatable {
    public var id: String
    public var name: String
    public var description: String

    public init(id: String, name: String, description: String) {
        self.id = id
        self.name = name
        self.description = description
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.id)
        try serializer.serialize_str(value: self.name)
        try serializer.serialize_str(value: self.description)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> NotificationChannel {
        try deserializer.increase_container_depth()
        let id = try deserializer.deserialize_str()
        let name = try deserializer.deserialize_str()
        let description = try deserializer.deserialize_str()
        try deserializer.decrease_container_depth()
        return NotificationChannel(id: id, name: name, description: description)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> NotificationChannel {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// What the core asks the shell to do with the phone's notifications. Neither has an answer.
indirect public enum NotificationOperation: Hashable, Equatable {
    /// Show this notification, replacing any shown before under the same id.
    case show(Notification)
    /// Ask the citizen to allow notifications (Android 13 and later, iOS), once they have
    /// filed a complaint worth hearing about.
    case askPermission(NotificationChannel)

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .show(let x):
            try serializer.serialize_variant_index(value: 0)
            try x.serialize(serializer: serializer)
        case .askPermission(let x):
            try serializer.serialize_variant_index(value: 1)
            try x.serialize(serializer: serializer)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> NotificationOperation {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            let x = try Notification.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .show(x)
        case 1:
            let x = try NotificationChannel.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .askPermission(x)
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for NotificationOperation: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> NotificationOperation {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// What the citizen does with an item the server refused. `id` is the item's, as the view
/// model gives it; any other id is ignored.
indirect public enum OutboxEvent: Hashable, Equatable {
    /// Send it again as it is.
    case retryTapped(id: String)
    /// Take a refused complaint back into the draft.
    case editTapped(id: String)
    /// Drop it.
    case discardTapped(id: String)

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .retryTapped(let id):
            try serializer.serialize_variant_index(value: 0)
            try serializer.serialize_str(value: id)
        case .editTapped(let id):
            try serializer.serialize_variant_index(value: 1)
            try serializer.serialize_str(value: id)
        case .discardTapped(let id):
            try serializer.serialize_variant_index(value: 2)
            try serializer.serialize_str(value: id)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> OutboxEvent {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            let id = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .retryTapped(id: id)
        case 1:
            let id = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .editTapped(id: id)
        case 2:
            let id = try deserializer.deserialize_str()
            try deserializer.decrease_container_depth()
            return .discardTapped(id: id)
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for OutboxEvent: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> OutboxEvent {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct OutboxItemView: Hashable, Equatable {
    public var id: String
    public var title: String
    public var summary: String
    public var state: OutboxState
    public var stateLabel: String
    public var error: String?
    public var retryLabel: String?
    public var editLabel: String?
    public var discardLabel: String?

    public init(id: String, title: String, summary: String, state: OutboxState, stateLabel: String, error: String?, retryLabel: String?, editLabel: String?, discardLabel: String?) {
        self.id = id
        self.title = title
        self.summary = summary
        self.state = state
        self.stateLabel = stateLabel
        self.error = error
        self.retryLabel = retryLabel
        self.editLabel = editLabel
        self.discardLabel = discardLabel
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.id)
        try serializer.serialize_str(value: self.title)
        try serializer.serialize_str(value: self.summary)
        try self.state.serialize(serializer: serializer)
        try serializer.serialize_str(value: self.stateLabel)
        try serializeOption(value: self.error, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializeOption(value: self.retryLabel, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializeOption(value: self.editLabel, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializeOption(value: self.discardLabel, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> OutboxItemView {
        try deserializer.increase_container_depth()
        let id = try deserializer.deserialize_str()
        let title = try deserializer.deserialize_str()
        let summary = try deserializer.deserialize_str()
        let state = try OutboxState.deserialize(deserializer: deserializer)
        let stateLabel = try deserializer.deserialize_str()
        let error = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        let retryLabel = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        let editLabel = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        let discardLabel = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        try deserializer.decrease_container_depth()
        return OutboxItemView(id: id, title: title, summary: summary, state: state, stateLabel: stateLabel, error: error, retryLabel: retryLabel, editLabel: editLabel, discardLabel: discardLabel)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> OutboxItemView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

indirect public enum OutboxState: Hashable, Equatable {
    /// Being written to the phone's storage.
    case saving
    /// On the phone, waiting for the network.
    case queued
    case sending
    /// Filed; photos still going up.
    case sendingPhotos
    /// Refused by the server; needs the citizen.
    case rejected

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .saving:
            try serializer.serialize_variant_index(value: 0)
        case .queued:
            try serializer.serialize_variant_index(value: 1)
        case .sending:
            try serializer.serialize_variant_index(value: 2)
        case .sendingPhotos:
            try serializer.serialize_variant_index(value: 3)
        case .rejected:
            try serializer.serialize_variant_index(value: 4)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> OutboxState {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            try deserializer.decrease_container_depth()
            return .saving
        case 1:
            try deserializer.decrease_container_depth()
            return .queued
        case 2:
            try deserializer.decrease_container_depth()
            return .sending
        case 3:
            try deserializer.decrease_container_depth()
            return .sendingPhotos
        case 4:
            try deserializer.decrease_container_depth()
            return .rejected
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for OutboxState: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> OutboxState {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct PhotoItemView: Hashable, Equatable {
    public var index: UInt32
    public var label: String
    public var removeLabel: String

    public init(index: UInt32, label: String, removeLabel: String) {
        self.index = index
        self.label = label
        self.removeLabel = removeLabel
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_u32(value: self.index)
        try serializer.serialize_str(value: self.label)
        try serializer.serialize_str(value: self.removeLabel)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> PhotoItemView {
        try deserializer.increase_container_depth()
        let index = try deserializer.deserialize_u32()
        let label = try deserializer.deserialize_str()
        let removeLabel = try deserializer.deserialize_str()
        try deserializer.decrease_container_depth()
        return PhotoItemView(index: index, label: label, removeLabel: removeLabel)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> PhotoItemView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct PhotosFieldView: Hashable, Equatable {
    public var label: String
    public var hint: String
    public var items: [PhotoItemView]
    public var addLabel: String
    public var canAdd: Bool

    public init(label: String, hint: String, items: [PhotoItemView], addLabel: String, canAdd: Bool) {
        self.label = label
        self.hint = hint
        self.items = items
        self.addLabel = addLabel
        self.canAdd = canAdd
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.label)
        try serializer.serialize_str(value: self.hint)
        try serializeArray(value: self.items, serializer: serializer) { item, serializer in
            try item.serialize(serializer: serializer)
        }
        try serializer.serialize_str(value: self.addLabel)
        try serializer.serialize_bool(value: self.canAdd)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> PhotosFieldView {
        try deserializer.increase_container_depth()
        let label = try deserializer.deserialize_str()
        let hint = try deserializer.deserialize_str()
        let items = try deserializeArray(deserializer: deserializer) { deserializer in
            try PhotoItemView.deserialize(deserializer: deserializer)
        }
        let addLabel = try deserializer.deserialize_str()
        let canAdd = try deserializer.deserialize_bool()
        try deserializer.decrease_container_depth()
        return PhotosFieldView(label: label, hint: hint, items: items, addLabel: addLabel, canAdd: canAdd)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> PhotosFieldView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// Which provider gave the token.
indirect public enum PushProvider: Hashable, Equatable {
    /// Firebase Cloud Messaging (Android).
    case fcm
    /// Apple Push Notification service (iOS).
    case apns

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .fcm:
            try serializer.serialize_variant_index(value: 0)
        case .apns:
            try serializer.serialize_variant_index(value: 1)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> PushProvider {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            try deserializer.decrease_container_depth()
            return .fcm
        case 1:
            try deserializer.decrease_container_depth()
            return .apns
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for PushProvider: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> PushProvider {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct RatingFormView: Hashable, Equatable {
    public var prompt: String
    public var starsLabel: String
    public var currentStars: UInt8
    public var commentLabel: String
    public var submitLabel: String
    public var pending: String?
    public var error: String?

    public init(prompt: String, starsLabel: String, currentStars: UInt8, commentLabel: String, submitLabel: String, pending: String?, error: String?) {
        self.prompt = prompt
        self.starsLabel = starsLabel
        self.currentStars = currentStars
        self.commentLabel = commentLabel
        self.submitLabel = submitLabel
        self.pending = pending
        self.error = error
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.prompt)
        try serializer.serialize_str(value: self.starsLabel)
        try serializer.serialize_u8(value: self.currentStars)
        try serializer.serialize_str(value: self.commentLabel)
        try serializer.serialize_str(value: self.submitLabel)
        try serializeOption(value: self.pending, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializeOption(value: self.error, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> RatingFormView {
        try deserializer.increase_container_depth()
        let prompt = try deserializer.deserialize_str()
        let starsLabel = try deserializer.deserialize_str()
        let currentStars = try deserializer.deserialize_u8()
        let commentLabel = try deserializer.deserialize_str()
        let submitLabel = try deserializer.deserialize_str()
        let pending = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        let error = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        try deserializer.decrease_container_depth()
        return RatingFormView(prompt: prompt, starsLabel: starsLabel, currentStars: currentStars, commentLabel: commentLabel, submitLabel: submitLabel, pending: pending, error: error)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> RatingFormView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// The single operation `Render` implements.
public struct RenderOperation: Hashable, Equatable {
    public init() {
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> RenderOperation {
        try deserializer.increase_container_depth()
        try deserializer.decrease_container_depth()
        return RenderOperation()
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> RenderOperation {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct ReopenFormView: Hashable, Equatable {
    public var prompt: String
    public var reasonLabel: String
    public var submitLabel: String
    public var pending: String?
    public var error: String?

    public init(prompt: String, reasonLabel: String, submitLabel: String, pending: String?, error: String?) {
        self.prompt = prompt
        self.reasonLabel = reasonLabel
        self.submitLabel = submitLabel
        self.pending = pending
        self.error = error
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.prompt)
        try serializer.serialize_str(value: self.reasonLabel)
        try serializer.serialize_str(value: self.submitLabel)
        try serializeOption(value: self.pending, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializeOption(value: self.error, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> ReopenFormView {
        try deserializer.increase_container_depth()
        let prompt = try deserializer.deserialize_str()
        let reasonLabel = try deserializer.deserialize_str()
        let submitLabel = try deserializer.deserialize_str()
        let pending = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        let error = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        try deserializer.decrease_container_depth()
        return ReopenFormView(prompt: prompt, reasonLabel: reasonLabel, submitLabel: submitLabel, pending: pending, error: error)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> ReopenFormView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// Request for a side-effect passed from the Core to the Shell.
/// 
/// The `EffectId` links the `Request` with the corresponding call to [`Core::resolve`] to pass the data back
/// to the [`App::update`] function (wrapped in the event provided to the capability originating the effect).
public struct Request: Hashable, Equatable {
    public var id: UInt32
    public var effect: Effect

    public init(id: UInt32, effect: Effect) {
        self.id = id
        self.effect = effect
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_u32(value: self.id)
        try self.effect.serialize(serializer: serializer)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> Request {
        try deserializer.increase_container_depth()
        let id = try deserializer.deserialize_u32()
        let effect = try Effect.deserialize(deserializer: deserializer)
        try deserializer.decrease_container_depth()
        return Request(id: id, effect: effect)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> Request {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// A batch of effect requests from the Core to the Shell, as serialised by
/// [`Bridge::update`] and [`Bridge::resolve`].
/// 
/// The wire format is identical to `Vec<Request<Eff>>` (the newtype is
/// `serde(transparent)`), so existing shell code that already deserialises
/// a `Vec<Request>` remains binary-compatible.
/// 
/// Registering this type with the type-generation system causes the code
/// generators to emit a `Requests` type (with a `value` field containing the
/// list) together with a top-level `bincodeDeserialize` / `BincodeDeserialize`
/// helper, replacing the hand-written extension files that were previously
/// appended by `add_extensions()`.
public struct Requests: Hashable, Equatable {
    public var value: [Request]

    public init(value: [Request]) {
        self.value = value
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializeArray(value: self.value, serializer: serializer) { item, serializer in
            try item.serialize(serializer: serializer)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> Requests {
        try deserializer.increase_container_depth()
        let value = try deserializeArray(deserializer: deserializer) { deserializer in
            try Request.deserialize(deserializer: deserializer)
        }
        try deserializer.decrease_container_depth()
        return Requests(value: value)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> Requests {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// Which screen the shell shows.
indirect public enum Screen: Hashable, Equatable {
    case loading
    case loadFailed
    case welcome
    case home
    case newComplaint
    case myComplaints
    case complaintDetail
    case settings
    /// What the server holds about this phone's complaints (from settings).
    case myData

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .loading:
            try serializer.serialize_variant_index(value: 0)
        case .loadFailed:
            try serializer.serialize_variant_index(value: 1)
        case .welcome:
            try serializer.serialize_variant_index(value: 2)
        case .home:
            try serializer.serialize_variant_index(value: 3)
        case .newComplaint:
            try serializer.serialize_variant_index(value: 4)
        case .myComplaints:
            try serializer.serialize_variant_index(value: 5)
        case .complaintDetail:
            try serializer.serialize_variant_index(value: 6)
        case .settings:
            try serializer.serialize_variant_index(value: 7)
        case .myData:
            try serializer.serialize_variant_index(value: 8)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> Screen {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            try deserializer.decrease_container_depth()
            return .loading
        case 1:
            try deserializer.decrease_container_depth()
            return .loadFailed
        case 2:
            try deserializer.decrease_container_depth()
            return .welcome
        case 3:
            try deserializer.decrease_container_depth()
            return .home
        case 4:
            try deserializer.decrease_container_depth()
            return .newComplaint
        case 5:
            try deserializer.decrease_container_depth()
            return .myComplaints
        case 6:
            try deserializer.decrease_container_depth()
            return .complaintDetail
        case 7:
            try deserializer.decrease_container_depth()
            return .settings
        case 8:
            try deserializer.decrease_container_depth()
            return .myData
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for Screen: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> Screen {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// The question a server link asks: accept sends `SettingsEvent::ServerOfferAccepted`,
/// decline `SettingsEvent::ServerOfferDeclined`.
public struct ServerOfferView: Hashable, Equatable {
    public var title: String
    public var message: String
    public var acceptLabel: String
    public var declineLabel: String

    public init(title: String, message: String, acceptLabel: String, declineLabel: String) {
        self.title = title
        self.message = message
        self.acceptLabel = acceptLabel
        self.declineLabel = declineLabel
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.title)
        try serializer.serialize_str(value: self.message)
        try serializer.serialize_str(value: self.acceptLabel)
        try serializer.serialize_str(value: self.declineLabel)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> ServerOfferView {
        try deserializer.increase_container_depth()
        let title = try deserializer.deserialize_str()
        let message = try deserializer.deserialize_str()
        let acceptLabel = try deserializer.deserialize_str()
        let declineLabel = try deserializer.deserialize_str()
        try deserializer.decrease_container_depth()
        return ServerOfferView(title: title, message: message, acceptLabel: acceptLabel, declineLabel: declineLabel)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> ServerOfferView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// Which other server the app talks to; the button sends `SettingsEvent::OfficialServerChosen`.
public struct ServerSettingView: Hashable, Equatable {
    public var text: String
    public var resetLabel: String

    public init(text: String, resetLabel: String) {
        self.text = text
        self.resetLabel = resetLabel
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.text)
        try serializer.serialize_str(value: self.resetLabel)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> ServerSettingView {
        try deserializer.increase_container_depth()
        let text = try deserializer.deserialize_str()
        let resetLabel = try deserializer.deserialize_str()
        try deserializer.decrease_container_depth()
        return ServerSettingView(text: text, resetLabel: resetLabel)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> ServerSettingView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

indirect public enum SettingsEvent: Hashable, Equatable {
    case languageSelected(language: Language)
    case welcomeFinished
    /// The citizen accepted the server a link offered.
    case serverOfferAccepted
    /// The citizen declined it.
    case serverOfferDeclined
    /// Back to the server the app was built for.
    case officialServerChosen

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .languageSelected(let language):
            try serializer.serialize_variant_index(value: 0)
            try language.serialize(serializer: serializer)
        case .welcomeFinished:
            try serializer.serialize_variant_index(value: 1)
        case .serverOfferAccepted:
            try serializer.serialize_variant_index(value: 2)
        case .serverOfferDeclined:
            try serializer.serialize_variant_index(value: 3)
        case .officialServerChosen:
            try serializer.serialize_variant_index(value: 4)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> SettingsEvent {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            let language = try Language.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .languageSelected(language: language)
        case 1:
            try deserializer.decrease_container_depth()
            return .welcomeFinished
        case 2:
            try deserializer.decrease_container_depth()
            return .serverOfferAccepted
        case 3:
            try deserializer.decrease_container_depth()
            return .serverOfferDeclined
        case 4:
            try deserializer.decrease_container_depth()
            return .officialServerChosen
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for SettingsEvent: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> SettingsEvent {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct SettingsView: Hashable, Equatable {
    public var title: String
    public var languageLabel: String
    public var languages: [LanguageOption]
    public var privacyTitle: String
    public var privacyText: String
    /// Set when a link pointed the app at another server than the one it was built for.
    public var server: ServerSettingView?
    /// Opens "Your data": sends `MyDataEvent::Opened`.
    public var myDataLabel: String
    /// The full privacy notice, on the server's public site, in the citizen's language.
    public var privacyNoticeLabel: String
    public var privacyNoticeUrl: String

    public init(title: String, languageLabel: String, languages: [LanguageOption], privacyTitle: String, privacyText: String, server: ServerSettingView?, myDataLabel: String, privacyNoticeLabel: String, privacyNoticeUrl: String) {
        self.title = title
        self.languageLabel = languageLabel
        self.languages = languages
        self.privacyTitle = privacyTitle
        self.privacyText = privacyText
        self.server = server
        self.myDataLabel = myDataLabel
        self.privacyNoticeLabel = privacyNoticeLabel
        self.privacyNoticeUrl = privacyNoticeUrl
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.title)
        try serializer.serialize_str(value: self.languageLabel)
        try serializeArray(value: self.languages, serializer: serializer) { item, serializer in
            try item.serialize(serializer: serializer)
        }
        try serializer.serialize_str(value: self.privacyTitle)
        try serializer.serialize_str(value: self.privacyText)
        try serializeOption(value: self.server, serializer: serializer) { value, serializer in
            try value.serialize(serializer: serializer)
        }
        try serializer.serialize_str(value: self.myDataLabel)
        try serializer.serialize_str(value: self.privacyNoticeLabel)
        try serializer.serialize_str(value: self.privacyNoticeUrl)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> SettingsView {
        try deserializer.increase_container_depth()
        let title = try deserializer.deserialize_str()
        let languageLabel = try deserializer.deserialize_str()
        let languages = try deserializeArray(deserializer: deserializer) { deserializer in
            try LanguageOption.deserialize(deserializer: deserializer)
        }
        let privacyTitle = try deserializer.deserialize_str()
        let privacyText = try deserializer.deserialize_str()
        let server = try deserializeOption(deserializer: deserializer) { deserializer in
            try ServerSettingView.deserialize(deserializer: deserializer)
        }
        let myDataLabel = try deserializer.deserialize_str()
        let privacyNoticeLabel = try deserializer.deserialize_str()
        let privacyNoticeUrl = try deserializer.deserialize_str()
        try deserializer.decrease_container_depth()
        return SettingsView(title: title, languageLabel: languageLabel, languages: languages, privacyTitle: privacyTitle, privacyText: privacyText, server: server, myDataLabel: myDataLabel, privacyNoticeLabel: privacyNoticeLabel, privacyNoticeUrl: privacyNoticeUrl)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> SettingsView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

indirect public enum StatusCode: Hashable, Equatable {
    case submitted
    case received
    case inProgress
    case resolved
    case rejected
    case transferred
    case reopened
    case waitingForCitizen

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .submitted:
            try serializer.serialize_variant_index(value: 0)
        case .received:
            try serializer.serialize_variant_index(value: 1)
        case .inProgress:
            try serializer.serialize_variant_index(value: 2)
        case .resolved:
            try serializer.serialize_variant_index(value: 3)
        case .rejected:
            try serializer.serialize_variant_index(value: 4)
        case .transferred:
            try serializer.serialize_variant_index(value: 5)
        case .reopened:
            try serializer.serialize_variant_index(value: 6)
        case .waitingForCitizen:
            try serializer.serialize_variant_index(value: 7)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> StatusCode {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            try deserializer.decrease_container_depth()
            return .submitted
        case 1:
            try deserializer.decrease_container_depth()
            return .received
        case 2:
            try deserializer.decrease_container_depth()
            return .inProgress
        case 3:
            try deserializer.decrease_container_depth()
            return .resolved
        case 4:
            try deserializer.decrease_container_depth()
            return .rejected
        case 5:
            try deserializer.decrease_container_depth()
            return .transferred
        case 6:
            try deserializer.decrease_container_depth()
            return .reopened
        case 7:
            try deserializer.decrease_container_depth()
            return .waitingForCitizen
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for StatusCode: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> StatusCode {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct TextFieldView: Hashable, Equatable {
    public var label: String
    public var value: String
    public var hint: String
    public var error: String?

    public init(label: String, value: String, hint: String, error: String?) {
        self.label = label
        self.value = value
        self.hint = hint
        self.error = error
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.label)
        try serializer.serialize_str(value: self.value)
        try serializer.serialize_str(value: self.hint)
        try serializeOption(value: self.error, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> TextFieldView {
        try deserializer.increase_container_depth()
        let label = try deserializer.deserialize_str()
        let value = try deserializer.deserialize_str()
        let hint = try deserializer.deserialize_str()
        let error = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        try deserializer.decrease_container_depth()
        return TextFieldView(label: label, value: value, hint: hint, error: error)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> TextFieldView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

indirect public enum TimeRequest: Hashable, Equatable {
    case now
    case notifyAt(id: TimerId, instant: Instant)
    case notifyAfter(id: TimerId, duration: Duration)
    case clear(id: TimerId)

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .now:
            try serializer.serialize_variant_index(value: 0)
        case .notifyAt(let id, let instant):
            try serializer.serialize_variant_index(value: 1)
            try id.serialize(serializer: serializer)
            try instant.serialize(serializer: serializer)
        case .notifyAfter(let id, let duration):
            try serializer.serialize_variant_index(value: 2)
            try id.serialize(serializer: serializer)
            try duration.serialize(serializer: serializer)
        case .clear(let id):
            try serializer.serialize_variant_index(value: 3)
            try id.serialize(serializer: serializer)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> TimeRequest {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            try deserializer.decrease_container_depth()
            return .now
        case 1:
            let id = try TimerId.deserialize(deserializer: deserializer)
            let instant = try Instant.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .notifyAt(id: id, instant: instant)
        case 2:
            let id = try TimerId.deserialize(deserializer: deserializer)
            let duration = try Duration.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .notifyAfter(id: id, duration: duration)
        case 3:
            let id = try TimerId.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .clear(id: id)
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for TimeRequest: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> TimeRequest {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

indirect public enum TimeResponse: Hashable, Equatable {
    case now(instant: Instant)
    case instantArrived(id: TimerId)
    case durationElapsed(id: TimerId)
    case cleared(id: TimerId)

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .now(let instant):
            try serializer.serialize_variant_index(value: 0)
            try instant.serialize(serializer: serializer)
        case .instantArrived(let id):
            try serializer.serialize_variant_index(value: 1)
            try id.serialize(serializer: serializer)
        case .durationElapsed(let id):
            try serializer.serialize_variant_index(value: 2)
            try id.serialize(serializer: serializer)
        case .cleared(let id):
            try serializer.serialize_variant_index(value: 3)
            try id.serialize(serializer: serializer)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> TimeResponse {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            let instant = try Instant.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .now(instant: instant)
        case 1:
            let id = try TimerId.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .instantArrived(id: id)
        case 2:
            let id = try TimerId.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .durationElapsed(id: id)
        case 3:
            let id = try TimerId.deserialize(deserializer: deserializer)
            try deserializer.decrease_container_depth()
            return .cleared(id: id)
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for TimeResponse: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> TimeResponse {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct TimelineItemView: Hashable, Equatable {
    public var timeLabel: String
    public var title: String
    public var text: String?

    public init(timeLabel: String, title: String, text: String?) {
        self.timeLabel = timeLabel
        self.title = title
        self.text = text
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.timeLabel)
        try serializer.serialize_str(value: self.title)
        try serializeOption(value: self.text, serializer: serializer) { value, serializer in
            try serializer.serialize_str(value: value)
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> TimelineItemView {
        try deserializer.increase_container_depth()
        let timeLabel = try deserializer.deserialize_str()
        let title = try deserializer.deserialize_str()
        let text = try deserializeOption(deserializer: deserializer) { deserializer in
            try deserializer.deserialize_str()
        }
        try deserializer.decrease_container_depth()
        return TimelineItemView(timeLabel: timeLabel, title: title, text: text)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> TimelineItemView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct TimerId: Hashable, Equatable {
    public var value: UInt64

    public init(value: UInt64) {
        self.value = value
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_u64(value: self.value)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> TimerId {
        try deserializer.increase_container_depth()
        let value = try deserializer.deserialize_u64()
        try deserializer.decrease_container_depth()
        return TimerId(value: value)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> TimerId {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct ToggleView: Hashable, Equatable {
    public var label: String
    public var value: Bool
    public var explanation: String

    public init(label: String, value: Bool, explanation: String) {
        self.label = label
        self.value = value
        self.explanation = explanation
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.label)
        try serializer.serialize_bool(value: self.value)
        try serializer.serialize_str(value: self.explanation)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> ToggleView {
        try deserializer.increase_container_depth()
        let label = try deserializer.deserialize_str()
        let value = try deserializer.deserialize_bool()
        let explanation = try deserializer.deserialize_str()
        try deserializer.decrease_container_depth()
        return ToggleView(label: label, value: value, explanation: explanation)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> ToggleView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// The value stored under a key.
/// 
/// `Value::None` is used to represent the absence of a value.
/// 
/// Note: we can't use `Option` here because generics are not currently
/// supported across the FFI boundary, when using the builtin typegen.
indirect public enum Value: Hashable, Equatable {
    case none
    case bytes([UInt8])

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        switch self {
        case .none:
            try serializer.serialize_variant_index(value: 0)
        case .bytes(let x):
            try serializer.serialize_variant_index(value: 1)
            try serializeArray(value: x, serializer: serializer) { item, serializer in
                try serializer.serialize_u8(value: item)
            }
        }
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> Value {
        let index = try deserializer.deserialize_variant_index()
        try deserializer.increase_container_depth()
        switch index {
        case 0:
            try deserializer.decrease_container_depth()
            return .none
        case 1:
            let x = try deserializeArray(deserializer: deserializer) { deserializer in
                try deserializer.deserialize_u8()
            }
            try deserializer.decrease_container_depth()
            return .bytes(x)
        default: throw DeserializationError.invalidInput(issue: "Unknown variant index for Value: \(index)")
        }
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> Value {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct ViewModel: Hashable, Equatable {
    public var screen: Screen
    public var language: Language
    public var appName: String
    public var notice: NoticeView?
    /// A link offered another server: ask the citizen, over whatever screen is showing.
    public var serverOffer: ServerOfferView?
    public var navigation: NavigationView
    /// Nothing is left to send: the outbox is empty, or holds only what the server refused
    /// (that waits for the citizen). A background worker sending the queue stops then.
    public var outboxIdle: Bool
    public var loadFailed: LoadFailedView?
    public var welcome: WelcomeView
    public var home: HomeView
    public var draft: DraftView
    public var myComplaints: MyComplaintsView
    public var detail: ComplaintDetailView?
    public var settings: SettingsView
    public var myData: MyDataView

    public init(screen: Screen, language: Language, appName: String, notice: NoticeView?, serverOffer: ServerOfferView?, navigation: NavigationView, outboxIdle: Bool, loadFailed: LoadFailedView?, welcome: WelcomeView, home: HomeView, draft: DraftView, myComplaints: MyComplaintsView, detail: ComplaintDetailView?, settings: SettingsView, myData: MyDataView) {
        self.screen = screen
        self.language = language
        self.appName = appName
        self.notice = notice
        self.serverOffer = serverOffer
        self.navigation = navigation
        self.outboxIdle = outboxIdle
        self.loadFailed = loadFailed
        self.welcome = welcome
        self.home = home
        self.draft = draft
        self.myComplaints = myComplaints
        self.detail = detail
        self.settings = settings
        self.myData = myData
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try self.screen.serialize(serializer: serializer)
        try self.language.serialize(serializer: serializer)
        try serializer.serialize_str(value: self.appName)
        try serializeOption(value: self.notice, serializer: serializer) { value, serializer in
            try value.serialize(serializer: serializer)
        }
        try serializeOption(value: self.serverOffer, serializer: serializer) { value, serializer in
            try value.serialize(serializer: serializer)
        }
        try self.navigation.serialize(serializer: serializer)
        try serializer.serialize_bool(value: self.outboxIdle)
        try serializeOption(value: self.loadFailed, serializer: serializer) { value, serializer in
            try value.serialize(serializer: serializer)
        }
        try self.welcome.serialize(serializer: serializer)
        try self.home.serialize(serializer: serializer)
        try self.draft.serialize(serializer: serializer)
        try self.myComplaints.serialize(serializer: serializer)
        try serializeOption(value: self.detail, serializer: serializer) { value, serializer in
            try value.serialize(serializer: serializer)
        }
        try self.settings.serialize(serializer: serializer)
        try self.myData.serialize(serializer: serializer)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> ViewModel {
        try deserializer.increase_container_depth()
        let screen = try Screen.deserialize(deserializer: deserializer)
        let language = try Language.deserialize(deserializer: deserializer)
        let appName = try deserializer.deserialize_str()
        let notice = try deserializeOption(deserializer: deserializer) { deserializer in
            try NoticeView.deserialize(deserializer: deserializer)
        }
        let serverOffer = try deserializeOption(deserializer: deserializer) { deserializer in
            try ServerOfferView.deserialize(deserializer: deserializer)
        }
        let navigation = try NavigationView.deserialize(deserializer: deserializer)
        let outboxIdle = try deserializer.deserialize_bool()
        let loadFailed = try deserializeOption(deserializer: deserializer) { deserializer in
            try LoadFailedView.deserialize(deserializer: deserializer)
        }
        let welcome = try WelcomeView.deserialize(deserializer: deserializer)
        let home = try HomeView.deserialize(deserializer: deserializer)
        let draft = try DraftView.deserialize(deserializer: deserializer)
        let myComplaints = try MyComplaintsView.deserialize(deserializer: deserializer)
        let detail = try deserializeOption(deserializer: deserializer) { deserializer in
            try ComplaintDetailView.deserialize(deserializer: deserializer)
        }
        let settings = try SettingsView.deserialize(deserializer: deserializer)
        let myData = try MyDataView.deserialize(deserializer: deserializer)
        try deserializer.decrease_container_depth()
        return ViewModel(screen: screen, language: language, appName: appName, notice: notice, serverOffer: serverOffer, navigation: navigation, outboxIdle: outboxIdle, loadFailed: loadFailed, welcome: welcome, home: home, draft: draft, myComplaints: myComplaints, detail: detail, settings: settings, myData: myData)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> ViewModel {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

/// A complaint's PIN and where it opens the complaint without this phone: for the person it
/// was filed for, who may see, save or erase its data on the server's web page.
public struct WebAccessView: Hashable, Equatable {
    public var title: String
    public var pinLabel: String
    /// In two groups of four digits, as people read it out.
    public var pin: String
    public var explanation: String
    /// The page, in the app's language; the shell opens it in the browser.
    public var url: String

    public init(title: String, pinLabel: String, pin: String, explanation: String, url: String) {
        self.title = title
        self.pinLabel = pinLabel
        self.pin = pin
        self.explanation = explanation
        self.url = url
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.title)
        try serializer.serialize_str(value: self.pinLabel)
        try serializer.serialize_str(value: self.pin)
        try serializer.serialize_str(value: self.explanation)
        try serializer.serialize_str(value: self.url)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> WebAccessView {
        try deserializer.increase_container_depth()
        let title = try deserializer.deserialize_str()
        let pinLabel = try deserializer.deserialize_str()
        let pin = try deserializer.deserialize_str()
        let explanation = try deserializer.deserialize_str()
        let url = try deserializer.deserialize_str()
        try deserializer.decrease_container_depth()
        return WebAccessView(title: title, pinLabel: pinLabel, pin: pin, explanation: explanation, url: url)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> WebAccessView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}

public struct WelcomeView: Hashable, Equatable {
    public var title: String
    public var intro: String
    public var privacyTitle: String
    public var privacyText: String
    public var languageLabel: String
    public var languages: [LanguageOption]
    public var continueLabel: String

    public init(title: String, intro: String, privacyTitle: String, privacyText: String, languageLabel: String, languages: [LanguageOption], continueLabel: String) {
        self.title = title
        self.intro = intro
        self.privacyTitle = privacyTitle
        self.privacyText = privacyText
        self.languageLabel = languageLabel
        self.languages = languages
        self.continueLabel = continueLabel
    }

    public func serialize<S: Serializer>(serializer: S) throws {
        try serializer.increase_container_depth()
        try serializer.serialize_str(value: self.title)
        try serializer.serialize_str(value: self.intro)
        try serializer.serialize_str(value: self.privacyTitle)
        try serializer.serialize_str(value: self.privacyText)
        try serializer.serialize_str(value: self.languageLabel)
        try serializeArray(value: self.languages, serializer: serializer) { item, serializer in
            try item.serialize(serializer: serializer)
        }
        try serializer.serialize_str(value: self.continueLabel)
        try serializer.decrease_container_depth()
    }

    public func bincodeSerialize() throws -> [UInt8] {
        let serializer = BincodeSerializer.init();
        try self.serialize(serializer: serializer)
        return serializer.get_bytes()
    }

    public static func deserialize<D: Deserializer>(deserializer: D) throws -> WelcomeView {
        try deserializer.increase_container_depth()
        let title = try deserializer.deserialize_str()
        let intro = try deserializer.deserialize_str()
        let privacyTitle = try deserializer.deserialize_str()
        let privacyText = try deserializer.deserialize_str()
        let languageLabel = try deserializer.deserialize_str()
        let languages = try deserializeArray(deserializer: deserializer) { deserializer in
            try LanguageOption.deserialize(deserializer: deserializer)
        }
        let continueLabel = try deserializer.deserialize_str()
        try deserializer.decrease_container_depth()
        return WelcomeView(title: title, intro: intro, privacyTitle: privacyTitle, privacyText: privacyText, languageLabel: languageLabel, languages: languages, continueLabel: continueLabel)
    }

    public static func bincodeDeserialize(input: [UInt8]) throws -> WelcomeView {
        let deserializer = BincodeDeserializer.init(input: input);
        let obj = try deserialize(deserializer: deserializer)
        if deserializer.get_buffer_offset() < input.count {
            throw DeserializationError.invalidInput(issue: "Some input bytes were not read")
        }
        return obj
    }
}
