//! A phone and a server for driving the core through its effect loop in tests.
//!
//! `Phone` plays the shell: it keeps a key-value store that survives restarts, answers the
//! clock, holds timers until a test fires them, and carries HTTP to `FakeServer`, which keeps
//! the server's side of the protocol (idempotent intake, photos, my complaints with a cursor,
//! rating, reopening, questions and the citizen's messages) so that tests can check what arrived
//! and how often, and keeps every notification the core asked the phone to show and every file
//! it offered to keep.

#![allow(dead_code)]

use std::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use crux_core::{Core, Request};
use crux_http::protocol::{HttpHeader, HttpRequest, HttpResponse, HttpResult};
use crux_kv::{KeyValueError, KeyValueOperation, KeyValueResponse, KeyValueResult};
use crux_time::{Instant, TimeRequest, TimeResponse};
use shared::api::*;
use shared::notifications::{Notification, NotificationOperation};
use shared::view_model::{Screen, ViewModel};
use shared::{
    DraftEvent, Effect, Event, Language, LifecycleEvent, NavigationEvent, SettingsEvent, Zeri,
};
use uuid::Uuid;

mod rights;

pub const BASE_URL: &str = "https://zeri.test";

/// How the network between phone and server behaves.
#[derive(Debug, Clone, PartialEq)]
pub enum Network {
    Online,
    /// Every request fails before it reaches the server.
    Offline,
    /// Requests reach the server and are handled, but every answer is lost on the way back.
    LoseResponses,
    /// The server answers every request with this status and `Retry-After`, doing nothing.
    Status {
        status: u16,
        retry_after: Option<u64>,
    },
}

pub struct StoredComplaint {
    pub request: NewComplaint,
    pub device: String,
    pub record: ComplaintRecord,
    pub photos: BTreeMap<u8, Vec<u8>>,
    pub seq: u64,
    pub reopen_requests: Vec<Uuid>,
    /// The citizen's messages kept, each once: (its id, its text, its first photo slot).
    pub messages: Vec<(Uuid, String, u8)>,
    /// Every POST of a message that reached the server, kept or not.
    pub message_posts: usize,
    /// The photo slots the complaint has, its own and its messages'.
    pub photo_slots: u8,
}

#[derive(Default)]
pub struct FakeServer {
    pub complaints: BTreeMap<Uuid, StoredComplaint>,
    /// Every POST to the complaints endpoint that reached the server.
    pub complaint_posts: usize,
    pub seq: u64,
    /// Error code to refuse new complaints with (a 422), if any.
    pub refuse_complaints_with: Option<String>,
    pub clock: DateTime<Utc>,
    /// Codes of the campaigns the server knows.
    pub campaigns: Vec<String>,
    /// Every counted app opening: (campaign code, device secret).
    pub campaign_opens: Vec<(String, String)>,
    /// Every push-token registration that reached the server: (device secret, request).
    pub push_tokens: Vec<(String, shared::api::push::PushTokenRequest)>,
    /// Every request to remove contact details or erase data that reached the server.
    pub rights_requests: usize,
}

fn institution() -> InstitutionRef {
    InstitutionRef {
        id: "gjilan_public_services".into(),
        name: LocalizedText {
            sq: "Drejtoria e Shërbimeve Publike, Gjilan".into(),
            sr: "Direkcija za javne usluge, Gnjilane".into(),
            en: "Directorate of Public Services, Gjilan".into(),
        },
    }
}

fn json_response(status: u16, body: &impl serde::Serialize) -> HttpResponse {
    HttpResponse {
        status,
        headers: vec![HttpHeader {
            name: "content-type".into(),
            value: "application/json".into(),
        }],
        body: serde_json::to_vec(body).unwrap(),
    }
}

fn error_response(status: u16, code: &str, message: &str) -> HttpResponse {
    json_response(
        status,
        &ErrorBody {
            error: ErrorDetail {
                code: code.into(),
                message: message.into(),
            },
        },
    )
}

impl FakeServer {
    pub fn new() -> Self {
        FakeServer {
            clock: Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap(),
            ..Default::default()
        }
    }

