//! A phone without a screen: the real core, with its effects carried out the way the Android and
//! iOS shells carry them out. HTTP goes through reqwest, the key-value store is a [`Store`],
//! the clock is the system's and timers are tokio's. Several requests may be in flight at
//! once, and their answers come back in whatever order the network delivers them.

use std::collections::VecDeque;
use std::time::{Duration, SystemTime};

use crux_core::{Core, Request};
use crux_http::HttpError;
use crux_http::protocol::{HttpHeader, HttpRequest, HttpResponse, HttpResult};
use crux_time::{TimeRequest, TimeResponse};
use shared::export::ExportOperation;
use shared::notifications::{Notification, NotificationOperation};
use shared::view_model::ViewModel;
use shared::{Effect, Event, Zeri};
use tokio::task::JoinSet;

use crate::store::Store;

/// How long one HTTP request may take before the phone gives up on it.
pub const HTTP_TIMEOUT: Duration = Duration::from_secs(30);

enum Done {
    Http(Request<HttpRequest>, HttpResult),
    Timer(Request<TimeRequest>, TimeResponse),
}

pub struct Phone<S: Store> {
    core: Core<Zeri>,
    store: S,
    client: reqwest::Client,
    queue: VecDeque<Effect>,
    in_flight: JoinSet<Done>,
    http_in_flight: usize,
    latency_log: Option<LatencyLog>,
    notifications: Vec<Notification>,
    exports: Vec<ExportOperation>,
}

/// Where a phone records how long each accepted complaint took to file, for load tests.
pub type LatencyLog = std::sync::Arc<std::sync::Mutex<Vec<Duration>>>;

async fn carry_out_http(client: reqwest::Client, request: HttpRequest) -> HttpResult {
    let method = match reqwest::Method::from_bytes(request.method.as_bytes()) {
        Ok(method) => method,
        Err(e) => return HttpResult::Err(HttpError::Url(e.to_string())),
    };
    let mut builder = client.request(method, &request.url).timeout(HTTP_TIMEOUT);
    for header in &request.headers {
        builder = builder.header(&header.name, &header.value);
    }
    if !request.body.is_empty() {
        builder = builder.body(request.body);
    }
    let response = match builder.send().await {
        Ok(response) => response,
        Err(e) if e.is_timeout() => return HttpResult::Err(HttpError::Timeout),
        Err(e) if e.is_builder() => return HttpResult::Err(HttpError::Url(e.to_string())),
        Err(e) => return HttpResult::Err(HttpError::Io(e.to_string())),
    };
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| HttpHeader {
            name: name.to_string(),
            value: value.to_str().unwrap_or_default().to_owned(),
        })
        .collect();
    match response.bytes().await {
        Ok(body) => HttpResult::Ok(HttpResponse {
            status,
            headers,
            body: body.to_vec(),
        }),
        Err(e) if e.is_timeout() => HttpResult::Err(HttpError::Timeout),
        Err(e) => HttpResult::Err(HttpError::Io(e.to_string())),
    }
}

impl<S: Store> Phone<S> {
    pub fn new(store: S, client: reqwest::Client) -> Self {
        Phone {
            core: Core::new(),
            store,
            client,
            queue: VecDeque::new(),
            in_flight: JoinSet::new(),
            http_in_flight: 0,
            latency_log: None,
            notifications: Vec::new(),
            exports: Vec::new(),
        }
    }

    /// Records the time of every successful `POST /api/v1/complaints` in `log`.
    pub fn set_latency_log(&mut self, log: LatencyLog) {
        self.latency_log = Some(log);
    }

