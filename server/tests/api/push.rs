//! Push wake-ups, against local stand-ins for Firebase Cloud Messaging and Apple's push service
//! (neither is reachable from here). The stand-ins check what the providers' documentation
//! requires: for FCM, an RS256 service-account assertion traded for an access token and a
//! data-only message to `/v1/projects/<project>/messages:send`; for APNs, HTTP/2, an ES256
//! provider token naming the key and the team, the topic, a background push type and priority
//! 5. Both check that the payload says nothing but "something changed", and both can report a
//! token as gone, which the server then forgets.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Version};
use axum::response::IntoResponse;
use axum::routing::post;
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ring::rand::SystemRandom;
use ring::signature::{self, ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair, KeyPair, RsaKeyPair};
use serde_json::{Value, json};
use server::pusher::{Pushed, Pusher, deliver_due};

use crate::helpers::*;

const KEY_ID: &str = "ABC123DEFG";
const TEAM_ID: &str = "TEAM456789";
const TOPIC: &str = "org.zeri.app";
const CLIENT_EMAIL: &str = "zeri-push@zeri-test.iam.gserviceaccount.com";
const GONE_APNS: &str = "deadbeefdeadbeef";
const GONE_FCM: &str = "fcm-gone-token";

/// What the stand-ins received, and every way a request broke the providers' rules.
#[derive(Default)]
struct Seen {
    fcm: Vec<String>,
    apns: Vec<String>,
    bodies: Vec<String>,
    broken: Vec<String>,
    token_requests: usize,
}

#[derive(Clone)]
struct Provider {
    seen: Arc<Mutex<Seen>>,
    ec_public: Vec<u8>,
    rsa_public: Vec<u8>,
    token_uri: String,
}

impl Provider {
    fn broke(&self, why: String) {
        self.seen.lock().unwrap().broken.push(why);
    }
}

/// The claims of `jwt` if its header is `alg` (and `kid`) and it verifies with `public`.
fn verified(
    jwt: &str,
    alg: &str,
    kid: &str,
    public: &[u8],
    scheme: &'static dyn signature::VerificationAlgorithm,
) -> Result<Value, String> {
    let parts: Vec<&str> = jwt.split('.').collect();
    let [header, claims, signature] = parts[..] else {
        return Err(format!("not a JWT: {jwt}"));
    };
    let decode = |part: &str| URL_SAFE_NO_PAD.decode(part).map_err(|e| e.to_string());
    let header: Value = serde_json::from_slice(&decode(header)?).map_err(|e| e.to_string())?;
    if header["alg"] != alg || header["kid"] != kid {
        return Err(format!("header {header}"));
    }
    signature::UnparsedPublicKey::new(scheme, public)
        .verify(
            format!("{}.{}", parts[0], parts[1]).as_bytes(),
            &decode(signature)?,
        )
        .map_err(|_| "the signature does not verify".to_owned())?;
    serde_json::from_slice(&decode(claims)?).map_err(|e| e.to_string())
}

async fn apns(
    State(provider): State<Provider>,
    Path(token): Path<String>,
    version: Version,
    headers: HeaderMap,
    body: Bytes,
) -> impl IntoResponse {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let mut broken = Vec::new();
    if version != Version::HTTP_2 {
        broken.push(format!("APNs takes HTTP/2 only, not {version:?}"));
    }
    let authorization = header("authorization");
    match authorization.strip_prefix("bearer ").map(|jwt| {
        verified(
            jwt,
            "ES256",
            KEY_ID,
            &provider.ec_public,
            &signature::ECDSA_P256_SHA256_FIXED,
        )
    }) {
        Some(Ok(claims)) => {
            let age = chrono::Utc::now().timestamp() - claims["iat"].as_i64().unwrap_or(0);
            if claims["iss"] != TEAM_ID || !(0..3600).contains(&age) {
                broken.push(format!("provider token claims {claims}"));
            }
        }
        Some(Err(why)) => broken.push(format!("provider token: {why}")),
        None => broken.push(format!("authorization {authorization:?}")),
    }
    for (name, wanted) in [
        ("apns-topic", TOPIC),
        ("apns-push-type", "background"),
        ("apns-priority", "5"),
    ] {
        if header(name) != wanted {
            broken.push(format!("{name}: {:?}", header(name)));
        }
    }
    let payload: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    if payload != json!({ "aps": { "content-available": 1 } }) {
        broken.push(format!("APNs payload {payload}"));
    }
    let mut seen = provider.seen.lock().unwrap();
    seen.bodies
        .push(String::from_utf8_lossy(&body).into_owned());
    if !broken.is_empty() {
        seen.broken.extend(broken);
        return (
            StatusCode::FORBIDDEN,
            axum::Json(json!({ "reason": "InvalidProviderToken" })),
        );
    }
    if token == GONE_APNS {
        return (
            StatusCode::GONE,
            axum::Json(json!({ "reason": "Unregistered" })),
        );
    }
    seen.apns.push(token);
    (StatusCode::OK, axum::Json(json!({})))
}

