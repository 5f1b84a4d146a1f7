//! A PostgreSQL cluster of one test's own, to kill and start again (the shared cluster of
//! `scripts/with-postgres` serves every other test): initdb in a temporary folder, on a free
//! port, as the `postgres` user when the tests run as root.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Cluster {
    folder: PathBuf,
    pub port: u16,
    bin: PathBuf,
    as_root: bool,
}

fn find_bin() -> PathBuf {
    let installed = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path().join("bin"))
        .filter(|bin| bin.join("initdb").exists())
        .max();
    installed.unwrap_or_else(|| PathBuf::from("/usr/local/bin"))
}

impl Cluster {
    pub fn start() -> Cluster {
        let folder = super::temp_dir("own-postgres");
        let as_root = Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0");
        let cluster = Cluster {
            port: super::free_port(),
            bin: find_bin(),
            folder,
            as_root,
        };
        if as_root {
            let status = Command::new("chown")
                .args(["postgres", cluster.folder.to_str().unwrap()])
                .status()
                .unwrap();
            assert!(status.success(), "the folder is given to the postgres user");
        }
        let data = cluster.data();
        cluster.run(
            "initdb",
            &["-D", &data, "-U", "zeri", "--auth=trust", "--encoding=UTF8"],
        );
        cluster.up();
        cluster
    }

    fn data(&self) -> String {
        self.folder.join("data").to_str().unwrap().to_owned()
    }

    fn run(&self, tool: &str, args: &[&str]) {
        let program = self.bin.join(tool);
        let mut command = if self.as_root {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(&program);
            command
        } else {
            Command::new(&program)
        };
        let output = command.args(args).output().unwrap();
        assert!(
            output.status.success(),
            "{tool}: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// Starts the server and waits until it takes connections.
    pub fn up(&self) {
        let options = format!(
            "-c listen_addresses=127.0.0.1 -p {} -k {}",
            self.port,
            self.folder.display()
        );
        let log = self.folder.join("server.log");
        self.run(
            "pg_ctl",
            &[
                "-D",
                &self.data(),
                "-l",
                log.to_str().unwrap(),
                "-w",
                "-t",
                "60",
                "-o",
                &options,
                "start",
            ],
        );
    }

    /// `kill -9` of the postmaster and every backend it started: PostgreSQL dies as when its
    /// machine is lost, mid-work. The postmaster is stopped first so that it forks nothing
    /// while its children are listed; a backend left alive would answer for a moment more.
    pub fn kill_9(&self) {
        let pid_file = Path::new(&self.data()).join("postmaster.pid");
        let pid = std::fs::read_to_string(pid_file).unwrap();
        let pid = pid.lines().next().unwrap().trim().to_owned();
        let signal = |name: &str, pid: &str| {
            Command::new("kill")
                .arg(format!("-{name}"))
                .arg(pid)
                .status()
                .is_ok_and(|status| status.success())
        };
        assert!(signal("STOP", &pid), "kill -STOP {pid}");
        let mut everyone = children_of(&pid);
        everyone.push(pid);
        for pid in &everyone {
            // A backend may have ended on its own since it was listed.
            signal("KILL", pid);
        }
        let started = std::time::Instant::now();
        let gone = |pid: &String| process_state(pid).is_none_or(|state| state == 'Z');
        while !everyone.iter().all(gone) && started.elapsed().as_secs() < 10 {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    /// A URL to a new database in this cluster.
    pub fn database(&self) -> String {
        let admin = format!("postgres://zeri@127.0.0.1:{}/postgres", self.port);
        server::db::postgres::create_database(&admin, "zeri").expect("a database is made")
    }
}

/// The fields of `/proc/{pid}/stat` after the command's name: state, then parent.
fn stat_after_name(pid: &str) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(Path::new("/proc").join(pid).join("stat")).ok()?;
    let after_name = &stat[stat.rfind(')')? + 1..];
    Some(after_name.split_whitespace().map(str::to_owned).collect())
}

fn process_state(pid: &str) -> Option<char> {
    stat_after_name(pid)?.first()?.chars().next()
}

/// The processes whose parent is `parent`, read from `/proc` (no `procps` needed).
fn children_of(parent: &str) -> Vec<String> {
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| name.chars().all(|c| c.is_ascii_digit()))
        .filter(|pid| {
            stat_after_name(pid)
                .is_some_and(|fields| fields.get(1).map(String::as_str) == Some(parent))
        })
        .collect()
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = Command::new(self.bin.join("pg_ctl"))
            .args(["-D", &self.data(), "-m", "immediate", "stop"])
            .output();
        if self.as_root {
            let _ = Command::new("runuser")
                .args(["-u", "postgres", "--"])
                .arg(self.bin.join("pg_ctl"))
                .args(["-D", &self.data(), "-m", "immediate", "stop"])
                .output();
        }
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}
