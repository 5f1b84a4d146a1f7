//! The core as the shells see it: a uniffi object that takes and returns bytes.
//!
//! Events, effect outputs and view models cross as bincode (the generated types speak it too).
//! Nothing a shell sends can crash the app: malformed bytes, an unknown effect id, or a panic
//! deep in the core all come back as an [`FfiError`] value.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crux_core::{
    Core,
    bridge::{Bridge, BridgeError, EffectId},
};

use crate::app::Zeri;

#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum FfiError {
    /// The event bytes did not decode as an `Event`.
    #[error("invalid event: {reason}")]
    InvalidEvent { reason: String },
    /// The effect output did not decode, or its id is unknown or already resolved.
    #[error("invalid effect output: {reason}")]
    InvalidOutput { reason: String },
    /// Something failed inside the core; the app keeps running.
    #[error("internal error: {reason}")]
    Internal { reason: String },
}

fn map_error(error: BridgeError) -> FfiError {
    match error {
        BridgeError::DeserializeEvent(e) => FfiError::InvalidEvent {
            reason: e.to_string(),
        },
        BridgeError::DeserializeOutput(e) => FfiError::InvalidOutput {
            reason: e.to_string(),
        },
        BridgeError::ProcessResponse(e) => FfiError::InvalidOutput {
            reason: e.to_string(),
        },
        other => FfiError::Internal {
            reason: other.to_string(),
        },
    }
}

fn guarded(work: impl FnOnce() -> Result<Vec<u8>, FfiError>) -> Result<Vec<u8>, FfiError> {
    catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|panic| {
        let reason = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".to_owned());
        Err(FfiError::Internal { reason })
    })
}

#[derive(uniffi::Object)]
pub struct CoreFfi {
    bridge: Bridge<Zeri>,
}

impl Default for CoreFfi {
    fn default() -> Self {
        Self::new()
    }
}

#[uniffi::export]
impl CoreFfi {
    #[uniffi::constructor]
    pub fn new() -> Self {
        CoreFfi {
            bridge: Bridge::new(Core::new()),
        }
    }

    /// Sends a bincode-encoded `Event`; returns the bincode-encoded effect requests.
    pub fn update(&self, event: Vec<u8>) -> Result<Vec<u8>, FfiError> {
        guarded(|| {
            let mut requests = Vec::new();
            self.bridge
                .update(&event, &mut requests)
                .map_err(map_error)?;
            Ok(requests)
        })
    }

    /// Answers effect request `id` with its bincode-encoded output; returns new effect requests.
    pub fn resolve(&self, id: u32, output: Vec<u8>) -> Result<Vec<u8>, FfiError> {
        guarded(|| {
            let mut requests = Vec::new();
            self.bridge
                .resolve(EffectId(id), &output, &mut requests)
                .map_err(map_error)?;
            Ok(requests)
        })
    }

    /// The bincode-encoded `ViewModel`.
    pub fn view(&self) -> Result<Vec<u8>, FfiError> {
        guarded(|| {
            let mut view = Vec::new();
            self.bridge.view(&mut view).map_err(map_error)?;
            Ok(view)
        })
    }
}
