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

    /// `kill -9` of the postmaster: PostgreSQL dies as in a crash, mid-work.
    pub fn kill_9(&self) {
        let pid_file = Path::new(&self.data()).join("postmaster.pid");
        let pid = std::fs::read_to_string(pid_file).unwrap();
        let pid = pid.lines().next().unwrap().trim().to_owned();
        let status = Command::new("kill").args(["-9", &pid]).status().unwrap();
        assert!(status.success(), "kill -9 {pid}");
    }

    /// A URL to a new database in this cluster.
    pub fn database(&self) -> String {
        let admin = format!("postgres://zeri@127.0.0.1:{}/postgres", self.port);
        server::db::postgres::create_database(&admin, "zeri").expect("a database is made")
    }
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
