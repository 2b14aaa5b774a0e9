//! Accessibility and validity over the pages the tests render. Every HTML answer that
//! [`TestApp::get`](crate::helpers::TestApp::get) and `post_form` receive, and every page a
//! browser test waits on, goes through the W3C Nu validator (`vnu.jar`, run once per test
//! binary as a local HTTP service); the browser pages also through axe-core, injected into
//! the page. Any validator error or axe violation fails the test that rendered the page,
//! naming the page, the rule and the element.
//!
//! The checkers come from `tests/tools` (`npm ci --prefix tests/tools`, which `.ci/run`
//! does) and Java (Debian: `default-jre-headless`). Without them the checks say so once and
//! are skipped, unless `SLOTBOOK_TEST_BROWSER_REQUIRED=1`.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use fantoccini::Client;
use reqwest::ResponseBuilderExt;

/// `tests/tools/node_modules`, where `npm ci --prefix tests/tools` puts the checkers.
fn tools() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/node_modules")
}

fn required() -> bool {
    std::env::var("SLOTBOOK_TEST_BROWSER_REQUIRED").is_ok_and(|v| v == "1" || v == "true")
}

/// Says once per run (past the harness's capture) that a checker is missing, or fails when
/// the checkers are required.
fn missing(what: &str) {
    assert!(
        !required(),
        "SLOTBOOK_TEST_BROWSER_REQUIRED=1 but {what}; run `npm ci --prefix tests/tools` and install Java (Debian: default-jre-headless)"
    );
    static SAID: Mutex<Option<HashSet<String>>> = Mutex::new(None);
    let mut said = SAID.lock().unwrap_or_else(|e| e.into_inner());
    if said.get_or_insert_with(HashSet::new).insert(what.to_owned()) {
        let _ = writeln!(
            std::io::stderr(),
            "{what}: pages are not checked; run `npm ci --prefix tests/tools` and install Java (Debian: default-jre-headless), or set SLOTBOOK_TEST_BROWSER_REQUIRED=1 to fail instead"
        );
    }
}

/// Checks an HTML answer of the app (once per distinct page shape) and hands it back
/// unchanged for the test to read.
pub async fn record(response: reqwest::Response) -> reqwest::Response {
    let is_html = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    // Compressed bodies are the compression tests' business; they are checked elsewhere.
    if !is_html || response.headers().contains_key("content-encoding") {
        return response;
    }
    let url = response.url().clone();
    let mut builder = http::Response::builder()
        .status(response.status())
        .version(response.version())
        .url(url.clone());
    for (name, value) in response.headers() {
        builder = builder.header(name, value);
    }
    let body = response.bytes().await.expect("response body");
    if let Ok(html) = std::str::from_utf8(&body) {
        if first_of_its_shape(html) {
            validate(url.as_str(), html).await;
        }
    }
    reqwest::Response::from(builder.body(body).expect("same parts"))
}

/// Whether no page with the same markup skeleton (tags and attribute names, without text
/// or attribute values) was checked yet in this run: the same page with other data is
/// checked once.
fn first_of_its_shape(html: &str) -> bool {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default();
        let mut words = tag.split_whitespace();
        words.next().hash(&mut hasher);
        for attribute in words.filter_map(|w| w.split_once('=').map(|(name, _)| name)) {
            attribute.hash(&mut hasher);
        }
    }
    static SEEN: Mutex<Option<HashSet<u64>>> = Mutex::new(None);
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    seen.get_or_insert_with(HashSet::new).insert(hasher.finish())
}

/// The Nu validator as a local HTTP service, started at the first page of the run.
struct Vnu {
    url: String,
}

fn vnu() -> Option<&'static Vnu> {
    static VNU: OnceLock<Option<Vnu>> = OnceLock::new();
    VNU.get_or_init(start_vnu).as_ref()
}

