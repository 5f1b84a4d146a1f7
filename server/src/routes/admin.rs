//! Administration: institutions, categories (names and deadlines), routing rules, holidays and
//! staff accounts. Administrators manage everything; a manager manages the accounts of their own
//! institution. Every change is written to the audit log with the state before and after.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{delete, get, patch};
use axum::{Json, Router};
use chrono::Utc;
use protocol::api::whole_number;
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::auth::{Role, StaffMember};
use crate::http::ApiError;
use crate::http::ApiJson;
use crate::services::audit::audit_admin;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/admin/institutions",
            get(list_institutions).post(create_institution),
        )
        .route("/api/v1/admin/institutions/{id}", patch(update_institution))
        .route("/api/v1/admin/categories", get(list_categories))
        .route("/api/v1/admin/categories/{id}", patch(update_category))
        .route(
            "/api/v1/admin/routing-rules",
            get(list_rules).post(create_rule),
        )
        .route("/api/v1/admin/routing-rules/{id}", delete(delete_rule))
        .route(
            "/api/v1/admin/holidays",
            get(list_holidays).post(create_holiday),
        )
        .route("/api/v1/admin/holidays/{date}", delete(delete_holiday))
        .route("/api/v1/admin/staff", get(list_staff).post(create_staff))
        .route("/api/v1/admin/staff/{id}", patch(update_staff))
}

fn bad(code: &'static str) -> ApiError {
    ApiError::BadRequest { code, detail: None }
}

/// Replaces a name if a new one is given.
fn rename(name: &mut String, new: &Option<String>) -> Result<(), ApiError> {
    if let Some(new) = new {
        *name = required_text(new, "name_required")?;
    }
    Ok(())
}

/// Whether `table` has a row with this id (`table` is always one of ours, never user input).
fn exists(c: &rusqlite::Connection, table: &str, id: &str) -> Result<bool, rusqlite::Error> {
    c.query_row(
        &format!("SELECT EXISTS(SELECT 1 FROM {table} WHERE id = ?1)"),
        [id],
        |r| r.get(0),
    )
}

fn required_text(value: &str, code: &'static str) -> Result<String, ApiError> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > 300 {
        Err(bad(code))
    } else {
        Ok(value.to_owned())
    }
}

#[derive(Serialize, Deserialize, Clone, utoipa::ToSchema)]
pub struct Institution {
    /// Lower-case letters, digits, `_` and `:`.
    #[schema(pattern = "^[a-z0-9_:]{1,100}$")]
    pub id: String,
    pub level: String,
    /// Each name: 1 to 300 characters once trimmed.
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    pub name_sq: String,
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    pub name_sr: String,
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    pub name_en: String,
    pub parent_id: Option<String>,
    pub municipality_id: Option<String>,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

fn institution_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Institution> {
    Ok(Institution {
        id: r.get(0)?,
        level: r.get(1)?,
        name_sq: r.get(2)?,
        name_sr: r.get(3)?,
        name_en: r.get(4)?,
        parent_id: r.get(5)?,
        municipality_id: r.get(6)?,
        active: r.get(7)?,
    })
}

const INSTITUTION_COLUMNS: &str =
    "id, level, name_sq, name_sr, name_en, parent_id, municipality_id, active";

#[utoipa::path(get, path = "/api/v1/admin/institutions", tag = "administration", security(("Bearer" = [])),
    responses((status = 200, body = [Institution])))]
pub async fn list_institutions(
    State(state): State<AppState>,
    _staff: StaffMember,
) -> Result<Json<Vec<Institution>>, ApiError> {
    let list = state
        .db
        .read(|c| -> Result<_, ApiError> {
            let mut s = c.prepare(&format!(
                "SELECT {INSTITUTION_COLUMNS} FROM institutions ORDER BY name_en"
            ))?;
            let list = s
                .query_map([], institution_row)?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(list)
        })
        .await?;
    Ok(Json(list))
}

#[utoipa::path(post, path = "/api/v1/admin/institutions", tag = "administration", security(("Bearer" = [])), request_body = Institution,
    responses((status = 201, body = Institution),
              (status = 400, description = "An id other than lower-case letters, digits, `_` and `:`, a name missing, or an unknown parent or municipality"),
              (status = 403, description = "Only administrators create institutions"),
              (status = 409, description = "The id is taken")))]
