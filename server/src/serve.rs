//! Accepting connections with limits, so that connections themselves cannot exhaust the server:
//! a connection must send its request's headers within a time limit, and is closed when idle
//! between requests for as long; at most so many connections are open at once, and fewer from any
//! one address, so a flood from one place leaves room for everyone else. At start the process
//! raises its open-file limit as far as the system allows, and keeps the connection limit below
//! it with room to spare for the database and photos. Behind a trusted reverse proxy, a
//! request's address is the one the proxy forwards.

use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower::ServiceExt;

/// The connection limits one listener keeps.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    pub max_connections: usize,
    pub max_per_address: usize,
    /// For a request's headers, and for the next request on an idle connection.
    pub header_timeout: Duration,
}

/// Who a request comes from: the connection's peer, or, when the peer is a trusted reverse
/// proxy, the last address in `X-Forwarded-For` that is not one (the proxy appends the address
/// it saw, so what the client wrote before it is never believed).
pub fn client_address(
    peer: SocketAddr,
    headers: &axum::http::HeaderMap,
    trusted_proxies: &[IpAddr],
) -> SocketAddr {
    if !trusted_proxies.contains(&peer.ip()) {
        return peer;
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|a| a.trim().parse::<IpAddr>())
        .collect::<Result<_, _>>()
        .unwrap_or_default();
    forwarded
        .into_iter()
        .rev()
        .find(|a| !trusted_proxies.contains(a))
        .map_or(peer, |ip| SocketAddr::new(ip, peer.port()))
}

/// File descriptors kept free of connections: the database, its journal, photos, logs.
const RESERVED_FILES: u64 = 256;

/// Raises the soft open-file limit to the hard one where the system allows, and answers how
/// many connections fit in it.
pub fn connections_the_system_allows(wanted: usize) -> usize {
    #[cfg(unix)]
    {
        let limit = rlimit::increase_nofile_limit(u64::MAX).unwrap_or(1024);
        let room = limit.saturating_sub(RESERVED_FILES).max(16);
        wanted.min(usize::try_from(room).unwrap_or(usize::MAX))
    }
    #[cfg(not(unix))]
    {
        wanted
    }
}

/// Open connections: in all, and per address.
#[derive(Default)]
struct Open {
    total: usize,
    by_address: HashMap<IpAddr, usize>,
}

/// A connection's place among the open ones, given up when it closes.
struct Admitted {
    open: Arc<Mutex<Open>>,
    address: IpAddr,
}

impl Drop for Admitted {
    fn drop(&mut self) {
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        open.total = open.total.saturating_sub(1);
        if let Some(count) = open.by_address.get_mut(&self.address) {
            *count -= 1;
            if *count == 0 {
                open.by_address.remove(&self.address);
            }
        }
    }
}

fn admit(open: &Arc<Mutex<Open>>, limits: &ConnectionLimits, address: IpAddr) -> Option<Admitted> {
    let mut guard = open.lock().unwrap_or_else(|p| p.into_inner());
    let from_address = guard.by_address.get(&address).copied().unwrap_or(0);
    if guard.total >= limits.max_connections || from_address >= limits.max_per_address {
        return None;
    }
    guard.total += 1;
    *guard.by_address.entry(address).or_insert(0) += 1;
    Some(Admitted {
        open: open.clone(),
        address,
    })
}

/// Serves `router` on `listener` until `shutdown` completes, then lets requests in flight
/// finish (for up to `drain`).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    trusted_proxies: Arc<Vec<IpAddr>>,
    shutdown: impl Future<Output = ()>,
    drain: Duration,
) -> std::io::Result<()> {
    let open = Arc::new(Mutex::new(Open::default()));
    let graceful = GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true);
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors, say: wait for some to close instead of spinning.
                    tracing::warn!(%error, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(admitted) = admit(&open, &limits, peer.ip()) else {
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let proxies = trusted_proxies.clone();
        let service = router.clone().map_request(
            move |mut request: axum::extract::Request<hyper::body::Incoming>| {
                let client = client_address(peer, request.headers(), &proxies);
                request
                    .extensions_mut()
                    .insert(ConnectInfo::<SocketAddr>(client));
                request.map(axum::body::Body::new)
            },
        );
        let connection =
            builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _admitted = admitted;
            if let Err(error) = connection.await {
                tracing::debug!(%error, "connection closed");
            }
        });
    }
    drop(listener);
    if tokio::time::timeout(drain, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("requests still in flight after {drain:?}: closing them");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_trusted_proxy_says_who_the_client_is() {
        let proxy: SocketAddr = "10.0.0.5:4000".parse().unwrap();
        let trusted: Vec<IpAddr> = vec!["10.0.0.5".parse().unwrap(), "10.0.0.6".parse().unwrap()];
        let mut headers = axum::http::HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            "6.6.6.6, 192.0.2.7, 10.0.0.6".parse().unwrap(),
        );
        // The client wrote 6.6.6.6 itself; the proxies saw 192.0.2.7.
        assert_eq!(
            client_address(proxy, &headers, &trusted).ip().to_string(),
            "192.0.2.7"
        );
        let stranger: SocketAddr = "192.0.2.9:5000".parse().unwrap();
        assert_eq!(client_address(stranger, &headers, &trusted), stranger);
        headers.insert("x-forwarded-for", "not an address".parse().unwrap());
        assert_eq!(client_address(proxy, &headers, &trusted), proxy);
        assert_eq!(
            client_address(proxy, &axum::http::HeaderMap::new(), &trusted),
            proxy
        );
    }

    #[test]
    fn connections_are_limited_per_address_and_in_all() {
        let open = Arc::new(Mutex::new(Open::default()));
        let limits = ConnectionLimits {
            max_connections: 3,
            max_per_address: 2,
            header_timeout: Duration::from_secs(1),
        };
        let a: IpAddr = "127.0.0.2".parse().unwrap();
        let b: IpAddr = "127.0.0.3".parse().unwrap();
        let first = admit(&open, &limits, a).unwrap();
        let _second = admit(&open, &limits, a).unwrap();
        assert!(
            admit(&open, &limits, a).is_none(),
            "a third from one address"
        );
        let _third = admit(&open, &limits, b).unwrap();
        assert!(admit(&open, &limits, b).is_none(), "a fourth in all");
        drop(first);
        assert!(
            admit(&open, &limits, b).is_some(),
            "a closed one makes room"
        );
    }
}
