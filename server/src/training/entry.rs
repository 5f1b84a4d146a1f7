//! Entering, leaving, and serving a sandbox: a middleware in front of the real router sends a
//! browser carrying the sandbox cookie to its sandbox's router; the entry link signs the
//! trainee in there, and leaving signs them out of it.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;

use super::Sandboxes;
use crate::http::ApiError;
use crate::services::training;
use crate::state::AppState;

/// The cookie that sends a browser to its sandbox: it carries the trainee's link secret (their
/// entry code), never just the trainee's id, so only the browser that followed the link gets in.
pub const SANDBOX_COOKIE: &str = "zeri_training";

fn sandbox_cookie(value: &str, max_age: i64, secure: bool) -> String {
    crate::http::cookies::private_cookie(SANDBOX_COOKIE, value, max_age, secure)
}

/// Sends a request to the sandbox its browser is in; handles entering and leaving one.
pub async fn dispatch(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(sandboxes) = state.sandboxes.clone() else {
        return next.run(request).await;
    };
    let path = request.uri().path().to_owned();
    if let Some(code) = path.strip_prefix("/training/enter/") {
        return enter(&state, &sandboxes, code).await;
    }
    if path == "/training/leave" && request.method() == Method::POST {
        return leave(state.config.secure_cookies());
    }
    let Some(code) = in_sandbox(request.headers()) else {
        return next.run(request).await;
    };
    let trainee = match sandboxes.trainee_for_code(&code).await {
        Ok(Some(trainee)) => trainee,
        // An unknown or outdated secret: back to the real system, signed out.
        Ok(None) => return leave(state.config.secure_cookies()),
        Err(error) => return ApiError::from(error).into_response(),
    };
    match sandboxes.open(&trainee).await {
        Ok(Some((_, router))) => match router.oneshot(unrouted(request)).await {
            Ok(response) => response,
            Err(never) => match never {},
        },
        // The trainee was removed: back to the real system, signed out.
        Ok(None) => leave(state.config.secure_cookies()),
        Err(error) => ApiError::from(error).into_response(),
    }
}

/// The request as it arrived, without what this server's routing added to it (the path's
/// parameters), so the sandbox routes it afresh.
fn unrouted(request: Request) -> Request {
    let (parts, body) = request.into_parts();
    let connection = parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .cloned();
    let mut fresh = Request::new(body);
    *fresh.method_mut() = parts.method;
    *fresh.uri_mut() = parts.uri;
    *fresh.version_mut() = parts.version;
    *fresh.headers_mut() = parts.headers;
    if let Some(connection) = connection {
        fresh.extensions_mut().insert(connection);
    }
    fresh
}

fn in_sandbox(headers: &HeaderMap) -> Option<String> {
    crate::http::cookies::cookie(headers, SANDBOX_COOKIE)
        .filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric()))
        .map(str::to_owned)
}

/// The entry link: into the trainee's sandbox, signed in as them, on the exercises page.
async fn enter(state: &AppState, sandboxes: &Sandboxes, code: &str) -> Response {
    let trainee = match sandboxes.trainee_for_code(code).await {
        Ok(Some(trainee)) => trainee,
        Ok(None) => return ApiError::NotFound.into_response(),
        Err(error) => return ApiError::from(error).into_response(),
    };
    let sandbox = match sandboxes.state(&trainee).await {
        Ok(Some(sandbox)) => sandbox,
        Ok(None) => return ApiError::NotFound.into_response(),
        Err(error) => return ApiError::from(error).into_response(),
    };
    let staff_id = training::trainee_staff_id(&sandbox.db).await;
    let session = match staff_id {
        Ok(id) => {
            crate::auth::sessions::open(
                &sandbox.db,
                sandbox.clock.now(),
                sandbox.session_lifetime(),
                id,
                Some("training link"),
            )
            .await
        }
        Err(error) => Err(error),
    };
    let (token, expires_at) = match session {
        Ok(session) => session,
        Err(error) => return ApiError::from(error).into_response(),
    };
    let max_age = (expires_at - state.clock.now()).num_seconds().max(0);
    let mut response = (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, "/staff/exercises")],
    )
        .into_response();
    let headers = response.headers_mut();
    let secure = state.config.secure_cookies();
    for cookie in [
        sandbox_cookie(code, max_age, secure),
        crate::http::cookies::session_cookie(&token, max_age, secure),
    ] {
        if let Ok(value) = cookie.parse() {
            headers.append(header::SET_COOKIE, value);
        }
    }
    response
}

/// Out of the sandbox and signed out, to the real system's login.
fn leave(secure: bool) -> Response {
    let mut response =
        (StatusCode::SEE_OTHER, [(header::LOCATION, "/staff/login")]).into_response();
    let headers = response.headers_mut();
    for cookie in [
        sandbox_cookie("", 0, secure),
        crate::http::cookies::session_cookie("", 0, secure),
    ] {
        if let Ok(value) = cookie.parse() {
            headers.append(header::SET_COOKIE, value);
        }
    }
    response
}
