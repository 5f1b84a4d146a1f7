//! Starts the real server on port 0 with a fresh database file in its own folder, and talks HTTP
//! to it.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};
use server::app::{AppState, Application};
use server::auth::{Role, hash_password};
use server::config::Config;
use server::services::accounts::{NewAccount, insert_account};
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

pub async fn spawn_app() -> TestApp {
    spawn_with(Config::for_directory(&fresh_dir())).await
}

pub async fn spawn_with(config: Config) -> TestApp {
    let dir = config.database.parent().unwrap().to_owned();
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

/// A complaint body as the phone core sends it.
pub fn complaint(category: &str, location: Value) -> Value {
    json!({
        "id": Uuid::new_v4(),
        "category": category,
        "description": "The problem has been there for two weeks and nobody came.",
        "location": location,
        "contact": null,
        "photo_count": 0,
        "language": "sq",
        "campaign": null,
    })
}

pub fn gps(lat: f64, lon: f64) -> Value {
    json!({ "type": "gps", "lat": lat, "lon": lon })
}

pub fn in_municipality(id: &str) -> Value {
    json!({ "type": "municipality", "id": id })
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

    pub async fn post_complaint(&self, device: &str, body: &Value) -> Response {
        self.client
            .post(self.url("/api/v1/complaints"))
            .header("Authorization", format!("Device {device}"))
            .json(body)
            .send()
            .await
            .unwrap()
    }

    /// Files a complaint and returns its receipt, checking it was created.
    pub async fn file(&self, device: &str, body: &Value) -> Value {
        let response = self.post_complaint(device, body).await;
        assert_eq!(
            response.status(),
            StatusCode::CREATED,
            "{}",
            response.text().await.unwrap()
        );
        response.json().await.unwrap()
    }

    pub async fn citizen_get(&self, device: &str, path: &str) -> Response {
        self.client
            .get(self.url(path))
            .header("Authorization", format!("Device {device}"))
            .send()
            .await
            .unwrap()
    }

    pub async fn citizen_post(&self, device: &str, path: &str, body: &Value) -> Response {
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

    pub async fn login(&self, username: &str) -> String {
        let response = self
            .client
            .post(self.url("/api/v1/staff/login"))
            .json(&json!({ "username": username, "password": PASSWORD }))
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "{}",
            response.text().await.unwrap()
        );
        response.json::<Value>().await.unwrap()["token"]
            .as_str()
            .unwrap()
            .to_owned()
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

    pub async fn staff_post(&self, token: &str, path: &str, body: &Value) -> Response {
        self.client
            .post(self.url(path))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn act(&self, token: &str, complaint: &str, action: Value) -> Response {
        self.staff_post(
            token,
            &format!("/api/v1/staff/complaints/{complaint}/actions"),
            &action,
        )
        .await
    }
}

/// Reads an error response and checks its shape: `{"error": {"code", "message"}}`.
pub async fn error_code(response: Response) -> (StatusCode, String, String) {
    let status = response.status();
    let body: Value = response.json().await.expect("errors are JSON");
    let code = body["error"]["code"]
        .as_str()
        .expect("an error code")
        .to_owned();
    let message = body["error"]["message"]
        .as_str()
        .expect("an error message")
        .to_owned();
    assert!(!message.is_empty() && !message.contains('⟦'), "{message}");
    (status, code, message)
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