pub async fn create_institution(
    State(state): State<AppState>,
    staff: StaffMember,
    ApiJson(institution): ApiJson<Institution>,
) -> Result<(StatusCode, Json<Institution>), ApiError> {
    staff.require_admin()?;
    let valid_id = !institution.id.is_empty()
        && institution.id.len() <= 100
        && institution
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == ':');
    if !valid_id {
        return Err(bad("invalid_id"));
    }
    let institution = Institution {
        name_sq: required_text(&institution.name_sq, "name_required")?,
        name_sr: required_text(&institution.name_sr, "name_required")?,
        name_en: required_text(&institution.name_en, "name_required")?,
        ..institution
    };
    let created = institution.clone();
    state
        .db
        .call(move |c| {
            let tx = c.savepoint()?;
            if exists(&tx, "institutions", &institution.id)? {
                return Err(ApiError::Conflict { code: "id_taken" });
            }
            for (table, id) in [("institutions", &institution.parent_id), ("municipalities", &institution.municipality_id)] {
                if let Some(id) = id
                    && !exists(&tx, table, id)?
                {
                    return Err(bad("unknown_reference"));
                }
            }
            tx.execute(
                &format!("INSERT INTO institutions ({INSTITUTION_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
                params![
                    institution.id,
                    institution.level,
                    institution.name_sq,
                    institution.name_sr,
                    institution.name_en,
                    institution.parent_id,
                    institution.municipality_id,
                    institution.active
                ],
            )?;
            audit_admin(&tx, &staff, "institution_created", None, Some(json!(institution.id)))?;
            tx.commit()?;
            Ok(())
        })
        .await?;
    Ok((StatusCode::CREATED, Json(created)))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct InstitutionChange {
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    pub name_sq: Option<String>,
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    pub name_sr: Option<String>,
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    pub name_en: Option<String>,
    pub parent_id: Option<String>,
    pub active: Option<bool>,
}

#[utoipa::path(patch, path = "/api/v1/admin/institutions/{id}", tag = "administration", security(("Bearer" = [])), request_body = InstitutionChange,
    params(("id" = String, Path)),
    responses((status = 200, body = Institution), (status = 400, description = "A name missing, or an unknown parent"),
              (status = 403, description = "Only administrators change institutions"), (status = 404, description = "No such institution")))]
pub async fn update_institution(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(id): Path<String>,
    ApiJson(change): ApiJson<InstitutionChange>,
) -> Result<Json<Institution>, ApiError> {
    staff.require_admin()?;
    let updated = state
        .db
        .call(move |c| {
            let tx = c.savepoint()?;
            let before = tx
                .query_row(&format!("SELECT {INSTITUTION_COLUMNS} FROM institutions WHERE id = ?1"), [&id], institution_row)
                .optional()?
                .ok_or(ApiError::NotFound)?;
            let mut after = before.clone();
            rename(&mut after.name_sq, &change.name_sq)?;
            rename(&mut after.name_sr, &change.name_sr)?;
            rename(&mut after.name_en, &change.name_en)?;
            if let Some(parent) = &change.parent_id {
                if !exists(&tx, "institutions", parent)? || *parent == id {
                    return Err(bad("unknown_reference"));
                }
                after.parent_id = Some(parent.clone());
            }
            if let Some(active) = change.active {
                after.active = active;
            }
            tx.execute(
                "UPDATE institutions SET name_sq = ?1, name_sr = ?2, name_en = ?3, parent_id = ?4, active = ?5 WHERE id = ?6",
                params![after.name_sq, after.name_sr, after.name_en, after.parent_id, after.active, id],
            )?;
            audit_admin(&tx, &staff, "institution_changed", Some(json!(before)), Some(json!(after)))?;
            tx.commit()?;
            Ok(after)
        })
        .await?;
    Ok(Json(updated))
}

#[derive(Serialize, Deserialize, Clone, utoipa::ToSchema)]
pub struct CategorySettings {
    pub id: String,
    pub name_sq: String,
    pub name_sr: String,
    pub name_en: String,
    pub level: String,
    pub ack_working_days: u32,
    pub answer_working_days: u32,
    pub active: bool,
}

