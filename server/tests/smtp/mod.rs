//! A real SMTP server for the mail tests: Python's aiosmtpd (from `scripts/with-smtp-server`,
//! which names it in `ZERI_TEST_AIOSMTPD`) with the handler next to this file, which keeps
//! each message it accepts as a JSON file. Each test starts its own, on a port of its own, and
//! can stop it and start it again on the same port (a mail server that is down, then back).
//! Two test crates include it, each using part of it.
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde::Deserialize;

/// A message as the SMTP server received it.
#[derive(Debug, Clone, Deserialize)]
pub struct Received {
    pub rcpt_tos: Vec<String>,
    pub headers: std::collections::BTreeMap<String, String>,
    pub text: Option<String>,
    pub html: Option<String>,
}

impl Received {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
            .unwrap_or_else(|| panic!("no {name} header in {:?}", self.headers))
    }

    pub fn subject(&self) -> &str {
        self.header("Subject")
    }

    pub fn text(&self) -> &str {
        self.text.as_deref().expect("a plain-text body")
    }
}

pub struct SmtpServer {
    pub port: u16,
    folder: PathBuf,
    child: Option<Child>,
}

/// A port free now and never handed out before in this process: two tests starting their SMTP
/// servers at the same moment could otherwise be given the same port, and the second would
/// take the first one's server, listening there before its own failed to, for its own.
pub fn free_port() -> u16 {
    static HANDED_OUT: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());
    loop {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut handed_out = HANDED_OUT.lock().unwrap_or_else(|e| e.into_inner());
        if !handed_out.contains(&port) {
            handed_out.push(port);
            return port;
        }
    }
}

impl SmtpServer {
    /// A server on a free port, keeping what it receives in a fresh folder.
    pub fn start() -> SmtpServer {
        for _ in 0..5 {
            let mut server = SmtpServer::not_running(free_port());
            if server.try_start() {
                return server;
            }
        }
        panic!("aiosmtpd did not come up on any of five free ports");
    }

    /// A server that is not running yet: its port refuses connections until `start_again`.
    pub fn not_running(port: u16) -> SmtpServer {
        let folder = std::env::temp_dir().join(format!("zeri-smtp-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&folder).unwrap();
        SmtpServer {
            port,
            folder,
            child: None,
        }
    }

    /// The URL the Zëri server is configured with.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn start_again(&mut self) {
        assert!(
            self.try_start(),
            "aiosmtpd did not come up on port {}",
            self.port
        );
    }

    /// Starts aiosmtpd on this server's port; false if it could not listen there (another
    /// program took the port first).
    pub fn try_start(&mut self) -> bool {
        assert!(self.child.is_none(), "the SMTP server is running already");
        let python = std::env::var("ZERI_TEST_AIOSMTPD").expect(
            "ZERI_TEST_AIOSMTPD names a Python with aiosmtpd: run under scripts/with-smtp-server",
        );
        let handler = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp");
        let child = Command::new(python)
            .env("PYTHONPATH", handler)
            .args(["-m", "aiosmtpd", "-n", "-u", "-l"])
            .arg(format!("127.0.0.1:{}", self.port))
            .args(["-c", "zeri_smtp_sink.Sink"])
            .arg(&self.folder)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("aiosmtpd starts");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Some(child) = &mut self.child
                && child.try_wait().ok().flatten().is_some()
            {
                // It exited: the port was not free for it.
                self.child = None;
                return false;
            }
            if self.answers_as_ours() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        self.stop();
        false
    }

    /// Whether the SMTP server on the port is the one keeping messages in this folder (its NOOP
    /// names it): not another test's that took the port first.
    fn answers_as_ours(&self) -> bool {
        use std::io::{BufRead, Write};
        let Ok(stream) = std::net::TcpStream::connect(("127.0.0.1", self.port)) else {
            return false;
        };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
        let mut reader = std::io::BufReader::new(&stream);
        let mut line = String::new();
        if reader.read_line(&mut line).is_err() || !line.starts_with("220") {
            return false;
        }
        if (&stream).write_all(b"NOOP\r\n").is_err() {
            return false;
        }
        line.clear();
        let ours = reader.read_line(&mut line).is_ok()
            && line.trim_end().ends_with(&*self.folder.to_string_lossy());
        let _ = (&stream).write_all(b"QUIT\r\n");
        ours
    }

    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Everything received so far, in no particular order.
    pub fn received(&self) -> Vec<Received> {
        let mut all = Vec::new();
        for entry in std::fs::read_dir(&self.folder).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).unwrap();
                all.push(serde_json::from_str(&text).unwrap());
            }
        }
        all
    }

    /// What was received for `address`.
    pub fn received_by(&self, address: &str) -> Vec<Received> {
        self.received()
            .into_iter()
            .filter(|m| m.rcpt_tos.iter().any(|to| to == address))
            .collect()
    }

    /// Waits until `count` messages have arrived (at most a minute), and answers them.
    pub fn wait_for(&self, count: usize) -> Vec<Received> {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let received = self.received();
            if received.len() >= count || Instant::now() > deadline {
                return received;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}
