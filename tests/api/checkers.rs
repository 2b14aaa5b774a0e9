//! Accessibility and validity over the pages the tests render. Every HTML answer that
//! [`TestApp::get`](crate::helpers::TestApp::get) and `post_form` receive, and every page a
//! browser test waits on, goes through the W3C Nu validator (`vnu.jar`, run once per test
//! binary as a local HTTP service); the browser pages also through axe-core, injected into
//! the page, and a keyboard walk (Tab through the controls: each must show its focus). An
//! HTML answer with a field marked invalid must link to it from an error summary above it.
//! Any validator error, axe violation or unmarked focus fails the test that rendered the
//! page, naming the page, the rule and the element.
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
    if said
        .get_or_insert_with(HashSet::new)
        .insert(what.to_owned())
    {
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
            errors_link_to_their_fields(url.as_str(), html);
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
    seen.get_or_insert_with(HashSet::new)
        .insert(hasher.finish())
}

/// Fails when a field marked invalid has no link to it in an error summary at the top of the
/// page, or a link points at an id the page does not have.
pub fn errors_link_to_their_fields(url: &str, html: &str) {
    let attribute_values = |name: &str| -> Vec<String> {
        let marker = format!(" {name}=\"");
        html.split(marker.as_str())
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(str::to_owned)
            .collect()
    };
    let ids: HashSet<String> = attribute_values("id").into_iter().collect();
    let fragments: HashSet<String> = attribute_values("href")
        .into_iter()
        .filter_map(|href| href.strip_prefix('#').map(str::to_owned))
        .collect();
    let broken: Vec<&String> = fragments.iter().filter(|f| !ids.contains(*f)).collect();
    assert!(
        broken.is_empty(),
        "{url} links to #{broken:?}, which it does not have:\n{html}"
    );
    for tag in html
        .split('<')
        .filter(|tag| tag.contains("aria-invalid=\"true\""))
    {
        let id = tag
            .split(" id=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_else(|| panic!("{url}: an invalid field without an id: <{tag}"));
        let link = format!("href=\"#{id}\"");
        let summary = html.find("class=\"error-summary\"");
        let linked = html.find(&link);
        assert!(
            matches!((summary, linked), (Some(s), Some(l)) if s < l),
            "{url}: the invalid field #{id} has no link ({link}) in an error summary (class=\"error-summary\") above it:\n{html}"
        );
    }
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
    let errors = vnu_errors(html).await.unwrap_or_default();
    assert!(
        errors.is_empty(),
        "the Nu validator finds {} error(s) on {url}:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

/// The Nu validator's errors in `html`, one readable line each; `None` without the validator.
async fn vnu_errors(html: &str) -> Option<Vec<String>> {
    // Starting it blocks: off the test's async thread.
    let vnu = tokio::task::spawn_blocking(vnu)
        .await
        .expect("validator start")?;
    let client = reqwest::Client::new();
    let mut report = None;
    let mut last = String::new();
    // Right after it starts listening it may still answer with an error page: retry.
    for _ in 0..30 {
        match client
            .post(&vnu.url)
            .header("content-type", "text/html; charset=utf-8")
            .header("user-agent", "slotbook-tests")
            .body(html.to_owned())
            .send()
            .await
        {
            Ok(response) => {
                let status = response.status();
                let body = response.bytes().await.unwrap_or_default();
                match serde_json::from_slice::<serde_json::Value>(&body) {
                    Ok(json) => {
                        report = Some(json);
                        break;
                    }
                    Err(_) => last = format!("{status}: {}", String::from_utf8_lossy(&body)),
                }
            }
            Err(error) => last = error.to_string(),
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    let report = report.unwrap_or_else(|| panic!("the Nu validator does not answer JSON: {last}"));
    let errors = report["messages"]
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
    Some(errors)
}

/// Runs axe-core on the browser's current page and the Nu validator on its document, and
/// tabs through its controls (once per address), failing on any violation, error or
/// control whose focus does not show.
pub async fn audit(browser: &Client) {
    // The document's own address: inside an iframe it is the frame's page.
    let url = browser
        .execute("return document.URL;", vec![])
        .await
        .unwrap_or_else(|error| panic!("reading the page's address: {error}"));
    let url = url.as_str().unwrap_or_default().to_owned();
    static AUDITED: Mutex<Option<HashSet<String>>> = Mutex::new(None);
    let first = AUDITED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get_or_insert_with(HashSet::new)
        .insert(url.clone());
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
    validate(&url, html.as_str().unwrap_or_default()).await;
    axe(browser, &url).await;
    keyboard(browser, &url).await;
}

async fn axe(browser: &Client, url: &str) {
    let violations = axe_violations(browser, url).await.unwrap_or_default();
    assert!(
        violations.is_empty(),
        "axe-core finds {} violation(s) on {url}:\n{}",
        violations.len(),
        violations.join("\n")
    );
}

/// axe-core's violations on the browser's page, one readable entry each; `None` without axe.
async fn axe_violations(browser: &Client, url: &str) -> Option<Vec<String>> {
    static AXE: OnceLock<Option<String>> = OnceLock::new();
    let Some(source) =
        AXE.get_or_init(|| std::fs::read_to_string(tools().join("axe-core/axe.min.js")).ok())
    else {
        missing("tests/tools/node_modules/axe-core/axe.min.js is missing");
        return None;
    };
    browser
        .execute(source, vec![])
        .await
        .unwrap_or_else(|error| panic!("injecting axe-core into {url}: {error}"));
    let found = browser
        .execute_async(
            r"const done = arguments[arguments.length - 1];
            // In a session without JavaScript, scripts run for WebDriver but timers never
            // fire; axe yields with setTimeout(0), so its short timers become microtasks
            // (long ones are time-outs of frame messages, which never come into play here).
            const timers = [window.setTimeout, window.clearTimeout];
            window.setTimeout = (f, ms, ...args) => {
              if (!ms || ms < 20) Promise.resolve().then(() => f(...args));
              return 0;
            };
            window.clearTimeout = () => {};
            const finish = (result) => {
              [window.setTimeout, window.clearTimeout] = timers;
              done(result);
            };
            // Frames are checked as pages of their own (a frame of another origin
            // would keep axe waiting for an answer).
            axe.run(document, { resultTypes: ['violations'], iframes: false })
              .then(r => finish(r.violations.map(v => ({
                  rule: v.id, impact: v.impact, help: v.help,
                  elements: v.nodes.map(n => n.target.join(' ') + '  ' + n.html),
              }))))
              .catch(e => finish([{ rule: 'axe-error', impact: 'error', help: String(e), elements: [] }]));",
            vec![],
        )
        .await
        .unwrap_or_else(|error| panic!("running axe-core on {url}: {error}"));
    let violations = found.as_array().cloned().unwrap_or_default();
    let text = violations
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
    Some(text)
}

/// The checkers themselves: a page with the faults the issue found (low contrast, an
/// `aria-label` on a plain `span`, an empty form action) and an image without a text
/// alternative fails both, with and without JavaScript; a clean page passes both. (axe
/// only marks the `span`'s label for review, so the image stands in as its hard failure.)
#[tokio::test]
async fn the_checkers_find_contrast_aria_and_markup_faults() {
    use crate::browser::{Chromedriver, Javascript};

    const FAULTY: &str = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Faulty</title></head>\
        <body><main><h1>Faulty</h1><p style=\"color:#a0a7b6;background:#fff\">Days without free times</p>\
        <span aria-label=\"Tuesday\">8</span><img src=\"/calendar.png\"><form action=\"\"><button>Go</button></form></main></body></html>";
    const CLEAN: &str = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Clean</title></head>\
        <body><main><h1>Clean</h1><p>8</p></main></body></html>";

    let Some(errors) = vnu_errors(FAULTY).await else {
        return;
    };
    let errors = errors.join("\n");
    assert!(errors.contains("aria-label"), "{errors}");
    assert!(errors.contains("action"), "{errors}");
    assert_eq!(vnu_errors(CLEAN).await, Some(vec![]));

    let Some(driver) = Chromedriver::start().await else {
        return;
    };
    for javascript in [Javascript::On, Javascript::Off] {
        let browser = driver.session(javascript).await;
        for (page, faulty) in [(FAULTY, true), (CLEAN, false)] {
            let url = format!("data:text/html;charset=utf-8,{}", urlencoding::encode(page));
            browser.goto(&url).await.expect("page opens");
            let Some(found) = axe_violations(&browser, "the test page").await else {
                return;
            };
            let found = found.join("\n");
            if faulty {
                assert!(found.contains("color-contrast"), "{javascript:?}: {found}");
                assert!(found.contains("image-alt"), "{javascript:?}: {found}");
            } else {
                assert!(found.is_empty(), "{javascript:?}: {found}");
            }
        }
        browser.close().await.expect("browser session ends");
    }
}

/// Tabs through the page as a keyboard user would (up to [`TABS`] stops) and fails when a
/// control that takes the focus shows no focus indicator (no outline and no box shadow).
async fn keyboard(browser: &Client, url: &str) {
    const TABS: usize = 60;
    let mut unmarked = Vec::new();
    let mut seen = HashSet::new();
    let start = browser
        .find(fantoccini::Locator::Css("body"))
        .await
        .unwrap_or_else(|error| panic!("{url} has no body: {error}"));
    start
        .send_keys(&fantoccini::key::Key::Tab.to_string())
        .await
        .unwrap_or_else(|error| panic!("tabbing on {url}: {error}"));
    for _ in 0..TABS {
        let focused = browser
            .execute(
                r"const e = document.activeElement;
                // A frame's document is a page of its own, walked when a test opens it.
                if (!e || e === document.body || e.tagName === 'IFRAME') return null;
                const s = getComputedStyle(e);
                const marked = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                  || s.boxShadow !== 'none';
                return [e.outerHTML.slice(0, 120), marked];",
                vec![],
            )
            .await
            .unwrap_or_else(|error| panic!("reading the focus on {url}: {error}"));
        let Some([element, marked]) = focused
            .as_array()
            .map(Vec::as_slice)
            .and_then(|a| <&[_; 2]>::try_from(a).ok())
        else {
            break;
        };
        let element = element.as_str().unwrap_or_default().to_owned();
        if !seen.insert(element.clone()) {
            break;
        }
        if marked != &serde_json::Value::Bool(true) {
            unmarked.push(element);
        }
        let Ok(active) = browser.active_element().await else {
            break;
        };
        if active
            .send_keys(&fantoccini::key::Key::Tab.to_string())
            .await
            .is_err()
        {
            break;
        }
    }
    assert!(
        unmarked.is_empty(),
        "on {url}, the keyboard focus is invisible on:\n  {}",
        unmarked.join("\n  ")
    );
}
