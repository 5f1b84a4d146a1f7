//! Staff accounts: listing, creating and changing them under the role ceiling
//! ([`StaffMember::may_manage`]: administrators manage every account, a manager the accounts of
//! their own institution up to their own role, staff none), and the audit record every
//! administrative change writes.

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::institutions;
use super::names::required_text;
use crate::auth::passwords::PasswordWork;
use crate::auth::{Role, StaffMember, strength};
use crate::db::{Db, OptionalExtension};
use crate::services::ServiceError;
use crate::services::audit::audit_admin;

/// The shortest password an account may be given.
pub const MIN_PASSWORD_CHARS: usize = crate::auth::strength::MIN_CHARS;
/// The longest.
pub const MAX_PASSWORD_CHARS: usize = crate::auth::strength::MAX_CHARS;

/// An account as administrators and managers see it (never its password).
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub institution_id: Option<String>,
    pub active: bool,
}

/// A new account, as its creator gives it.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct NewAccount {
    /// 3 to 64 letters, digits, `.`, `-` or `_` (stored in lower case).
    #[schema(pattern = r"^\s*[A-Za-z0-9._-]{3,64}\s*$")]
    pub username: String,
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    pub display_name: String,
    /// 12 to 128 characters, and not guessable: common passwords, keyboard walks, dates and
    /// the account's own names are refused (`password_too_guessable`).
    #[schema(min_length = 12, max_length = 128)]
    pub password: String,
    pub role: Role,
    pub institution_id: Option<String>,
}

/// What may change about an account; what is left out stays as it is.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct AccountChange {
    #[schema(min_length = 1, max_length = 300, pattern = r"\S")]
    pub display_name: Option<String>,
    pub role: Option<Role>,
    pub active: Option<bool>,
    /// A new password, as for a new account; ends the account's sessions.
    #[schema(min_length = 12, max_length = 128)]
    pub password: Option<String>,
}

fn bad(code: &'static str) -> ServiceError {
    ServiceError::BadRequest { code, detail: None }
}

/// Every account (for administrators) or the manager's institution's; staff and supervisors
/// see none.
pub async fn list(db: &Db, staff: &StaffMember) -> Result<Vec<Account>, ServiceError> {
    if matches!(staff.role, Role::Staff | Role::Supervisor) {
        return Err(ServiceError::Forbidden);
    }
    let scope = if staff.role == Role::Administrator {
        None
    } else {
        staff.institution_id.clone()
    };
    db.read(move |c| Ok(store::list(c, scope.as_deref())?))
        .await
}

