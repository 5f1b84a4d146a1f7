//! The HTTPS client the push senders post through: hyper with rustls (ring, and the Mozilla
//! root certificates), HTTP/1.1 or HTTP/2 as the provider agrees by ALPN, or HTTP/2 from the
//! first byte for a plain `http://` address when asked (a relay on this machine, or a test's
//! stand-in for APNs), with a time limit on every request.

use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client as Hyper;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

/// The longest a provider may take to answer.
const TIMEOUT: Duration = Duration::from_secs(30);

/// An answer: its status and body.
pub struct Answer {
    pub status: u16,
    pub body: Bytes,
}

pub struct Client(Hyper<HttpsConnector<HttpConnector>, Full<Bytes>>);

impl Client {
    /// A client; `http2_only` speaks HTTP/2 whatever the address (APNs speaks nothing else).
    pub fn new(http2_only: bool) -> Result<Client, String> {
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_provider_and_webpki_roots(std::sync::Arc::new(
                rustls::crypto::ring::default_provider(),
            ))
            .map_err(|e| e.to_string())?
            .https_or_http()
            .enable_http1()
            .enable_http2()
            .build();
        let mut builder = Hyper::builder(TokioExecutor::new());
        builder.http2_only(http2_only);
        Ok(Client(builder.build(connector)))
    }

    /// Posts `body` to `url` with `headers`; an error says why no answer came.
    pub async fn post(
        &self,
        url: &str,
        headers: &[(&str, &str)],
        body: Vec<u8>,
    ) -> Result<Answer, String> {
        let mut request = hyper::Request::post(url);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = request
            .body(Full::new(Bytes::from(body)))
            .map_err(|e| e.to_string())?;
        let exchange = async {
            let response = self.0.request(request).await.map_err(|e| e.to_string())?;
            let status = response.status().as_u16();
            let body = response
                .into_body()
                .collect()
                .await
                .map_err(|e| e.to_string())?
                .to_bytes();
            Ok(Answer { status, body })
        };
        tokio::time::timeout(TIMEOUT, exchange)
            .await
            .map_err(|_| format!("no answer within {} s", TIMEOUT.as_secs()))?
    }
}