    fn bump(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    pub fn handle(&mut self, request: &HttpRequest) -> HttpResponse {
        let path_and_query = request
            .url
            .strip_prefix(BASE_URL)
            .unwrap_or(&request.url)
            .to_owned();
        let (path, query) = path_and_query
            .split_once('?')
            .unwrap_or((&path_and_query, ""));
        let device = request
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case("authorization"))
            .and_then(|h| h.value.strip_prefix("Device "))
            .unwrap_or_default()
            .to_owned();
        let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
        if let Some(response) = self.rights(&request.method, &segments, &device) {
            return response;
        }
        match (request.method.as_str(), segments.as_slice()) {
            ("PUT", ["api", "v1", "devices", "push-token"]) => {
                match serde_json::from_slice(&request.body) {
                    Ok(token) if !device.is_empty() => {
                        self.push_tokens.push((device, token));
                        HttpResponse {
                            status: 204,
                            headers: vec![],
                            body: vec![],
                        }
                    }
                    _ => error_response(400, "invalid_request", "not a push token"),
                }
            }
            ("GET", ["api", "v1", "catalog"]) => {
                if request
                    .headers
                    .iter()
                    .any(|h| h.name.eq_ignore_ascii_case("if-none-match") && h.value == "\"v1\"")
                {
                    return HttpResponse {
                        status: 304,
                        headers: vec![],
                        body: vec![],
                    };
                }
                let mut response = json_response(200, &shared::catalog::builtin());
                response.headers.push(HttpHeader {
                    name: "ETag".into(),
                    value: "\"v1\"".into(),
                });
                response
            }
            ("POST", ["api", "v1", "complaints"]) => {
                self.complaint_posts += 1;
                self.new_complaint(&device, &request.body)
            }
            ("PUT", ["api", "v1", "complaints", id, "photos", index]) => {
                let (Ok(id), Ok(index)) = (Uuid::parse_str(id), index.parse::<u8>()) else {
                    return error_response(404, "complaint_not_found", "not found");
                };
                match self.complaints.get_mut(&id) {
                    Some(c) if c.device == device && index < c.photo_slots => {
                        c.photos.insert(index, request.body.clone());
                        HttpResponse {
                            status: 204,
                            headers: vec![],
                            body: vec![],
                        }
                    }
                    _ => error_response(404, "complaint_not_found", "not found"),
                }
            }
            ("GET", ["api", "v1", "complaints", "mine"]) => {
                let since: u64 = query
                    .strip_prefix("since=")
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
                let complaints = self
                    .complaints
                    .values()
                    .filter(|c| c.device == device && c.seq > since)
                    .map(|c| c.record.clone())
                    .collect();
                json_response(
                    200,
                    &MyComplaintsPage {
                        complaints,
                        cursor: self.seq.to_string(),
                    },
                )
            }
            ("POST", ["api", "v1", "complaints", id, action]) => {
                let Ok(id) = Uuid::parse_str(id) else {
                    return error_response(404, "complaint_not_found", "not found");
                };
                let seq = self.bump();
                let now = self.clock;
                let Some(c) = self.complaints.get_mut(&id).filter(|c| c.device == device) else {
                    return error_response(404, "complaint_not_found", "not found");
                };
                match *action {
                    "rating" => {
                        let rating: RatingRequest = serde_json::from_slice(&request.body).unwrap();
                        c.record.rating = Some(Rating {
                            stars: rating.stars,
                            comment: rating.comment,
                        });
                        c.record.timeline.push(TimelineEntry {
                            at: now,
                            kind: TimelineKind::Rated,
                            status: c.record.status,
                            text: None,
                            institution: None,
                        });
                    }
                    "reopen" => {
                        let reopen: ReopenRequest = serde_json::from_slice(&request.body).unwrap();
                        if !c.reopen_requests.contains(&reopen.request_id) {
                            if !c.record.status.is_closed() {
                                return error_response(
                                    409,
                                    "not_closed",
                                    "This complaint is still open.",
                                );
                            }
                            c.reopen_requests.push(reopen.request_id);
                            c.record.status = Status::Reopened;
                            c.record.timeline.push(TimelineEntry {
                                at: now,
                                kind: TimelineKind::Reopened,
                                status: Status::Reopened,
                                text: Some(reopen.reason),
                                institution: None,
                            });
                        }
                    }
                    "messages" => {
                        let message: CitizenMessageRequest =
                            serde_json::from_slice(&request.body).unwrap();
                        c.message_posts += 1;
                        let first_photo = match c.messages.iter().find(|m| m.0 == message.id) {
                            Some(kept) => kept.2,
                            None => {
                                if c.record.status.is_closed() {
                                    return error_response(409, "not_open", "Closed.");
                                }
                                let first = c.photo_slots;
                                c.photo_slots += message.photo_count;
                                c.messages.push((message.id, message.text.clone(), first));
                                if c.record.status == Status::WaitingForCitizen {
                                    c.record.status = Status::Received;
                                }
                                c.record.timeline.push(TimelineEntry {
                                    at: now,
                                    kind: TimelineKind::CitizenMessage,
                                    status: c.record.status,
                                    text: Some(message.text),
                                    institution: None,
                                });
                                first
                            }
                        };
                        c.seq = seq;
                        c.record.updated_at = now;
                        return json_response(
                            200,
                            &CitizenMessageReceipt {
                                first_photo,
                                complaint: c.record.clone(),
                            },
                        );
                    }
                    _ => return error_response(404, "not_found", "not found"),
                }
                c.seq = seq;
                c.record.updated_at = now;
                json_response(200, &c.record)
            }
            ("POST", ["api", "v1", "campaigns", code, "opens"]) => {
                if !self.campaigns.iter().any(|c| c == code) {
                    return error_response(404, "not_found", "not found");
                }
                self.campaign_opens.push(((*code).to_owned(), device));
                HttpResponse {
                    status: 204,
                    headers: vec![],
                    body: vec![],
                }
            }
            _ => error_response(404, "not_found", "not found"),
        }
    }