fn start_vnu() -> Option<Vnu> {
    let jar = tools().join("vnu-jar/build/dist/vnu.jar");
    let Some(java) = crate::browser::on_path("java") else {
        missing("java is not on PATH");
        return None;
    };
    if !jar.is_file() {
        missing(&format!("{} is missing", jar.display()));
        return None;
    }
    let port = crate::browser::free_port();
    let (started, answer) = std::sync::mpsc::channel();
    // Java is started by a thread that lives as long as the test binary and asks the kernel
    // to end it with that thread, so no validator outlives the run.
    std::thread::spawn(move || {
        let mut command = Command::new(java);
        command
            .arg("-Xss1m")
            .arg("-Dnu.validator.servlet.bind-address=127.0.0.1")
            .arg("-cp")
            .arg(&jar)
            .arg("nu.validator.servlet.Main")
            .arg(port.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // SAFETY: prctl(2) between fork and exec touches no memory of ours.
        unsafe {
            command.pre_exec(|| {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                Ok(())
            });
        }
        let child = command.spawn();
        let _ = started.send(child.as_ref().map(|_| ()).map_err(|e| e.to_string()));
        if let Ok(mut child) = child {
            let _ = child.wait();
        }
        loop {
            std::thread::park();
        }
    });
    if let Ok(Err(error)) = answer.recv() {
        panic!("starting the Nu validator: {error}");
    }
    // It reads its schemas before it listens: seconds on a busy machine.
    let deadline = Instant::now() + Duration::from_secs(180);
    while Instant::now() < deadline {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return Some(Vnu {
                url: format!("http://127.0.0.1:{port}/?out=json"),
            });
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    panic!("the Nu validator did not listen on port {port} within 180 s");
}

/// Fails the test when the Nu validator finds an error in `html` (rendered at `url`).
pub async fn validate(url: &str, html: &str) {
    // Starting it blocks: off the test's async thread.
    let Some(vnu) = tokio::task::spawn_blocking(vnu).await.expect("validator start") else {
        return;
    };
    let client = reqwest::Client::new();
    let mut report = None;
    for _ in 0..5 {
        match client
            .post(&vnu.url)
            .header("content-type", "text/html; charset=utf-8")
            .body(html.to_owned())
            .send()
            .await
        {
            Ok(response) => {
                let body = response.bytes().await.expect("the validator's answer");
                report = Some(
                    serde_json::from_slice::<serde_json::Value>(&body)
                        .expect("the validator answers JSON"),
                );
                break;
            }
            Err(_) => tokio::time::sleep(Duration::from_secs(1)).await,
        }
    }
    let report = report.expect("the Nu validator answers");
    let errors: Vec<String> = report["messages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|m| m["type"] != "info")
        .map(|m| {
            format!(
                "  line {}: {}\n    {}",
                m["lastLine"],
                m["message"].as_str().unwrap_or_default(),
                m["extract"].as_str().unwrap_or_default().replace('\n', " ")
            )
        })
        .collect();
    assert!(
        errors.is_empty(),
        "the Nu validator finds {} error(s) on {url}:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

/// Runs axe-core on the browser's current page and the Nu validator on its document
/// (once per address), failing on any violation or error.
pub async fn audit(browser: &Client) {
    let Ok(url) = browser.current_url().await else {
        return;
    };
    static AUDITED: Mutex<Option<HashSet<String>>> = Mutex::new(None);
    let first = AUDITED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get_or_insert_with(HashSet::new)
        .insert(url.to_string());
    if !first {
        return;
    }
    let html = browser
        .execute(
            "return '<!DOCTYPE html>' + document.documentElement.outerHTML;",
            vec![],
        )
        .await
        .unwrap_or_else(|error| panic!("reading the document of {url}: {error}"));
    validate(url.as_str(), html.as_str().unwrap_or_default()).await;
    axe(browser, url.as_str()).await;
}

async fn axe(browser: &Client, url: &str) {
    static AXE: OnceLock<Option<String>> = OnceLock::new();
    let Some(source) = AXE
        .get_or_init(|| std::fs::read_to_string(tools().join("axe-core/axe.min.js")).ok())
    else {
        missing("tests/tools/node_modules/axe-core/axe.min.js is missing");
        return;
    };
    browser
        .execute(source, vec![])
        .await
        .unwrap_or_else(|error| panic!("injecting axe-core into {url}: {error}"));
    let found = browser
        .execute_async(
            r"const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then(r => done(r.violations.map(v => ({
                  rule: v.id, impact: v.impact, help: v.help,
                  elements: v.nodes.map(n => n.target.join(' ') + '  ' + n.html),
              }))))
              .catch(e => done([{ rule: 'axe-error', impact: 'error', help: String(e), elements: [] }]));",
            vec![],
        )
        .await
        .unwrap_or_else(|error| panic!("running axe-core on {url}: {error}"));
    let violations = found.as_array().cloned().unwrap_or_default();
    let text: Vec<String> = violations
        .iter()
        .map(|v| {
            let elements: Vec<String> = v["elements"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|e| format!("    {}", e.as_str().unwrap_or_default()))
                .collect();
            format!(
                "  {} ({}): {}\n{}",
                v["rule"].as_str().unwrap_or_default(),
                v["impact"].as_str().unwrap_or_default(),
                v["help"].as_str().unwrap_or_default(),
                elements.join("\n")
            )
        })
        .collect();
    assert!(
        text.is_empty(),
        "axe-core finds {} violation(s) on {url}:\n{}",
        text.len(),
        text.join("\n")
    );
}
