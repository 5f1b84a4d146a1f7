//! What staff see: their institution's inbox (filters, search, sorting, pages, and the counts of
//! new and overdue complaints), one complaint in full, the overdue complaints of the institutions
//! theirs supervises, and their colleagues. Every query is scoped to the staff member's
//! institution (administrators see all); a complaint of another institution is "not found".

mod complaint;
mod filter;

use crate::db::Value;
use crate::db::{Conn, OptionalExtension};
use crate::db::{Dialect, params_from_iter};
use protocol::api::{LocalizedText, Status};
use serde::{Deserialize, Serialize};

pub use complaint::{StaffComplaint, complaint};
pub use filter::overdue_condition;
use filter::{Filter, ITEM_COLUMNS, item_from_row};

use super::{ServiceError, supervision};
use crate::auth::{Role, StaffMember};
use crate::input;

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InboxQuery {
    /// Comma-separated statuses, e.g. `submitted,reopened`.
    #[param(
        pattern = "^((submitted|received|in_progress|transferred|reopened|resolved|rejected)(,(submitted|received|in_progress|transferred|reopened|resolved|rejected))*)?$"
    )]
    pub status: Option<String>,
    pub category: Option<String>,
    pub municipality: Option<String>,
    /// Only complaints past a deadline.
    pub overdue: Option<bool>,
    /// Words from the description, or a tracking code (control characters count as spaces).
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// `me`, `none`, or a staff id.
    #[param(pattern = "^(me|none|[0-9]{1,18})?$")]
    pub assigned: Option<String>,
    /// Administrators: one institution's complaints.
    pub institution: Option<String>,
    /// `newest` (default), `oldest` or `due`.
    #[param(pattern = "^(newest|oldest|due)?$")]
    pub sort: Option<String>,
    /// From 1 (the default).
    #[param(minimum = 1, maximum = 100000)]
    pub page: Option<u32>,
    /// 25 unless asked.
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u32>,
}

#[derive(Debug, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct InboxItem {
    pub id: String,
    pub tracking_code: String,
    pub category_id: String,
    pub category: LocalizedText,
    pub municipality_id: String,
    pub municipality: LocalizedText,
    pub institution_id: String,
    pub status: String,
    pub submitted_at: String,
    pub ack_due: String,
    pub answer_due: String,
    pub overdue: bool,
    pub assigned_to: Option<i64>,
    pub photo_count: u8,
    pub anonymous: bool,
    pub excerpt: String,
    /// Sent on to the institution's supervising body, unanswered too long past its deadline.
    pub escalated: bool,
}

#[derive(Debug, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Inbox {
    pub items: Vec<InboxItem>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
    /// Complaints nobody has acknowledged yet (submitted, transferred in, reopened).
    pub new: i64,
    pub overdue: i64,
}

fn invalid_filter() -> ServiceError {
    ServiceError::bad_request("invalid_filter")
}