    fn new_complaint(&mut self, device: &str, body: &[u8]) -> HttpResponse {
        let Ok(request) = serde_json::from_slice::<NewComplaint>(body) else {
            return error_response(400, "malformed_json", "The request is not valid JSON.");
        };
        if let Some(code) = &self.refuse_complaints_with {
            return error_response(422, code, "Refused by the server.");
        }
        if let Some(existing) = self.complaints.get(&request.id) {
            return json_response(201, &receipt_of(&existing.record));
        }
        let seq = self.bump();
        let tracking_code = format!("ZR-{seq:04}");
        let record = ComplaintRecord {
            id: request.id,
            tracking_code,
            category: request.category.clone(),
            status: Status::Submitted,
            institution: institution(),
            explanation: LocalizedText {
                sq: "Mbeturinat janë përgjegjësi e komunës.".into(),
                sr: "Otpad je nadležnost opštine.".into(),
                en: "Waste collection is a municipal responsibility.".into(),
            },
            due_date: NaiveDate::from_ymd_opt(2026, 12, 11).unwrap(),
            submitted_at: self.clock,
            updated_at: self.clock,
            resolved_at: None,
            rating: None,
            timeline: vec![TimelineEntry {
                at: self.clock,
                kind: TimelineKind::Submitted,
                status: Status::Submitted,
                text: None,
                institution: None,
            }],
            contact_held: request.contact.is_some(),
            pin: Some(format!("4821{seq:04}")),
        };
        let response = json_response(201, &receipt_of(&record));
        self.complaints.insert(
            request.id,
            StoredComplaint {
                photo_slots: request.photo_count,
                messages: vec![],
                message_posts: 0,
                request,
                device: device.to_owned(),
                record,
                photos: BTreeMap::new(),
                seq,
                reopen_requests: vec![],
            },
        );
        response
    }

    /// A step staff took on complaint `id`, as its timeline shows it, with `status` after it.
    fn staff_step(
        &mut self,
        id: Uuid,
        kind: TimelineKind,
        status: Status,
        text: Option<&str>,
        institution: Option<InstitutionRef>,
    ) -> &mut ComplaintRecord {
        let seq = self.bump();
        let now = self.clock;
        let c = self.complaints.get_mut(&id).unwrap();
        c.seq = seq;
        c.record.status = status;
        c.record.updated_at = now;
        c.record.timeline.push(TimelineEntry {
            at: now,
            kind,
            status,
            text: text.map(str::to_owned),
            institution,
        });
        &mut c.record
    }

