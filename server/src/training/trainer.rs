//! What the trainer (an administrator) does: list the trainees with their progress, add one
//! (and build their sandbox), reset one sandbox or all of them.

use super::Sandboxes;
use crate::auth::StaffMember;
use crate::services::ServiceError;
use crate::services::training::{self, InvalidTrainee, Trainee};
use crate::state::AppState;

/// The sandboxes, outside a sandbox (which holds no others).
fn sandboxes(state: &AppState) -> Result<&Sandboxes, ServiceError> {
    state.sandboxes.as_deref().ok_or(ServiceError::NotFound)
}

/// Every trainee, with what they have done in their sandbox so far read in first.
pub async fn trainees(state: &AppState, staff: &StaffMember) -> Result<Vec<Trainee>, ServiceError> {
    staff.require_admin()?;
    let sandboxes = sandboxes(state)?;
    for trainee in sandboxes.trainees().await? {
        sandboxes.record_progress(&trainee.id).await?;
    }
    sandboxes.trainees().await
}

/// Adds a trainee and builds their sandbox; answers their id, or why the form must change.
pub async fn add(
    state: &AppState,
    staff: &StaffMember,
    name: &str,
    institution_id: &str,
) -> Result<Result<String, InvalidTrainee>, ServiceError> {
    staff.require_admin()?;
    let sandboxes = sandboxes(state)?;
    let id = match training::add(&state.db, staff, name, institution_id, state.clock.now()).await? {
        Ok(id) => id,
        Err(invalid) => return Ok(Err(invalid)),
    };
    sandboxes.build(&id).await?;
    Ok(Ok(id))
}

/// Gives a trainee a fresh sandbox; what they did in the old one still counts.
pub async fn reset(
    state: &AppState,
    staff: &StaffMember,
    trainee_id: &str,
) -> Result<(), ServiceError> {
    staff.require_admin()?;
    let sandboxes = sandboxes(state)?;
    if !sandboxes
        .trainees()
        .await?
        .iter()
        .any(|t| t.id == trainee_id)
    {
        return Err(ServiceError::NotFound);
    }
    sandboxes.reset(trainee_id).await
}

/// Gives every trainee a fresh sandbox.
pub async fn reset_all(state: &AppState, staff: &StaffMember) -> Result<(), ServiceError> {
    staff.require_admin()?;
    let sandboxes = sandboxes(state)?;
    for trainee in sandboxes.trainees().await? {
        sandboxes.reset(&trainee.id).await?;
    }
    Ok(())
}
