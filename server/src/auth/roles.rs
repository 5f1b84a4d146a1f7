//! Roles and the role ceiling: who may see which complaints, and who may manage which accounts.

use crate::services::ServiceError;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Office of the Prime Minister: every institution, the reference data, accounts.
    Administrator,
    /// Runs one institution's team: its complaints, figures and accounts.
    Manager,
    /// Works one institution's complaints.
    Staff,
    /// Oversees the institutions under one supervising body: reads their complaints (without the
    /// citizens' contact details or photos) and leaves notes on them; changes nothing else.
    Supervisor,
}

impl Role {
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "administrator" => Some(Role::Administrator),
            "manager" => Some(Role::Manager),
            "staff" => Some(Role::Staff),
            "supervisor" => Some(Role::Supervisor),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Manager => "manager",
            Role::Staff => "staff",
            Role::Supervisor => "supervisor",
        }
    }

    /// Where the role stands: no one may act on an account above their own, nor grant a role
    /// above their own.
    fn rank(self) -> u8 {
        match self {
            Role::Staff | Role::Supervisor => 1,
            Role::Manager => 2,
            Role::Administrator => 3,
        }
    }

    /// Whether `self` is at or below `other`.
    pub fn within(self, other: Role) -> bool {
        self.rank() <= other.rank()
    }
}

/// A logged-in staff member.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct StaffMember {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// `None` only for administrators.
    pub institution_id: Option<String>,
}

impl StaffMember {
    /// Whether this person may see and act on complaints held by `institution` (a supervisor
    /// acts on none: what it oversees it reads, through `services::supervision`).
    pub fn serves(&self, institution: &str) -> bool {
        match self.role {
            Role::Administrator => true,
            Role::Supervisor => false,
            Role::Manager | Role::Staff => self.institution_id.as_deref() == Some(institution),
        }
    }

    /// Whether this person may manage an account that holds `role` in `institution` (to
    /// create it, change it, or give it that role): administrators any account; a manager the
    /// accounts of their own institution whose role is not above their own; staff none. An
    /// administrator's account is above every manager whatever institution it names, and only
    /// administrators make supervisors (who read beyond the institution their account names).
    pub fn may_manage(&self, role: Role, institution: Option<&str>) -> bool {
        match self.role {
            Role::Administrator => true,
            Role::Manager => {
                role != Role::Supervisor
                    && role.within(self.role)
                    && institution.is_some()
                    && institution == self.institution_id.as_deref()
            }
            Role::Staff | Role::Supervisor => false,
        }
    }

    pub fn require_admin(&self) -> Result<(), ServiceError> {
        if self.role == Role::Administrator {
            Ok(())
        } else {
            Err(ServiceError::Forbidden)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(role: Role, institution: Option<&str>) -> StaffMember {
        StaffMember {
            id: 1,
            username: "someone".into(),
            display_name: "Someone".into(),
            role,
            institution_id: institution.map(str::to_owned),
        }
    }

    #[test]
    fn no_one_manages_an_account_above_their_own_role() {
        let manager = member(Role::Manager, Some("gjilan-public-services"));
        let own = Some("gjilan-public-services");
        assert!(manager.may_manage(Role::Staff, own));
        assert!(manager.may_manage(Role::Manager, own));
        assert!(!manager.may_manage(Role::Administrator, own));
        assert!(!manager.may_manage(Role::Staff, Some("prishtina-public-services")));
        assert!(!manager.may_manage(Role::Staff, None));
        let staff = member(Role::Staff, own);
        assert!(!staff.may_manage(Role::Staff, own));
        let administrator = member(Role::Administrator, None);
        assert!(administrator.may_manage(Role::Administrator, None));
        assert!(administrator.may_manage(Role::Staff, own));
    }
}