    /// Staff ask the citizen a question: the complaint waits for the answer.
    pub fn ask(&mut self, id: Uuid, question: &str) {
        let waiting = Status::WaitingForCitizen;
        self.staff_step(id, TimelineKind::Question, waiting, Some(question), None);
    }

    /// Staff acknowledge a complaint: received, work to begin.
    pub fn acknowledge(&mut self, id: Uuid) {
        self.staff_step(
            id,
            TimelineKind::StatusChanged,
            Status::Received,
            None,
            None,
        );
    }

    /// Staff answer and resolve a complaint.
    pub fn resolve(&mut self, id: Uuid, reply: &str) {
        let now = self.clock;
        let record = self.staff_step(id, TimelineKind::Reply, Status::Resolved, Some(reply), None);
        record.resolved_at = Some(now);
    }

    /// Staff pass a complaint on to another institution, which has until `due` to answer.
    pub fn transfer(&mut self, id: Uuid, to: InstitutionRef, reason: &str, due: NaiveDate) {
        let (kind, status) = (TimelineKind::Transferred, Status::Transferred);
        let record = self.staff_step(id, kind, status, Some(reason), Some(to.clone()));
        record.institution = to;
        record.due_date = due;
    }

    /// The deadline passed unanswered: the complaint goes to the supervising body `to`, its
    /// status and institution unchanged.
    pub fn escalate(&mut self, id: Uuid, to: InstitutionRef) {
        let status = self.complaints[&id].record.status;
        self.staff_step(id, TimelineKind::Escalated, status, None, Some(to));
    }

    pub fn descriptions(&self) -> Vec<String> {
        self.complaints
            .values()
            .map(|c| c.request.description.clone())
            .collect()
    }
}

fn receipt_of(record: &ComplaintRecord) -> ComplaintReceipt {
    ComplaintReceipt {
        id: record.id,
        tracking_code: record.tracking_code.clone(),
        status: record.status,
        institution: record.institution.clone(),
        explanation: record.explanation.clone(),
        due_date: record.due_date,
        submitted_at: record.submitted_at,
        pin: record.pin.clone(),
    }
}

/// A phone running the core, with a store that survives restarts.
pub struct Phone {
    pub core: Core<Zeri>,
    pub store: BTreeMap<String, Vec<u8>>,
    pub queue: VecDeque<Effect>,
    pub timers: Vec<(Duration, Request<TimeRequest>)>,
    pub network: Network,
    /// Writes to keys starting with this prefix fail.
    pub failing_writes: Option<String>,
    pub now: DateTime<Utc>,
    /// Every HTTP request the core made.
    pub requests: Vec<HttpRequest>,
    pub server: Rc<RefCell<FakeServer>>,
    /// Every notification the core asked the phone to show, in order.
    pub shown: Vec<Notification>,
    /// How often the core asked for permission to show notifications.
    pub permission_asks: usize,
    /// Every file the core offered the citizen to keep.
    pub exported: Vec<shared::export::ExportOperation>,
}

