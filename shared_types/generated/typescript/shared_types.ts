import { Serializer, Deserializer } from "./serde";
type bool = boolean;
type bytes = Uint8Array;
type float64 = number;
type Optional<T> = T | null;
type Seq<T> = T[];
type str = string;
type uint16 = number;
type uint32 = number;
type uint64 = bigint;
type uint8 = number;

function serializeArray<T>(
    value: T[],
    serializer: Serializer,
    serializeElement: (item: T, serializer: Serializer) => void,
): void {
    serializer.serializeLen(value.length);
    value.forEach((item) => {
        serializeElement(item, serializer);
    });
}

function deserializeArray<T>(
    deserializer: Deserializer,
    deserializeElement: (deserializer: Deserializer) => T,
): T[] {
    const length = deserializer.deserializeLen();
    const list: T[] = [];
    for (let i = 0; i < length; i++) {
        list.push(deserializeElement(deserializer));
    }
    return list;
}

function serializeOption<T>(
    value: T | null,
    serializer: Serializer,
    serializeElement: (value: T, serializer: Serializer) => void,
): void {
    if (value !== null) {
        serializer.serializeOptionTag(true);
        serializeElement(value, serializer);
    } else {
        serializer.serializeOptionTag(false);
    }
}

function deserializeOption<T>(
    deserializer: Deserializer,
    deserializeElement: (deserializer: Deserializer) => T,
): T | null {
    const tag = deserializer.deserializeOptionTag();
    if (!tag) {
        return null;
    } else {
        return deserializeElement(deserializer);
    }
}

export class CategoryFieldView {
    constructor (public label: str, public search_label: str, public query: str, public options: Seq<ChoiceOption>, public selected: Optional<str>, public no_match: Optional<str>, public error: Optional<str>) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.label);
        serializer.serializeStr(this.search_label);
        serializer.serializeStr(this.query);
        serializeArray(this.options, serializer, (item, serializer) => {
            item.serialize(serializer);
        });
        serializeOption(this.selected, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
        serializeOption(this.no_match, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
        serializeOption(this.error, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
    }

    static deserialize(deserializer: Deserializer): CategoryFieldView {
        const label = deserializer.deserializeStr();
        const search_label = deserializer.deserializeStr();
        const query = deserializer.deserializeStr();
        const options = deserializeArray(deserializer, (deserializer) => {
            return ChoiceOption.deserialize(deserializer);
        });
        const selected = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        const no_match = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        const error = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        return new CategoryFieldView(label,search_label,query,options,selected,no_match,error);
    }
}

export class ChoiceOption {
    constructor (public id: str, public label: str, public detail: str, public selected: bool) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.id);
        serializer.serializeStr(this.label);
        serializer.serializeStr(this.detail);
        serializer.serializeBool(this.selected);
    }

    static deserialize(deserializer: Deserializer): ChoiceOption {
        const id = deserializer.deserializeStr();
        const label = deserializer.deserializeStr();
        const detail = deserializer.deserializeStr();
        const selected = deserializer.deserializeBool();
        return new ChoiceOption(id,label,detail,selected);
    }
}

export class ComplaintCardView {
    constructor (public id: str, public tracking_code: str, public category: str, public institution: str, public status: StatusCode, public status_label: str, public due_label: str, public overdue: bool, public updated_label: str) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.id);
        serializer.serializeStr(this.tracking_code);
        serializer.serializeStr(this.category);
        serializer.serializeStr(this.institution);
        serializeStatusCode(this.status, serializer);
        serializer.serializeStr(this.status_label);
        serializer.serializeStr(this.due_label);
        serializer.serializeBool(this.overdue);
        serializer.serializeStr(this.updated_label);
    }

    static deserialize(deserializer: Deserializer): ComplaintCardView {
        const id = deserializer.deserializeStr();
        const tracking_code = deserializer.deserializeStr();
        const category = deserializer.deserializeStr();
        const institution = deserializer.deserializeStr();
        const status = deserializeStatusCode(deserializer);
        const status_label = deserializer.deserializeStr();
        const due_label = deserializer.deserializeStr();
        const overdue = deserializer.deserializeBool();
        const updated_label = deserializer.deserializeStr();
        return new ComplaintCardView(id,tracking_code,category,institution,status,status_label,due_label,overdue,updated_label);
    }
}

export class ComplaintDetailView {
    constructor (public id: str, public tracking_code_label: str, public tracking_code: str, public category: str, public institution_label: str, public institution: str, public explanation: str, public status: StatusCode, public status_label: str, public due_label: str, public overdue: bool, public timeline_title: str, public timeline: Seq<TimelineItemView>, public rating: Optional<RatingFormView>, public reopen: Optional<ReopenFormView>, public contact: ContactView, public web_access: Optional<WebAccessView>, public message: Optional<MessageFormView>) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.id);
        serializer.serializeStr(this.tracking_code_label);
        serializer.serializeStr(this.tracking_code);
        serializer.serializeStr(this.category);
        serializer.serializeStr(this.institution_label);
        serializer.serializeStr(this.institution);
        serializer.serializeStr(this.explanation);
        serializeStatusCode(this.status, serializer);
        serializer.serializeStr(this.status_label);
        serializer.serializeStr(this.due_label);
        serializer.serializeBool(this.overdue);
        serializer.serializeStr(this.timeline_title);
        serializeArray(this.timeline, serializer, (item, serializer) => {
            item.serialize(serializer);
        });
        serializeOption(this.rating, serializer, (value, serializer) => {
            value.serialize(serializer);
        });
        serializeOption(this.reopen, serializer, (value, serializer) => {
            value.serialize(serializer);
        });
        this.contact.serialize(serializer);
        serializeOption(this.web_access, serializer, (value, serializer) => {
            value.serialize(serializer);
        });
        serializeOption(this.message, serializer, (value, serializer) => {
            value.serialize(serializer);
        });
    }

    static deserialize(deserializer: Deserializer): ComplaintDetailView {
        const id = deserializer.deserializeStr();
        const tracking_code_label = deserializer.deserializeStr();
        const tracking_code = deserializer.deserializeStr();
        const category = deserializer.deserializeStr();
        const institution_label = deserializer.deserializeStr();
        const institution = deserializer.deserializeStr();
        const explanation = deserializer.deserializeStr();
        const status = deserializeStatusCode(deserializer);
        const status_label = deserializer.deserializeStr();
        const due_label = deserializer.deserializeStr();
        const overdue = deserializer.deserializeBool();
        const timeline_title = deserializer.deserializeStr();
        const timeline = deserializeArray(deserializer, (deserializer) => {
            return TimelineItemView.deserialize(deserializer);
        });
        const rating = deserializeOption(deserializer, (deserializer) => {
            return RatingFormView.deserialize(deserializer);
        });
        const reopen = deserializeOption(deserializer, (deserializer) => {
            return ReopenFormView.deserialize(deserializer);
        });
        const contact = ContactView.deserialize(deserializer);
        const web_access = deserializeOption(deserializer, (deserializer) => {
            return WebAccessView.deserialize(deserializer);
        });
        const message = deserializeOption(deserializer, (deserializer) => {
            return MessageFormView.deserialize(deserializer);
        });
        return new ComplaintDetailView(id,tracking_code_label,tracking_code,category,institution_label,institution,explanation,status,status_label,due_label,overdue,timeline_title,timeline,rating,reopen,contact,web_access,message);
    }
}

export class ConfirmView {
    constructor (public question: str, public confirm_label: str, public cancel_label: str) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.question);
        serializer.serializeStr(this.confirm_label);
        serializer.serializeStr(this.cancel_label);
    }

    static deserialize(deserializer: Deserializer): ConfirmView {
        const question = deserializer.deserializeStr();
        const confirm_label = deserializer.deserializeStr();
        const cancel_label = deserializer.deserializeStr();
        return new ConfirmView(question,confirm_label,cancel_label);
    }
}

export class ContactView {
    constructor (public text: str, public remove_label: Optional<str>, public pending: Optional<str>) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.text);
        serializeOption(this.remove_label, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
        serializeOption(this.pending, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
    }

    static deserialize(deserializer: Deserializer): ContactView {
        const text = deserializer.deserializeStr();
        const remove_label = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        const pending = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        return new ContactView(text,remove_label,pending);
    }
}

export class DataRowView {
    constructor (public label: str, public value: str) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.label);
        serializer.serializeStr(this.value);
    }

    static deserialize(deserializer: Deserializer): DataRowView {
        const label = deserializer.deserializeStr();
        const value = deserializer.deserializeStr();
        return new DataRowView(label,value);
    }
}

export type DraftEvent =
    | { kind: "CategorySearchChanged"; query: str }
    | { kind: "CategorySelected"; id: str }
    | { kind: "DescriptionChanged"; text: str }
    | { kind: "GpsLocated"; lat: float64; lon: float64 }
    | { kind: "GpsUnavailable"; problem: GpsProblem }
    | { kind: "MunicipalitySelected"; id: str }
    | { kind: "PhotoAdded"; jpeg: bytes }
    | { kind: "PhotoRemoved"; index: uint32 }
    | { kind: "AnonymousToggled"; anonymous: bool }
    | { kind: "ContactNameChanged"; text: str }
    | { kind: "ContactPhoneChanged"; text: str }
    | { kind: "ContactEmailChanged"; text: str }
    | { kind: "SubmitTapped" }
    | { kind: "DraftDiscarded" };

export const draftEventCategorySearchChanged = (query: str): DraftEvent => ({ kind: "CategorySearchChanged", query });

export const draftEventCategorySelected = (id: str): DraftEvent => ({ kind: "CategorySelected", id });

export const draftEventDescriptionChanged = (text: str): DraftEvent => ({ kind: "DescriptionChanged", text });

export const draftEventGpsLocated = (lat: float64, lon: float64): DraftEvent => ({ kind: "GpsLocated", lat, lon });

export const draftEventGpsUnavailable = (problem: GpsProblem): DraftEvent => ({ kind: "GpsUnavailable", problem });

export const draftEventMunicipalitySelected = (id: str): DraftEvent => ({ kind: "MunicipalitySelected", id });

export const draftEventPhotoAdded = (jpeg: bytes): DraftEvent => ({ kind: "PhotoAdded", jpeg });

export const draftEventPhotoRemoved = (index: uint32): DraftEvent => ({ kind: "PhotoRemoved", index });

export const draftEventAnonymousToggled = (anonymous: bool): DraftEvent => ({ kind: "AnonymousToggled", anonymous });

export const draftEventContactNameChanged = (text: str): DraftEvent => ({ kind: "ContactNameChanged", text });

export const draftEventContactPhoneChanged = (text: str): DraftEvent => ({ kind: "ContactPhoneChanged", text });

export const draftEventContactEmailChanged = (text: str): DraftEvent => ({ kind: "ContactEmailChanged", text });

export const draftEventSubmitTapped = (): DraftEvent => ({ kind: "SubmitTapped" });

export const draftEventDraftDiscarded = (): DraftEvent => ({ kind: "DraftDiscarded" });

export function matchDraftEvent<R>(value: DraftEvent, cases: {
    CategorySearchChanged: (v: Extract<DraftEvent, { kind: "CategorySearchChanged" }>) => R;
    CategorySelected: (v: Extract<DraftEvent, { kind: "CategorySelected" }>) => R;
    DescriptionChanged: (v: Extract<DraftEvent, { kind: "DescriptionChanged" }>) => R;
    GpsLocated: (v: Extract<DraftEvent, { kind: "GpsLocated" }>) => R;
    GpsUnavailable: (v: Extract<DraftEvent, { kind: "GpsUnavailable" }>) => R;
    MunicipalitySelected: (v: Extract<DraftEvent, { kind: "MunicipalitySelected" }>) => R;
    PhotoAdded: (v: Extract<DraftEvent, { kind: "PhotoAdded" }>) => R;
    PhotoRemoved: (v: Extract<DraftEvent, { kind: "PhotoRemoved" }>) => R;
    AnonymousToggled: (v: Extract<DraftEvent, { kind: "AnonymousToggled" }>) => R;
    ContactNameChanged: (v: Extract<DraftEvent, { kind: "ContactNameChanged" }>) => R;
    ContactPhoneChanged: (v: Extract<DraftEvent, { kind: "ContactPhoneChanged" }>) => R;
    ContactEmailChanged: (v: Extract<DraftEvent, { kind: "ContactEmailChanged" }>) => R;
    SubmitTapped: (v: Extract<DraftEvent, { kind: "SubmitTapped" }>) => R;
    DraftDiscarded: (v: Extract<DraftEvent, { kind: "DraftDiscarded" }>) => R;
}): R {
    return cases[value.kind as DraftEvent["kind"]](value as never);
}

