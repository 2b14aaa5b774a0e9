//! The booking flow in headless Chromium, clicked through like a guest would: provider page,
//! service, day, time, form, confirmation. Once with JavaScript and once without, because
//! every public page must work without `static/js/app.js`.
//!
//! Needs `chromium` and `chromedriver` on `PATH` (Debian: `chromium`, `chromium-driver`).
//! Without them the tests say so in one line and pass, unless
//! `SLOTBOOK_TEST_BROWSER_REQUIRED=1`.

use std::io::Write;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Once;
use std::time::{Duration, Instant};

use diesel::prelude::*;
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use slotbook::db::models::bookings;
use slotbook::db::schema::bookings::dsl::bookings as all_bookings;
use slotbook::domain::booking::BookingStatus;
use slotbook::domain::service::ConfirmationMode;

use crate::booking::{arrange_provider, tuesday_ten};
use crate::both_backends;
use crate::helpers::TestApp;

both_backends!(
    a_guest_books_in_a_browser_with_javascript,
    a_guest_books_in_a_browser_without_javascript,
    staff_book_a_caller_for_any_available_provider_in_the_week_view_and_move_it_without_javascript,
);

/// The zone Chromium believes it is in. Far from the provider's Europe/Berlin, so whether
/// the script switched the calendar to the browser's zone shows on every page.
const BROWSER_ZONE: &str = "America/New_York";

/// Generous: a cold Chromium on a busy two-core machine can take seconds for a page.
const PATIENCE: Duration = Duration::from_secs(30);

async fn a_guest_books_in_a_browser_with_javascript(app: TestApp) {
    // The script moves the calendar to the browser's zone: Tuesday 10:00 in Berlin is 04:00.
    guest_books_tuesday_ten_by_clicking(app, Javascript::On, BROWSER_ZONE, "04:00").await;
}