impl Phone {
    /// A freshly installed app, not yet started.
    pub fn new(server: Rc<RefCell<FakeServer>>) -> Self {
        Phone {
            core: Core::new(),
            store: BTreeMap::new(),
            queue: VecDeque::new(),
            timers: Vec::new(),
            network: Network::Online,
            failing_writes: None,
            now: Utc.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).unwrap(),
            requests: Vec::new(),
            server,
            shown: Vec::new(),
            permission_asks: 0,
            exported: Vec::new(),
        }
    }

    /// Installs, launches, and gets past the welcome screen.
    pub fn launched(server: Rc<RefCell<FakeServer>>) -> Self {
        let mut phone = Phone::new(server);
        phone.send(LifecycleEvent::Started {
            api_base_url: BASE_URL.into(),
            debug_build: false,
        });
        phone.send(SettingsEvent::WelcomeFinished);
        phone
    }

    /// Speaks `language` from now on: with [`Phone::launched`] and [`Phone::on`], the
    /// launch → language → screen start of most journeys.
    pub fn speaking(mut self, language: Language) -> Self {
        self.send(SettingsEvent::LanguageSelected { language });
        self
    }

    /// Goes to `screen`, one of the tabs.
    pub fn on(mut self, screen: Screen) -> Self {
        self.send(NavigationEvent::NavigateTo { screen });
        self
    }

    pub fn view(&self) -> ViewModel {
        self.core.view()
    }

    /// Sends an event and carries out every effect that follows, except timers.
    pub fn send(&mut self, event: impl Into<Event>) {
        self.post(event);
        self.settle();
    }

    /// Sends an event without carrying out its effects yet.
    pub fn post(&mut self, event: impl Into<Event>) {
        let effects = self.core.process_event(event.into());
        self.queue.extend(effects);
    }

    pub fn settle(&mut self) {
        while self.step(0) {}
    }

    /// Carries out the effect at `index` (modulo the queue length); false if there is none.
    pub fn step(&mut self, index: usize) -> bool {
        if self.queue.is_empty() {
            return false;
        }
        let effect = self.queue.remove(index % self.queue.len()).unwrap();
        let follow_up = self.carry_out(effect);
        self.queue.extend(follow_up);
        true
    }

    fn carry_out(&mut self, effect: Effect) -> Vec<Effect> {
        match effect {
            Effect::Render(_) => vec![],
            Effect::Export(request) => {
                self.exported.push(request.operation);
                vec![]
            }
            Effect::Notification(request) => {
                match request.operation {
                    NotificationOperation::Show(notification) => self.shown.push(notification),
                    NotificationOperation::AskPermission(_) => self.permission_asks += 1,
                }
                vec![]
            }
            Effect::KeyValue(mut request) => {
                let result = self.key_value(&request.operation);
                self.core.resolve(&mut request, result).unwrap_or_default()
            }
            Effect::Time(mut request) => match &request.operation {
                TimeRequest::Now => {
                    let instant = Instant::new(self.now.timestamp() as u64, 0);
                    self.core
                        .resolve(&mut request, TimeResponse::Now { instant })
                        .unwrap_or_default()
                }
                TimeRequest::NotifyAfter { duration, .. } => {
                    self.timers.push((Duration::from(*duration), request));
                    vec![]
                }
                other => panic!("the core asked for a timer it does not use: {other:?}"),
            },
            Effect::Http(mut request) => {
                self.requests.push(request.operation.clone());
                let result = self.http(&request.operation);
                self.core.resolve(&mut request, result).unwrap_or_default()
            }
        }
    }

    fn key_value(&mut self, operation: &KeyValueOperation) -> KeyValueResult {
        let ok = |response| KeyValueResult::Ok { response };
        match operation {
            KeyValueOperation::Get { key } => ok(KeyValueResponse::Get {
                value: self.store.get(key).cloned().into(),
            }),
            KeyValueOperation::Set { key, value } => {
                if self
                    .failing_writes
                    .as_ref()
                    .is_some_and(|prefix| key.starts_with(prefix.as_str()))
                {
                    return KeyValueResult::Err {
                        error: KeyValueError::Io {
                            message: "disk full".into(),
                        },
                    };
                }
                let previous = self.store.insert(key.clone(), value.clone());
                ok(KeyValueResponse::Set {
                    previous: previous.into(),
                })
            }
            KeyValueOperation::Delete { key } => ok(KeyValueResponse::Delete {
                previous: self.store.remove(key).into(),
            }),
            KeyValueOperation::Exists { key } => ok(KeyValueResponse::Exists {
                is_present: self.store.contains_key(key),
            }),
            KeyValueOperation::ListKeys { prefix, .. } => ok(KeyValueResponse::ListKeys {
                keys: self
                    .store
                    .keys()
                    .filter(|k| k.starts_with(prefix.as_str()))
                    .cloned()
                    .collect(),
                next_cursor: 0,
            }),
        }
    }

    fn http(&mut self, request: &HttpRequest) -> HttpResult {
        match self.network.clone() {
            Network::Offline => {
                HttpResult::Err(crux_http::HttpError::Io("network unreachable".into()))
            }
            Network::Online => HttpResult::Ok(self.server.borrow_mut().handle(request)),
            Network::LoseResponses => {
                self.server.borrow_mut().handle(request);
                HttpResult::Err(crux_http::HttpError::Timeout)
            }
            Network::Status {
                status,
                retry_after,
            } => HttpResult::Ok(HttpResponse {
                status,
                headers: retry_after
                    .map(|s| {
                        vec![HttpHeader {
                            name: "Retry-After".into(),
                            value: s.to_string(),
                        }]
                    })
                    .unwrap_or_default(),
                body: vec![],
            }),
        }
    }

    /// Lets every waiting timer fire, returning how long each was set for.
    pub fn fire_timers(&mut self) -> Vec<Duration> {
        let timers = std::mem::take(&mut self.timers);
        let mut fired = Vec::new();
        for (duration, mut request) in timers {
            self.now += chrono::Duration::from_std(duration).unwrap();
            fired.push(duration);
            let id = match &request.operation {
                TimeRequest::NotifyAfter { id, .. } => *id,
                _ => unreachable!(),
            };
            let effects = self
                .core
                .resolve(&mut request, TimeResponse::DurationElapsed { id })
                .unwrap_or_default();
            self.queue.extend(effects);
            self.settle();
        }
        fired
    }

    /// The app is killed (whatever was in flight is lost) and launched again from its store.
    pub fn restart(&mut self) {
        self.core = Core::new();
        self.queue.clear();
        self.timers.clear();
        self.send(LifecycleEvent::Started {
            api_base_url: BASE_URL.into(),
            debug_build: false,
        });
    }

    /// The app is killed and launched again, and nothing is carried out yet.
    pub fn restart_without_settling(&mut self) {
        self.core = Core::new();
        self.queue.clear();
        self.timers.clear();
        self.post(LifecycleEvent::Started {
            api_base_url: BASE_URL.into(),
            debug_build: false,
        });
    }

    /// Fills in a complete, valid complaint.
    pub fn draft_complaint(&mut self, description: &str) {
        self.send(NavigationEvent::NavigateTo {
            screen: Screen::NewComplaint,
        });
        self.send(DraftEvent::CategorySelected {
            id: "waste_collection".into(),
        });
        self.send(DraftEvent::DescriptionChanged {
            text: description.into(),
        });
        self.send(DraftEvent::MunicipalitySelected {
            id: "gjilan".into(),
        });
        self.send(DraftEvent::AnonymousToggled { anonymous: true });
    }

    pub fn submit_complaint(&mut self, description: &str) {
        self.draft_complaint(description);
        self.send(DraftEvent::SubmitTapped);
    }

    /// The latest request whose URL contains `fragment`.
    pub fn last_request_to(&self, fragment: &str) -> HttpRequest {
        self.requests
            .iter()
            .rev()
            .find(|r| r.url.contains(fragment))
            .cloned()
            .expect("such a request")
    }

    pub fn posts(&self) -> usize {
        self.requests
            .iter()
            .filter(|r| r.method == "POST" && r.url.ends_with("/api/v1/complaints"))
            .count()
    }
}