    pub fn view(&self) -> ViewModel {
        self.core.view()
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    /// The notifications the core asked to show since the last call.
    pub fn take_notifications(&mut self) -> Vec<Notification> {
        std::mem::take(&mut self.notifications)
    }

    /// The files the core offered to keep since the last call.
    pub fn take_exports(&mut self) -> Vec<ExportOperation> {
        std::mem::take(&mut self.exports)
    }

    /// Hands the core an event and starts carrying out what it asks for.
    pub fn send(&mut self, event: impl Into<Event>) {
        let effects = self.core.process_event(event.into());
        self.queue.extend(effects);
        self.pump();
    }

    /// Carries out every effect that needs no waiting, and starts the ones that do.
    fn pump(&mut self) {
        while let Some(effect) = self.queue.pop_front() {
            let follow_up = match effect {
                Effect::Render(_) => Vec::new(),
                Effect::Export(request) => {
                    self.exports.push(request.operation);
                    Vec::new()
                }
                Effect::Notification(request) => {
                    // A terminal cannot ask for permission; it shows what it is told.
                    if let NotificationOperation::Show(notification) = request.operation {
                        self.notifications.push(notification);
                    }
                    Vec::new()
                }
                Effect::KeyValue(mut request) => {
                    let result = self.store.handle(&request.operation);
                    self.core.resolve(&mut request, result).unwrap_or_default()
                }
                Effect::Time(mut request) => match request.operation.clone() {
                    TimeRequest::Now => {
                        let instant = SystemTime::now().into();
                        self.core
                            .resolve(&mut request, TimeResponse::Now { instant })
                            .unwrap_or_default()
                    }
                    TimeRequest::NotifyAfter { id, duration } => {
                        let wait: Duration = duration.into();
                        self.in_flight.spawn(async move {
                            tokio::time::sleep(wait).await;
                            Done::Timer(request, TimeResponse::DurationElapsed { id })
                        });
                        Vec::new()
                    }
                    TimeRequest::NotifyAt { id, instant } => {
                        let at: SystemTime = instant.into();
                        let wait = at.duration_since(SystemTime::now()).unwrap_or_default();
                        self.in_flight.spawn(async move {
                            tokio::time::sleep(wait).await;
                            Done::Timer(request, TimeResponse::InstantArrived { id })
                        });
                        Vec::new()
                    }
                    TimeRequest::Clear { id } => self
                        .core
                        .resolve(&mut request, TimeResponse::Cleared { id })
                        .unwrap_or_default(),
                },
                Effect::Http(request) => {
                    let client = self.client.clone();
                    let log = self.latency_log.clone().filter(|_| {
                        request.operation.method == "POST"
                            && request.operation.url.ends_with("/api/v1/complaints")
                    });
                    self.http_in_flight += 1;
                    self.in_flight.spawn(async move {
                        let operation = request.operation.clone();
                        let started = std::time::Instant::now();
                        let result = carry_out_http(client, operation).await;
                        if let (Some(log), HttpResult::Ok(response)) = (log, &result)
                            && (200..300).contains(&response.status)
                            && let Ok(mut log) = log.lock()
                        {
                            log.push(started.elapsed());
                        }
                        Done::Http(request, result)
                    });
                    Vec::new()
                }
            };
            self.queue.extend(follow_up);
        }
    }

    /// Runs the effect loop until `done` holds for the view with no request in flight (true),
    /// until nothing more can happen (false), or until `limit` has passed (false).
    pub async fn run_until(&mut self, limit: Duration, done: impl Fn(&ViewModel) -> bool) -> bool {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            self.pump();
            if self.http_in_flight == 0 && done(&self.view()) {
                return true;
            }
            let next = tokio::time::timeout_at(deadline, self.in_flight.join_next()).await;
            let finished = match next {
                Err(_) => return false,
                Ok(None) => return false,
                Ok(Some(Err(_))) => continue,
                Ok(Some(Ok(finished))) => finished,
            };
            let follow_up = match finished {
                Done::Http(mut request, result) => {
                    self.http_in_flight -= 1;
                    self.core.resolve(&mut request, result).unwrap_or_default()
                }
                Done::Timer(mut request, response) => self
                    .core
                    .resolve(&mut request, response)
                    .unwrap_or_default(),
            };
            self.queue.extend(follow_up);
        }
    }

    /// Runs until nothing waits in the outbox (and no request is in flight).
    pub async fn sync(&mut self, limit: Duration) -> bool {
        self.run_until(limit, |view| view.my_complaints.pending.is_empty())
            .await
    }
}
