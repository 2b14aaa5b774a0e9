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

crate::on_both_backends!(sigterm_lets_the_mail_in_flight_finish_and_records_it_sent);

/// An SMTP server that takes `delay` to accept a message's data, and reports (once) when
/// it has begun receiving one.
async fn slow_smtp(delay: Duration) -> (u16, tokio::sync::mpsc::Receiver<()>) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader as AsyncBufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (data_tx, data_rx) = tokio::sync::mpsc::channel(8);
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let data_tx = data_tx.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = AsyncBufReader::new(read).lines();
                let _ = write.write_all(b"220 slow.test ESMTP\r\n").await;
                let mut in_data = false;
                while let Ok(Some(line)) = lines.next_line().await {
                    let reply: &[u8] = if in_data {
                        if line != "." {
                            continue;
                        }
                        in_data = false;
                        tokio::time::sleep(delay).await;
                        b"250 queued\r\n"
                    } else {
                        match line
                            .get(..4)
                            .unwrap_or_default()
                            .to_ascii_uppercase()
                            .as_str()
                        {
                            "EHLO" | "HELO" => b"250 slow.test\r\n",
                            "DATA" => {
                                in_data = true;
                                let _ = data_tx.send(()).await;
                                b"354 go ahead\r\n"
                            }
                            "QUIT" => {
                                let _ = write.write_all(b"221 bye\r\n").await;
                                break;
                            }
                            _ => b"250 ok\r\n",
                        }
                    };
                    if write.write_all(reply).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
    (port, data_rx)
}

async fn sigterm_lets_the_mail_in_flight_finish_and_records_it_sent(backend: Backend) {
    use diesel::prelude::*;
    use slotbook::db::schema::outbox;

    let Some(database) = fresh_database(backend) else {
        return;
    };
    let (smtp_port, mut data_started) = slow_smtp(Duration::from_millis(1500)).await;
    let dir = tempfile::tempdir().unwrap();
    let mut child = slotbook(dir.path(), &url_text(&database.url))
        .env("BIND", "127.0.0.1:0")
        .env("SMTP_URL", format!("smtp://127.0.0.1:{smtp_port}"))
        .arg("serve")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (port_tx, port_rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(port) = listening_port(&line) {
                let _ = port_tx.send(port);
            }
        }
    });
    let port = port_rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the server logs its port");

    // A sign-up queues the verification mail; the worker starts sending it.
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let form = client.get(format!("{base}/signup")).send().await.unwrap();
    let csrf = csrf_token(&form.text().await.unwrap());
    let signed_up = client
        .post(format!("{base}/signup"))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("full_name", "Ada Example"),
            ("username", "ada"),
            ("email", "ada@example.com"),
            ("password", "tulips in the rain"),
            ("timezone", "UTC"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(signed_up.status(), 303);
    tokio::time::timeout(Duration::from_secs(20), data_started.recv())
        .await
        .expect("the worker starts sending within 20 s");

    // Act: SIGTERM while the SMTP server is still taking the message.
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    let status = tokio::task::spawn_blocking(move || wait_for(&mut child, Duration::from_secs(30)))
        .await
        .unwrap()
        .expect("exits after SIGTERM");
    assert!(status.success(), "exit status {status}");

    // The message was finished and recorded: it will not be sent again.
    let mut conn = database.url.connect().unwrap();
    let rows: Vec<(String, i32)> = outbox::table
        .select((outbox::status, outbox::attempts))
        .load(&mut conn)
        .unwrap();
    assert_eq!(rows, vec![("sent".to_owned(), 1)]);
}