export function serializeDraftEvent(value: DraftEvent, serializer: Serializer): void {
    switch (value.kind) {
        case "CategorySearchChanged": {
            serializer.serializeVariantIndex(0);
            serializer.serializeStr(value.query);
            break;
        }
        case "CategorySelected": {
            serializer.serializeVariantIndex(1);
            serializer.serializeStr(value.id);
            break;
        }
        case "DescriptionChanged": {
            serializer.serializeVariantIndex(2);
            serializer.serializeStr(value.text);
            break;
        }
        case "GpsLocated": {
            serializer.serializeVariantIndex(3);
            serializer.serializeF64(value.lat);
            serializer.serializeF64(value.lon);
            break;
        }
        case "GpsUnavailable": {
            serializer.serializeVariantIndex(4);
            serializeGpsProblem(value.problem, serializer);
            break;
        }
        case "MunicipalitySelected": {
            serializer.serializeVariantIndex(5);
            serializer.serializeStr(value.id);
            break;
        }
        case "PhotoAdded": {
            serializer.serializeVariantIndex(6);
            serializer.serializeBytes(value.jpeg);
            break;
        }
        case "PhotoRemoved": {
            serializer.serializeVariantIndex(7);
            serializer.serializeU32(value.index);
            break;
        }
        case "AnonymousToggled": {
            serializer.serializeVariantIndex(8);
            serializer.serializeBool(value.anonymous);
            break;
        }
        case "ContactNameChanged": {
            serializer.serializeVariantIndex(9);
            serializer.serializeStr(value.text);
            break;
        }
        case "ContactPhoneChanged": {
            serializer.serializeVariantIndex(10);
            serializer.serializeStr(value.text);
            break;
        }
        case "ContactEmailChanged": {
            serializer.serializeVariantIndex(11);
            serializer.serializeStr(value.text);
            break;
        }
        case "SubmitTapped": {
            serializer.serializeVariantIndex(12);
            break;
        }
        case "DraftDiscarded": {
            serializer.serializeVariantIndex(13);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeDraftEvent(deserializer: Deserializer): DraftEvent {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            const query = deserializer.deserializeStr();
            return { kind: "CategorySearchChanged", query };
        }
        case 1: {
            const id = deserializer.deserializeStr();
            return { kind: "CategorySelected", id };
        }
        case 2: {
            const text = deserializer.deserializeStr();
            return { kind: "DescriptionChanged", text };
        }
        case 3: {
            const lat = deserializer.deserializeF64();
            const lon = deserializer.deserializeF64();
            return { kind: "GpsLocated", lat, lon };
        }
        case 4: {
            const problem = deserializeGpsProblem(deserializer);
            return { kind: "GpsUnavailable", problem };
        }
        case 5: {
            const id = deserializer.deserializeStr();
            return { kind: "MunicipalitySelected", id };
        }
        case 6: {
            const jpeg = deserializer.deserializeBytes();
            return { kind: "PhotoAdded", jpeg };
        }
        case 7: {
            const index = deserializer.deserializeU32();
            return { kind: "PhotoRemoved", index };
        }
        case 8: {
            const anonymous = deserializer.deserializeBool();
            return { kind: "AnonymousToggled", anonymous };
        }
        case 9: {
            const text = deserializer.deserializeStr();
            return { kind: "ContactNameChanged", text };
        }
        case 10: {
            const text = deserializer.deserializeStr();
            return { kind: "ContactPhoneChanged", text };
        }
        case 11: {
            const text = deserializer.deserializeStr();
            return { kind: "ContactEmailChanged", text };
        }
        case 12: {
            return { kind: "SubmitTapped" };
        }
        case 13: {
            return { kind: "DraftDiscarded" };
        }
        default: throw new Error("Unknown variant index for DraftEvent: " + index);
    }
}

export class DraftView {
    constructor (public title: str, public category: CategoryFieldView, public description: TextFieldView, public location: LocationFieldView, public photos: PhotosFieldView, public anonymous: ToggleView, public show_contact: bool, public contact_name: TextFieldView, public contact_phone: TextFieldView, public contact_email: TextFieldView, public contact_error: Optional<str>, public submit_label: str, public can_submit: bool, public submitting: bool, public discard_label: str) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.title);
        this.category.serialize(serializer);
        this.description.serialize(serializer);
        this.location.serialize(serializer);
        this.photos.serialize(serializer);
        this.anonymous.serialize(serializer);
        serializer.serializeBool(this.show_contact);
        this.contact_name.serialize(serializer);
        this.contact_phone.serialize(serializer);
        this.contact_email.serialize(serializer);
        serializeOption(this.contact_error, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
        serializer.serializeStr(this.submit_label);
        serializer.serializeBool(this.can_submit);
        serializer.serializeBool(this.submitting);
        serializer.serializeStr(this.discard_label);
    }

    static deserialize(deserializer: Deserializer): DraftView {
        const title = deserializer.deserializeStr();
        const category = CategoryFieldView.deserialize(deserializer);
        const description = TextFieldView.deserialize(deserializer);
        const location = LocationFieldView.deserialize(deserializer);
        const photos = PhotosFieldView.deserialize(deserializer);
        const anonymous = ToggleView.deserialize(deserializer);
        const show_contact = deserializer.deserializeBool();
        const contact_name = TextFieldView.deserialize(deserializer);
        const contact_phone = TextFieldView.deserialize(deserializer);
        const contact_email = TextFieldView.deserialize(deserializer);
        const contact_error = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        const submit_label = deserializer.deserializeStr();
        const can_submit = deserializer.deserializeBool();
        const submitting = deserializer.deserializeBool();
        const discard_label = deserializer.deserializeStr();
        return new DraftView(title,category,description,location,photos,anonymous,show_contact,contact_name,contact_phone,contact_email,contact_error,submit_label,can_submit,submitting,discard_label);
    }
}

/// Represents a duration of time, internally stored as nanoseconds
export class Duration {
    constructor (public nanos: uint64) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeU64(this.nanos);
    }

    static deserialize(deserializer: Deserializer): Duration {
        const nanos = deserializer.deserializeU64();
        return new Duration(nanos);
    }
}

export type Effect =
    | { kind: "Render"; value: RenderOperation }
    | { kind: "Http"; value: HttpRequest }
    | { kind: "KeyValue"; value: KeyValueOperation }
    | { kind: "Time"; value: TimeRequest }
    | { kind: "Notification"; value: NotificationOperation }
    | { kind: "Export"; value: ExportOperation };

export const effectRender = (value: RenderOperation): Effect => ({ kind: "Render", value });

export const effectHttp = (value: HttpRequest): Effect => ({ kind: "Http", value });

export const effectKeyValue = (value: KeyValueOperation): Effect => ({ kind: "KeyValue", value });

export const effectTime = (value: TimeRequest): Effect => ({ kind: "Time", value });

export const effectNotification = (value: NotificationOperation): Effect => ({ kind: "Notification", value });

export const effectExport = (value: ExportOperation): Effect => ({ kind: "Export", value });

export function matchEffect<R>(value: Effect, cases: {
    Render: (v: Extract<Effect, { kind: "Render" }>) => R;
    Http: (v: Extract<Effect, { kind: "Http" }>) => R;
    KeyValue: (v: Extract<Effect, { kind: "KeyValue" }>) => R;
    Time: (v: Extract<Effect, { kind: "Time" }>) => R;
    Notification: (v: Extract<Effect, { kind: "Notification" }>) => R;
    Export: (v: Extract<Effect, { kind: "Export" }>) => R;
}): R {
    return cases[value.kind as Effect["kind"]](value as never);
}

export function serializeEffect(value: Effect, serializer: Serializer): void {
    switch (value.kind) {
        case "Render": {
            serializer.serializeVariantIndex(0);
            value.value.serialize(serializer);
            break;
        }
        case "Http": {
            serializer.serializeVariantIndex(1);
            value.value.serialize(serializer);
            break;
        }
        case "KeyValue": {
            serializer.serializeVariantIndex(2);
            serializeKeyValueOperation(value.value, serializer);
            break;
        }
        case "Time": {
            serializer.serializeVariantIndex(3);
            serializeTimeRequest(value.value, serializer);
            break;
        }
        case "Notification": {
            serializer.serializeVariantIndex(4);
            serializeNotificationOperation(value.value, serializer);
            break;
        }
        case "Export": {
            serializer.serializeVariantIndex(5);
            value.value.serialize(serializer);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeEffect(deserializer: Deserializer): Effect {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            const value = RenderOperation.deserialize(deserializer);
            return { kind: "Render", value };
        }
        case 1: {
            const value = HttpRequest.deserialize(deserializer);
            return { kind: "Http", value };
        }
        case 2: {
            const value = deserializeKeyValueOperation(deserializer);
            return { kind: "KeyValue", value };
        }
        case 3: {
            const value = deserializeTimeRequest(deserializer);
            return { kind: "Time", value };
        }
        case 4: {
            const value = deserializeNotificationOperation(deserializer);
            return { kind: "Notification", value };
        }
        case 5: {
            const value = ExportOperation.deserialize(deserializer);
            return { kind: "Export", value };
        }
        default: throw new Error("Unknown variant index for Effect: " + index);
    }
}

/// Erasing everything: the button sends `MyDataEvent::EraseTapped`, which asks first
/// (`confirm`); then `EraseConfirmed` or `EraseCancelled`.
export class EraseView {
    constructor (public title: str, public explanation: str, public button_label: Optional<str>, public confirm: Optional<ConfirmView>, public pending: Optional<str>) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.title);
        serializer.serializeStr(this.explanation);
        serializeOption(this.button_label, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
        serializeOption(this.confirm, serializer, (value, serializer) => {
            value.serialize(serializer);
        });
        serializeOption(this.pending, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
    }

    static deserialize(deserializer: Deserializer): EraseView {
        const title = deserializer.deserializeStr();
        const explanation = deserializer.deserializeStr();
        const button_label = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        const confirm = deserializeOption(deserializer, (deserializer) => {
            return ConfirmView.deserialize(deserializer);
        });
        const pending = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        return new EraseView(title,explanation,button_label,confirm,pending);
    }
}

export type Event =
    | { kind: "Lifecycle"; value: LifecycleEvent }
    | { kind: "Navigation"; value: NavigationEvent }
    | { kind: "Settings"; value: SettingsEvent }
    | { kind: "Link"; value: LinkEvent }
    | { kind: "Draft"; value: DraftEvent }
    | { kind: "Outbox"; value: OutboxEvent }
    | { kind: "MyComplaints"; value: MyComplaintsEvent }
    | { kind: "MyData"; value: MyDataEvent };

export const eventLifecycle = (value: LifecycleEvent): Event => ({ kind: "Lifecycle", value });

export const eventNavigation = (value: NavigationEvent): Event => ({ kind: "Navigation", value });

export const eventSettings = (value: SettingsEvent): Event => ({ kind: "Settings", value });

export const eventLink = (value: LinkEvent): Event => ({ kind: "Link", value });

export const eventDraft = (value: DraftEvent): Event => ({ kind: "Draft", value });

export const eventOutbox = (value: OutboxEvent): Event => ({ kind: "Outbox", value });

export const eventMyComplaints = (value: MyComplaintsEvent): Event => ({ kind: "MyComplaints", value });

export const eventMyData = (value: MyDataEvent): Event => ({ kind: "MyData", value });

export function matchEvent<R>(value: Event, cases: {
    Lifecycle: (v: Extract<Event, { kind: "Lifecycle" }>) => R;
    Navigation: (v: Extract<Event, { kind: "Navigation" }>) => R;
    Settings: (v: Extract<Event, { kind: "Settings" }>) => R;
    Link: (v: Extract<Event, { kind: "Link" }>) => R;
    Draft: (v: Extract<Event, { kind: "Draft" }>) => R;
    Outbox: (v: Extract<Event, { kind: "Outbox" }>) => R;
    MyComplaints: (v: Extract<Event, { kind: "MyComplaints" }>) => R;
    MyData: (v: Extract<Event, { kind: "MyData" }>) => R;
}): R {
    return cases[value.kind as Event["kind"]](value as never);
}

export function serializeEvent(value: Event, serializer: Serializer): void {
    switch (value.kind) {
        case "Lifecycle": {
            serializer.serializeVariantIndex(0);
            serializeLifecycleEvent(value.value, serializer);
            break;
        }
        case "Navigation": {
            serializer.serializeVariantIndex(1);
            serializeNavigationEvent(value.value, serializer);
            break;
        }
        case "Settings": {
            serializer.serializeVariantIndex(2);
            serializeSettingsEvent(value.value, serializer);
            break;
        }
        case "Link": {
            serializer.serializeVariantIndex(3);
            serializeLinkEvent(value.value, serializer);
            break;
        }
        case "Draft": {
            serializer.serializeVariantIndex(4);
            serializeDraftEvent(value.value, serializer);
            break;
        }
        case "Outbox": {
            serializer.serializeVariantIndex(5);
            serializeOutboxEvent(value.value, serializer);
            break;
        }
        case "MyComplaints": {
            serializer.serializeVariantIndex(6);
            serializeMyComplaintsEvent(value.value, serializer);
            break;
        }
        case "MyData": {
            serializer.serializeVariantIndex(7);
            serializeMyDataEvent(value.value, serializer);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeEvent(deserializer: Deserializer): Event {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            const value = deserializeLifecycleEvent(deserializer);
            return { kind: "Lifecycle", value };
        }
        case 1: {
            const value = deserializeNavigationEvent(deserializer);
            return { kind: "Navigation", value };
        }
        case 2: {
            const value = deserializeSettingsEvent(deserializer);
            return { kind: "Settings", value };
        }
        case 3: {
            const value = deserializeLinkEvent(deserializer);
            return { kind: "Link", value };
        }
        case 4: {
            const value = deserializeDraftEvent(deserializer);
            return { kind: "Draft", value };
        }
        case 5: {
            const value = deserializeOutboxEvent(deserializer);
            return { kind: "Outbox", value };
        }
        case 6: {
            const value = deserializeMyComplaintsEvent(deserializer);
            return { kind: "MyComplaints", value };
        }
        case 7: {
            const value = deserializeMyDataEvent(deserializer);
            return { kind: "MyData", value };
        }
        default: throw new Error("Unknown variant index for Event: " + index);
    }
}

/// A file for the citizen to keep, its text in UTF-8.
export class ExportOperation {
    constructor (public file_name: str, public media_type: str, public text: str) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.file_name);
        serializer.serializeStr(this.media_type);
        serializer.serializeStr(this.text);
    }

    static deserialize(deserializer: Deserializer): ExportOperation {
        const file_name = deserializer.deserializeStr();
        const media_type = deserializer.deserializeStr();
        const text = deserializer.deserializeStr();
        return new ExportOperation(file_name,media_type,text);
    }
}

/// Why the phone gave no location.
export type GpsProblem =
    | { kind: "SwitchedOff" }
    | { kind: "PermissionDenied" }
    | { kind: "NoFix" };

export const gpsProblemSwitchedOff = (): GpsProblem => ({ kind: "SwitchedOff" });

export const gpsProblemPermissionDenied = (): GpsProblem => ({ kind: "PermissionDenied" });

export const gpsProblemNoFix = (): GpsProblem => ({ kind: "NoFix" });

export function matchGpsProblem<R>(value: GpsProblem, cases: {
    SwitchedOff: (v: Extract<GpsProblem, { kind: "SwitchedOff" }>) => R;
    PermissionDenied: (v: Extract<GpsProblem, { kind: "PermissionDenied" }>) => R;
    NoFix: (v: Extract<GpsProblem, { kind: "NoFix" }>) => R;
}): R {
    return cases[value.kind as GpsProblem["kind"]](value as never);
}