/// The page of `staff`'s inbox that `query` asks for, overdue as of `today` (Kosovo date).
pub fn inbox(
    c: &Conn,
    staff: &StaffMember,
    query: &InboxQuery,
    today: &str,
) -> Result<Inbox, ServiceError> {
    // The tenant boundary: everyone but an administrator sees one institution only, and a
    // supervisor the institutions it oversees (one of them, if it names one).
    let institutions: Option<Vec<String>> =
        match (staff.role, &staff.institution_id, &query.institution) {
            (Role::Administrator, _, chosen) => chosen.clone().map(|one| vec![one]),
            (Role::Supervisor, Some(_), chosen) => {
                let overseen = supervision::overseen(c, staff)?;
                Some(match chosen {
                    Some(one) => overseen.into_iter().filter(|id| id == one).collect(),
                    None => overseen,
                })
            }
            (_, Some(institution), _) => Some(vec![institution.clone()]),
            (_, None, _) => return Err(ServiceError::Forbidden),
        };
    let mut filter = Filter::default();
    if let Some(institutions) = &institutions {
        filter.add(
            &format!("c.institution_id IN ({})", placeholders(institutions.len())),
            institutions.iter().map(|id| id.clone().into()),
        );
    }
    let scope = filter.clone();
    if let Some(statuses) = query.status.as_deref().filter(|s| !s.is_empty()) {
        let list: Vec<Value> = statuses
            .split(',')
            .map(|s| {
                s.parse::<Status>()
                    .map(|status| status.as_str().to_owned().into())
                    .map_err(|_| invalid_filter())
            })
            .collect::<Result<_, _>>()?;
        filter.add(&format!("c.status IN ({})", placeholders(list.len())), list);
    }
    if let Some(category) = query.category.as_deref().filter(|s| !s.is_empty()) {
        filter.add("c.category_id = ?", [category.to_owned().into()]);
    }
    if let Some(municipality) = query.municipality.as_deref().filter(|s| !s.is_empty()) {
        filter.add("c.municipality_id = ?", [municipality.to_owned().into()]);
    }
    if query.overdue == Some(true) {
        filter.add(&overdue_condition(today), []);
    }
    if let Some(words) = input::search_words(query.q.as_deref().unwrap_or_default())? {
        match c.dialect() {
            Dialect::Sqlite => filter.add(
                "c.rowid IN (SELECT rowid FROM complaints_search WHERE complaints_search MATCH ?)",
                [input::search_expression(&words).into()],
            ),
            Dialect::Postgres => filter.add(
                "c.search @@ CAST(? AS TEXT)::tsquery",
                [input::search_tsquery(&words).into()],
            ),
        }
    }
    match query.assigned.as_deref() {
        Some("me") => filter.add("c.assigned_to = ?", [staff.id.into()]),
        Some("none") => filter.add("c.assigned_to IS NULL", []),
        Some(id) if !id.is_empty() => {
            let digits = id.len() <= 18 && id.bytes().all(|b| b.is_ascii_digit());
            let id: i64 = digits
                .then(|| id.parse().ok())
                .flatten()
                .ok_or_else(invalid_filter)?;
            filter.add("c.assigned_to = ?", [id.into()]);
        }
        _ => {}
    }
    let order = match query.sort.as_deref() {
        None | Some("") | Some("newest") => "c.submitted_at DESC",
        Some("oldest") => "c.submitted_at ASC",
        Some("due") => "c.answer_due ASC, c.submitted_at ASC",
        Some(_) => return Err(invalid_filter()),
    };
    let (page, per_page) = input::page(query.page, query.per_page)?;
    let from = "FROM complaints c JOIN categories k ON k.id = c.category_id JOIN municipalities m ON m.id = c.municipality_id";

    let counts = scope_counts(c, institutions.as_deref(), today)?;
    // Counting needs no names: every filter is on the complaint itself.
    let total = if filter.clause() == scope.clause() {
        counts.all
    } else {
        c.prepare_cached(&format!(
            "SELECT COUNT(*) FROM complaints c {}",
            filter.clause()
        ))?
        .query_row(params_from_iter(filter.values.iter()), |r| r.get(0))?
    };
    // The page's rows are chosen from the indexes alone; only they are then read in full.
    // SQLite finds the rows by their rowid, PostgreSQL by the primary key.
    let row = match c.dialect() {
        Dialect::Sqlite => "rowid",
        Dialect::Postgres => "id",
    };
    let sql = format!(
        "SELECT {ITEM_COLUMNS} {from} WHERE c.{row} IN
            (SELECT c.{row} FROM complaints c {} ORDER BY {order} LIMIT {per_page} OFFSET {})
         ORDER BY {order}",
        filter.clause(),
        u64::from(page - 1) * u64::from(per_page)
    );
    let mut statement = c.prepare_cached(&sql)?;
    let items = statement
        .query_map(params_from_iter(filter.values.iter()), |r| {
            item_from_row(r, today)
        })?
        .collect::<Result<Vec<_>, _>>()?;

    Ok(Inbox {
        items,
        total,
        page,
        per_page,
        new: counts.new,
        overdue: counts.overdue,
    })
}

/// How many complaints an inbox's scope holds: all of them, the new ones, and the overdue ones
/// on `today`.
struct ScopeCounts {
    all: i64,
    new: i64,
    overdue: i64,
}

/// `?` placeholders for `n` values, comma-separated ("NULL" for none, which matches nothing).
fn placeholders(n: usize) -> String {
    if n == 0 {
        "NULL".to_owned()
    } else {
        vec!["?"; n].join(", ")
    }
}