async fn fcm_token(State(provider): State<Provider>, body: String) -> impl IntoResponse {
    let form: Vec<(String, String)> = body
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.replace("%3A", ":")))
        .collect();
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    if field("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer" {
        provider.broke(format!("grant_type {:?}", field("grant_type")));
    }
    match verified(
        &field("assertion"),
        "RS256",
        "key-1",
        &provider.rsa_public,
        &signature::RSA_PKCS1_2048_8192_SHA256,
    ) {
        Ok(claims) => {
            let lifetime =
                claims["exp"].as_i64().unwrap_or(0) - claims["iat"].as_i64().unwrap_or(0);
            if claims["iss"] != CLIENT_EMAIL
                || claims["scope"] != "https://www.googleapis.com/auth/firebase.messaging"
                || claims["aud"] != provider.token_uri.as_str()
                || !(1..=3600).contains(&lifetime)
            {
                provider.broke(format!("assertion claims {claims}"));
            }
        }
        Err(why) => {
            provider.broke(format!("assertion: {why}"));
            return (
                StatusCode::BAD_REQUEST,
                axum::Json(json!({ "error": "invalid_grant" })),
            );
        }
    }
    provider.seen.lock().unwrap().token_requests += 1;
    (
        StatusCode::OK,
        axum::Json(
            json!({ "access_token": "access-1", "expires_in": 3599, "token_type": "Bearer" }),
        ),
    )
}

async fn fcm_send(
    State(provider): State<Provider>,
    Path(project): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> impl IntoResponse {
    let mut seen = provider.seen.lock().unwrap();
    seen.bodies
        .push(String::from_utf8_lossy(&body).into_owned());
    if project != "zeri-test" {
        seen.broken.push(format!("project {project}"));
    }
    if headers.get("authorization").and_then(|v| v.to_str().ok()) != Some("Bearer access-1") {
        seen.broken
            .push(format!("authorization {:?}", headers.get("authorization")));
        return (StatusCode::UNAUTHORIZED, axum::Json(json!({})));
    }
    let message: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let token = message["message"]["token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let expected = json!({ "message": { "token": token, "data": { "zeri": "changed" }, "android": { "priority": "HIGH" } } });
    if message != expected {
        seen.broken.push(format!("FCM message {message}"));
    }
    if token == GONE_FCM {
        return (
            StatusCode::NOT_FOUND,
            axum::Json(
                json!({ "error": { "code": 404, "status": "NOT_FOUND", "details": [{ "errorCode": "UNREGISTERED" }] } }),
            ),
        );
    }
    seen.fcm.push(token);
    (
        StatusCode::OK,
        axum::Json(json!({ "name": "projects/zeri-test/messages/1" })),
    )
}

fn pem(der: &[u8]) -> String {
    let body = STANDARD.encode(der);
    let lines: Vec<&str> = body
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    format!(
        "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
        lines.join("\n")
    )
}

/// The stand-ins on a port of their own, and a server whose push settings point at them.
async fn with_providers() -> (TestApp, Pusher, Arc<Mutex<Seen>>) {
    let dir = fresh_dir();
    let rng = SystemRandom::new();
    let ec = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng).unwrap();
    let ec_pair =
        EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, ec.as_ref(), &rng).unwrap();
    let p8 = dir.join("AuthKey.p8");
    std::fs::write(&p8, pem(ec.as_ref())).unwrap();
    // ring signs with RSA but makes no RSA keys: openssl makes the service account's.
    let rsa_file = dir.join("rsa.pem");
    let made = std::process::Command::new("openssl")
        .args([
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
            "-out",
        ])
        .arg(&rsa_file)
        .output()
        .expect("openssl makes an RSA key");
    assert!(made.status.success(), "{made:?}");
    let rsa_pem = std::fs::read_to_string(&rsa_file).unwrap();
    let rsa_pair =
        RsaKeyPair::from_pkcs8(&server::pusher::jwt::pem_to_der(&rsa_pem).unwrap()).unwrap();

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Seen::default()));
    let provider = Provider {
        seen: seen.clone(),
        ec_public: ec_pair.public_key().as_ref().to_vec(),
        rsa_public: rsa_pair.public().as_ref().to_vec(),
        token_uri: format!("{base}/token"),
    };
    let router = Router::new()
        .route("/3/device/{token}", post(apns))
        .route("/token", post(fcm_token))
        .route("/v1/projects/{project}/messages:send", post(fcm_send))
        .with_state(provider);
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });

    let account = dir.join("service-account.json");
    std::fs::write(
        &account,
        json!({
            "type": "service_account",
            "project_id": "zeri-test",
            "private_key_id": "key-1",
            "private_key": rsa_pem,
            "client_email": CLIENT_EMAIL,
            "token_uri": format!("{base}/token"),
        })
        .to_string(),
    )
    .unwrap();
    let mut config = test_config(&dir);
    config.fcm_credentials = Some(account);
    config.fcm_url = base.clone();
    config.apns_key = Some(p8);
    config.apns_key_id = Some(KEY_ID.into());
    config.apns_team_id = Some(TEAM_ID.into());
    config.apns_topic = Some(TOPIC.into());
    config.apns_url = base;
    let pusher = Pusher::from_config(&config).unwrap();
    (spawn_with(config).await, pusher, seen)
}