pub fn server() -> Rc<RefCell<FakeServer>> {
    Rc::new(RefCell::new(FakeServer::new()))
}

fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let mut s = vec![0xFF, marker];
    s.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    s.extend_from_slice(payload);
    s
}

/// A small, structurally valid JPEG carrying an Exif block with a GPS position.
pub fn jpeg_with_gps(seed: u8) -> Vec<u8> {
    let mut jpeg = vec![0xFF, 0xD8];
    jpeg.extend(segment(0xE0, b"JFIF\0\x01\x02\0\0\x01\0\x01\0\0"));
    jpeg.extend(segment(
        0xE1,
        b"Exif\0\0GPSLatitude 42.4635 GPSLongitude 21.4694",
    ));
    jpeg.extend(segment(
        0xDB,
        &[&[0u8][..], &[seed.max(1); 64][..]].concat(),
    ));
    jpeg.extend(segment(0xC0, &[8, 0, 16, 0, 16, 1, 1, 0x11, 0]));
    jpeg.extend(segment(
        0xC4,
        &[0x00, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5],
    ));
    jpeg.extend(segment(0xDA, &[1, 1, 0x00, 0, 63, 0]));
    jpeg.extend_from_slice(&[0x12, 0x34, seed, 0x56, 0x78]);
    jpeg.extend_from_slice(&[0xFF, 0xD9]);
    jpeg
}
