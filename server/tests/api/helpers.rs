//! Starts the real server on port 0 with a fresh database in its own folder, and talks HTTP
//! to it. The database is a SQLite file there, or, with `ZERI_TEST_ENGINE=postgres`, a fresh
//! PostgreSQL database in the cluster `ZERI_TEST_POSTGRES` names (`scripts/with-postgres`):
//! the same tests run on both engines.
//!
//! Answers are read as the types the server writes them with: the citizen API's from
//! `protocol::api`, the staff and administration APIs' from the server's routes. A read
//! (`inbox`, `my_complaints`, ...) answers its type and fails the test on a refusal; an action
//! (`act`, `rate`, `reopen`) answers `Result<_, Refusal>`, because tests check refusals of
//! actions as often as their outcomes. Requests that are meant to be wrong (`post_complaint`,
//! `citizen_get`, `staff_post`, ...) answer the raw `Response`; `refusal` and `answer` read it.

use std::fmt::Display;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use protocol::api::{
    ApiLanguage, ComplaintReceipt, ComplaintRecord, ErrorBody, Location, MyComplaintsPage,
    NewComplaint, RatingRequest, ReopenRequest, paths,
};
use reqwest::{Response, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use server::app::Application;
use server::auth::sessions::LoginResponse;
use server::auth::{Role, hash_password};
use server::config::{Config, Database};
use server::routes::staff::complaints::ActionOutcome;
use server::services::accounts::{Account, NewAccount, insert_account};
use server::services::inbox::{Colleague, Inbox, InboxItem, StaffComplaint};
use server::services::statistics::Stats;
use server::state::AppState;
use uuid::Uuid;

pub const PASSWORD: &str = "correct horse battery";

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub dir: PathBuf,
    pub state: AppState,
    server: tokio::task::JoinHandle<std::io::Result<()>>,
    keep_dir: bool,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
        if !self.keep_dir {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

pub fn fresh_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zeri-test-{}", Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Whether the tests run on PostgreSQL (`ZERI_TEST_ENGINE=postgres`) rather than SQLite.
pub fn on_postgres() -> bool {
    std::env::var("ZERI_TEST_ENGINE").is_ok_and(|engine| engine == "postgres")
}

/// The server's settings for a test in `dir`, on the engine the run chose. On PostgreSQL the
/// folder remembers its database, so a server started again in the same folder finds its data.
pub fn test_config(dir: &std::path::Path) -> Config {
    let mut config = Config::for_directory(dir);
    // Scheduled jobs and the mailer run when a test says so (`scheduler::escalate_if_due`,
    // `mailer::deliver_due`), not on a timer while it moves the clock about; the scheduler's
    // own test turns the timer on.
    config.jobs_every_seconds = 0;
    config.mail_every_seconds = 0;
    config.push_every_seconds = 0;
    if on_postgres() {
        let remembered = dir.join("postgres-url");
        let url = std::fs::read_to_string(&remembered).unwrap_or_else(|_| {
            let url = fresh_postgres_database();
            std::fs::write(&remembered, &url).unwrap();
            url
        });
        config.database = Database::Postgres(url);
    }
    config
}

/// A new database in the test cluster, as a URL.
pub fn fresh_postgres_database() -> String {
    let cluster = std::env::var("ZERI_TEST_POSTGRES")
        .expect("ZERI_TEST_POSTGRES names the cluster: run under scripts/with-postgres");
    server::db::postgres::create_database(&cluster, "zeri_api").expect("a test database is made")
}

pub async fn spawn_app() -> TestApp {
    spawn_with(test_config(&fresh_dir())).await
}

pub async fn spawn_with(config: Config) -> TestApp {
    let dir = config.data_dir.parent().unwrap().to_owned();
    let app = Application::build(config).await.expect("the server starts");
    let address = format!("http://{}", app.local_addr());
    let state = app.state.clone();
    let server = tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        client: reqwest::Client::new(),
        dir,
        state,
        server,
        keep_dir: false,
    }
}

pub fn device() -> String {
    format!("{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple())
}

/// A complaint as the phone core sends it.
pub fn complaint(category: &str, location: Location) -> NewComplaint {
    NewComplaint {
        id: Uuid::new_v4(),
        category: category.into(),
        description: "The problem has been there for two weeks and nobody came.".into(),
        location,
        contact: None,
        photo_count: 0,
        language: ApiLanguage::Sq,
        campaign: None,
    }
}

pub fn gps(lat: f64, lon: f64) -> Location {
    Location::Gps { lat, lon }
}

pub fn in_municipality(id: &str) -> Location {
    Location::Municipality { id: id.into() }
}

/// A refused request: the answer's status and its error body.
#[derive(Debug)]
pub struct Refusal {
    pub status: StatusCode,
    pub body: ErrorBody,
}

impl Refusal {
    /// The status and the error's code, as a test expects them.
    pub fn kind(&self) -> (StatusCode, &str) {
        (self.status, &self.body.error.code)
    }

    pub fn code(&self) -> &str {
        &self.body.error.code
    }

    pub fn message(&self) -> &str {
        &self.body.error.message
    }
}

/// Reads an answer that must be a refusal: its status and its `{"error": {"code", "message"}}`
/// body, whose message a person can read (present, and no message id left untranslated).
pub async fn refusal(response: Response) -> Refusal {
    let status = response.status();
    let text = response.text().await.unwrap();
    assert!(
        status.is_client_error() || status.is_server_error(),
        "a refusal was expected, the answer was {status}: {text}"
    );
    let body: ErrorBody = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{status}: not an error body ({e}): {text}"));
    let message = &body.error.message;
    assert!(!message.is_empty() && !message.contains('⟦'), "{message}");
    Refusal { status, body }
}

/// Reads an answer: its body as `T` when it is 200 OK, or the refusal. Any other success
/// (201, 204, a redirect) fails the test: say which one is expected with `created`.
pub async fn answer<T: DeserializeOwned>(response: Response) -> Result<T, Refusal> {
    let status = response.status();
    if status.is_client_error() || status.is_server_error() {
        return Err(refusal(response).await);
    }
    Ok(body_of(response, StatusCode::OK).await)
}

/// Reads the answer to a request that must have created something (201), as `T`.
pub async fn created<T: DeserializeOwned>(response: Response) -> T {
    body_of(response, StatusCode::CREATED).await
}

/// Reads the answer to a request that must succeed (200 OK), as `T`.
async fn read<T: DeserializeOwned>(response: Response) -> T {
    let url = response.url().path().to_owned();
    answer(response)
        .await
        .unwrap_or_else(|refused| panic!("{url}: {refused:?}"))
}

async fn body_of<T: DeserializeOwned>(response: Response, expected: StatusCode) -> T {
    let status = response.status();
    let text = response.text().await.unwrap();
    assert_eq!(status, expected, "{text}");
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{status}: not the expected body ({e}): {text}"))
}

/// Where staff send an action on a complaint.
pub fn actions_path(complaint: impl Display) -> String {
    format!("/api/v1/staff/complaints/{complaint}/actions")
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub fn set_time(&self, at: &str) {
        let at: DateTime<Utc> = at.parse().expect("an RFC 3339 time");
        self.state.clock.set(at);
    }

    /// Shuts the server down and keeps its folder, for a restart.
    pub fn stop_keeping_data(mut self) -> PathBuf {
        self.keep_dir = true;
        self.server.abort();
        self.dir.clone()
    }

    /// Sends a complaint (or anything else, to see it refused) as the phone would.
    pub async fn post_complaint(&self, device: &str, body: &impl Serialize) -> Response {
        self.citizen_post(device, paths::COMPLAINTS, body).await
    }

    /// Files a complaint and returns its receipt, checking it was created.
    pub async fn file(&self, device: &str, body: &NewComplaint) -> ComplaintReceipt {
        created(self.post_complaint(device, body).await).await
    }

    /// The device's complaints, as the phone asks for them the first time.
    pub async fn my_complaints(&self, device: &str) -> MyComplaintsPage {
        read(self.citizen_get(device, paths::MY_COMPLAINTS).await).await
    }

    /// The device's complaints that changed after `cursor`.
    pub async fn my_complaints_since(&self, device: &str, cursor: &str) -> MyComplaintsPage {
        let path = format!("{}?since={cursor}", paths::MY_COMPLAINTS);
        read(self.citizen_get(device, &path).await).await
    }

    pub async fn rate(
        &self,
        device: &str,
        complaint: Uuid,
        rating: &RatingRequest,
    ) -> Result<ComplaintRecord, Refusal> {
        answer(
            self.citizen_post(device, &paths::rating(complaint), rating)
                .await,
        )
        .await
    }

    pub async fn reopen(
        &self,
        device: &str,
        complaint: Uuid,
        request: &ReopenRequest,
    ) -> Result<ComplaintRecord, Refusal> {
        answer(
            self.citizen_post(device, &paths::reopen(complaint), request)
                .await,
        )
        .await
    }

    pub async fn citizen_get(&self, device: &str, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .header("Authorization", format!("Device {device}"))
            .send()
            .await
            .unwrap()
    }

    pub async fn citizen_post(&self, device: &str, path: &str, body: &impl Serialize) -> Response {
        self.client
            .post(self.url(path))
            .header("Authorization", format!("Device {device}"))
            .json(body)
            .send()
            .await
            .unwrap()
    }

    /// Creates an account directly in the database.
    pub async fn account(&self, username: &str, role: Role, institution: Option<&str>) {
        let account = NewAccount {
            username: username.into(),
            display_name: format!("Test {username}"),
            password: PASSWORD.into(),
            role,
            institution_id: institution.map(str::to_owned),
        };
        let hash = hash_password(PASSWORD).unwrap();
        self.state
            .db
            .call(move |c| insert_account(c, &account, &hash))
            .await
            .unwrap();
    }

    /// Logs in with the test password; answers the session's token.
    pub async fn login(&self, username: &str) -> String {
        let response = self
            .client
            .post(self.url("/api/v1/staff/login"))
            .json(&json!({ "username": username, "password": PASSWORD }))
            .send()
            .await
            .unwrap();
        read::<LoginResponse>(response).await.token
    }

    /// An account for `institution` with that role, logged in.
    pub async fn staff(&self, username: &str, role: Role, institution: Option<&str>) -> String {
        self.account(username, role, institution).await;
        self.login(username).await
    }

    pub async fn staff_get(&self, token: &str, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
    }

    pub async fn staff_post(&self, token: &str, path: &str, body: &impl Serialize) -> Response {
        self.client
            .post(self.url(path))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    /// The inbox, with `query` (`""`, or `"?status=received&page=2"`).
    pub async fn inbox(&self, token: &str, query: &str) -> Inbox {
        let path = format!("/api/v1/staff/complaints{query}");
        read(self.staff_get(token, &path).await).await
    }

    /// A complaint as staff see it.
    pub async fn staff_complaint(&self, token: &str, complaint: impl Display) -> StaffComplaint {
        let path = format!("/api/v1/staff/complaints/{complaint}");
        read(self.staff_get(token, &path).await).await
    }

    /// A complaint as staff see it once they ask to see the citizen's contact details.
    pub async fn staff_complaint_revealed(
        &self,
        token: &str,
        complaint: impl Display,
    ) -> StaffComplaint {
        let path = format!("/api/v1/staff/complaints/{complaint}?reveal=true");
        read(self.staff_get(token, &path).await).await
    }

    /// A staff action on a complaint: what the complaint is after it, or the refusal.
    pub async fn act(
        &self,
        token: &str,
        complaint: impl Display,
        action: Value,
    ) -> Result<ActionOutcome, Refusal> {
        answer(
            self.staff_post(token, &actions_path(complaint), &action)
                .await,
        )
        .await
    }

    /// What the supervising body sees of its institutions' overdue complaints.
    pub async fn escalations(&self, token: &str) -> Vec<InboxItem> {
        read(self.staff_get(token, "/api/v1/staff/escalations").await).await
    }

    pub async fn colleagues(&self, token: &str) -> Vec<Colleague> {
        read(self.staff_get(token, "/api/v1/staff/colleagues").await).await
    }

    /// The accounts the holder of `token` manages.
    pub async fn accounts(&self, token: &str) -> Vec<Account> {
        read(self.staff_get(token, "/api/v1/admin/staff").await).await
    }

    /// The public figures, with `query` (`"?from=2026-11-01&to=2026-11-30"`).
    pub async fn stats(&self, query: &str) -> Stats {
        let response = self
            .client
            .get(self.url(&format!("/api/v1/stats{query}")))
            .send()
            .await
            .unwrap();
        read(response).await
    }
}

/// A client that reports redirects instead of following them.
pub fn no_redirects() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// A client whose connections come from `address` (any of 127.0.0.0/8 reaches the server on
/// 127.0.0.1), to be another computer.
pub fn client_from(address: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .local_address(address.parse::<std::net::IpAddr>().expect("an address"))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Creates a campaign on the dashboard as the administrator holding `token`; answers its code.
pub async fn create_campaign(app: &TestApp, token: &str, municipality: &str) -> String {
    let form_token = server::auth::sha256_hex(format!("zeri-form:{token}").as_bytes());
    let created = client_from("127.0.0.1")
        .post(app.url("/staff/campaigns"))
        .bearer_auth(token)
        .form(&[
            ("form_token", form_token.as_str()),
            ("name", "Pastër"),
            ("starts_on", "2026-11-01"),
            ("ends_on", "2026-12-31"),
            ("municipality_id", municipality),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    created.headers()["location"]
        .to_str()
        .unwrap()
        .strip_prefix("/staff/campaigns/")
        .unwrap()
        .to_owned()
}

/// A dashboard form posted as `token`'s session, in English: the response.
pub async fn post_form(
    app: &TestApp,
    token: &str,
    path: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let form_token = server::auth::sha256_hex(format!("zeri-form:{token}").as_bytes());
    let mut form = vec![("form_token", form_token.as_str())];
    form.extend_from_slice(fields);
    no_redirects()
        .post(app.url(path))
        .bearer_auth(token)
        .header("Accept-Language", "en")
        .form(&form)
        .send()
        .await
        .unwrap()
}