fn category_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CategorySettings> {
    Ok(CategorySettings {
        id: r.get(0)?,
        name_sq: r.get(1)?,
        name_sr: r.get(2)?,
        name_en: r.get(3)?,
        level: r.get(4)?,
        ack_working_days: r.get(5)?,
        answer_working_days: r.get(6)?,
        active: r.get(7)?,
    })
}

const CATEGORY_COLUMNS: &str =
    "id, name_sq, name_sr, name_en, level, ack_working_days, answer_working_days, active";

#[utoipa::path(get, path = "/api/v1/admin/categories", tag = "administration", security(("Bearer" = [])), responses((status = 200, body = [CategorySettings])))]
pub async fn list_categories(
    State(state): State<AppState>,
    _staff: StaffMember,
) -> Result<Json<Vec<CategorySettings>>, ApiError> {
    let list = state
        .db
        .read(|c| -> Result<_, ApiError> {
            let mut s = c.prepare(&format!(
                "SELECT {CATEGORY_COLUMNS} FROM categories ORDER BY position"
            ))?;
            let list = s
                .query_map([], category_row)?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(list)
        })
        .await?;
    Ok(Json(list))
}

/// The most working days a category may give to acknowledge a complaint, and to answer it.
pub const MAX_ACK_WORKING_DAYS: u32 = 60;
pub const MAX_ANSWER_WORKING_DAYS: u32 = 120;

#[derive(Deserialize, utoipa::ToSchema)]
pub struct CategoryChange {
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    pub name_sq: Option<String>,
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    pub name_sr: Option<String>,
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    pub name_en: Option<String>,
    /// 1 to 60 working days, and not more than the days to answer.
    #[schema(minimum = 1, maximum = 60)]
    #[serde(default, deserialize_with = "whole_number::optional")]
    pub ack_working_days: Option<u32>,
    /// 1 to 120 working days.
    #[schema(minimum = 1, maximum = 120)]
    #[serde(default, deserialize_with = "whole_number::optional")]
    pub answer_working_days: Option<u32>,
    pub active: Option<bool>,
}

#[utoipa::path(patch, path = "/api/v1/admin/categories/{id}", tag = "administration", security(("Bearer" = [])), request_body = CategoryChange,
    params(("id" = String, Path)),
    responses((status = 200, body = CategorySettings), (status = 400, description = "A name missing, or deadlines out of range"),
              (status = 403, description = "Only administrators change categories"), (status = 404, description = "No such category")))]
pub async fn update_category(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(id): Path<String>,
    ApiJson(change): ApiJson<CategoryChange>,
) -> Result<Json<CategorySettings>, ApiError> {
    staff.require_admin()?;
    let updated = state
        .db
        .call(move |c| {
            let tx = c.savepoint()?;
            let before = tx
                .query_row(&format!("SELECT {CATEGORY_COLUMNS} FROM categories WHERE id = ?1"), [&id], category_row)
                .optional()?
                .ok_or(ApiError::NotFound)?;
            let mut after = before.clone();
            rename(&mut after.name_sq, &change.name_sq)?;
            rename(&mut after.name_sr, &change.name_sr)?;
            rename(&mut after.name_en, &change.name_en)?;
            after.ack_working_days = change.ack_working_days.unwrap_or(after.ack_working_days);
            after.answer_working_days = change.answer_working_days.unwrap_or(after.answer_working_days);
            after.active = change.active.unwrap_or(after.active);
            if !(1..=MAX_ACK_WORKING_DAYS).contains(&after.ack_working_days)
                || !(1..=MAX_ANSWER_WORKING_DAYS).contains(&after.answer_working_days)
                || after.ack_working_days > after.answer_working_days
            {
                return Err(bad("invalid_deadlines"));
            }
            tx.execute(
                "UPDATE categories SET name_sq = ?1, name_sr = ?2, name_en = ?3, ack_working_days = ?4,
                    answer_working_days = ?5, active = ?6 WHERE id = ?7",
                params![after.name_sq, after.name_sr, after.name_en, after.ack_working_days, after.answer_working_days, after.active, id],
            )?;
            // Phones fetch the catalog again when its version moves.
            tx.execute("UPDATE settings SET value = CAST(value AS INTEGER) + 1 WHERE key = 'catalog_version'", [])?;
            audit_admin(&tx, &staff, "category_changed", Some(json!(before)), Some(json!(after)))?;
            tx.commit()?;
            Ok(after)
        })
        .await?;
    Ok(Json(updated))
}