export function serializeGpsProblem(value: GpsProblem, serializer: Serializer): void {
    switch (value.kind) {
        case "SwitchedOff": {
            serializer.serializeVariantIndex(0);
            break;
        }
        case "PermissionDenied": {
            serializer.serializeVariantIndex(1);
            break;
        }
        case "NoFix": {
            serializer.serializeVariantIndex(2);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeGpsProblem(deserializer: Deserializer): GpsProblem {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            return { kind: "SwitchedOff" };
        }
        case 1: {
            return { kind: "PermissionDenied" };
        }
        case 2: {
            return { kind: "NoFix" };
        }
        default: throw new Error("Unknown variant index for GpsProblem: " + index);
    }
}

/// Which of the phone's settings pages fixes a location problem.
export type GpsSettingsPage =
    | { kind: "LocationServices" }
    | { kind: "AppPermissions" };

export const gpsSettingsPageLocationServices = (): GpsSettingsPage => ({ kind: "LocationServices" });

export const gpsSettingsPageAppPermissions = (): GpsSettingsPage => ({ kind: "AppPermissions" });

export function matchGpsSettingsPage<R>(value: GpsSettingsPage, cases: {
    LocationServices: (v: Extract<GpsSettingsPage, { kind: "LocationServices" }>) => R;
    AppPermissions: (v: Extract<GpsSettingsPage, { kind: "AppPermissions" }>) => R;
}): R {
    return cases[value.kind as GpsSettingsPage["kind"]](value as never);
}

export function serializeGpsSettingsPage(value: GpsSettingsPage, serializer: Serializer): void {
    switch (value.kind) {
        case "LocationServices": {
            serializer.serializeVariantIndex(0);
            break;
        }
        case "AppPermissions": {
            serializer.serializeVariantIndex(1);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeGpsSettingsPage(deserializer: Deserializer): GpsSettingsPage {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            return { kind: "LocationServices" };
        }
        case 1: {
            return { kind: "AppPermissions" };
        }
        default: throw new Error("Unknown variant index for GpsSettingsPage: " + index);
    }
}

export class GpsSettingsView {
    constructor (public label: str, public page: GpsSettingsPage) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.label);
        serializeGpsSettingsPage(this.page, serializer);
    }

    static deserialize(deserializer: Deserializer): GpsSettingsView {
        const label = deserializer.deserializeStr();
        const page = deserializeGpsSettingsPage(deserializer);
        return new GpsSettingsView(label,page);
    }
}

/// One complaint as the server holds it: a heading and each thing kept, labelled.
export class HeldComplaintView {
    constructor (public id: str, public title: str, public rows: Seq<DataRowView>) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.id);
        serializer.serializeStr(this.title);
        serializeArray(this.rows, serializer, (item, serializer) => {
            item.serialize(serializer);
        });
    }

    static deserialize(deserializer: Deserializer): HeldComplaintView {
        const id = deserializer.deserializeStr();
        const title = deserializer.deserializeStr();
        const rows = deserializeArray(deserializer, (deserializer) => {
            return DataRowView.deserialize(deserializer);
        });
        return new HeldComplaintView(id,title,rows);
    }
}

export class HomeView {
    constructor (public title: str, public intro: str, public new_complaint_label: str, public my_complaints_label: str, public outbox_summary: Optional<str>) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.title);
        serializer.serializeStr(this.intro);
        serializer.serializeStr(this.new_complaint_label);
        serializer.serializeStr(this.my_complaints_label);
        serializeOption(this.outbox_summary, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
    }

    static deserialize(deserializer: Deserializer): HomeView {
        const title = deserializer.deserializeStr();
        const intro = deserializer.deserializeStr();
        const new_complaint_label = deserializer.deserializeStr();
        const my_complaints_label = deserializer.deserializeStr();
        const outbox_summary = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        return new HomeView(title,intro,new_complaint_label,my_complaints_label,outbox_summary);
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
export type HttpError =
    | { kind: "Url"; value: str }
    | { kind: "Io"; value: str }
    | { kind: "Timeout" };

export const httpErrorUrl = (value: str): HttpError => ({ kind: "Url", value });

export const httpErrorIo = (value: str): HttpError => ({ kind: "Io", value });

export const httpErrorTimeout = (): HttpError => ({ kind: "Timeout" });

export function matchHttpError<R>(value: HttpError, cases: {
    Url: (v: Extract<HttpError, { kind: "Url" }>) => R;
    Io: (v: Extract<HttpError, { kind: "Io" }>) => R;
    Timeout: (v: Extract<HttpError, { kind: "Timeout" }>) => R;
}): R {
    return cases[value.kind as HttpError["kind"]](value as never);
}

export function serializeHttpError(value: HttpError, serializer: Serializer): void {
    switch (value.kind) {
        case "Url": {
            serializer.serializeVariantIndex(0);
            serializer.serializeStr(value.value);
            break;
        }
        case "Io": {
            serializer.serializeVariantIndex(1);
            serializer.serializeStr(value.value);
            break;
        }
        case "Timeout": {
            serializer.serializeVariantIndex(2);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeHttpError(deserializer: Deserializer): HttpError {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            const value = deserializer.deserializeStr();
            return { kind: "Url", value };
        }
        case 1: {
            const value = deserializer.deserializeStr();
            return { kind: "Io", value };
        }
        case 2: {
            return { kind: "Timeout" };
        }
        default: throw new Error("Unknown variant index for HttpError: " + index);
    }
}

export class HttpHeader {
    constructor (public name: str, public value: str) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.name);
        serializer.serializeStr(this.value);
    }

    static deserialize(deserializer: Deserializer): HttpHeader {
        const name = deserializer.deserializeStr();
        const value = deserializer.deserializeStr();
        return new HttpHeader(name,value);
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
export class HttpRequest {
    constructor (public method: str, public url: str, public headers: Seq<HttpHeader>, public body: bytes) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.method);
        serializer.serializeStr(this.url);
        serializeArray(this.headers, serializer, (item, serializer) => {
            item.serialize(serializer);
        });
        serializer.serializeBytes(this.body);
    }

    static deserialize(deserializer: Deserializer): HttpRequest {
        const method = deserializer.deserializeStr();
        const url = deserializer.deserializeStr();
        const headers = deserializeArray(deserializer, (deserializer) => {
            return HttpHeader.deserialize(deserializer);
        });
        const body = deserializer.deserializeBytes();
        return new HttpRequest(method,url,headers,body);
    }
}

