//! SIGTERM: the real binary stops accepting, lets the request in flight finish, and exits 0.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use super::{slotbook, url_text};
use crate::helpers::{csrf_token, fresh_database, Backend};

crate::on_both_backends!(sigterm_lets_the_request_in_flight_finish_and_exits_cleanly);

/// The port of the JSON log line "slotbook is listening".
fn listening_port(line: &str) -> Option<u16> {
    let value: serde_json::Value = serde_json::from_str(line).ok()?;
    let fields = value.get("fields")?;
    if fields.get("message")?.as_str()? != "slotbook is listening" {
        return None;
    }
    u16::try_from(fields.get("port")?.as_u64()?).ok()
}

/// Waits for the child to exit, at most `limit`.
fn wait_for(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

async fn sigterm_lets_the_request_in_flight_finish_and_exits_cleanly(backend: Backend) {
    let Some(database) = fresh_database(backend) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut child = slotbook(dir.path(), &url_text(&database.url))
        .env("BIND", "127.0.0.1:0")
        .env("SHUTDOWN_TIMEOUT_SECS", "20")
        .arg("serve")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (port_tx, port_rx) = mpsc::channel();
    let log = Arc::new(Mutex::new(Vec::<String>::new()));
    let lines = log.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(port) = listening_port(&line) {
                let _ = port_tx.send(port);
            }
            lines.lock().unwrap().push(line);
        }
    });
    let port = port_rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the server logs its port");
    let address = format!("127.0.0.1:{port}");

    // A sign-in form with its session cookie and CSRF token, as a browser holds them.
    let page = reqwest::get(format!("http://{address}/login"))
        .await
        .unwrap();
    let cookie = page.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let csrf = csrf_token(&page.text().await.unwrap());
    let body = format!(
        "csrf_token={}&login=nobody%40example.com&password=not+the+password",
        urlencoding::encode(&csrf)
    );
    let (first, rest) = body.split_at(body.len() / 2);

    // Act: a request is half sent when SIGTERM arrives.
    let mut stream = TcpStream::connect(&address).unwrap();
    write!(
        stream,
        "POST /login HTTP/1.1\r\nHost: {address}\r\nCookie: {cookie}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{first}",
        body.len()
    )
    .unwrap();
    stream.flush().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    std::thread::sleep(Duration::from_millis(500));

    // New connections are no longer accepted; the process waits for the one in flight.
    assert!(
        TcpStream::connect(&address).is_err(),
        "the listener still accepts after SIGTERM"
    );
    assert!(
        child.try_wait().unwrap().is_none(),
        "exited with a request in flight"
    );

    stream.write_all(rest.as_bytes()).unwrap();
    let mut answer = String::new();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    stream.read_to_string(&mut answer).unwrap();
    let status_line = answer.lines().next().unwrap_or_default().to_owned();
    assert!(
        status_line.starts_with("HTTP/1.1 422") || status_line.starts_with("HTTP/1.1 200"),
        "the request in flight got its whole answer: {status_line}"
    );
    assert!(
        answer.trim_end().ends_with("</html>"),
        "the page arrived whole"
    );

    let status = wait_for(&mut child, Duration::from_secs(20)).expect("exits after SIGTERM");
    assert!(status.success(), "exit status {status}");
    let logged = log.lock().unwrap().join("\n");
    assert!(logged.contains("stopped accepting requests"), "{logged}");
    assert!(!logged.contains("\"level\":\"ERROR\""), "{logged}");
}