/// How far a routing rule's priority goes either side of 0.
pub const MAX_PRIORITY: i64 = 1000;

#[derive(Serialize, Deserialize, utoipa::ToSchema)]
pub struct RoutingRule {
    #[serde(default, deserialize_with = "whole_number::deserialize")]
    pub id: i64,
    pub category_id: String,
    /// A rule for one municipality wins over a general one.
    pub municipality_id: Option<String>,
    /// `institution:<id>`, `municipal:<template>` or `water_company`.
    pub target: String,
    /// Among rules for the same place, the higher wins; -1000 to 1000.
    #[serde(default, deserialize_with = "whole_number::deserialize")]
    #[schema(minimum = -1000, maximum = 1000)]
    pub priority: i64,
}

#[utoipa::path(get, path = "/api/v1/admin/routing-rules", tag = "administration", security(("Bearer" = [])), responses((status = 200, body = [RoutingRule])))]
pub async fn list_rules(
    State(state): State<AppState>,
    _staff: StaffMember,
) -> Result<Json<Vec<RoutingRule>>, ApiError> {
    let list = state
        .db
        .read(|c| -> Result<_, ApiError> {
            let mut s = c.prepare(
                "SELECT id, category_id, municipality_id, target, priority FROM routing_rules ORDER BY category_id, municipality_id, priority DESC",
            )?;
            let list = s
                .query_map([], |r| {
                    Ok(RoutingRule { id: r.get(0)?, category_id: r.get(1)?, municipality_id: r.get(2)?, target: r.get(3)?, priority: r.get(4)? })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(list)
        })
        .await?;
    Ok(Json(list))
}

#[utoipa::path(post, path = "/api/v1/admin/routing-rules", tag = "administration", security(("Bearer" = [])), request_body = RoutingRule,
    responses((status = 201, body = RoutingRule), (status = 400, description = "Unknown category, municipality or target, or a priority out of range"),
              (status = 403, description = "Only administrators change routing")))]
pub async fn create_rule(
    State(state): State<AppState>,
    staff: StaffMember,
    ApiJson(rule): ApiJson<RoutingRule>,
) -> Result<(StatusCode, Json<RoutingRule>), ApiError> {
    staff.require_admin()?;
    if !(-MAX_PRIORITY..=MAX_PRIORITY).contains(&rule.priority) {
        return Err(bad("invalid_priority"));
    }
    let created = state
        .db
        .call(move |c| {
            let tx = c.savepoint()?;
            if !exists(&tx, "categories", &rule.category_id)? {
                return Err(bad("unknown_category"));
            }
            if let Some(m) = &rule.municipality_id
                && !exists(&tx, "municipalities", m)?
            {
                return Err(bad("unknown_municipality"));
            }
            let target_ok = if let Some(id) = rule.target.strip_prefix("institution:") {
                exists(&tx, "institutions", id)?
            } else if let Some(template) = rule.target.strip_prefix("municipal:") {
                exists(&tx, "institutions", &crate::reference::municipal_body_id("prishtine", template))?
            } else {
                rule.target == "water_company"
            };
            if !target_ok {
                return Err(bad("unknown_target"));
            }
            tx.execute(
                "INSERT INTO routing_rules (category_id, municipality_id, target, priority, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![rule.category_id, rule.municipality_id, rule.target, rule.priority, state.clock.now().to_rfc3339()],
            )?;
            let rule = RoutingRule { id: tx.last_insert_rowid(), ..rule };
            audit_admin(&tx, &staff, "routing_rule_created", None, Some(json!(rule)))?;
            tx.commit()?;
            Ok(rule)
        })
        .await?;
    Ok((StatusCode::CREATED, Json(created)))
}

#[utoipa::path(delete, path = "/api/v1/admin/routing-rules/{id}", tag = "administration", security(("Bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204, description = "Deleted"), (status = 403, description = "Only administrators change routing"),
              (status = 404, description = "No such rule")))]