async fn register(app: &TestApp, phone: &str, platform: &str, token: &str) -> reqwest::Response {
    app.client
        .put(app.url("/api/v1/devices/push-token"))
        .header("Authorization", format!("Device {phone}"))
        .json(&json!({ "platform": platform, "token": token }))
        .send()
        .await
        .unwrap()
}

/// A phone that filed a complaint and registered `token`: its complaint's id.
async fn phone_with_token(app: &TestApp, platform: &str, token: &str) -> (String, String) {
    let phone = device();
    let receipt = app
        .file(
            &phone,
            &complaint("roads_local", in_municipality("prishtine")),
        )
        .await;
    assert_eq!(register(app, &phone, platform, token).await.status(), 204);
    (phone, receipt.id.to_string())
}

#[tokio::test]
async fn each_change_wakes_the_authors_phones_once_with_nothing_in_the_push() {
    let (app, pusher, seen) = with_providers().await;
    let staff = app
        .staff(
            "push.staff",
            server::auth::Role::Staff,
            Some("prishtine:mun_public_services"),
        )
        .await;
    let (_, android) = phone_with_token(&app, "fcm", "fcm-token-1:APA91b").await;
    let (_, iphone) = phone_with_token(&app, "apns", "0123456789abcdef").await;
    let (_, gone_iphone) = phone_with_token(&app, "apns", GONE_APNS).await;
    let (_, gone_android) = phone_with_token(&app, "fcm", GONE_FCM).await;
    // Filing is the citizen's own doing: nothing to wake them for.
    assert_eq!(
        deliver_due(&app.state, &pusher).await.unwrap(),
        Pushed::default()
    );

    for id in [&android, &iphone, &gone_iphone, &gone_android] {
        app.act(&staff, id, json!({ "action": "acknowledge" }))
            .await
            .unwrap();
    }
    // Three steps in a row on one complaint wake its phone once.
    app.act(
        &staff,
        &android,
        json!({ "action": "reply", "text": "We are on it." }),
    )
    .await
    .unwrap();
    app.act(
        &staff,
        &android,
        json!({ "action": "reply", "text": "The crew comes on Monday." }),
    )
    .await
    .unwrap();
    let pushed = deliver_due(&app.state, &pusher).await.unwrap();
    assert_eq!(
        pushed,
        Pushed {
            sent: 2,
            gone: 2,
            ..Pushed::default()
        }
    );
    {
        let seen = seen.lock().unwrap();
        assert!(seen.broken.is_empty(), "{:?}", seen.broken);
        assert_eq!(seen.fcm, ["fcm-token-1:APA91b"]);
        assert_eq!(seen.apns, ["0123456789abcdef"]);
        assert_eq!(seen.token_requests, 1);
        for body in &seen.bodies {
            for private in ["We are on it", "crew", "ZR-", "roads", "nobody came"] {
                assert!(!body.contains(private), "{private} in a push: {body}");
            }
        }
    }
    // The gone tokens are forgotten: the next change wakes only the living.
    let tokens: Vec<String> = app
        .state
        .db
        .read(|c| -> Result<_, server::services::ServiceError> {
            Ok(
                c.query_map("SELECT token FROM push_tokens ORDER BY token", (), |r| {
                    r.get(0)
                })?,
            )
        })
        .await
        .unwrap();
    assert_eq!(tokens, ["0123456789abcdef", "fcm-token-1:APA91b"]);
    for id in [&android, &iphone, &gone_iphone, &gone_android] {
        app.act(
            &staff,
            id,
            json!({ "action": "resolve", "reason": "Repaired on Monday morning." }),
        )
        .await
        .unwrap();
    }
    let pushed = deliver_due(&app.state, &pusher).await.unwrap();
    assert_eq!(
        pushed,
        Pushed {
            sent: 2,
            ..Pushed::default()
        }
    );
    let seen = seen.lock().unwrap();
    assert_eq!(
        seen.token_requests, 1,
        "the access token is kept until it expires"
    );
    let woken: BTreeSet<&String> = seen.apns.iter().chain(&seen.fcm).collect();
    assert_eq!(woken.len(), 2);
}

