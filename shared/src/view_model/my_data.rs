//! What "Your data" draws, and the contact section of a complaint's page: see
//! [`crate::my_data`].

use facet::Facet;
use serde::{Deserialize, Serialize};

/// "Your data": what the server holds about this phone's complaints, to read, keep and erase.
#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct MyDataView {
    pub intro: String,
    /// "Asking the server…", or that it could not be reached; otherwise none.
    pub status: Option<String>,
    pub loading: bool,
    /// Sends `MyDataEvent::ReloadTapped`; set when the server could not be reached.
    pub reload_label: Option<String>,
    /// Once the server answered: "The server holds nothing about this phone's complaints."
    pub empty: Option<String>,
    pub complaints: Vec<HeldComplaintView>,
    /// The push services this phone is woken through, if any.
    pub push_line: Option<String>,
    /// Sends `MyDataEvent::ExportTapped`; set once the server answered.
    pub export_label: Option<String>,
    pub erase: EraseView,
}

/// One complaint as the server holds it: a heading and each thing kept, labelled.
#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct HeldComplaintView {
    pub id: String,
    pub title: String,
    pub rows: Vec<DataRowView>,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct DataRowView {
    pub label: String,
    pub value: String,
}

/// Erasing everything: the button sends `MyDataEvent::EraseTapped`, which asks first
/// (`confirm`); then `EraseConfirmed` or `EraseCancelled`.
#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct EraseView {
    pub title: String,
    pub explanation: String,
    /// None while an erasure is queued.
    pub button_label: Option<String>,
    pub confirm: Option<ConfirmView>,
    /// "Your data will be erased when the phone reaches the server."
    pub pending: Option<String>,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct ConfirmView {
    pub question: String,
    pub confirm_label: String,
    pub cancel_label: String,
}

/// A complaint's PIN and where it opens the complaint without this phone: for the person it
/// was filed for, who may see, save or erase its data on the server's web page.
#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct WebAccessView {
    pub title: String,
    pub pin_label: String,
    /// In two groups of four digits, as people read it out.
    pub pin: String,
    pub explanation: String,
    /// The page, in the app's language; the shell opens it in the browser.
    pub url: String,
}

#[derive(Facet, Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct ContactView {
    pub text: String,
    /// Sends `MyDataEvent::RemoveContactTapped`; set while the institution holds them and no
    /// removal is queued.
    pub remove_label: Option<String>,
    /// Set while a removal is queued.
    pub pending: Option<String>,
}