/// The counts of `institutions`' complaints (of every institution's, for `None`), added up from
/// the daily totals, which the database keeps in step with every complaint.
fn scope_counts(
    c: &Conn,
    institutions: Option<&[String]>,
    today: &str,
) -> Result<ScopeCounts, ServiceError> {
    let values: Vec<Value> = institutions
        .unwrap_or_default()
        .iter()
        .map(|id| id.clone().into())
        .collect();
    // Numbered from `first`, after the parameters before them.
    let of_institutions = |first: usize| match institutions {
        Some([]) => "AND key IS NULL".to_owned(),
        Some(ids) => format!(
            "AND key IN ({})",
            (first..first + ids.len())
                .map(|n| format!("?{n}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => String::new(),
    };
    let all = c
        .prepare_cached(&format!(
            "SELECT COALESCE(SUM(received), 0) FROM daily_figures
             WHERE dimension = 'institution' {}",
            of_institutions(1)
        ))?
        .query_row(params_from_iter(values.iter()), |r| r.get(0))?;
    let (new, overdue) = c
        .prepare_cached(&format!(
            "SELECT COALESCE(SUM(CASE WHEN unacknowledged = 1 THEN open ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN answer_due < ?1 OR (unacknowledged = 1 AND ack_due < ?1)
                    THEN open ELSE 0 END), 0)
             FROM daily_open WHERE dimension = 'institution' {}",
            of_institutions(2)
        ))?
        .query_row(
            params_from_iter(std::iter::once(Value::from(today.to_owned())).chain(values)),
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
    Ok(ScopeCounts { all, new, overdue })
}

/// The overdue complaints (as of `today`) of the institutions `staff`'s supervises, the most
/// overdue first; every institution's for administrators.
pub fn escalations(
    c: &Conn,
    staff: &StaffMember,
    today: &str,
) -> Result<Vec<InboxItem>, ServiceError> {
    let mut filter = Filter::default();
    match (&staff.role, &staff.institution_id) {
        (Role::Administrator, _) => {}
        (Role::Supervisor, Some(_)) => {
            let overseen = supervision::overseen(c, staff)?;
            filter.add(
                &format!("c.institution_id IN ({})", placeholders(overseen.len())),
                overseen.into_iter().map(Value::from),
            );
        }
        (_, Some(institution)) => filter.add("i.parent_id = ?", [institution.clone().into()]),
        (_, None) => return Err(ServiceError::Forbidden),
    }
    filter.add(&overdue_condition(today), []);
    let sql = format!(
        "SELECT {ITEM_COLUMNS} FROM complaints c JOIN categories k ON k.id = c.category_id
         JOIN municipalities m ON m.id = c.municipality_id JOIN institutions i ON i.id = c.institution_id
         {} ORDER BY c.answer_due ASC LIMIT 500",
        filter.clause()
    );
    let mut statement = c.prepare(&sql)?;
    let items = statement
        .query_map(params_from_iter(filter.values.iter()), |r| {
            item_from_row(r, today)
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(items)
}

#[derive(Debug, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Colleague {
    pub id: i64,
    pub display_name: String,
    pub role: Role,
}

/// The active staff of `institution` (administrators: of none), by name: whom a complaint can
/// be given to.
pub fn colleagues(c: &Conn, institution: Option<&str>) -> Result<Vec<Colleague>, ServiceError> {
    let mut statement = c.prepare_cached(
        "SELECT id, display_name, role FROM staff WHERE institution_id IS NOT DISTINCT FROM ?1 AND active = 1
         ORDER BY display_name",
    )?;
    let list = statement
        .query_map([institution], |r| {
            Ok(Colleague {
                id: r.get(0)?,
                display_name: r.get(1)?,
                role: Role::parse(&r.get::<_, String>(2)?).unwrap_or(Role::Staff),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(list)
}

/// The first active account of `institution` (the longest there), if it has any.
pub fn first_member(c: &Conn, institution: &str) -> Result<Option<StaffMember>, ServiceError> {
    Ok(c.query_row(
        "SELECT id, username, display_name, role FROM staff WHERE institution_id = ?1 AND active = 1 ORDER BY id LIMIT 1",
        [institution],
        |r| {
            Ok(StaffMember {
                id: r.get(0)?,
                username: r.get(1)?,
                display_name: r.get(2)?,
                role: Role::parse(&r.get::<_, String>(3)?).unwrap_or(Role::Staff),
                institution_id: Some(institution.to_owned()),
            })
        },
    )
    .optional()?)
}
