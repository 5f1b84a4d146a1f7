//! What the shells draw: every screen's content, with every word already in the citizen's
//! language, and what the shells would otherwise have to decide (whether the bars show, when
//! the background sending may stop). A shell maps these fields to widgets and sends
//! [`crate::Event`]s back; it adds no text and makes no decisions of its own.

use facet::Facet;
use serde::{Deserialize, Serialize};

use crate::i18n::Language;

mod my_data;
pub use my_data::*;

/// Which screen the shell shows.
#[derive(Facet, Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[repr(C)]
pub enum Screen {
    #[default]
    Loading,
    LoadFailed,
    Welcome,
    Home,
    NewComplaint,
    MyComplaints,
    ComplaintDetail,
    Settings,
    /// What the server holds about this phone's complaints (from settings).
    MyData,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct ViewModel {
    pub screen: Screen,
    pub language: Language,
    pub app_name: String,
    pub notice: Option<NoticeView>,
    /// A link offered another server: ask the citizen, over whatever screen is showing.
    pub server_offer: Option<ServerOfferView>,
    pub navigation: NavigationView,
    /// Nothing is left to send: the outbox is empty, or holds only what the server refused
    /// (that waits for the citizen). A background worker sending the queue stops then.
    pub outbox_idle: bool,
    pub load_failed: Option<LoadFailedView>,
    pub welcome: WelcomeView,
    pub home: HomeView,
    pub draft: DraftView,
    pub my_complaints: MyComplaintsView,
    pub detail: Option<ComplaintDetailView>,
    pub settings: SettingsView,
    pub my_data: MyDataView,
}

#[derive(Facet, Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C)]
pub enum NoticeKind {
    Info,
    Success,
    Error,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct NoticeView {
    pub kind: NoticeKind,
    pub text: String,
    pub dismiss_label: String,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct NavigationView {
    pub title: String,
    pub back_label: String,
    pub can_go_back: bool,
    /// Whether the top and bottom bars show (not while starting, nor on the welcome screen).
    pub shows_bars: bool,
    pub home_label: String,
    pub new_complaint_label: String,
    pub my_complaints_label: String,
    pub settings_label: String,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct LoadFailedView {
    pub message: String,
    pub retry_label: String,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct LanguageOption {
    pub language: Language,
    pub label: String,
    pub selected: bool,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct WelcomeView {
    pub title: String,
    pub intro: String,
    pub privacy_title: String,
    pub privacy_text: String,
    pub language_label: String,
    pub languages: Vec<LanguageOption>,
    pub continue_label: String,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct HomeView {
    pub title: String,
    pub intro: String,
    pub new_complaint_label: String,
    pub my_complaints_label: String,
    /// "2 complaints waiting to be sent", when any are.
    pub outbox_summary: Option<String>,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct TextFieldView {
    pub label: String,
    pub value: String,
    pub hint: String,
    pub error: Option<String>,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct ChoiceOption {
    pub id: String,
    pub label: String,
    /// A second line, such as who is responsible for a category.
    pub detail: String,
    pub selected: bool,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct CategoryFieldView {
    pub label: String,
    pub search_label: String,
    pub query: String,
    /// The categories that match the query, in catalog order.
    pub options: Vec<ChoiceOption>,
    pub selected: Option<String>,
    pub no_match: Option<String>,
    pub error: Option<String>,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct LocationFieldView {
    pub label: String,
    pub use_gps_label: String,
    /// What was chosen, in words: "GPS: 42.66321, 21.16541" or "Municipality: Gjilan".
    pub summary: Option<String>,
    pub municipality_label: String,
    /// The picker's first row, selected while no municipality is.
    pub municipality_placeholder: String,
    pub municipalities: Vec<ChoiceOption>,
    pub error: Option<String>,
    /// Why "use my location" gave nothing, and what the citizen can do instead.
    pub gps_problem: Option<String>,
    /// A button to the phone's settings that would fix it.
    pub gps_settings: Option<GpsSettingsView>,
    /// Putting a pin on a map instead of using the phone's location.
    pub map: MapPickerView,
}

/// Which of the phone's settings pages fixes a location problem.
#[derive(Facet, Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C)]
pub enum GpsSettingsPage {
    /// The phone's location switch.
    LocationServices,
    /// The app's own permissions.
    AppPermissions,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct GpsSettingsView {
    pub label: String,
    pub page: GpsSettingsPage,
}

/// The map a citizen moves until the pin is on the problem; the shell draws it and sends the
/// pin's point as `Event::GpsLocated`.
#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct MapPickerView {
    pub open_label: String,
    pub hint: String,
    pub confirm_label: String,
    pub cancel_label: String,
    /// Where the map opens: the point already chosen, or the middle of Kosovo.
    pub center_lat: f64,
    pub center_lon: f64,
    pub attribution: String,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct PhotoItemView {
    pub index: u32,
    pub label: String,
    pub remove_label: String,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct PhotosFieldView {
    pub label: String,
    pub hint: String,
    pub items: Vec<PhotoItemView>,
    pub add_label: String,
    pub can_add: bool,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct ToggleView {
    pub label: String,
    pub value: bool,
    pub explanation: String,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct DraftView {
    pub title: String,
    pub category: CategoryFieldView,
    pub description: TextFieldView,
    pub location: LocationFieldView,
    pub photos: PhotosFieldView,
    pub anonymous: ToggleView,
    /// Contact fields are shown only when the complaint is not anonymous.
    pub show_contact: bool,
    pub contact_name: TextFieldView,
    pub contact_phone: TextFieldView,
    pub contact_email: TextFieldView,
    pub contact_error: Option<String>,
    pub submit_label: String,
    pub can_submit: bool,
    pub submitting: bool,
    pub discard_label: String,
}

#[derive(Facet, Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C)]
pub enum OutboxState {
    /// Being written to the phone's storage.
    Saving,
    /// On the phone, waiting for the network.
    Queued,
    Sending,
    /// Filed; photos still going up.
    SendingPhotos,
    /// Refused by the server; needs the citizen.
    Rejected,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct OutboxItemView {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub state: OutboxState,
    pub state_label: String,
    pub error: Option<String>,
    pub retry_label: Option<String>,
    pub edit_label: Option<String>,
    pub discard_label: Option<String>,
}

#[derive(Facet, Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C)]
pub enum StatusCode {
    Submitted,
    Received,
    InProgress,
    Resolved,
    Rejected,
    Transferred,
    Reopened,
    WaitingForCitizen,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ComplaintCardView {
    pub id: String,
    pub tracking_code: String,
    pub category: String,
    pub institution: String,
    pub status: StatusCode,
    pub status_label: String,
    pub due_label: String,
    pub overdue: bool,
    pub updated_label: String,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct MyComplaintsView {
    pub title: String,
    pub refresh_label: String,
    pub refreshing: bool,
    pub pending_title: String,
    pub pending: Vec<OutboxItemView>,
    pub items: Vec<ComplaintCardView>,
    pub empty_text: Option<String>,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct TimelineItemView {
    pub time_label: String,
    pub title: String,
    pub text: Option<String>,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct RatingFormView {
    pub prompt: String,
    pub stars_label: String,
    pub current_stars: u8,
    pub comment_label: String,
    pub submit_label: String,
    pub pending: Option<String>,
    pub error: Option<String>,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ReopenFormView {
    pub prompt: String,
    pub reason_label: String,
    pub submit_label: String,
    pub pending: Option<String>,
    pub error: Option<String>,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ComplaintDetailView {
    pub id: String,
    pub tracking_code_label: String,
    pub tracking_code: String,
    pub category: String,
    pub institution_label: String,
    pub institution: String,
    pub explanation: String,
    pub status: StatusCode,
    pub status_label: String,
    pub due_label: String,
    pub overdue: bool,
    pub timeline_title: String,
    pub timeline: Vec<TimelineItemView>,
    pub rating: Option<RatingFormView>,
    pub reopen: Option<ReopenFormView>,
    /// Whether the institution holds the citizen's contact details for this complaint, and
    /// the button that takes them back.
    pub contact: ContactView,
    /// The PIN that, with the tracking code, opens the complaint on the web; once the server
    /// has told it.
    pub web_access: Option<WebAccessView>,
    /// Writing to the institution, while the complaint is open: the answer to its question
    /// when it waits for one, else information added. Sends `MyComplaintsEvent::MessageSubmitted`;
    /// photos come with `MessagePhotoAdded` and go with `MessagePhotoRemoved`.
    pub message: Option<MessageFormView>,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct MessageFormView {
    /// Set when the complaint waits for the citizen's answer: the question, to show above.
    pub question: Option<String>,
    pub prompt: String,
    pub text_label: String,
    pub add_photo_label: String,
    /// Attached so far, each with its remove button's label.
    pub photos: Vec<MessagePhotoView>,
    /// Whether another photo can be added.
    pub can_add_photo: bool,
    pub submit_label: String,
    /// Messages written and still on their way, one line each.
    pub pending: Vec<String>,
    pub error: Option<String>,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct MessagePhotoView {
    pub label: String,
    pub remove_label: String,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct SettingsView {
    pub title: String,
    pub language_label: String,
    pub languages: Vec<LanguageOption>,
    pub privacy_title: String,
    pub privacy_text: String,
    /// Set when a link pointed the app at another server than the one it was built for.
    pub server: Option<ServerSettingView>,
    /// Opens "Your data": sends `MyDataEvent::Opened`.
    pub my_data_label: String,
    /// The full privacy notice, on the server's public site, in the citizen's language.
    pub privacy_notice_label: String,
    pub privacy_notice_url: String,
}

/// The question a server link asks: accept sends `SettingsEvent::ServerOfferAccepted`,
/// decline `SettingsEvent::ServerOfferDeclined`.
#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct ServerOfferView {
    pub title: String,
    pub message: String,
    pub accept_label: String,
    pub decline_label: String,
}

/// Which other server the app talks to; the button sends `SettingsEvent::OfficialServerChosen`.
#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct ServerSettingView {
    pub text: String,
    pub reset_label: String,
}