/// Creates an account within the creator's reach, with its password hashed.
pub async fn create(
    db: &Db,
    passwords: &PasswordWork,
    staff: &StaffMember,
    account: NewAccount,
) -> Result<Account, ServiceError> {
    if !staff.may_manage(account.role, account.institution_id.as_deref()) {
        return Err(ServiceError::Forbidden);
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
    let display_name = required_text(&account.display_name, "name_required")?;
    if let Some(refused) = strength::refusal(&account.password, &username, &display_name) {
        return Err(bad(refused));
    }
    let account = NewAccount {
        username,
        display_name,
        ..account
    };
    let hash = passwords.hash(account.password.clone()).await?;
    let staff = staff.clone();
    db.call(move |c| {
        let tx = c.savepoint()?;
        if let Some(institution) = &account.institution_id
            && !institutions::exists(&tx, institution)?
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
    .await
}

/// Stores an account whose fields are already checked (the API's, the demo's, a trainee's).
pub fn insert_account(
    c: &crate::db::Conn,
    account: &NewAccount,
    password_hash: &str,
) -> Result<i64, ServiceError> {
    if store::username_taken(c, &account.username)? {
        return Err(ServiceError::Conflict {
            code: "username_taken",
        });
    }
    Ok(store::insert(c, account, password_hash)?)
}

/// The username and display name of account `id`, which a new password must not be made of;
/// not found if there is no such account, or it is another institution's and `staff` a manager.
async fn names_of(db: &Db, staff: &StaffMember, id: i64) -> Result<(String, String), ServiceError> {
    let staff = staff.clone();
    db.read(move |c| {
        let (username, name, role, institution): (String, String, String, Option<String>) = c
            .query_row(
                "SELECT username, display_name, role, institution_id FROM staff WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?
            .ok_or(ServiceError::NotFound)?;
        let administrator = Role::parse(&role) == Some(Role::Administrator);
        if staff.role == Role::Manager && !administrator && institution != staff.institution_id {
            return Err(ServiceError::NotFound);
        }
        Ok((username, name))
    })
    .await
}

/// Changes an account within the changer's reach. A new password, a new role or a deactivation
/// ends the account's sessions.
pub async fn update(
    db: &Db,
    passwords: &PasswordWork,
    staff: &StaffMember,
    id: i64,
    change: AccountChange,
) -> Result<(), ServiceError> {
    if matches!(staff.role, Role::Staff | Role::Supervisor) {
        return Err(ServiceError::Forbidden);
    }
    let hash = match change.password.clone() {
        Some(password) => {
            let (username, name) = names_of(db, staff, id).await?;
            if let Some(refused) = strength::refusal(&password, &username, &name) {
                return Err(bad(refused));
            }
            Some(passwords.hash(password).await?)
        }
        None => None,
    };
    let staff = staff.clone();
    db.call(move |c| {
        let tx = c.savepoint()?;
        let (role, institution) =
            store::role_and_institution(&tx, id)?.ok_or(ServiceError::NotFound)?;
        let role = Role::parse(&role).unwrap_or(Role::Administrator);
        // An account of another institution is not this manager's to know of.
        if staff.role == Role::Manager
            && role != Role::Administrator
            && institution != staff.institution_id
        {
            return Err(ServiceError::NotFound);
        }
        let new_role = change.role.unwrap_or(role);
        if !staff.may_manage(role, institution.as_deref())
            || !staff.may_manage(new_role, institution.as_deref())
        {
            return Err(ServiceError::Forbidden);
        }
        // Everyone but an administrator belongs to an institution.
        if new_role != Role::Administrator && institution.is_none() {
            return Err(bad("institution_for_role"));
        }
        if let Some(name) = &change.display_name {
            store::set_display_name(&tx, id, &required_text(name, "name_required")?)?;
        }
        if let Some(role) = change.role.filter(|new| *new != role) {
            // Whatever was open under the old role closes with it.
            store::set_role(&tx, id, role)?;
            store::end_sessions(&tx, id)?;
        }
        if let Some(active) = change.active {
            store::set_active(&tx, id, active)?;
            if !active {
                store::end_sessions(&tx, id)?;
            }
        }
        if let Some(hash) = &hash {
            store::set_password_hash(&tx, id, hash)?;
            store::end_sessions(&tx, id)?;
        }
        audit_admin(
            &tx,
            &staff,
            "account_changed",
            None,
            Some(
                json!({ "id": id, "display_name": change.display_name, "role": change.role,
                         "active": change.active, "password_reset": hash.is_some() }),
            ),
        )?;
        tx.commit()?;
        Ok(())
    })
    .await
}

/// The SQL of the `staff` table, as administration uses it.
mod store {
    use crate::db::{Conn, OptionalExtension};
    use crate::params;

    use super::{Account, NewAccount};
    use crate::auth::Role;

    /// Every account, or those of `institution`, by username.
    pub fn list(c: &Conn, institution: Option<&str>) -> crate::db::Result<Vec<Account>> {
        let mut statement = c.prepare(
            "SELECT id, username, display_name, role, institution_id, active FROM staff
             WHERE CAST(?1 AS TEXT) IS NULL OR institution_id = ?1 ORDER BY username",
        )?;
        statement
            .query_map([institution], |r| {
                Ok(Account {
                    id: r.get(0)?,
                    username: r.get(1)?,
                    display_name: r.get(2)?,
                    role: Role::parse(&r.get::<_, String>(3)?).unwrap_or(Role::Staff),
                    institution_id: r.get(4)?,
                    active: r.get(5)?,
                })
            })?
            .collect()
    }

    pub fn username_taken(c: &Conn, username: &str) -> crate::db::Result<bool> {
        c.query_row(
            "SELECT EXISTS(SELECT 1 FROM staff WHERE username = ?1)",
            [username],
            |r| r.get(0),
        )
    }

    /// Stores a new account; answers its id.
    pub fn insert(c: &Conn, account: &NewAccount, password_hash: &str) -> crate::db::Result<i64> {
        c.query_row(
            "INSERT INTO staff (username, display_name, password_hash, role, institution_id, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
            params![
                account.username,
                account.display_name,
                password_hash,
                account.role.as_str(),
                account.institution_id,
                chrono::Utc::now().to_rfc3339()
            ],
            |r| r.get(0),
        )
    }

    /// The account's role (as stored) and institution, if there is such an account.
    pub fn role_and_institution(
        c: &Conn,
        id: i64,
    ) -> crate::db::Result<Option<(String, Option<String>)>> {
        c.query_row(
            "SELECT role, institution_id FROM staff WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
    }

    pub fn set_display_name(c: &Conn, id: i64, name: &str) -> crate::db::Result<()> {
        c.execute(
            "UPDATE staff SET display_name = ?1 WHERE id = ?2",
            params![name, id],
        )?;
        Ok(())
    }

    /// Gives the account `role`; an administrator belongs to no institution, so promotion
    /// leaves it.
    pub fn set_role(c: &Conn, id: i64, role: Role) -> crate::db::Result<()> {
        c.execute(
            "UPDATE staff SET role = ?1,
                 institution_id = CASE WHEN ?1 = ?3 THEN NULL ELSE institution_id END
             WHERE id = ?2",
            params![role.as_str(), id, Role::Administrator.as_str()],
        )?;
        Ok(())
    }

    pub fn set_active(c: &Conn, id: i64, active: bool) -> crate::db::Result<()> {
        c.execute(
            "UPDATE staff SET active = ?1 WHERE id = ?2",
            params![active, id],
        )?;
        Ok(())
    }

    pub fn set_password_hash(c: &Conn, id: i64, hash: &str) -> crate::db::Result<()> {
        c.execute(
            "UPDATE staff SET password_hash = ?1 WHERE id = ?2",
            params![hash, id],
        )?;
        Ok(())
    }

    /// Signs the account out everywhere.
    pub fn end_sessions(c: &Conn, id: i64) -> crate::db::Result<()> {
        c.execute("DELETE FROM sessions WHERE staff_id = ?1", [id])?;
        Ok(())
    }
}