pub async fn delete_rule(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    staff.require_admin()?;
    state
        .db
        .call(move |c| -> Result<_, ApiError> {
            let tx = c.savepoint()?;
            let before: Option<(String, Option<String>, String, i64)> = tx
                .query_row("SELECT category_id, municipality_id, target, priority FROM routing_rules WHERE id = ?1", [id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })
                .optional()?;
            let before = before.ok_or(ApiError::NotFound)?;
            tx.execute("DELETE FROM routing_rules WHERE id = ?1", [id])?;
            audit_admin(&tx, &staff, "routing_rule_deleted", Some(json!({ "id": id, "rule": before })), None)?;
            tx.commit()?;
            Ok(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, Deserialize, utoipa::ToSchema)]
pub struct Holiday {
    /// A day within 2000 to 2100.
    #[schema(pattern = "^(20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$")]
    pub date: chrono::NaiveDate,
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    pub name_sq: String,
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    pub name_sr: String,
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    pub name_en: String,
}

#[utoipa::path(get, path = "/api/v1/admin/holidays", tag = "administration", security(("Bearer" = [])), responses((status = 200, body = [Holiday])))]
pub async fn list_holidays(
    State(state): State<AppState>,
    _staff: StaffMember,
) -> Result<Json<Vec<Holiday>>, ApiError> {
    let list = state
        .db
        .read(|c| -> Result<_, ApiError> {
            let mut s =
                c.prepare("SELECT date, name_sq, name_sr, name_en FROM holidays ORDER BY date")?;
            let list = s
                .query_map([], |r| {
                    let date: String = r.get(0)?;
                    Ok(Holiday {
                        date: date.parse().unwrap_or_default(),
                        name_sq: r.get(1)?,
                        name_sr: r.get(2)?,
                        name_en: r.get(3)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(list)
        })
        .await?;
    Ok(Json(list))
}

#[utoipa::path(post, path = "/api/v1/admin/holidays", tag = "administration", security(("Bearer" = [])), request_body = Holiday,
    responses((status = 201, description = "Added (or renamed, for a day already a holiday)"),
              (status = 400, description = "A day outside 2000 to 2100, or a name missing"),
              (status = 403, description = "Only administrators change holidays")))]
pub async fn create_holiday(
    State(state): State<AppState>,
    staff: StaffMember,
    ApiJson(holiday): ApiJson<Holiday>,
) -> Result<StatusCode, ApiError> {
    staff.require_admin()?;
    crate::input::day(holiday.date)?;
    state
        .db
        .call(move |c| -> Result<_, ApiError> {
            let tx = c.savepoint()?;
            tx.execute(
                "INSERT OR REPLACE INTO holidays (date, name_sq, name_sr, name_en) VALUES (?1, ?2, ?3, ?4)",
                params![
                    holiday.date.to_string(),
                    required_text(&holiday.name_sq, "name_required")?,
                    required_text(&holiday.name_sr, "name_required")?,
                    required_text(&holiday.name_en, "name_required")?
                ],
            )?;
            audit_admin(&tx, &staff, "holiday_added", None, Some(json!(holiday)))?;
            tx.commit()?;
            Ok(())
        })
        .await?;
    Ok(StatusCode::CREATED)
}

#[utoipa::path(delete, path = "/api/v1/admin/holidays/{date}", tag = "administration", security(("Bearer" = [])),
    params(("date" = chrono::NaiveDate, Path, pattern = "^(20[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$")),
    responses((status = 204, description = "Removed"), (status = 400, description = "Not a day (`YYYY-MM-DD`) within 2000 to 2100"),
              (status = 403, description = "Only administrators change holidays"), (status = 404, description = "That day is not a holiday")))]
pub async fn delete_holiday(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(date): Path<String>,
) -> Result<StatusCode, ApiError> {
    staff.require_admin()?;
    let date = crate::input::parse_day(&date)?.to_string();
    state
        .db
        .call(move |c| {
            let tx = c.savepoint()?;
            if tx.execute("DELETE FROM holidays WHERE date = ?1", [&date])? == 0 {
                return Err(ApiError::NotFound);
            }
            audit_admin(&tx, &staff, "holiday_removed", Some(json!(date)), None)?;
            tx.commit()?;
            Ok(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, Deserialize, utoipa::ToSchema)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub institution_id: Option<String>,
    pub active: bool,
}

#[utoipa::path(get, path = "/api/v1/admin/staff", tag = "administration", security(("Bearer" = [])),
    responses((status = 200, body = [Account], description = "Every account (administrators) or your institution's (managers)"),
              (status = 403, description = "Staff do not manage accounts")))]
pub async fn list_staff(
    State(state): State<AppState>,
    staff: StaffMember,
) -> Result<Json<Vec<Account>>, ApiError> {
    if staff.role == Role::Staff {
        return Err(ApiError::Forbidden);
    }
    let scope = if staff.role == Role::Administrator {
        None
    } else {
        staff.institution_id.clone()
    };
    let list = state
        .db
        .read(move |c| -> Result<_, ApiError> {
            let mut s = c.prepare(
                "SELECT id, username, display_name, role, institution_id, active FROM staff
                 WHERE ?1 IS NULL OR institution_id = ?1 ORDER BY username",
            )?;
            let list = s
                .query_map([scope], |r| {
                    Ok(Account {
                        id: r.get(0)?,
                        username: r.get(1)?,
                        display_name: r.get(2)?,
                        role: Role::parse(&r.get::<_, String>(3)?).unwrap_or(Role::Staff),
                        institution_id: r.get(4)?,
                        active: r.get(5)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(list)
        })
        .await?;
    Ok(Json(list))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct NewAccount {
    /// 3 to 64 letters, digits, `.`, `-` or `_` (stored in lower case).
    #[schema(pattern = r"^\s*[A-Za-z0-9._-]{3,64}\s*$")]
    pub username: String,
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    pub display_name: String,
    /// At least 10 characters.
    #[schema(min_length = 10)]
    pub password: String,
    pub role: Role,
    pub institution_id: Option<String>,
}

pub const MIN_PASSWORD_CHARS: usize = 10;

/// Creates an account; used by the API and by the demo data.
pub fn insert_account(
    c: &rusqlite::Connection,
    account: &NewAccount,
    password_hash: &str,
) -> Result<i64, ApiError> {
    let taken: bool = c.query_row(
        "SELECT EXISTS(SELECT 1 FROM staff WHERE username = ?1)",
        [&account.username],
        |r| r.get(0),
    )?;
    if taken {
        return Err(ApiError::Conflict {
            code: "username_taken",
        });
    }
    c.execute(
        "INSERT INTO staff (username, display_name, password_hash, role, institution_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            account.username,
            account.display_name,
            password_hash,
            account.role.as_str(),
            account.institution_id,
            Utc::now().to_rfc3339()
        ],
    )?;
    Ok(c.last_insert_rowid())
}

#[utoipa::path(post, path = "/api/v1/admin/staff", tag = "administration", security(("Bearer" = [])), request_body = NewAccount,
    responses((status = 201, body = Account),
              (status = 400, description = "A username, display name or password that does not fit the rules, or an unknown institution"),
              (status = 403, description = "Not allowed to create this account"), (status = 409, description = "The username is taken")))]
pub async fn create_staff(
    State(state): State<AppState>,
    staff: StaffMember,
    ApiJson(account): ApiJson<NewAccount>,
) -> Result<(StatusCode, Json<Account>), ApiError> {
    if !staff.may_manage(account.role, account.institution_id.as_deref()) {
        return Err(ApiError::Forbidden);
    }
    // Administrators belong to no institution; everyone else to exactly one.
    if (account.role == Role::Administrator) != account.institution_id.is_none() {
        return Err(bad("institution_for_role"));
    }
    let username = account.username.trim().to_lowercase();
    if username.len() < 3
        || username.len() > 64
        || !username
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-_".contains(c))
    {
        return Err(bad("invalid_username"));
    }
    if account.password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(bad("password_too_short"));
    }
    let display_name = required_text(&account.display_name, "name_required")?;
    let account = NewAccount {
        username,
        display_name,
        ..account
    };
    let password = account.password.clone();
    let hash = state.passwords.hash(password).await?;
    let created = state
        .db
        .call(move |c| {
            let tx = c.savepoint()?;
            if let Some(institution) = &account.institution_id
                && !exists(&tx, "institutions", institution)?
            {
                return Err(bad("unknown_institution"));
            }
            let id = insert_account(&tx, &account, &hash)?;
            audit_admin(
                &tx,
                &staff,
                "account_created",
                None,
                Some(json!({ "id": id, "username": account.username, "role": account.role })),
            )?;
            tx.commit()?;
            Ok(Account {
                id,
                username: account.username,
                display_name: account.display_name,
                role: account.role,
                institution_id: account.institution_id,
                active: true,
            })
        })
        .await?;
    Ok((StatusCode::CREATED, Json(created)))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct AccountChange {
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    pub display_name: Option<String>,
    pub role: Option<Role>,
    pub active: Option<bool>,
    /// A new password, at least 10 characters; ends the account's sessions.
    #[schema(min_length = 10)]
    pub password: Option<String>,
}

#[utoipa::path(patch, path = "/api/v1/admin/staff/{id}", tag = "administration", security(("Bearer" = [])), request_body = AccountChange,
    params(("id" = i64, Path)),
    responses((status = 204, description = "Changed; a new password or a deactivation ends the account's sessions"),
              (status = 400, description = "A display name missing, or a password too short"),
              (status = 403, description = "Not allowed to change this account"), (status = 404, description = "No such account you manage")))]
pub async fn update_staff(
    State(state): State<AppState>,
    staff: StaffMember,
    Path(id): Path<i64>,
    ApiJson(change): ApiJson<AccountChange>,
) -> Result<StatusCode, ApiError> {
    if staff.role == Role::Staff {
        return Err(ApiError::Forbidden);
    }
    let hash = match change.password.clone() {
        Some(p) if p.chars().count() < MIN_PASSWORD_CHARS => return Err(bad("password_too_short")),
        Some(p) => Some(state.passwords.hash(p).await?),
        None => None,
    };
    state
        .db
        .call(move |c| {
            let tx = c.savepoint()?;
            let target: Option<(String, Option<String>)> = tx
                .query_row("SELECT role, institution_id FROM staff WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let (role, institution) = target.ok_or(ApiError::NotFound)?;
            let role = Role::parse(&role).unwrap_or(Role::Administrator);
            // An account of another institution is not this manager's to know of.
            if staff.role == Role::Manager
                && role != Role::Administrator
                && institution != staff.institution_id
            {
                return Err(ApiError::NotFound);
            }
            let new_role = change.role.unwrap_or(role);
            if !staff.may_manage(role, institution.as_deref())
                || !staff.may_manage(new_role, institution.as_deref())
            {
                return Err(ApiError::Forbidden);
            }
            // Everyone but an administrator belongs to an institution.
            if new_role != Role::Administrator && institution.is_none() {
                return Err(bad("institution_for_role"));
            }
            if let Some(name) = &change.display_name {
                tx.execute("UPDATE staff SET display_name = ?1 WHERE id = ?2", params![required_text(name, "name_required")?, id])?;
            }
            if let Some(role) = change.role {
                // An administrator belongs to no institution: promotion leaves it.
                tx.execute(
                    "UPDATE staff SET role = ?1, institution_id = CASE WHEN ?1 = 'administrator' THEN NULL ELSE institution_id END
                     WHERE id = ?2",
                    params![role.as_str(), id],
                )?;
            }
            if let Some(active) = change.active {
                tx.execute("UPDATE staff SET active = ?1 WHERE id = ?2", params![active, id])?;
                if !active {
                    tx.execute("DELETE FROM sessions WHERE staff_id = ?1", [id])?;
                }
            }
            if let Some(hash) = &hash {
                tx.execute("UPDATE staff SET password_hash = ?1 WHERE id = ?2", params![hash, id])?;
                tx.execute("DELETE FROM sessions WHERE staff_id = ?1", [id])?;
            }
            audit_admin(
                &tx,
                &staff,
                "account_changed",
                None,
                Some(json!({ "id": id, "display_name": change.display_name, "role": change.role, "active": change.active,
                             "password_reset": hash.is_some() })),
            )?;
            tx.commit()?;
            Ok(())
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
