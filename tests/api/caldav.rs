//! CalDAV accounts against a real Radicale (`caldav_server`): discovery walks from the
//! server URL a user types to the account's calendars, and a wrong password is told apart
//! from a server that is not CalDAV.

use std::time::Duration;

use slotbook::caldav::{discover, Account, CaldavError};
use slotbook::outbound::Outbound;

use crate::caldav_server::Radicale;

fn client() -> Outbound {
    // Radicale listens on loopback, which only a self-hoster's switch allows.
    Outbound::new(
        true,
        Duration::from_secs(5),
        Duration::from_secs(10),
        1024 * 1024,
    )
    .unwrap()
}

#[tokio::test]
async fn discovery_finds_the_accounts_calendars_from_the_server_url() {
    let Some(radicale) = Radicale::start().await else {
        return;
    };
    let work = radicale.make_calendar("work", "Work").await;
    let family = radicale.make_calendar("family", "Family & friends").await;
    let account = Account {
        user: &radicale.user,
        password: &radicale.password,
    };
    let server = url::Url::parse(&radicale.url("/")).unwrap();

    let mut found = discover(&client(), &server, &account).await.unwrap();
    found.sort_by(|a, b| a.name.cmp(&b.name));
    let found: Vec<(String, String)> = found.into_iter().map(|c| (c.name, c.url)).collect();
    assert_eq!(
        found,
        vec![
            ("Family & friends".to_owned(), family),
            ("Work".to_owned(), work)
        ]
    );

    let wrong = Account {
        user: &radicale.user,
        password: "not the password",
    };
    let refused = discover(&client(), &server, &wrong).await.unwrap_err();
    assert!(matches!(refused, CaldavError::Unauthorized), "{refused:?}");
}

#[tokio::test]
async fn a_server_that_is_not_caldav_is_a_clear_error() {
    // A plain HTTP server that answers everything with 404.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut buffer = [0u8; 4096];
            let _ = socket.read(&mut buffer).await;
            let _ = socket
                .write_all(
                    b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                )
                .await;
        }
    });
    let server = url::Url::parse(&format!("http://127.0.0.1:{port}/")).unwrap();
    let account = Account {
        user: "ada",
        password: "secret",
    };
    let error = discover(&client(), &server, &account).await.unwrap_err();
    assert!(matches!(error, CaldavError::Status(404)), "{error:?}");
    assert!(!format!("{error} {error:?}").contains("secret"));
}
