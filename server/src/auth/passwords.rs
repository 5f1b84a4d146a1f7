//! Password hashing and checking with bounded cost. Argon2id is expensive on purpose (about
//! 19 MiB and tens of milliseconds a check), so the server checks passwords on a few threads of
//! its own, one per core, lets a short queue wait for them, and answers "busy, try again" to
//! anything beyond it. A login flood then costs a fixed amount of memory: each of these threads
//! reuses the same memory for every check, where a pool that grows under load would leave a
//! check's worth of memory behind on every thread it ever used.

use std::sync::mpsc::{SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};

use crate::auth;
use crate::services::ServiceError;

/// How many checks may wait for a turn, per thread that checks.
const QUEUE_PER_WORKER: usize = 4;

/// Seconds a caller turned away is told to wait.
const BUSY_RETRY_SECS: u64 = 2;

type Job = Box<dyn FnOnce(&mut auth::HashingMemory) + Send>;

/// The gate every password hash and check passes through.
#[derive(Clone)]
pub struct PasswordWork {
    queue: SyncSender<Job>,
}

impl Default for PasswordWork {
    fn default() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        PasswordWork::new(cores)
    }
}

impl PasswordWork {
    /// `workers` threads that check passwords, with a queue of [`QUEUE_PER_WORKER`] each.
    pub fn new(workers: usize) -> PasswordWork {
        let workers = workers.max(1);
        let (queue, jobs) = sync_channel::<Job>(workers * QUEUE_PER_WORKER);
        let jobs = Arc::new(Mutex::new(jobs));
        for n in 0..workers {
            let jobs = jobs.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("passwords-{n}"))
                .spawn(move || {
                    let mut memory = auth::HashingMemory::new();
                    loop {
                        let job = match jobs.lock() {
                            Ok(receiver) => receiver.recv(),
                            Err(_) => return,
                        };
                        match job {
                            Ok(job) => job(&mut memory),
                            // Every sender is gone: the server is shutting down.
                            Err(_) => return,
                        }
                    }
                });
            if let Err(error) = spawned {
                tracing::error!(%error, "starting a password thread");
            }
        }
        PasswordWork { queue }
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut auth::HashingMemory) -> T + Send + 'static,
    ) -> Result<T, ServiceError> {
        let (answer, answered) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move |memory| {
            let _ = answer.send(work(memory));
        });
        match self.queue.try_send(job) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => {
                return Err(ServiceError::Busy {
                    retry_after_secs: BUSY_RETRY_SECS,
                });
            }
            Err(TrySendError::Disconnected(_)) => {
                return Err(ServiceError::Internal("no thread checks passwords".into()));
            }
        }
        answered
            .await
            .map_err(|_| ServiceError::Internal("a password check was lost".into()))
    }

    /// Whether `password` matches the PHC string `hash`.
    pub async fn verify(&self, hash: String, password: String) -> Result<bool, ServiceError> {
        self.run(move |memory| auth::verify_password_in(&hash, &password, memory))
            .await
    }

    /// A fresh argon2id hash of `password`.
    pub async fn hash(&self, password: String) -> Result<String, ServiceError> {
        self.run(move |memory| auth::hash_password_in(&password, memory))
            .await?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn beyond_the_queue_callers_are_told_to_come_back() {
        let work = PasswordWork::new(1);
        let hash = auth::hash_password("right password").unwrap();
        // Occupy the only thread, so every attempt queues or is turned away.
        let (release, held) = std::sync::mpsc::channel::<()>();
        let blocker = {
            let work = work.clone();
            tokio::spawn(async move { work.run(move |_| held.recv().ok()).await })
        };
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        let attempts: Vec<_> = (0..20)
            .map(|_| {
                let (work, hash) = (work.clone(), hash.clone());
                tokio::spawn(async move { work.verify(hash, "wrong".into()).await })
            })
            .collect();
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        let turned_away = attempts.iter().filter(|a| a.is_finished()).count();
        assert_eq!(turned_away, 20 - QUEUE_PER_WORKER);
        release.send(()).unwrap();
        blocker.await.unwrap().unwrap();
        let mut checked = 0;
        for attempt in attempts {
            match attempt.await.unwrap() {
                Ok(false) => checked += 1,
                Err(ServiceError::Busy { .. }) => {}
                other => panic!("unexpected {other:?}"),
            }
        }
        assert_eq!(checked, QUEUE_PER_WORKER, "the queue was checked in turn");
        assert!(work.verify(hash, "right password".into()).await.unwrap());
    }
}
