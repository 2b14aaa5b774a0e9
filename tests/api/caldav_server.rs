//! A real CalDAV server for the tests: Radicale (from PyPI, installed by `.ci/run`) started
//! on a free loopback port with a temporary storage folder and plain htpasswd users. The
//! process is killed when the handle drops. Calendars and events are made over HTTP
//! (MKCALENDAR, PUT) the way a calendar app would, so the tests read what a client wrote.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// One running Radicale with one user.
pub struct Radicale {
    pub port: u16,
    pub user: String,
    pub password: String,
    child: Child,
    config: std::path::PathBuf,
    _storage: tempfile::TempDir,
}

impl Drop for Radicale {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `None` when Radicale is not installed and the environment does not require it (the same
/// rule as PostgreSQL: `SLOTBOOK_TEST_POSTGRES_REQUIRED=1` on CI makes its absence fail).
fn radicale_installed() -> bool {
    Command::new("python3")
        .args(["-c", "import radicale"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

fn spawn(config: &std::path::Path) -> Child {
    Command::new("python3")
        .args(["-m", "radicale", "--config"])
        .arg(config)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

impl Radicale {
    pub async fn start() -> Option<Radicale> {
        if !radicale_installed() {
            assert!(
                std::env::var("SLOTBOOK_TEST_POSTGRES_REQUIRED").as_deref() != Ok("1"),
                "radicale is required on CI: python3 -m pip install radicale"
            );
            eprintln!("skipping: radicale is not installed");
            return None;
        }
        let storage = tempfile::tempdir().unwrap();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let user = "ada".to_owned();
        let password = "correct horse".to_owned();
        let users = storage.path().join("users");
        std::fs::write(&users, format!("{user}:{password}\n")).unwrap();
        let config = storage.path().join("config");
        std::fs::write(
            &config,
            format!(
                "[server]\nhosts = 127.0.0.1:{port}\n\
                 [auth]\ntype = htpasswd\nhtpasswd_filename = {users}\nhtpasswd_encryption = plain\ndelay = 0\n\
                 [rights]\ntype = owner_only\n\
                 [storage]\nfilesystem_folder = {collections}\n\
                 [logging]\nlevel = warning\n",
                users = users.display(),
                collections = storage.path().join("collections").display(),
            ),
        )
        .unwrap();
        let mut radicale = Radicale {
            port,
            user,
            password,
            child: spawn(&config),
            config,
            _storage: storage,
        };
        radicale.wait_until_up().await;
        Some(radicale)
    }

    async fn wait_until_up(&mut self) {
        let client = reqwest::Client::new();
        for _ in 0..100 {
            if client.get(self.url("/")).send().await.is_ok() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("radicale did not start on port {}", self.port);
    }

    /// Stops the server (its storage stays): requests to it fail until [`Self::restart`].
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Starts the server again on the same port with the same storage.
    pub async fn restart(&mut self) {
        self.child = spawn(&self.config);
        self.wait_until_up().await;
    }

    /// The server's root, what a user types as "server URL".
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// The user's collection folder on this server.
    pub fn home(&self) -> String {
        self.url(&format!("/{}/", self.user))
    }

    async fn request(&self, method: &str, url: &str, body: String) -> reqwest::Response {
        reqwest::Client::new()
            .request(reqwest::Method::from_bytes(method.as_bytes()).unwrap(), url)
            .basic_auth(&self.user, Some(&self.password))
            .header("Content-Type", "text/xml; charset=utf-8")
            .body(body)
            .send()
            .await
            .unwrap()
    }

    /// Makes a calendar `<home>/<slug>/` named `name`; returns its URL.
    pub async fn make_calendar(&self, slug: &str, name: &str) -> String {
        let url = format!("{}{slug}/", self.home());
        let name = name.replace('&', "&amp;").replace('<', "&lt;");
        let body = format!(
            r#"<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:set><D:prop><D:displayname>{name}</D:displayname>
    <C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set>
  </D:prop></D:set>
</C:mkcalendar>"#
        );
        let response = self.request("MKCALENDAR", &url, body).await;
        assert_eq!(response.status().as_u16(), 201, "MKCALENDAR {url}");
        url
    }

    /// Stores one iCalendar object at `<calendar><name>.ics`.
    pub async fn put_event(&self, calendar: &str, name: &str, ics: &str) {
        let response = reqwest::Client::new()
            .put(format!("{calendar}{name}.ics"))
            .basic_auth(&self.user, Some(&self.password))
            .header("Content-Type", "text/calendar; charset=utf-8")
            .body(ics.to_owned())
            .send()
            .await
            .unwrap();
        assert!(
            response.status().is_success(),
            "PUT {name}: {}",
            response.status()
        );
    }

    /// The whole calendar as one iCalendar document (Radicale answers a GET on a
    /// collection with every event in it).
    pub async fn get_collection(&self, calendar: &str) -> String {
        let response = reqwest::Client::new()
            .get(calendar)
            .basic_auth(&self.user, Some(&self.password))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 200, "GET {calendar}");
        response.text().await.unwrap()
    }

    /// The stored object at `<calendar><name>.ics`, `None` when there is none.
    pub async fn get_event(&self, calendar: &str, name: &str) -> Option<String> {
        let response = reqwest::Client::new()
            .get(format!("{calendar}{name}.ics"))
            .basic_auth(&self.user, Some(&self.password))
            .send()
            .await
            .unwrap();
        match response.status().as_u16() {
            404 => None,
            200 => Some(response.text().await.unwrap()),
            other => panic!("GET {name}: {other}"),
        }
    }
}

/// The harness itself: a calendar made and an event stored and read back over CalDAV, and a
/// wrong password refused, so the CalDAV tests fail for their own reasons only.
#[tokio::test]
async fn radicale_stores_what_a_client_puts_and_refuses_a_wrong_password() {
    let Some(radicale) = Radicale::start().await else {
        return;
    };
    let calendar = radicale.make_calendar("work", "Work").await;
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n\
               UID:harness-1\r\nDTSTAMP:20261201T000000Z\r\nDTSTART:20261202T090000Z\r\n\
               DTEND:20261202T100000Z\r\nSUMMARY:Standup\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    radicale.put_event(&calendar, "harness-1", ics).await;
    let stored = radicale.get_event(&calendar, "harness-1").await.unwrap();
    assert!(stored.contains("UID:harness-1"), "{stored}");
    assert!(radicale.get_event(&calendar, "missing").await.is_none());

    let refused = reqwest::Client::new()
        .get(format!("{calendar}harness-1.ics"))
        .basic_auth(&radicale.user, Some("wrong"))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 401);
}