#[tokio::test]
async fn a_phone_registers_its_token_only_after_filing_and_can_remove_it() {
    let (app, pusher, seen) = with_providers().await;
    let phone = device();
    let early = refusal(register(&app, &phone, "fcm", "fcm-token-2").await).await;
    assert_eq!(
        early.kind(),
        (reqwest::StatusCode::CONFLICT, "no_complaints_yet")
    );
    assert!(
        early.message().contains("first complaint"),
        "{}",
        early.message()
    );
    let receipt = app
        .file(
            &phone,
            &complaint("roads_local", in_municipality("prishtine")),
        )
        .await;
    for (platform, token) in [("apns", "not/allowed"), ("fcm", ""), ("fcm", "has space")] {
        let refused = refusal(register(&app, &phone, platform, token).await).await;
        assert_eq!(refused.code(), "invalid_push_token", "{platform} {token:?}");
    }
    let wrong_platform = app
        .client
        .put(app.url("/api/v1/devices/push-token"))
        .header("Authorization", format!("Device {phone}"))
        .json(&json!({ "platform": "windows", "token": "abc" }))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_platform.status(), 400);
    // A new token replaces the old one.
    assert_eq!(register(&app, &phone, "fcm", "fcm-old").await.status(), 204);
    assert_eq!(register(&app, &phone, "fcm", "fcm-new").await.status(), 204);

    let staff = app
        .staff(
            "push.clerk",
            server::auth::Role::Staff,
            Some("prishtine:mun_public_services"),
        )
        .await;
    app.act(&staff, receipt.id, json!({ "action": "acknowledge" }))
        .await
        .unwrap();
    deliver_due(&app.state, &pusher).await.unwrap();
    assert_eq!(seen.lock().unwrap().fcm, ["fcm-new"]);

    let removed = app
        .client
        .delete(app.url("/api/v1/devices/push-token"))
        .header("Authorization", format!("Device {phone}"))
        .send()
        .await
        .unwrap();
    assert_eq!(removed.status(), 204);
    app.act(
        &staff,
        receipt.id,
        json!({ "action": "reply", "text": "Still on it." }),
    )
    .await
    .unwrap();
    assert_eq!(
        deliver_due(&app.state, &pusher).await.unwrap(),
        Pushed::default()
    );
}

#[tokio::test]
async fn without_push_credentials_the_server_works_and_phones_learn_on_refresh() {
    let app = spawn_app().await;
    let pusher = Pusher::from_config(&app.state.config).unwrap();
    let phone = device();
    let receipt = app
        .file(
            &phone,
            &complaint("roads_local", in_municipality("prishtine")),
        )
        .await;
    assert_eq!(register(&app, &phone, "apns", "abcdef").await.status(), 204);
    let staff = app
        .staff(
            "push.none",
            server::auth::Role::Staff,
            Some("prishtine:mun_public_services"),
        )
        .await;
    app.act(&staff, receipt.id, json!({ "action": "acknowledge" }))
        .await
        .unwrap();
    assert_eq!(
        deliver_due(&app.state, &pusher).await.unwrap(),
        Pushed {
            failed: 1,
            ..Pushed::default()
        }
    );
    let record = app.my_complaints(&phone).await.complaints.remove(0);
    assert_eq!(record.status, protocol::api::Status::Received);

    let mut config = test_config(&fresh_dir());
    config.apns_key = Some(app.dir.join("no-such-key.p8"));
    let refused = server::app::Application::build(config).await.err().unwrap();
    assert!(refused.to_string().contains("ZERI_APNS_KEY"), "{refused}");
}