export class HttpResponse {
    constructor (public status: uint16, public headers: Seq<HttpHeader>, public body: bytes) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeU16(this.status);
        serializeArray(this.headers, serializer, (item, serializer) => {
            item.serialize(serializer);
        });
        serializer.serializeBytes(this.body);
    }

    static deserialize(deserializer: Deserializer): HttpResponse {
        const status = deserializer.deserializeU16();
        const headers = deserializeArray(deserializer, (deserializer) => {
            return HttpHeader.deserialize(deserializer);
        });
        const body = deserializer.deserializeBytes();
        return new HttpResponse(status,headers,body);
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
export type HttpResult =
    | { kind: "Ok"; value: HttpResponse }
    | { kind: "Err"; value: HttpError };

export const httpResultOk = (value: HttpResponse): HttpResult => ({ kind: "Ok", value });

export const httpResultErr = (value: HttpError): HttpResult => ({ kind: "Err", value });

export function matchHttpResult<R>(value: HttpResult, cases: {
    Ok: (v: Extract<HttpResult, { kind: "Ok" }>) => R;
    Err: (v: Extract<HttpResult, { kind: "Err" }>) => R;
}): R {
    return cases[value.kind as HttpResult["kind"]](value as never);
}

export function serializeHttpResult(value: HttpResult, serializer: Serializer): void {
    switch (value.kind) {
        case "Ok": {
            serializer.serializeVariantIndex(0);
            value.value.serialize(serializer);
            break;
        }
        case "Err": {
            serializer.serializeVariantIndex(1);
            serializeHttpError(value.value, serializer);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeHttpResult(deserializer: Deserializer): HttpResult {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            const value = HttpResponse.deserialize(deserializer);
            return { kind: "Ok", value };
        }
        case 1: {
            const value = deserializeHttpError(deserializer);
            return { kind: "Err", value };
        }
        default: throw new Error("Unknown variant index for HttpResult: " + index);
    }
}

/// Represents a point in time (UTC):
/// 
/// - seconds: number of seconds since the Unix epoch (1970-01-01T00:00:00Z)
/// - nanos: number of nanoseconds since the last second
export class Instant {
    constructor (public seconds: uint64, public nanos: uint32) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeU64(this.seconds);
        serializer.serializeU32(this.nanos);
    }

    static deserialize(deserializer: Deserializer): Instant {
        const seconds = deserializer.deserializeU64();
        const nanos = deserializer.deserializeU32();
        return new Instant(seconds,nanos);
    }
}

/// Error type for `KeyValue` operations
export type KeyValueError =
    | { kind: "Io"; message: str }
    | { kind: "Timeout" }
    | { kind: "CursorNotFound" }
    | { kind: "Other"; message: str };

export const keyValueErrorIo = (message: str): KeyValueError => ({ kind: "Io", message });

export const keyValueErrorTimeout = (): KeyValueError => ({ kind: "Timeout" });

export const keyValueErrorCursorNotFound = (): KeyValueError => ({ kind: "CursorNotFound" });

export const keyValueErrorOther = (message: str): KeyValueError => ({ kind: "Other", message });

export function matchKeyValueError<R>(value: KeyValueError, cases: {
    Io: (v: Extract<KeyValueError, { kind: "Io" }>) => R;
    Timeout: (v: Extract<KeyValueError, { kind: "Timeout" }>) => R;
    CursorNotFound: (v: Extract<KeyValueError, { kind: "CursorNotFound" }>) => R;
    Other: (v: Extract<KeyValueError, { kind: "Other" }>) => R;
}): R {
    return cases[value.kind as KeyValueError["kind"]](value as never);
}

export function serializeKeyValueError(value: KeyValueError, serializer: Serializer): void {
    switch (value.kind) {
        case "Io": {
            serializer.serializeVariantIndex(0);
            serializer.serializeStr(value.message);
            break;
        }
        case "Timeout": {
            serializer.serializeVariantIndex(1);
            break;
        }
        case "CursorNotFound": {
            serializer.serializeVariantIndex(2);
            break;
        }
        case "Other": {
            serializer.serializeVariantIndex(3);
            serializer.serializeStr(value.message);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeKeyValueError(deserializer: Deserializer): KeyValueError {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            const message = deserializer.deserializeStr();
            return { kind: "Io", message };
        }
        case 1: {
            return { kind: "Timeout" };
        }
        case 2: {
            return { kind: "CursorNotFound" };
        }
        case 3: {
            const message = deserializer.deserializeStr();
            return { kind: "Other", message };
        }
        default: throw new Error("Unknown variant index for KeyValueError: " + index);
    }
}

/// Supported operations
export type KeyValueOperation =
    | { kind: "Get"; key: str }
    | { kind: "Set"; key: str; value: Seq<uint8> }
    | { kind: "Delete"; key: str }
    | { kind: "Exists"; key: str }
    | { kind: "ListKeys"; prefix: str; cursor: uint64 };

export const keyValueOperationGet = (key: str): KeyValueOperation => ({ kind: "Get", key });

export const keyValueOperationSet = (key: str, value: Seq<uint8>): KeyValueOperation => ({ kind: "Set", key, value });

export const keyValueOperationDelete = (key: str): KeyValueOperation => ({ kind: "Delete", key });

export const keyValueOperationExists = (key: str): KeyValueOperation => ({ kind: "Exists", key });

export const keyValueOperationListKeys = (prefix: str, cursor: uint64): KeyValueOperation => ({ kind: "ListKeys", prefix, cursor });

export function matchKeyValueOperation<R>(value: KeyValueOperation, cases: {
    Get: (v: Extract<KeyValueOperation, { kind: "Get" }>) => R;
    Set: (v: Extract<KeyValueOperation, { kind: "Set" }>) => R;
    Delete: (v: Extract<KeyValueOperation, { kind: "Delete" }>) => R;
    Exists: (v: Extract<KeyValueOperation, { kind: "Exists" }>) => R;
    ListKeys: (v: Extract<KeyValueOperation, { kind: "ListKeys" }>) => R;
}): R {
    return cases[value.kind as KeyValueOperation["kind"]](value as never);
}

export function serializeKeyValueOperation(value: KeyValueOperation, serializer: Serializer): void {
    switch (value.kind) {
        case "Get": {
            serializer.serializeVariantIndex(0);
            serializer.serializeStr(value.key);
            break;
        }
        case "Set": {
            serializer.serializeVariantIndex(1);
            serializer.serializeStr(value.key);
            serializeArray(value.value, serializer, (item, serializer) => {
                serializer.serializeU8(item);
            });
            break;
        }
        case "Delete": {
            serializer.serializeVariantIndex(2);
            serializer.serializeStr(value.key);
            break;
        }
        case "Exists": {
            serializer.serializeVariantIndex(3);
            serializer.serializeStr(value.key);
            break;
        }
        case "ListKeys": {
            serializer.serializeVariantIndex(4);
            serializer.serializeStr(value.prefix);
            serializer.serializeU64(value.cursor);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeKeyValueOperation(deserializer: Deserializer): KeyValueOperation {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            const key = deserializer.deserializeStr();
            return { kind: "Get", key };
        }
        case 1: {
            const key = deserializer.deserializeStr();
            const value = deserializeArray(deserializer, (deserializer) => {
                return deserializer.deserializeU8();
            });
            return { kind: "Set", key, value };
        }
        case 2: {
            const key = deserializer.deserializeStr();
            return { kind: "Delete", key };
        }
        case 3: {
            const key = deserializer.deserializeStr();
            return { kind: "Exists", key };
        }
        case 4: {
            const prefix = deserializer.deserializeStr();
            const cursor = deserializer.deserializeU64();
            return { kind: "ListKeys", prefix, cursor };
        }
        default: throw new Error("Unknown variant index for KeyValueOperation: " + index);
    }
}

export type KeyValueResponse =
    | { kind: "Get"; value: Value }
    | { kind: "Set"; previous: Value }
    | { kind: "Delete"; previous: Value }
    | { kind: "Exists"; is_present: bool }
    | { kind: "ListKeys"; keys: Seq<str>; next_cursor: uint64 };

export const keyValueResponseGet = (value: Value): KeyValueResponse => ({ kind: "Get", value });

export const keyValueResponseSet = (previous: Value): KeyValueResponse => ({ kind: "Set", previous });

export const keyValueResponseDelete = (previous: Value): KeyValueResponse => ({ kind: "Delete", previous });

export const keyValueResponseExists = (is_present: bool): KeyValueResponse => ({ kind: "Exists", is_present });

export const keyValueResponseListKeys = (keys: Seq<str>, next_cursor: uint64): KeyValueResponse => ({ kind: "ListKeys", keys, next_cursor });

export function matchKeyValueResponse<R>(value: KeyValueResponse, cases: {
    Get: (v: Extract<KeyValueResponse, { kind: "Get" }>) => R;
    Set: (v: Extract<KeyValueResponse, { kind: "Set" }>) => R;
    Delete: (v: Extract<KeyValueResponse, { kind: "Delete" }>) => R;
    Exists: (v: Extract<KeyValueResponse, { kind: "Exists" }>) => R;
    ListKeys: (v: Extract<KeyValueResponse, { kind: "ListKeys" }>) => R;
}): R {
    return cases[value.kind as KeyValueResponse["kind"]](value as never);
}

export function serializeKeyValueResponse(value: KeyValueResponse, serializer: Serializer): void {
    switch (value.kind) {
        case "Get": {
            serializer.serializeVariantIndex(0);
            serializeValue(value.value, serializer);
            break;
        }
        case "Set": {
            serializer.serializeVariantIndex(1);
            serializeValue(value.previous, serializer);
            break;
        }
        case "Delete": {
            serializer.serializeVariantIndex(2);
            serializeValue(value.previous, serializer);
            break;
        }
        case "Exists": {
            serializer.serializeVariantIndex(3);
            serializer.serializeBool(value.is_present);
            break;
        }
        case "ListKeys": {
            serializer.serializeVariantIndex(4);
            serializeArray(value.keys, serializer, (item, serializer) => {
                serializer.serializeStr(item);
            });
            serializer.serializeU64(value.next_cursor);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeKeyValueResponse(deserializer: Deserializer): KeyValueResponse {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            const value = deserializeValue(deserializer);
            return { kind: "Get", value };
        }
        case 1: {
            const previous = deserializeValue(deserializer);
            return { kind: "Set", previous };
        }
        case 2: {
            const previous = deserializeValue(deserializer);
            return { kind: "Delete", previous };
        }
        case 3: {
            const is_present = deserializer.deserializeBool();
            return { kind: "Exists", is_present };
        }
        case 4: {
            const keys = deserializeArray(deserializer, (deserializer) => {
                return deserializer.deserializeStr();
            });
            const next_cursor = deserializer.deserializeU64();
            return { kind: "ListKeys", keys, next_cursor };
        }
        default: throw new Error("Unknown variant index for KeyValueResponse: " + index);
    }
}

/// The result of an operation on the store.
/// 
/// Note: we can't use [`core::result::Result`] here because it is not currently
/// supported across the FFI boundary, when using `typegen` or `facet_typegen`.
export type KeyValueResult =
    | { kind: "Ok"; response: KeyValueResponse }
    | { kind: "Err"; error: KeyValueError };

export const keyValueResultOk = (response: KeyValueResponse): KeyValueResult => ({ kind: "Ok", response });

export const keyValueResultErr = (error: KeyValueError): KeyValueResult => ({ kind: "Err", error });

export function matchKeyValueResult<R>(value: KeyValueResult, cases: {
    Ok: (v: Extract<KeyValueResult, { kind: "Ok" }>) => R;
    Err: (v: Extract<KeyValueResult, { kind: "Err" }>) => R;
}): R {
    return cases[value.kind as KeyValueResult["kind"]](value as never);
}

export function serializeKeyValueResult(value: KeyValueResult, serializer: Serializer): void {
    switch (value.kind) {
        case "Ok": {
            serializer.serializeVariantIndex(0);
            serializeKeyValueResponse(value.response, serializer);
            break;
        }
        case "Err": {
            serializer.serializeVariantIndex(1);
            serializeKeyValueError(value.error, serializer);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeKeyValueResult(deserializer: Deserializer): KeyValueResult {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            const response = deserializeKeyValueResponse(deserializer);
            return { kind: "Ok", response };
        }
        case 1: {
            const error = deserializeKeyValueError(deserializer);
            return { kind: "Err", error };
        }
        default: throw new Error("Unknown variant index for KeyValueResult: " + index);
    }
}

/// The languages of the interface.
export type Language =
    | { kind: "Albanian" }
    | { kind: "SerbianLatin" }
    | { kind: "SerbianCyrillic" }
    | { kind: "English" };

export const languageAlbanian = (): Language => ({ kind: "Albanian" });

export const languageSerbianLatin = (): Language => ({ kind: "SerbianLatin" });

export const languageSerbianCyrillic = (): Language => ({ kind: "SerbianCyrillic" });

export const languageEnglish = (): Language => ({ kind: "English" });

export function matchLanguage<R>(value: Language, cases: {
    Albanian: (v: Extract<Language, { kind: "Albanian" }>) => R;
    SerbianLatin: (v: Extract<Language, { kind: "SerbianLatin" }>) => R;
    SerbianCyrillic: (v: Extract<Language, { kind: "SerbianCyrillic" }>) => R;
    English: (v: Extract<Language, { kind: "English" }>) => R;
}): R {
    return cases[value.kind as Language["kind"]](value as never);
}

export function serializeLanguage(value: Language, serializer: Serializer): void {
    switch (value.kind) {
        case "Albanian": {
            serializer.serializeVariantIndex(0);
            break;
        }
        case "SerbianLatin": {
            serializer.serializeVariantIndex(1);
            break;
        }
        case "SerbianCyrillic": {
            serializer.serializeVariantIndex(2);
            break;
        }
        case "English": {
            serializer.serializeVariantIndex(3);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeLanguage(deserializer: Deserializer): Language {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            return { kind: "Albanian" };
        }
        case 1: {
            return { kind: "SerbianLatin" };
        }
        case 2: {
            return { kind: "SerbianCyrillic" };
        }
        case 3: {
            return { kind: "English" };
        }
        default: throw new Error("Unknown variant index for Language: " + index);
    }
}

export class LanguageOption {
    constructor (public language: Language, public label: str, public selected: bool) {
    }

    public serialize(serializer: Serializer): void {
        serializeLanguage(this.language, serializer);
        serializer.serializeStr(this.label);
        serializer.serializeBool(this.selected);
    }

    static deserialize(deserializer: Deserializer): LanguageOption {
        const language = deserializeLanguage(deserializer);
        const label = deserializer.deserializeStr();
        const selected = deserializer.deserializeBool();
        return new LanguageOption(language,label,selected);
    }
}

export type LifecycleEvent =
    | { kind: "Started"; api_base_url: str; debug_build: bool }
    | { kind: "Foregrounded" }
    | { kind: "NetworkOnline" }
    | { kind: "RetryLoadTapped" }
    | { kind: "WokenInBackground" }
    | { kind: "PushTokenIssued"; provider: PushProvider; token: str };

export const lifecycleEventStarted = (api_base_url: str, debug_build: bool): LifecycleEvent => ({ kind: "Started", api_base_url, debug_build });

export const lifecycleEventForegrounded = (): LifecycleEvent => ({ kind: "Foregrounded" });

export const lifecycleEventNetworkOnline = (): LifecycleEvent => ({ kind: "NetworkOnline" });

export const lifecycleEventRetryLoadTapped = (): LifecycleEvent => ({ kind: "RetryLoadTapped" });

export const lifecycleEventWokenInBackground = (): LifecycleEvent => ({ kind: "WokenInBackground" });

export const lifecycleEventPushTokenIssued = (provider: PushProvider, token: str): LifecycleEvent => ({ kind: "PushTokenIssued", provider, token });

export function matchLifecycleEvent<R>(value: LifecycleEvent, cases: {
    Started: (v: Extract<LifecycleEvent, { kind: "Started" }>) => R;
    Foregrounded: (v: Extract<LifecycleEvent, { kind: "Foregrounded" }>) => R;
    NetworkOnline: (v: Extract<LifecycleEvent, { kind: "NetworkOnline" }>) => R;
    RetryLoadTapped: (v: Extract<LifecycleEvent, { kind: "RetryLoadTapped" }>) => R;
    WokenInBackground: (v: Extract<LifecycleEvent, { kind: "WokenInBackground" }>) => R;
    PushTokenIssued: (v: Extract<LifecycleEvent, { kind: "PushTokenIssued" }>) => R;
}): R {
    return cases[value.kind as LifecycleEvent["kind"]](value as never);
}

export function serializeLifecycleEvent(value: LifecycleEvent, serializer: Serializer): void {
    switch (value.kind) {
        case "Started": {
            serializer.serializeVariantIndex(0);
            serializer.serializeStr(value.api_base_url);
            serializer.serializeBool(value.debug_build);
            break;
        }
        case "Foregrounded": {
            serializer.serializeVariantIndex(1);
            break;
        }
        case "NetworkOnline": {
            serializer.serializeVariantIndex(2);
            break;
        }
        case "RetryLoadTapped": {
            serializer.serializeVariantIndex(3);
            break;
        }
        case "WokenInBackground": {
            serializer.serializeVariantIndex(4);
            break;
        }
        case "PushTokenIssued": {
            serializer.serializeVariantIndex(5);
            serializePushProvider(value.provider, serializer);
            serializer.serializeStr(value.token);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeLifecycleEvent(deserializer: Deserializer): LifecycleEvent {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            const api_base_url = deserializer.deserializeStr();
            const debug_build = deserializer.deserializeBool();
            return { kind: "Started", api_base_url, debug_build };
        }
        case 1: {
            return { kind: "Foregrounded" };
        }
        case 2: {
            return { kind: "NetworkOnline" };
        }
        case 3: {
            return { kind: "RetryLoadTapped" };
        }
        case 4: {
            return { kind: "WokenInBackground" };
        }
        case 5: {
            const provider = deserializePushProvider(deserializer);
            const token = deserializer.deserializeStr();
            return { kind: "PushTokenIssued", provider, token };
        }
        default: throw new Error("Unknown variant index for LifecycleEvent: " + index);
    }
}

export type LinkEvent =
    | { kind: "Opened"; url: str };

export const linkEventOpened = (url: str): LinkEvent => ({ kind: "Opened", url });

export function matchLinkEvent<R>(value: LinkEvent, cases: {
    Opened: (v: Extract<LinkEvent, { kind: "Opened" }>) => R;
}): R {
    return cases[value.kind as LinkEvent["kind"]](value as never);
}

export function serializeLinkEvent(value: LinkEvent, serializer: Serializer): void {
    switch (value.kind) {
        case "Opened": {
            serializer.serializeVariantIndex(0);
            serializer.serializeStr(value.url);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeLinkEvent(deserializer: Deserializer): LinkEvent {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            const url = deserializer.deserializeStr();
            return { kind: "Opened", url };
        }
        default: throw new Error("Unknown variant index for LinkEvent: " + index);
    }
}

export class LoadFailedView {
    constructor (public message: str, public retry_label: str) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.message);
        serializer.serializeStr(this.retry_label);
    }

    static deserialize(deserializer: Deserializer): LoadFailedView {
        const message = deserializer.deserializeStr();
        const retry_label = deserializer.deserializeStr();
        return new LoadFailedView(message,retry_label);
    }
}

export class LocationFieldView {
    constructor (public label: str, public use_gps_label: str, public summary: Optional<str>, public municipality_label: str, public municipality_placeholder: str, public municipalities: Seq<ChoiceOption>, public error: Optional<str>, public gps_problem: Optional<str>, public gps_settings: Optional<GpsSettingsView>, public map: MapPickerView) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.label);
        serializer.serializeStr(this.use_gps_label);
        serializeOption(this.summary, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
        serializer.serializeStr(this.municipality_label);
        serializer.serializeStr(this.municipality_placeholder);
        serializeArray(this.municipalities, serializer, (item, serializer) => {
            item.serialize(serializer);
        });
        serializeOption(this.error, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
        serializeOption(this.gps_problem, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
        serializeOption(this.gps_settings, serializer, (value, serializer) => {
            value.serialize(serializer);
        });
        this.map.serialize(serializer);
    }

    static deserialize(deserializer: Deserializer): LocationFieldView {
        const label = deserializer.deserializeStr();
        const use_gps_label = deserializer.deserializeStr();
        const summary = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        const municipality_label = deserializer.deserializeStr();
        const municipality_placeholder = deserializer.deserializeStr();
        const municipalities = deserializeArray(deserializer, (deserializer) => {
            return ChoiceOption.deserialize(deserializer);
        });
        const error = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        const gps_problem = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        const gps_settings = deserializeOption(deserializer, (deserializer) => {
            return GpsSettingsView.deserialize(deserializer);
        });
        const map = MapPickerView.deserialize(deserializer);
        return new LocationFieldView(label,use_gps_label,summary,municipality_label,municipality_placeholder,municipalities,error,gps_problem,gps_settings,map);
    }
}

/// The map a citizen moves until the pin is on the problem; the shell draws it and sends the
/// pin's point as `Event::GpsLocated`.
export class MapPickerView {
    constructor (public open_label: str, public hint: str, public confirm_label: str, public cancel_label: str, public center_lat: float64, public center_lon: float64, public attribution: str) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.open_label);
        serializer.serializeStr(this.hint);
        serializer.serializeStr(this.confirm_label);
        serializer.serializeStr(this.cancel_label);
        serializer.serializeF64(this.center_lat);
        serializer.serializeF64(this.center_lon);
        serializer.serializeStr(this.attribution);
    }

    static deserialize(deserializer: Deserializer): MapPickerView {
        const open_label = deserializer.deserializeStr();
        const hint = deserializer.deserializeStr();
        const confirm_label = deserializer.deserializeStr();
        const cancel_label = deserializer.deserializeStr();
        const center_lat = deserializer.deserializeF64();
        const center_lon = deserializer.deserializeF64();
        const attribution = deserializer.deserializeStr();
        return new MapPickerView(open_label,hint,confirm_label,cancel_label,center_lat,center_lon,attribution);
    }
}

export class MessageFormView {
    constructor (public question: Optional<str>, public prompt: str, public text_label: str, public add_photo_label: str, public photos: Seq<MessagePhotoView>, public can_add_photo: bool, public submit_label: str, public pending: Seq<str>, public error: Optional<str>) {
    }

    public serialize(serializer: Serializer): void {
        serializeOption(this.question, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
        serializer.serializeStr(this.prompt);
        serializer.serializeStr(this.text_label);
        serializer.serializeStr(this.add_photo_label);
        serializeArray(this.photos, serializer, (item, serializer) => {
            item.serialize(serializer);
        });
        serializer.serializeBool(this.can_add_photo);
        serializer.serializeStr(this.submit_label);
        serializeArray(this.pending, serializer, (item, serializer) => {
            serializer.serializeStr(item);
        });
        serializeOption(this.error, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
    }

    static deserialize(deserializer: Deserializer): MessageFormView {
        const question = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        const prompt = deserializer.deserializeStr();
        const text_label = deserializer.deserializeStr();
        const add_photo_label = deserializer.deserializeStr();
        const photos = deserializeArray(deserializer, (deserializer) => {
            return MessagePhotoView.deserialize(deserializer);
        });
        const can_add_photo = deserializer.deserializeBool();
        const submit_label = deserializer.deserializeStr();
        const pending = deserializeArray(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        const error = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        return new MessageFormView(question,prompt,text_label,add_photo_label,photos,can_add_photo,submit_label,pending,error);
    }
}

export class MessagePhotoView {
    constructor (public label: str, public remove_label: str) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.label);
        serializer.serializeStr(this.remove_label);
    }

    static deserialize(deserializer: Deserializer): MessagePhotoView {
        const label = deserializer.deserializeStr();
        const remove_label = deserializer.deserializeStr();
        return new MessagePhotoView(label,remove_label);
    }
}

/// `id` is a complaint's, as the view model gives it; any other id is ignored.
export type MyComplaintsEvent =
    | { kind: "RefreshRequested" }
    | { kind: "RatingSubmitted"; id: str; stars: uint8; comment: str }
    | { kind: "ReopenSubmitted"; id: str; reason: str }
    | { kind: "MessagePhotoAdded"; id: str; jpeg: bytes }
    | { kind: "MessagePhotoRemoved"; id: str; index: uint32 }
    | { kind: "MessageSubmitted"; id: str; text: str };

export const myComplaintsEventRefreshRequested = (): MyComplaintsEvent => ({ kind: "RefreshRequested" });

export const myComplaintsEventRatingSubmitted = (id: str, stars: uint8, comment: str): MyComplaintsEvent => ({ kind: "RatingSubmitted", id, stars, comment });

export const myComplaintsEventReopenSubmitted = (id: str, reason: str): MyComplaintsEvent => ({ kind: "ReopenSubmitted", id, reason });

export const myComplaintsEventMessagePhotoAdded = (id: str, jpeg: bytes): MyComplaintsEvent => ({ kind: "MessagePhotoAdded", id, jpeg });

export const myComplaintsEventMessagePhotoRemoved = (id: str, index: uint32): MyComplaintsEvent => ({ kind: "MessagePhotoRemoved", id, index });

export const myComplaintsEventMessageSubmitted = (id: str, text: str): MyComplaintsEvent => ({ kind: "MessageSubmitted", id, text });

export function matchMyComplaintsEvent<R>(value: MyComplaintsEvent, cases: {
    RefreshRequested: (v: Extract<MyComplaintsEvent, { kind: "RefreshRequested" }>) => R;
    RatingSubmitted: (v: Extract<MyComplaintsEvent, { kind: "RatingSubmitted" }>) => R;
    ReopenSubmitted: (v: Extract<MyComplaintsEvent, { kind: "ReopenSubmitted" }>) => R;
    MessagePhotoAdded: (v: Extract<MyComplaintsEvent, { kind: "MessagePhotoAdded" }>) => R;
    MessagePhotoRemoved: (v: Extract<MyComplaintsEvent, { kind: "MessagePhotoRemoved" }>) => R;
    MessageSubmitted: (v: Extract<MyComplaintsEvent, { kind: "MessageSubmitted" }>) => R;
}): R {
    return cases[value.kind as MyComplaintsEvent["kind"]](value as never);
}

export function serializeMyComplaintsEvent(value: MyComplaintsEvent, serializer: Serializer): void {
    switch (value.kind) {
        case "RefreshRequested": {
            serializer.serializeVariantIndex(0);
            break;
        }
        case "RatingSubmitted": {
            serializer.serializeVariantIndex(1);
            serializer.serializeStr(value.id);
            serializer.serializeU8(value.stars);
            serializer.serializeStr(value.comment);
            break;
        }
        case "ReopenSubmitted": {
            serializer.serializeVariantIndex(2);
            serializer.serializeStr(value.id);
            serializer.serializeStr(value.reason);
            break;
        }
        case "MessagePhotoAdded": {
            serializer.serializeVariantIndex(3);
            serializer.serializeStr(value.id);
            serializer.serializeBytes(value.jpeg);
            break;
        }
        case "MessagePhotoRemoved": {
            serializer.serializeVariantIndex(4);
            serializer.serializeStr(value.id);
            serializer.serializeU32(value.index);
            break;
        }
        case "MessageSubmitted": {
            serializer.serializeVariantIndex(5);
            serializer.serializeStr(value.id);
            serializer.serializeStr(value.text);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeMyComplaintsEvent(deserializer: Deserializer): MyComplaintsEvent {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            return { kind: "RefreshRequested" };
        }
        case 1: {
            const id = deserializer.deserializeStr();
            const stars = deserializer.deserializeU8();
            const comment = deserializer.deserializeStr();
            return { kind: "RatingSubmitted", id, stars, comment };
        }
        case 2: {
            const id = deserializer.deserializeStr();
            const reason = deserializer.deserializeStr();
            return { kind: "ReopenSubmitted", id, reason };
        }
        case 3: {
            const id = deserializer.deserializeStr();
            const jpeg = deserializer.deserializeBytes();
            return { kind: "MessagePhotoAdded", id, jpeg };
        }
        case 4: {
            const id = deserializer.deserializeStr();
            const index = deserializer.deserializeU32();
            return { kind: "MessagePhotoRemoved", id, index };
        }
        case 5: {
            const id = deserializer.deserializeStr();
            const text = deserializer.deserializeStr();
            return { kind: "MessageSubmitted", id, text };
        }
        default: throw new Error("Unknown variant index for MyComplaintsEvent: " + index);
    }
}

export class MyComplaintsView {
    constructor (public title: str, public refresh_label: str, public refreshing: bool, public pending_title: str, public pending: Seq<OutboxItemView>, public items: Seq<ComplaintCardView>, public empty_text: Optional<str>) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.title);
        serializer.serializeStr(this.refresh_label);
        serializer.serializeBool(this.refreshing);
        serializer.serializeStr(this.pending_title);
        serializeArray(this.pending, serializer, (item, serializer) => {
            item.serialize(serializer);
        });
        serializeArray(this.items, serializer, (item, serializer) => {
            item.serialize(serializer);
        });
        serializeOption(this.empty_text, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
    }

    static deserialize(deserializer: Deserializer): MyComplaintsView {
        const title = deserializer.deserializeStr();
        const refresh_label = deserializer.deserializeStr();
        const refreshing = deserializer.deserializeBool();
        const pending_title = deserializer.deserializeStr();
        const pending = deserializeArray(deserializer, (deserializer) => {
            return OutboxItemView.deserialize(deserializer);
        });
        const items = deserializeArray(deserializer, (deserializer) => {
            return ComplaintCardView.deserialize(deserializer);
        });
        const empty_text = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        return new MyComplaintsView(title,refresh_label,refreshing,pending_title,pending,items,empty_text);
    }
}

export type MyDataEvent =
    | { kind: "Opened" }
    | { kind: "ReloadTapped" }
    | { kind: "ExportTapped" }
    | { kind: "EraseTapped" }
    | { kind: "EraseConfirmed" }
    | { kind: "EraseCancelled" }
    | { kind: "RemoveContactTapped"; id: str };

export const myDataEventOpened = (): MyDataEvent => ({ kind: "Opened" });

export const myDataEventReloadTapped = (): MyDataEvent => ({ kind: "ReloadTapped" });

export const myDataEventExportTapped = (): MyDataEvent => ({ kind: "ExportTapped" });

export const myDataEventEraseTapped = (): MyDataEvent => ({ kind: "EraseTapped" });

export const myDataEventEraseConfirmed = (): MyDataEvent => ({ kind: "EraseConfirmed" });

export const myDataEventEraseCancelled = (): MyDataEvent => ({ kind: "EraseCancelled" });

export const myDataEventRemoveContactTapped = (id: str): MyDataEvent => ({ kind: "RemoveContactTapped", id });

export function matchMyDataEvent<R>(value: MyDataEvent, cases: {
    Opened: (v: Extract<MyDataEvent, { kind: "Opened" }>) => R;
    ReloadTapped: (v: Extract<MyDataEvent, { kind: "ReloadTapped" }>) => R;
    ExportTapped: (v: Extract<MyDataEvent, { kind: "ExportTapped" }>) => R;
    EraseTapped: (v: Extract<MyDataEvent, { kind: "EraseTapped" }>) => R;
    EraseConfirmed: (v: Extract<MyDataEvent, { kind: "EraseConfirmed" }>) => R;
    EraseCancelled: (v: Extract<MyDataEvent, { kind: "EraseCancelled" }>) => R;
    RemoveContactTapped: (v: Extract<MyDataEvent, { kind: "RemoveContactTapped" }>) => R;
}): R {
    return cases[value.kind as MyDataEvent["kind"]](value as never);
}

export function serializeMyDataEvent(value: MyDataEvent, serializer: Serializer): void {
    switch (value.kind) {
        case "Opened": {
            serializer.serializeVariantIndex(0);
            break;
        }
        case "ReloadTapped": {
            serializer.serializeVariantIndex(1);
            break;
        }
        case "ExportTapped": {
            serializer.serializeVariantIndex(2);
            break;
        }
        case "EraseTapped": {
            serializer.serializeVariantIndex(3);
            break;
        }
        case "EraseConfirmed": {
            serializer.serializeVariantIndex(4);
            break;
        }
        case "EraseCancelled": {
            serializer.serializeVariantIndex(5);
            break;
        }
        case "RemoveContactTapped": {
            serializer.serializeVariantIndex(6);
            serializer.serializeStr(value.id);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeMyDataEvent(deserializer: Deserializer): MyDataEvent {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            return { kind: "Opened" };
        }
        case 1: {
            return { kind: "ReloadTapped" };
        }
        case 2: {
            return { kind: "ExportTapped" };
        }
        case 3: {
            return { kind: "EraseTapped" };
        }
        case 4: {
            return { kind: "EraseConfirmed" };
        }
        case 5: {
            return { kind: "EraseCancelled" };
        }
        case 6: {
            const id = deserializer.deserializeStr();
            return { kind: "RemoveContactTapped", id };
        }
        default: throw new Error("Unknown variant index for MyDataEvent: " + index);
    }
}

/// "Your data": what the server holds about this phone's complaints, to read, keep and erase.
export class MyDataView {
    constructor (public intro: str, public status: Optional<str>, public loading: bool, public reload_label: Optional<str>, public empty: Optional<str>, public complaints: Seq<HeldComplaintView>, public push_line: Optional<str>, public export_label: Optional<str>, public erase: EraseView) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.intro);
        serializeOption(this.status, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
        serializer.serializeBool(this.loading);
        serializeOption(this.reload_label, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
        serializeOption(this.empty, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
        serializeArray(this.complaints, serializer, (item, serializer) => {
            item.serialize(serializer);
        });
        serializeOption(this.push_line, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
        serializeOption(this.export_label, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
        this.erase.serialize(serializer);
    }

    static deserialize(deserializer: Deserializer): MyDataView {
        const intro = deserializer.deserializeStr();
        const status = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        const loading = deserializer.deserializeBool();
        const reload_label = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        const empty = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        const complaints = deserializeArray(deserializer, (deserializer) => {
            return HeldComplaintView.deserialize(deserializer);
        });
        const push_line = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        const export_label = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        const erase = EraseView.deserialize(deserializer);
        return new MyDataView(intro,status,loading,reload_label,empty,complaints,push_line,export_label,erase);
    }
}

export type NavigationEvent =
    | { kind: "NavigateTo"; screen: Screen }
    | { kind: "ComplaintOpened"; id: str }
    | { kind: "BackTapped" }
    | { kind: "NoticeDismissed" };

export const navigationEventNavigateTo = (screen: Screen): NavigationEvent => ({ kind: "NavigateTo", screen });

export const navigationEventComplaintOpened = (id: str): NavigationEvent => ({ kind: "ComplaintOpened", id });

export const navigationEventBackTapped = (): NavigationEvent => ({ kind: "BackTapped" });

export const navigationEventNoticeDismissed = (): NavigationEvent => ({ kind: "NoticeDismissed" });

export function matchNavigationEvent<R>(value: NavigationEvent, cases: {
    NavigateTo: (v: Extract<NavigationEvent, { kind: "NavigateTo" }>) => R;
    ComplaintOpened: (v: Extract<NavigationEvent, { kind: "ComplaintOpened" }>) => R;
    BackTapped: (v: Extract<NavigationEvent, { kind: "BackTapped" }>) => R;
    NoticeDismissed: (v: Extract<NavigationEvent, { kind: "NoticeDismissed" }>) => R;
}): R {
    return cases[value.kind as NavigationEvent["kind"]](value as never);
}

export function serializeNavigationEvent(value: NavigationEvent, serializer: Serializer): void {
    switch (value.kind) {
        case "NavigateTo": {
            serializer.serializeVariantIndex(0);
            serializeScreen(value.screen, serializer);
            break;
        }
        case "ComplaintOpened": {
            serializer.serializeVariantIndex(1);
            serializer.serializeStr(value.id);
            break;
        }
        case "BackTapped": {
            serializer.serializeVariantIndex(2);
            break;
        }
        case "NoticeDismissed": {
            serializer.serializeVariantIndex(3);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeNavigationEvent(deserializer: Deserializer): NavigationEvent {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            const screen = deserializeScreen(deserializer);
            return { kind: "NavigateTo", screen };
        }
        case 1: {
            const id = deserializer.deserializeStr();
            return { kind: "ComplaintOpened", id };
        }
        case 2: {
            return { kind: "BackTapped" };
        }
        case 3: {
            return { kind: "NoticeDismissed" };
        }
        default: throw new Error("Unknown variant index for NavigationEvent: " + index);
    }
}

export class NavigationView {
    constructor (public title: str, public back_label: str, public can_go_back: bool, public shows_bars: bool, public home_label: str, public new_complaint_label: str, public my_complaints_label: str, public settings_label: str) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.title);
        serializer.serializeStr(this.back_label);
        serializer.serializeBool(this.can_go_back);
        serializer.serializeBool(this.shows_bars);
        serializer.serializeStr(this.home_label);
        serializer.serializeStr(this.new_complaint_label);
        serializer.serializeStr(this.my_complaints_label);
        serializer.serializeStr(this.settings_label);
    }

    static deserialize(deserializer: Deserializer): NavigationView {
        const title = deserializer.deserializeStr();
        const back_label = deserializer.deserializeStr();
        const can_go_back = deserializer.deserializeBool();
        const shows_bars = deserializer.deserializeBool();
        const home_label = deserializer.deserializeStr();
        const new_complaint_label = deserializer.deserializeStr();
        const my_complaints_label = deserializer.deserializeStr();
        const settings_label = deserializer.deserializeStr();
        return new NavigationView(title,back_label,can_go_back,shows_bars,home_label,new_complaint_label,my_complaints_label,settings_label);
    }
}

export type NoticeKind =
    | { kind: "Info" }
    | { kind: "Success" }
    | { kind: "Error" };

export const noticeKindInfo = (): NoticeKind => ({ kind: "Info" });

export const noticeKindSuccess = (): NoticeKind => ({ kind: "Success" });

export const noticeKindError = (): NoticeKind => ({ kind: "Error" });

export function matchNoticeKind<R>(value: NoticeKind, cases: {
    Info: (v: Extract<NoticeKind, { kind: "Info" }>) => R;
    Success: (v: Extract<NoticeKind, { kind: "Success" }>) => R;
    Error: (v: Extract<NoticeKind, { kind: "Error" }>) => R;
}): R {
    return cases[value.kind as NoticeKind["kind"]](value as never);
}

export function serializeNoticeKind(value: NoticeKind, serializer: Serializer): void {
    switch (value.kind) {
        case "Info": {
            serializer.serializeVariantIndex(0);
            break;
        }
        case "Success": {
            serializer.serializeVariantIndex(1);
            break;
        }
        case "Error": {
            serializer.serializeVariantIndex(2);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeNoticeKind(deserializer: Deserializer): NoticeKind {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            return { kind: "Info" };
        }
        case 1: {
            return { kind: "Success" };
        }
        case 2: {
            return { kind: "Error" };
        }
        default: throw new Error("Unknown variant index for NoticeKind: " + index);
    }
}

export class NoticeView {
    constructor (public kind: NoticeKind, public text: str, public dismiss_label: str) {
    }

    public serialize(serializer: Serializer): void {
        serializeNoticeKind(this.kind, serializer);
        serializer.serializeStr(this.text);
        serializer.serializeStr(this.dismiss_label);
    }

    static deserialize(deserializer: Deserializer): NoticeView {
        const kind = deserializeNoticeKind(deserializer);
        const text = deserializer.deserializeStr();
        const dismiss_label = deserializer.deserializeStr();
        return new NoticeView(kind,text,dismiss_label);
    }
}

export class Notification {
    constructor (public id: str, public title: str, public body: str, public link: str, public channel: NotificationChannel) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.id);
        serializer.serializeStr(this.title);
        serializer.serializeStr(this.body);
        serializer.serializeStr(this.link);
        this.channel.serialize(serializer);
    }

    static deserialize(deserializer: Deserializer): Notification {
        const id = deserializer.deserializeStr();
        const title = deserializer.deserializeStr();
        const body = deserializer.deserializeStr();
        const link = deserializer.deserializeStr();
        const channel = NotificationChannel.deserialize(deserializer);
        return new Notification(id,title,body,link,channel);
    }
}

/// Where the phone's settings list these notifications, in the citizen's language.
export class NotificationChannel {
    constructor (public id: str, public name: str, public description: str) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.id);
        serializer.serializeStr(this.name);
        serializer.serializeStr(this.description);
    }

    static deserialize(deserializer: Deserializer): NotificationChannel {
        const id = deserializer.deserializeStr();
        const name = deserializer.deserializeStr();
        const description = deserializer.deserializeStr();
        return new NotificationChannel(id,name,description);
    }
}

/// What the core asks the shell to do with the phone's notifications. Neither has an answer.
export type NotificationOperation =
    | { kind: "Show"; value: Notification }
    | { kind: "AskPermission"; value: NotificationChannel };

export const notificationOperationShow = (value: Notification): NotificationOperation => ({ kind: "Show", value });

export const notificationOperationAskPermission = (value: NotificationChannel): NotificationOperation => ({ kind: "AskPermission", value });

export function matchNotificationOperation<R>(value: NotificationOperation, cases: {
    Show: (v: Extract<NotificationOperation, { kind: "Show" }>) => R;
    AskPermission: (v: Extract<NotificationOperation, { kind: "AskPermission" }>) => R;
}): R {
    return cases[value.kind as NotificationOperation["kind"]](value as never);
}

export function serializeNotificationOperation(value: NotificationOperation, serializer: Serializer): void {
    switch (value.kind) {
        case "Show": {
            serializer.serializeVariantIndex(0);
            value.value.serialize(serializer);
            break;
        }
        case "AskPermission": {
            serializer.serializeVariantIndex(1);
            value.value.serialize(serializer);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeNotificationOperation(deserializer: Deserializer): NotificationOperation {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            const value = Notification.deserialize(deserializer);
            return { kind: "Show", value };
        }
        case 1: {
            const value = NotificationChannel.deserialize(deserializer);
            return { kind: "AskPermission", value };
        }
        default: throw new Error("Unknown variant index for NotificationOperation: " + index);
    }
}

/// What the citizen does with an item the server refused. `id` is the item's, as the view
/// model gives it; any other id is ignored.
export type OutboxEvent =
    | { kind: "RetryTapped"; id: str }
    | { kind: "EditTapped"; id: str }
    | { kind: "DiscardTapped"; id: str };

export const outboxEventRetryTapped = (id: str): OutboxEvent => ({ kind: "RetryTapped", id });

export const outboxEventEditTapped = (id: str): OutboxEvent => ({ kind: "EditTapped", id });

export const outboxEventDiscardTapped = (id: str): OutboxEvent => ({ kind: "DiscardTapped", id });

export function matchOutboxEvent<R>(value: OutboxEvent, cases: {
    RetryTapped: (v: Extract<OutboxEvent, { kind: "RetryTapped" }>) => R;
    EditTapped: (v: Extract<OutboxEvent, { kind: "EditTapped" }>) => R;
    DiscardTapped: (v: Extract<OutboxEvent, { kind: "DiscardTapped" }>) => R;
}): R {
    return cases[value.kind as OutboxEvent["kind"]](value as never);
}

export function serializeOutboxEvent(value: OutboxEvent, serializer: Serializer): void {
    switch (value.kind) {
        case "RetryTapped": {
            serializer.serializeVariantIndex(0);
            serializer.serializeStr(value.id);
            break;
        }
        case "EditTapped": {
            serializer.serializeVariantIndex(1);
            serializer.serializeStr(value.id);
            break;
        }
        case "DiscardTapped": {
            serializer.serializeVariantIndex(2);
            serializer.serializeStr(value.id);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeOutboxEvent(deserializer: Deserializer): OutboxEvent {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            const id = deserializer.deserializeStr();
            return { kind: "RetryTapped", id };
        }
        case 1: {
            const id = deserializer.deserializeStr();
            return { kind: "EditTapped", id };
        }
        case 2: {
            const id = deserializer.deserializeStr();
            return { kind: "DiscardTapped", id };
        }
        default: throw new Error("Unknown variant index for OutboxEvent: " + index);
    }
}

export class OutboxItemView {
    constructor (public id: str, public title: str, public summary: str, public state: OutboxState, public state_label: str, public error: Optional<str>, public retry_label: Optional<str>, public edit_label: Optional<str>, public discard_label: Optional<str>) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.id);
        serializer.serializeStr(this.title);
        serializer.serializeStr(this.summary);
        serializeOutboxState(this.state, serializer);
        serializer.serializeStr(this.state_label);
        serializeOption(this.error, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
        serializeOption(this.retry_label, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
        serializeOption(this.edit_label, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
        serializeOption(this.discard_label, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
    }

    static deserialize(deserializer: Deserializer): OutboxItemView {
        const id = deserializer.deserializeStr();
        const title = deserializer.deserializeStr();
        const summary = deserializer.deserializeStr();
        const state = deserializeOutboxState(deserializer);
        const state_label = deserializer.deserializeStr();
        const error = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        const retry_label = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        const edit_label = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        const discard_label = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        return new OutboxItemView(id,title,summary,state,state_label,error,retry_label,edit_label,discard_label);
    }
}

export type OutboxState =
    | { kind: "Saving" }
    | { kind: "Queued" }
    | { kind: "Sending" }
    | { kind: "SendingPhotos" }
    | { kind: "Rejected" };

export const outboxStateSaving = (): OutboxState => ({ kind: "Saving" });

export const outboxStateQueued = (): OutboxState => ({ kind: "Queued" });

export const outboxStateSending = (): OutboxState => ({ kind: "Sending" });

export const outboxStateSendingPhotos = (): OutboxState => ({ kind: "SendingPhotos" });

export const outboxStateRejected = (): OutboxState => ({ kind: "Rejected" });

export function matchOutboxState<R>(value: OutboxState, cases: {
    Saving: (v: Extract<OutboxState, { kind: "Saving" }>) => R;
    Queued: (v: Extract<OutboxState, { kind: "Queued" }>) => R;
    Sending: (v: Extract<OutboxState, { kind: "Sending" }>) => R;
    SendingPhotos: (v: Extract<OutboxState, { kind: "SendingPhotos" }>) => R;
    Rejected: (v: Extract<OutboxState, { kind: "Rejected" }>) => R;
}): R {
    return cases[value.kind as OutboxState["kind"]](value as never);
}

export function serializeOutboxState(value: OutboxState, serializer: Serializer): void {
    switch (value.kind) {
        case "Saving": {
            serializer.serializeVariantIndex(0);
            break;
        }
        case "Queued": {
            serializer.serializeVariantIndex(1);
            break;
        }
        case "Sending": {
            serializer.serializeVariantIndex(2);
            break;
        }
        case "SendingPhotos": {
            serializer.serializeVariantIndex(3);
            break;
        }
        case "Rejected": {
            serializer.serializeVariantIndex(4);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeOutboxState(deserializer: Deserializer): OutboxState {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            return { kind: "Saving" };
        }
        case 1: {
            return { kind: "Queued" };
        }
        case 2: {
            return { kind: "Sending" };
        }
        case 3: {
            return { kind: "SendingPhotos" };
        }
        case 4: {
            return { kind: "Rejected" };
        }
        default: throw new Error("Unknown variant index for OutboxState: " + index);
    }
}

export class PhotoItemView {
    constructor (public index: uint32, public label: str, public remove_label: str) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeU32(this.index);
        serializer.serializeStr(this.label);
        serializer.serializeStr(this.remove_label);
    }

    static deserialize(deserializer: Deserializer): PhotoItemView {
        const index = deserializer.deserializeU32();
        const label = deserializer.deserializeStr();
        const remove_label = deserializer.deserializeStr();
        return new PhotoItemView(index,label,remove_label);
    }
}

export class PhotosFieldView {
    constructor (public label: str, public hint: str, public items: Seq<PhotoItemView>, public add_label: str, public can_add: bool) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.label);
        serializer.serializeStr(this.hint);
        serializeArray(this.items, serializer, (item, serializer) => {
            item.serialize(serializer);
        });
        serializer.serializeStr(this.add_label);
        serializer.serializeBool(this.can_add);
    }

    static deserialize(deserializer: Deserializer): PhotosFieldView {
        const label = deserializer.deserializeStr();
        const hint = deserializer.deserializeStr();
        const items = deserializeArray(deserializer, (deserializer) => {
            return PhotoItemView.deserialize(deserializer);
        });
        const add_label = deserializer.deserializeStr();
        const can_add = deserializer.deserializeBool();
        return new PhotosFieldView(label,hint,items,add_label,can_add);
    }
}

/// Which provider gave the token.
export type PushProvider =
    | { kind: "Fcm" }
    | { kind: "Apns" };

export const pushProviderFcm = (): PushProvider => ({ kind: "Fcm" });

export const pushProviderApns = (): PushProvider => ({ kind: "Apns" });

export function matchPushProvider<R>(value: PushProvider, cases: {
    Fcm: (v: Extract<PushProvider, { kind: "Fcm" }>) => R;
    Apns: (v: Extract<PushProvider, { kind: "Apns" }>) => R;
}): R {
    return cases[value.kind as PushProvider["kind"]](value as never);
}

export function serializePushProvider(value: PushProvider, serializer: Serializer): void {
    switch (value.kind) {
        case "Fcm": {
            serializer.serializeVariantIndex(0);
            break;
        }
        case "Apns": {
            serializer.serializeVariantIndex(1);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializePushProvider(deserializer: Deserializer): PushProvider {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            return { kind: "Fcm" };
        }
        case 1: {
            return { kind: "Apns" };
        }
        default: throw new Error("Unknown variant index for PushProvider: " + index);
    }
}

export class RatingFormView {
    constructor (public prompt: str, public stars_label: str, public current_stars: uint8, public comment_label: str, public submit_label: str, public pending: Optional<str>, public error: Optional<str>) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.prompt);
        serializer.serializeStr(this.stars_label);
        serializer.serializeU8(this.current_stars);
        serializer.serializeStr(this.comment_label);
        serializer.serializeStr(this.submit_label);
        serializeOption(this.pending, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
        serializeOption(this.error, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
    }

    static deserialize(deserializer: Deserializer): RatingFormView {
        const prompt = deserializer.deserializeStr();
        const stars_label = deserializer.deserializeStr();
        const current_stars = deserializer.deserializeU8();
        const comment_label = deserializer.deserializeStr();
        const submit_label = deserializer.deserializeStr();
        const pending = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        const error = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        return new RatingFormView(prompt,stars_label,current_stars,comment_label,submit_label,pending,error);
    }
}

/// The single operation `Render` implements.
export class RenderOperation {
    constructor () {
    }

    public serialize(serializer: Serializer): void {
    }

    static deserialize(deserializer: Deserializer): RenderOperation {
        return new RenderOperation();
    }
}

export class ReopenFormView {
    constructor (public prompt: str, public reason_label: str, public submit_label: str, public pending: Optional<str>, public error: Optional<str>) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.prompt);
        serializer.serializeStr(this.reason_label);
        serializer.serializeStr(this.submit_label);
        serializeOption(this.pending, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
        serializeOption(this.error, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
    }

    static deserialize(deserializer: Deserializer): ReopenFormView {
        const prompt = deserializer.deserializeStr();
        const reason_label = deserializer.deserializeStr();
        const submit_label = deserializer.deserializeStr();
        const pending = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        const error = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        return new ReopenFormView(prompt,reason_label,submit_label,pending,error);
    }
}

/// Request for a side-effect passed from the Core to the Shell.
/// 
/// The `EffectId` links the `Request` with the corresponding call to [`Core::resolve`] to pass the data back
/// to the [`App::update`] function (wrapped in the event provided to the capability originating the effect).
export class Request {
    constructor (public id: uint32, public effect: Effect) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeU32(this.id);
        serializeEffect(this.effect, serializer);
    }

    static deserialize(deserializer: Deserializer): Request {
        const id = deserializer.deserializeU32();
        const effect = deserializeEffect(deserializer);
        return new Request(id,effect);
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
export class Requests {
    constructor (public value: Seq<Request>) {
    }

    public serialize(serializer: Serializer): void {
        serializeArray(this.value, serializer, (item, serializer) => {
            item.serialize(serializer);
        });
    }

    static deserialize(deserializer: Deserializer): Requests {
        const value = deserializeArray(deserializer, (deserializer) => {
            return Request.deserialize(deserializer);
        });
        return new Requests(value);
    }
}

/// Which screen the shell shows.
export type Screen =
    | { kind: "Loading" }
    | { kind: "LoadFailed" }
    | { kind: "Welcome" }
    | { kind: "Home" }
    | { kind: "NewComplaint" }
    | { kind: "MyComplaints" }
    | { kind: "ComplaintDetail" }
    | { kind: "Settings" }
    | { kind: "MyData" };

export const screenLoading = (): Screen => ({ kind: "Loading" });

export const screenLoadFailed = (): Screen => ({ kind: "LoadFailed" });

export const screenWelcome = (): Screen => ({ kind: "Welcome" });

export const screenHome = (): Screen => ({ kind: "Home" });

export const screenNewComplaint = (): Screen => ({ kind: "NewComplaint" });

export const screenMyComplaints = (): Screen => ({ kind: "MyComplaints" });

export const screenComplaintDetail = (): Screen => ({ kind: "ComplaintDetail" });

export const screenSettings = (): Screen => ({ kind: "Settings" });

export const screenMyData = (): Screen => ({ kind: "MyData" });

export function matchScreen<R>(value: Screen, cases: {
    Loading: (v: Extract<Screen, { kind: "Loading" }>) => R;
    LoadFailed: (v: Extract<Screen, { kind: "LoadFailed" }>) => R;
    Welcome: (v: Extract<Screen, { kind: "Welcome" }>) => R;
    Home: (v: Extract<Screen, { kind: "Home" }>) => R;
    NewComplaint: (v: Extract<Screen, { kind: "NewComplaint" }>) => R;
    MyComplaints: (v: Extract<Screen, { kind: "MyComplaints" }>) => R;
    ComplaintDetail: (v: Extract<Screen, { kind: "ComplaintDetail" }>) => R;
    Settings: (v: Extract<Screen, { kind: "Settings" }>) => R;
    MyData: (v: Extract<Screen, { kind: "MyData" }>) => R;
}): R {
    return cases[value.kind as Screen["kind"]](value as never);
}

export function serializeScreen(value: Screen, serializer: Serializer): void {
    switch (value.kind) {
        case "Loading": {
            serializer.serializeVariantIndex(0);
            break;
        }
        case "LoadFailed": {
            serializer.serializeVariantIndex(1);
            break;
        }
        case "Welcome": {
            serializer.serializeVariantIndex(2);
            break;
        }
        case "Home": {
            serializer.serializeVariantIndex(3);
            break;
        }
        case "NewComplaint": {
            serializer.serializeVariantIndex(4);
            break;
        }
        case "MyComplaints": {
            serializer.serializeVariantIndex(5);
            break;
        }
        case "ComplaintDetail": {
            serializer.serializeVariantIndex(6);
            break;
        }
        case "Settings": {
            serializer.serializeVariantIndex(7);
            break;
        }
        case "MyData": {
            serializer.serializeVariantIndex(8);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeScreen(deserializer: Deserializer): Screen {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            return { kind: "Loading" };
        }
        case 1: {
            return { kind: "LoadFailed" };
        }
        case 2: {
            return { kind: "Welcome" };
        }
        case 3: {
            return { kind: "Home" };
        }
        case 4: {
            return { kind: "NewComplaint" };
        }
        case 5: {
            return { kind: "MyComplaints" };
        }
        case 6: {
            return { kind: "ComplaintDetail" };
        }
        case 7: {
            return { kind: "Settings" };
        }
        case 8: {
            return { kind: "MyData" };
        }
        default: throw new Error("Unknown variant index for Screen: " + index);
    }
}

/// The question a server link asks: accept sends `SettingsEvent::ServerOfferAccepted`,
/// decline `SettingsEvent::ServerOfferDeclined`.
export class ServerOfferView {
    constructor (public title: str, public message: str, public accept_label: str, public decline_label: str) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.title);
        serializer.serializeStr(this.message);
        serializer.serializeStr(this.accept_label);
        serializer.serializeStr(this.decline_label);
    }

    static deserialize(deserializer: Deserializer): ServerOfferView {
        const title = deserializer.deserializeStr();
        const message = deserializer.deserializeStr();
        const accept_label = deserializer.deserializeStr();
        const decline_label = deserializer.deserializeStr();
        return new ServerOfferView(title,message,accept_label,decline_label);
    }
}

/// Which other server the app talks to; the button sends `SettingsEvent::OfficialServerChosen`.
export class ServerSettingView {
    constructor (public text: str, public reset_label: str) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.text);
        serializer.serializeStr(this.reset_label);
    }

    static deserialize(deserializer: Deserializer): ServerSettingView {
        const text = deserializer.deserializeStr();
        const reset_label = deserializer.deserializeStr();
        return new ServerSettingView(text,reset_label);
    }
}

export type SettingsEvent =
    | { kind: "LanguageSelected"; language: Language }
    | { kind: "WelcomeFinished" }
    | { kind: "ServerOfferAccepted" }
    | { kind: "ServerOfferDeclined" }
    | { kind: "OfficialServerChosen" };

export const settingsEventLanguageSelected = (language: Language): SettingsEvent => ({ kind: "LanguageSelected", language });

export const settingsEventWelcomeFinished = (): SettingsEvent => ({ kind: "WelcomeFinished" });

export const settingsEventServerOfferAccepted = (): SettingsEvent => ({ kind: "ServerOfferAccepted" });

export const settingsEventServerOfferDeclined = (): SettingsEvent => ({ kind: "ServerOfferDeclined" });

export const settingsEventOfficialServerChosen = (): SettingsEvent => ({ kind: "OfficialServerChosen" });

export function matchSettingsEvent<R>(value: SettingsEvent, cases: {
    LanguageSelected: (v: Extract<SettingsEvent, { kind: "LanguageSelected" }>) => R;
    WelcomeFinished: (v: Extract<SettingsEvent, { kind: "WelcomeFinished" }>) => R;
    ServerOfferAccepted: (v: Extract<SettingsEvent, { kind: "ServerOfferAccepted" }>) => R;
    ServerOfferDeclined: (v: Extract<SettingsEvent, { kind: "ServerOfferDeclined" }>) => R;
    OfficialServerChosen: (v: Extract<SettingsEvent, { kind: "OfficialServerChosen" }>) => R;
}): R {
    return cases[value.kind as SettingsEvent["kind"]](value as never);
}

export function serializeSettingsEvent(value: SettingsEvent, serializer: Serializer): void {
    switch (value.kind) {
        case "LanguageSelected": {
            serializer.serializeVariantIndex(0);
            serializeLanguage(value.language, serializer);
            break;
        }
        case "WelcomeFinished": {
            serializer.serializeVariantIndex(1);
            break;
        }
        case "ServerOfferAccepted": {
            serializer.serializeVariantIndex(2);
            break;
        }
        case "ServerOfferDeclined": {
            serializer.serializeVariantIndex(3);
            break;
        }
        case "OfficialServerChosen": {
            serializer.serializeVariantIndex(4);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeSettingsEvent(deserializer: Deserializer): SettingsEvent {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            const language = deserializeLanguage(deserializer);
            return { kind: "LanguageSelected", language };
        }
        case 1: {
            return { kind: "WelcomeFinished" };
        }
        case 2: {
            return { kind: "ServerOfferAccepted" };
        }
        case 3: {
            return { kind: "ServerOfferDeclined" };
        }
        case 4: {
            return { kind: "OfficialServerChosen" };
        }
        default: throw new Error("Unknown variant index for SettingsEvent: " + index);
    }
}

export class SettingsView {
    constructor (public title: str, public language_label: str, public languages: Seq<LanguageOption>, public privacy_title: str, public privacy_text: str, public server: Optional<ServerSettingView>, public my_data_label: str, public privacy_notice_label: str, public privacy_notice_url: str) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.title);
        serializer.serializeStr(this.language_label);
        serializeArray(this.languages, serializer, (item, serializer) => {
            item.serialize(serializer);
        });
        serializer.serializeStr(this.privacy_title);
        serializer.serializeStr(this.privacy_text);
        serializeOption(this.server, serializer, (value, serializer) => {
            value.serialize(serializer);
        });
        serializer.serializeStr(this.my_data_label);
        serializer.serializeStr(this.privacy_notice_label);
        serializer.serializeStr(this.privacy_notice_url);
    }

    static deserialize(deserializer: Deserializer): SettingsView {
        const title = deserializer.deserializeStr();
        const language_label = deserializer.deserializeStr();
        const languages = deserializeArray(deserializer, (deserializer) => {
            return LanguageOption.deserialize(deserializer);
        });
        const privacy_title = deserializer.deserializeStr();
        const privacy_text = deserializer.deserializeStr();
        const server = deserializeOption(deserializer, (deserializer) => {
            return ServerSettingView.deserialize(deserializer);
        });
        const my_data_label = deserializer.deserializeStr();
        const privacy_notice_label = deserializer.deserializeStr();
        const privacy_notice_url = deserializer.deserializeStr();
        return new SettingsView(title,language_label,languages,privacy_title,privacy_text,server,my_data_label,privacy_notice_label,privacy_notice_url);
    }
}

export type StatusCode =
    | { kind: "Submitted" }
    | { kind: "Received" }
    | { kind: "InProgress" }
    | { kind: "Resolved" }
    | { kind: "Rejected" }
    | { kind: "Transferred" }
    | { kind: "Reopened" }
    | { kind: "WaitingForCitizen" };

export const statusCodeSubmitted = (): StatusCode => ({ kind: "Submitted" });

export const statusCodeReceived = (): StatusCode => ({ kind: "Received" });

export const statusCodeInProgress = (): StatusCode => ({ kind: "InProgress" });

export const statusCodeResolved = (): StatusCode => ({ kind: "Resolved" });

export const statusCodeRejected = (): StatusCode => ({ kind: "Rejected" });

export const statusCodeTransferred = (): StatusCode => ({ kind: "Transferred" });

export const statusCodeReopened = (): StatusCode => ({ kind: "Reopened" });

export const statusCodeWaitingForCitizen = (): StatusCode => ({ kind: "WaitingForCitizen" });

export function matchStatusCode<R>(value: StatusCode, cases: {
    Submitted: (v: Extract<StatusCode, { kind: "Submitted" }>) => R;
    Received: (v: Extract<StatusCode, { kind: "Received" }>) => R;
    InProgress: (v: Extract<StatusCode, { kind: "InProgress" }>) => R;
    Resolved: (v: Extract<StatusCode, { kind: "Resolved" }>) => R;
    Rejected: (v: Extract<StatusCode, { kind: "Rejected" }>) => R;
    Transferred: (v: Extract<StatusCode, { kind: "Transferred" }>) => R;
    Reopened: (v: Extract<StatusCode, { kind: "Reopened" }>) => R;
    WaitingForCitizen: (v: Extract<StatusCode, { kind: "WaitingForCitizen" }>) => R;
}): R {
    return cases[value.kind as StatusCode["kind"]](value as never);
}

export function serializeStatusCode(value: StatusCode, serializer: Serializer): void {
    switch (value.kind) {
        case "Submitted": {
            serializer.serializeVariantIndex(0);
            break;
        }
        case "Received": {
            serializer.serializeVariantIndex(1);
            break;
        }
        case "InProgress": {
            serializer.serializeVariantIndex(2);
            break;
        }
        case "Resolved": {
            serializer.serializeVariantIndex(3);
            break;
        }
        case "Rejected": {
            serializer.serializeVariantIndex(4);
            break;
        }
        case "Transferred": {
            serializer.serializeVariantIndex(5);
            break;
        }
        case "Reopened": {
            serializer.serializeVariantIndex(6);
            break;
        }
        case "WaitingForCitizen": {
            serializer.serializeVariantIndex(7);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeStatusCode(deserializer: Deserializer): StatusCode {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            return { kind: "Submitted" };
        }
        case 1: {
            return { kind: "Received" };
        }
        case 2: {
            return { kind: "InProgress" };
        }
        case 3: {
            return { kind: "Resolved" };
        }
        case 4: {
            return { kind: "Rejected" };
        }
        case 5: {
            return { kind: "Transferred" };
        }
        case 6: {
            return { kind: "Reopened" };
        }
        case 7: {
            return { kind: "WaitingForCitizen" };
        }
        default: throw new Error("Unknown variant index for StatusCode: " + index);
    }
}

export class TextFieldView {
    constructor (public label: str, public value: str, public hint: str, public error: Optional<str>) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.label);
        serializer.serializeStr(this.value);
        serializer.serializeStr(this.hint);
        serializeOption(this.error, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
    }

    static deserialize(deserializer: Deserializer): TextFieldView {
        const label = deserializer.deserializeStr();
        const value = deserializer.deserializeStr();
        const hint = deserializer.deserializeStr();
        const error = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        return new TextFieldView(label,value,hint,error);
    }
}

export type TimeRequest =
    | { kind: "Now" }
    | { kind: "NotifyAt"; id: TimerId; instant: Instant }
    | { kind: "NotifyAfter"; id: TimerId; duration: Duration }
    | { kind: "Clear"; id: TimerId };

export const timeRequestNow = (): TimeRequest => ({ kind: "Now" });

export const timeRequestNotifyAt = (id: TimerId, instant: Instant): TimeRequest => ({ kind: "NotifyAt", id, instant });

export const timeRequestNotifyAfter = (id: TimerId, duration: Duration): TimeRequest => ({ kind: "NotifyAfter", id, duration });

export const timeRequestClear = (id: TimerId): TimeRequest => ({ kind: "Clear", id });

export function matchTimeRequest<R>(value: TimeRequest, cases: {
    Now: (v: Extract<TimeRequest, { kind: "Now" }>) => R;
    NotifyAt: (v: Extract<TimeRequest, { kind: "NotifyAt" }>) => R;
    NotifyAfter: (v: Extract<TimeRequest, { kind: "NotifyAfter" }>) => R;
    Clear: (v: Extract<TimeRequest, { kind: "Clear" }>) => R;
}): R {
    return cases[value.kind as TimeRequest["kind"]](value as never);
}

export function serializeTimeRequest(value: TimeRequest, serializer: Serializer): void {
    switch (value.kind) {
        case "Now": {
            serializer.serializeVariantIndex(0);
            break;
        }
        case "NotifyAt": {
            serializer.serializeVariantIndex(1);
            value.id.serialize(serializer);
            value.instant.serialize(serializer);
            break;
        }
        case "NotifyAfter": {
            serializer.serializeVariantIndex(2);
            value.id.serialize(serializer);
            value.duration.serialize(serializer);
            break;
        }
        case "Clear": {
            serializer.serializeVariantIndex(3);
            value.id.serialize(serializer);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeTimeRequest(deserializer: Deserializer): TimeRequest {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            return { kind: "Now" };
        }
        case 1: {
            const id = TimerId.deserialize(deserializer);
            const instant = Instant.deserialize(deserializer);
            return { kind: "NotifyAt", id, instant };
        }
        case 2: {
            const id = TimerId.deserialize(deserializer);
            const duration = Duration.deserialize(deserializer);
            return { kind: "NotifyAfter", id, duration };
        }
        case 3: {
            const id = TimerId.deserialize(deserializer);
            return { kind: "Clear", id };
        }
        default: throw new Error("Unknown variant index for TimeRequest: " + index);
    }
}

export type TimeResponse =
    | { kind: "Now"; instant: Instant }
    | { kind: "InstantArrived"; id: TimerId }
    | { kind: "DurationElapsed"; id: TimerId }
    | { kind: "Cleared"; id: TimerId };

export const timeResponseNow = (instant: Instant): TimeResponse => ({ kind: "Now", instant });

export const timeResponseInstantArrived = (id: TimerId): TimeResponse => ({ kind: "InstantArrived", id });

export const timeResponseDurationElapsed = (id: TimerId): TimeResponse => ({ kind: "DurationElapsed", id });

export const timeResponseCleared = (id: TimerId): TimeResponse => ({ kind: "Cleared", id });

export function matchTimeResponse<R>(value: TimeResponse, cases: {
    Now: (v: Extract<TimeResponse, { kind: "Now" }>) => R;
    InstantArrived: (v: Extract<TimeResponse, { kind: "InstantArrived" }>) => R;
    DurationElapsed: (v: Extract<TimeResponse, { kind: "DurationElapsed" }>) => R;
    Cleared: (v: Extract<TimeResponse, { kind: "Cleared" }>) => R;
}): R {
    return cases[value.kind as TimeResponse["kind"]](value as never);
}

export function serializeTimeResponse(value: TimeResponse, serializer: Serializer): void {
    switch (value.kind) {
        case "Now": {
            serializer.serializeVariantIndex(0);
            value.instant.serialize(serializer);
            break;
        }
        case "InstantArrived": {
            serializer.serializeVariantIndex(1);
            value.id.serialize(serializer);
            break;
        }
        case "DurationElapsed": {
            serializer.serializeVariantIndex(2);
            value.id.serialize(serializer);
            break;
        }
        case "Cleared": {
            serializer.serializeVariantIndex(3);
            value.id.serialize(serializer);
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeTimeResponse(deserializer: Deserializer): TimeResponse {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            const instant = Instant.deserialize(deserializer);
            return { kind: "Now", instant };
        }
        case 1: {
            const id = TimerId.deserialize(deserializer);
            return { kind: "InstantArrived", id };
        }
        case 2: {
            const id = TimerId.deserialize(deserializer);
            return { kind: "DurationElapsed", id };
        }
        case 3: {
            const id = TimerId.deserialize(deserializer);
            return { kind: "Cleared", id };
        }
        default: throw new Error("Unknown variant index for TimeResponse: " + index);
    }
}

export class TimelineItemView {
    constructor (public time_label: str, public title: str, public text: Optional<str>) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.time_label);
        serializer.serializeStr(this.title);
        serializeOption(this.text, serializer, (value, serializer) => {
            serializer.serializeStr(value);
        });
    }

    static deserialize(deserializer: Deserializer): TimelineItemView {
        const time_label = deserializer.deserializeStr();
        const title = deserializer.deserializeStr();
        const text = deserializeOption(deserializer, (deserializer) => {
            return deserializer.deserializeStr();
        });
        return new TimelineItemView(time_label,title,text);
    }
}

export class TimerId {
    constructor (public value: uint64) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeU64(this.value);
    }

    static deserialize(deserializer: Deserializer): TimerId {
        const value = deserializer.deserializeU64();
        return new TimerId(value);
    }
}

export class ToggleView {
    constructor (public label: str, public value: bool, public explanation: str) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.label);
        serializer.serializeBool(this.value);
        serializer.serializeStr(this.explanation);
    }

    static deserialize(deserializer: Deserializer): ToggleView {
        const label = deserializer.deserializeStr();
        const value = deserializer.deserializeBool();
        const explanation = deserializer.deserializeStr();
        return new ToggleView(label,value,explanation);
    }
}

/// The value stored under a key.
/// 
/// `Value::None` is used to represent the absence of a value.
/// 
/// Note: we can't use `Option` here because generics are not currently
/// supported across the FFI boundary, when using the builtin typegen.
export type Value =
    | { kind: "None" }
    | { kind: "Bytes"; value: Seq<uint8> };

export const valueNone = (): Value => ({ kind: "None" });

export const valueBytes = (value: Seq<uint8>): Value => ({ kind: "Bytes", value });

export function matchValue<R>(value: Value, cases: {
    None: (v: Extract<Value, { kind: "None" }>) => R;
    Bytes: (v: Extract<Value, { kind: "Bytes" }>) => R;
}): R {
    return cases[value.kind as Value["kind"]](value as never);
}

export function serializeValue(value: Value, serializer: Serializer): void {
    switch (value.kind) {
        case "None": {
            serializer.serializeVariantIndex(0);
            break;
        }
        case "Bytes": {
            serializer.serializeVariantIndex(1);
            serializeArray(value.value, serializer, (item, serializer) => {
                serializer.serializeU8(item);
            });
            break;
        }
        default: throw new Error("Unknown variant: " + (value as any).kind);
    }
}

export function deserializeValue(deserializer: Deserializer): Value {
    const index = deserializer.deserializeVariantIndex();
    switch (index) {
        case 0: {
            return { kind: "None" };
        }
        case 1: {
            const value = deserializeArray(deserializer, (deserializer) => {
                return deserializer.deserializeU8();
            });
            return { kind: "Bytes", value };
        }
        default: throw new Error("Unknown variant index for Value: " + index);
    }
}

export class ViewModel {
    constructor (public screen: Screen, public language: Language, public app_name: str, public notice: Optional<NoticeView>, public server_offer: Optional<ServerOfferView>, public navigation: NavigationView, public outbox_idle: bool, public load_failed: Optional<LoadFailedView>, public welcome: WelcomeView, public home: HomeView, public draft: DraftView, public my_complaints: MyComplaintsView, public detail: Optional<ComplaintDetailView>, public settings: SettingsView, public my_data: MyDataView) {
    }

    public serialize(serializer: Serializer): void {
        serializeScreen(this.screen, serializer);
        serializeLanguage(this.language, serializer);
        serializer.serializeStr(this.app_name);
        serializeOption(this.notice, serializer, (value, serializer) => {
            value.serialize(serializer);
        });
        serializeOption(this.server_offer, serializer, (value, serializer) => {
            value.serialize(serializer);
        });
        this.navigation.serialize(serializer);
        serializer.serializeBool(this.outbox_idle);
        serializeOption(this.load_failed, serializer, (value, serializer) => {
            value.serialize(serializer);
        });
        this.welcome.serialize(serializer);
        this.home.serialize(serializer);
        this.draft.serialize(serializer);
        this.my_complaints.serialize(serializer);
        serializeOption(this.detail, serializer, (value, serializer) => {
            value.serialize(serializer);
        });
        this.settings.serialize(serializer);
        this.my_data.serialize(serializer);
    }

    static deserialize(deserializer: Deserializer): ViewModel {
        const screen = deserializeScreen(deserializer);
        const language = deserializeLanguage(deserializer);
        const app_name = deserializer.deserializeStr();
        const notice = deserializeOption(deserializer, (deserializer) => {
            return NoticeView.deserialize(deserializer);
        });
        const server_offer = deserializeOption(deserializer, (deserializer) => {
            return ServerOfferView.deserialize(deserializer);
        });
        const navigation = NavigationView.deserialize(deserializer);
        const outbox_idle = deserializer.deserializeBool();
        const load_failed = deserializeOption(deserializer, (deserializer) => {
            return LoadFailedView.deserialize(deserializer);
        });
        const welcome = WelcomeView.deserialize(deserializer);
        const home = HomeView.deserialize(deserializer);
        const draft = DraftView.deserialize(deserializer);
        const my_complaints = MyComplaintsView.deserialize(deserializer);
        const detail = deserializeOption(deserializer, (deserializer) => {
            return ComplaintDetailView.deserialize(deserializer);
        });
        const settings = SettingsView.deserialize(deserializer);
        const my_data = MyDataView.deserialize(deserializer);
        return new ViewModel(screen,language,app_name,notice,server_offer,navigation,outbox_idle,load_failed,welcome,home,draft,my_complaints,detail,settings,my_data);
    }
}

/// A complaint's PIN and where it opens the complaint without this phone: for the person it
/// was filed for, who may see, save or erase its data on the server's web page.
export class WebAccessView {
    constructor (public title: str, public pin_label: str, public pin: str, public explanation: str, public url: str) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.title);
        serializer.serializeStr(this.pin_label);
        serializer.serializeStr(this.pin);
        serializer.serializeStr(this.explanation);
        serializer.serializeStr(this.url);
    }

    static deserialize(deserializer: Deserializer): WebAccessView {
        const title = deserializer.deserializeStr();
        const pin_label = deserializer.deserializeStr();
        const pin = deserializer.deserializeStr();
        const explanation = deserializer.deserializeStr();
        const url = deserializer.deserializeStr();
        return new WebAccessView(title,pin_label,pin,explanation,url);
    }
}

export class WelcomeView {
    constructor (public title: str, public intro: str, public privacy_title: str, public privacy_text: str, public language_label: str, public languages: Seq<LanguageOption>, public continue_label: str) {
    }

    public serialize(serializer: Serializer): void {
        serializer.serializeStr(this.title);
        serializer.serializeStr(this.intro);
        serializer.serializeStr(this.privacy_title);
        serializer.serializeStr(this.privacy_text);
        serializer.serializeStr(this.language_label);
        serializeArray(this.languages, serializer, (item, serializer) => {
            item.serialize(serializer);
        });
        serializer.serializeStr(this.continue_label);
    }

    static deserialize(deserializer: Deserializer): WelcomeView {
        const title = deserializer.deserializeStr();
        const intro = deserializer.deserializeStr();
        const privacy_title = deserializer.deserializeStr();
        const privacy_text = deserializer.deserializeStr();
        const language_label = deserializer.deserializeStr();
        const languages = deserializeArray(deserializer, (deserializer) => {
            return LanguageOption.deserialize(deserializer);
        });
        const continue_label = deserializer.deserializeStr();
        return new WelcomeView(title,intro,privacy_title,privacy_text,language_label,languages,continue_label);
    }
}
