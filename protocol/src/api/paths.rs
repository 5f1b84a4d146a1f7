//! Paths of the citizen API, relative to the server's base URL. A path with parameters has a
//! template (`RATING`, with `{id}`), which the server's router is built from, beside the function
//! that fills it in for a request (`rating(id)`); a test holds the two to each other.

use uuid::Uuid;

pub const CATALOG: &str = "/api/v1/catalog";
pub const COMPLAINTS: &str = "/api/v1/complaints";
pub const MY_COMPLAINTS: &str = "/api/v1/complaints/mine";
/// `PUT` a photo of complaint `{id}` into slot `{index}`.
pub const PHOTO: &str = "/api/v1/complaints/{id}/photos/{index}";
pub const RATING: &str = "/api/v1/complaints/{id}/rating";
pub const REOPEN: &str = "/api/v1/complaints/{id}/reopen";
/// `POST` a message from the citizen (an answer, or something added).
pub const MESSAGES: &str = "/api/v1/complaints/{id}/messages";
pub const CAMPAIGN_OPENED: &str = "/api/v1/campaigns/{code}/opens";
/// `PUT` this device's push token; `DELETE` its tokens.
pub const PUSH_TOKEN: &str = "/api/v1/devices/push-token";
/// `DELETE` the contact details the citizen gave with complaint `{id}`.
pub const CONTACT: &str = "/api/v1/complaints/{id}/contact";
/// `GET` everything the server holds about this device's complaints; `DELETE` it.
pub const MY_DATA: &str = "/api/v1/devices/data";

/// The server's web page (not part of the API) where a complaint's data is seen, exported,
/// its contact details removed or all of it erased, with its tracking code and PIN.
pub const MY_COMPLAINT_PAGE: &str = "/my-complaint";

/// Every path of the citizen API, as the router and the API document write them.
pub const ALL: [&str; 11] = [
    CATALOG,
    COMPLAINTS,
    MY_COMPLAINTS,
    PHOTO,
    RATING,
    REOPEN,
    MESSAGES,
    CAMPAIGN_OPENED,
    PUSH_TOKEN,
    CONTACT,
    MY_DATA,
];

pub fn photo(complaint: Uuid, index: u8) -> String {
    format!("/api/v1/complaints/{complaint}/photos/{index}")
}

pub fn rating(complaint: Uuid) -> String {
    format!("/api/v1/complaints/{complaint}/rating")
}

pub fn reopen(complaint: Uuid) -> String {
    format!("/api/v1/complaints/{complaint}/reopen")
}

pub fn messages(complaint: Uuid) -> String {
    format!("/api/v1/complaints/{complaint}/messages")
}

pub fn contact(complaint: Uuid) -> String {
    format!("/api/v1/complaints/{complaint}/contact")
}

/// `POST` (no body): the app was opened with a campaign's code. `code` is already in its
/// normalized form (A-Z, 0-9 and '-'), so it needs no escaping.
pub fn campaign_opened(code: &str) -> String {
    format!("/api/v1/campaigns/{code}/opens")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_request_path_fills_in_its_template() {
        let id = Uuid::from_u128(0x2026);
        let filled = |template: &str| template.replace("{id}", &id.to_string());
        assert_eq!(photo(id, 2), filled(PHOTO).replace("{index}", "2"));
        assert_eq!(rating(id), filled(RATING));
        assert_eq!(reopen(id), filled(REOPEN));
        assert_eq!(messages(id), filled(MESSAGES));
        assert_eq!(contact(id), filled(CONTACT));
        assert_eq!(
            campaign_opened("SPRING-26"),
            CAMPAIGN_OPENED.replace("{code}", "SPRING-26")
        );
    }
}