async fn a_guest_books_in_a_browser_without_javascript(app: TestApp) {
    // No script, no switch: times stay in the provider's zone.
    guest_books_tuesday_ten_by_clicking(app, Javascript::Off, "Europe/Berlin", "10:00").await;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Javascript {
    On,
    Off,
}

async fn guest_books_tuesday_ten_by_clicking(
    app: TestApp,
    javascript: Javascript,
    zone: &str,
    slot: &str,
) {
    let Some(driver) = Chromedriver::start().await else {
        return;
    };
    arrange_provider(&app, ConfirmationMode::Instant, |_| {}).await;
    let browser = driver.session(javascript).await;

    browser
        .goto(&app.url("/alice"))
        .await
        .expect("provider page opens");
    click(&browser, Locator::LinkText("Intro call")).await;
    if javascript == Javascript::On {
        // Opened without ?tz=, the page reloads itself once with the browser's zone.
        wait_for(&browser, Locator::Css("#tz-form[data-auto-tz='0']")).await;
    }
    click(
        &browser,
        Locator::Css("a[aria-label='Tuesday, 8 January 2030, times available']"),
    )
    .await;
    let shown_in = wait_for(&browser, Locator::Css("#slots .tz")).await;
    assert_eq!(
        shown_in.text().await.unwrap(),
        format!("Times in {zone}"),
        "the day's times are in {zone}"
    );
    click(&browser, Locator::LinkText(slot)).await;
    type_into(&browser, "name", "Grace Guest").await;
    type_into(&browser, "email", "grace@example.com").await;
    click(
        &browser,
        Locator::XPath("//button[normalize-space()='Book this time']"),
    )
    .await;

    wait_for(
        &browser,
        Locator::XPath("//h1[normalize-space()=\"You're booked\"]"),
    )
    .await;
    let page = wait_for(&browser, Locator::Css("main")).await;
    let text = page.text().await.unwrap();
    assert!(
        text.contains(&format!("({zone})")),
        "the confirmation shows the time in {zone}:\n{text}"
    );
    let url = browser.current_url().await.unwrap();
    let key = url
        .path()
        .strip_prefix("/b/booked/")
        .unwrap_or_else(|| panic!("confirmation page at /b/booked/{{key}}, not {url}"))
        .to_owned();
    browser.close().await.expect("browser session ends");

    let (count, booking) = app
        .db(move |conn| {
            let count = all_bookings.count().get_result::<i64>(conn).unwrap();
            (
                count,
                bookings::find_by_idempotency_key(conn, &key).unwrap(),
            )
        })
        .await;
    assert_eq!(count, 1, "exactly one booking was made");
    let booking = booking.expect("the confirmation page's booking exists");
    assert_eq!(booking.start_at, tuesday_ten());
    assert_eq!(booking.guest_email, "grace@example.com");
    assert_eq!(booking.guest_timezone.name(), zone);
    assert_eq!(booking.status(), BookingStatus::Confirmed);
}

/// The front desk without JavaScript: a staff member signs in, opens the team's week,
/// clicks a provider's free time, books a caller for "any available" provider, opens the
/// booking and moves it to the other provider.
async fn staff_book_a_caller_for_any_available_provider_in_the_week_view_and_move_it_without_javascript(
    app: TestApp,
) {
    use slotbook::db::models::teams;
    use slotbook::domain::availability::team::AssignmentMode;
    use slotbook::domain::team::TeamRole;

    let Some(driver) = Chromedriver::start().await else {
        return;
    };
    let hosts = crate::teams::booking::arrange_team(
        &app,
        &["alice", "bob"],
        "consult",
        AssignmentMode::RoundRobin,
    )
    .await;
    let sam = app.create_provider("sam").await;
    app.db(move |conn| {
        let team = teams::find_by_slug(conn, "harbour").unwrap().unwrap();
        teams::add_member(
            conn,
            team.id,
            sam.id,
            TeamRole::Staff,
            crate::helpers::test_now(),
        )
        .unwrap();
    })
    .await;
    let browser = driver.session(Javascript::Off).await;
    browser
        .goto(&app.url("/login"))
        .await
        .expect("sign-in page opens");
    type_into(&browser, "login", "sam").await;
    type_into(&browser, "password", crate::helpers::TEST_PASSWORD).await;
    click(
        &browser,
        Locator::XPath("//button[normalize-space()='Sign in']"),
    )
    .await;
    wait_for(&browser, Locator::XPath("//h1")).await;

    browser
        .goto(&app.url("/teams/harbour/desk?view=week&date=2030-01-08"))
        .await
        .expect("the week opens");
    click(
        &browser,
        Locator::Css("a[aria-label='Book Tue 8 Jan from 09:00–17:00']"),
    )
    .await;
    type_into(&browser, "name", "Phone Caller").await;
    type_into(&browser, "email", "caller@example.com").await;
    click(
        &browser,
        Locator::XPath("//button[normalize-space()='Book']"),
    )
    .await;
    click(&browser, Locator::LinkText("Phone Caller")).await;
    wait_for(
        &browser,
        Locator::XPath("//h1[normalize-space()='Phone Caller']"),
    )
    .await;

    let held = app
        .db(|conn| {
            all_bookings
                .select(bookings::Booking::as_select())
                .load::<bookings::Booking>(conn)
                .unwrap()
        })
        .await;
    assert_eq!(held.len(), 1, "one booking was made");
    assert_eq!(
        held[0].start_at,
        crate::booking::tuesday_ten() - chrono::Duration::hours(1)
    );
    let other = if held[0].provider_id == hosts[0] {
        hosts[1]
    } else {
        hosts[0]
    };
    click(
        &browser,
        Locator::Css(&format!("#host option[value='{other}']")),
    )
    .await;
    click(
        &browser,
        Locator::XPath("//button[normalize-space()='Move booking']"),
    )
    .await;
    wait_for(
        &browser,
        Locator::XPath("//p[contains(., 'Booking moved.')]"),
    )
    .await;
    browser.close().await.expect("browser session ends");

    let id = held[0].id;
    let moved = app
        .db(move |conn| bookings::find(conn, id).unwrap().unwrap())
        .await;
    assert_eq!(
        moved.provider_id, other,
        "the booking moved to the other provider"
    );
    assert_eq!(moved.start_at, held[0].start_at);
    assert_eq!(moved.status(), BookingStatus::Confirmed);
}

pub async fn wait_for(browser: &Client, what: Locator<'_>) -> Element {
    match browser.wait().at_most(PATIENCE).for_element(what).await {
        Ok(element) => {
            crate::checkers::audit(browser).await;
            element
        }
        Err(error) => {
            let url = browser.current_url().await.map(|u| u.to_string());
            let source = browser.source().await.unwrap_or_default();
            panic!("no {what:?} on {url:?} ({error}); the page was:\n{source}");
        }
    }
}

pub async fn click(browser: &Client, what: Locator<'_>) {
    wait_for(browser, what)
        .await
        .click()
        .await
        .unwrap_or_else(|error| panic!("clicking {what:?}: {error}"));
}

/// Types into the input whose `<label for>` is `id`, as a person would.
pub async fn type_into(browser: &Client, id: &str, text: &str) {
    wait_for(browser, Locator::Id(id))
        .await
        .send_keys(text)
        .await
        .unwrap_or_else(|error| panic!("typing into #{id}: {error}"));
}

fn browser_required() -> bool {
    std::env::var("SLOTBOOK_TEST_BROWSER_REQUIRED").is_ok_and(|v| v == "1" || v == "true")
}

pub fn on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// A chromedriver on a free local port, with the profile directory of its one session.
pub struct Chromedriver {
    /// Declared first so it is dropped first: Chromium ends before its profile is deleted.
    _process: DriverProcess,
    url: String,
    chromium: PathBuf,
    profile: tempfile::TempDir,
}

impl Chromedriver {
    /// `None` when Chromium or chromedriver is not installed and not required (said once
    /// per run, on stderr, past the test harness's capture).
    pub async fn start() -> Option<Self> {
        Self::start_in(BROWSER_ZONE).await
    }

    /// [`start`](Self::start) with Chromium believing it is in `zone` (its `TZ`, which
    /// `Intl` and so the page's script read).
    pub async fn start_in(zone: &str) -> Option<Self> {
        let (Some(chromedriver), Some(chromium)) = (on_path("chromedriver"), on_path("chromium"))
        else {
            assert!(
                !browser_required(),
                "SLOTBOOK_TEST_BROWSER_REQUIRED=1 but chromium or chromedriver is not on PATH"
            );
            static SAID: Once = Once::new();
            SAID.call_once(|| {
                let _ = writeln!(
                    std::io::stderr(),
                    "chromium or chromedriver not on PATH: browser tests are skipped; install them (Debian: apt-get install chromium chromium-driver) or set SLOTBOOK_TEST_BROWSER_REQUIRED=1 to fail instead"
                );
            });
            return None;
        };
        // A free port is only free until someone else takes it: retry on a fresh one.
        for _ in 0..3 {
            let port = free_port();
            let mut process = DriverProcess::spawn(
                Command::new(&chromedriver)
                    .arg(format!("--port={port}"))
                    .env("TZ", zone),
            );
            let url = format!("http://127.0.0.1:{port}");
            if process.answers(&url).await {
                return Some(Chromedriver {
                    _process: process,
                    url,
                    chromium,
                    profile: tempfile::tempdir().expect("temp dir"),
                });
            }
        }
        panic!("chromedriver exited at start three times");
    }

    pub async fn session(&self, javascript: Javascript) -> Client {
        // The pages follow Accept-Language; these tests read British formats.
        self.session_in(javascript, "en-GB").await
    }

    /// A session whose Chromium speaks `language` (a tag such as `de-DE`): its interface
    /// language and the `Accept-Language` it sends.
    pub async fn session_in(&self, javascript: Javascript, language: &str) -> Client {
        let mut options = serde_json::json!({
            "binary": self.chromium,
            "args": [
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1024",
                format!("--lang={language}"),
                format!("--accept-lang={language}"),
                format!("--user-data-dir={}", self.profile.path().display()),
            ],
            "prefs": { "intl.accept_languages": language },
        });
        if javascript == Javascript::Off {
            options["prefs"]["profile.managed_default_content_settings.javascript"] =
                serde_json::json!(2);
        }
        let capabilities = serde_json::json!({
            "browserName": "chrome",
            "goog:chromeOptions": options,
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!("capabilities are an object")
        };
        ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&self.url)
            .await
            .unwrap_or_else(|error| panic!("Chromium session through {}: {error}", self.url))
    }
}

/// chromedriver in a process group of its own: dropping it ends the group, Chromium
/// included, which would outlive a killed chromedriver.
struct DriverProcess(Child);

impl DriverProcess {
    fn spawn(command: &mut Command) -> Self {
        let child = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap_or_else(|error| panic!("starting {command:?}: {error}"));
        DriverProcess(child)
    }

    /// Waits until chromedriver answers at `url`; `false` when it exited (its port was taken).
    async fn answers(&mut self, url: &str) -> bool {
        let status = format!("{url}/status");
        let client = reqwest::Client::new();
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                return false;
            }
            if let Ok(response) = client.get(&status).send().await {
                if response
                    .text()
                    .await
                    .is_ok_and(|body| body.contains("\"ready\":true"))
                {
                    return true;
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("chromedriver not ready at {url} after {PATIENCE:?}");
    }
}

impl Drop for DriverProcess {
    fn drop(&mut self) {
        // Once reaped, the id may belong to someone else: signal only a child still ours.
        if let (Ok(None), Ok(group)) = (self.0.try_wait(), i32::try_from(self.0.id())) {
            // SAFETY: kill(2) reads no memory of ours; the group id is this unreaped child's.
            unsafe { libc::kill(-group, libc::SIGKILL) };
        }
        let _ = self.0.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free local port")
        .port()
}
