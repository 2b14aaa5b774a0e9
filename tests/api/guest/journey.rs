//! A German guest in São Paulo books in Chromium (with JavaScript, so the calendar follows
//! her browser's zone): the pages speak German and name America/Sao_Paulo wherever a time
//! is shown; her mails, read off a real SMTP server, are German; she moves the booking from
//! the mail's link and the form still holds her answer; the "moved" mail is German too.
//! Then the provider signs in and finds the booking in the week view. Every page waited on
//! goes through the Nu validator, axe-core and the keyboard walk (`browser::wait_for`).

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use fantoccini::{Client, Locator};
use slotbook::db::models::bookings;
use slotbook::domain::booking::BookingStatus;
use slotbook::domain::service::{Question, QuestionKind, ServiceSpec};
use slotbook::i18n::{format, with_locale, Locale};

use crate::booking::tuesday_ten;
use crate::browser::{click, type_into, wait_for, Chromedriver, Javascript};
use crate::experience::signed_in_alice;
use crate::helpers::{Backend, TestApp, TEST_PASSWORD};
use crate::mail::spawn_app_with_smtp;
use crate::smtp_server::SmtpServer;

crate::on_both_backends!(
    a_german_guest_in_sao_paulo_books_moves_from_her_mail_and_the_provider_sees_it_in_the_week
);

const GUEST_ZONE: &str = "America/Sao_Paulo";
const GUEST_EMAIL: &str = "grace@example.com";

/// A German message of the app, as its pages and mails say it.
fn de(id: &str) -> String {
    with_locale(Locale::De, || slotbook::i18n::t(id))
}

fn de1(id: &str, name: &str, value: &str) -> String {
    with_locale(Locale::De, || {
        slotbook::i18n::t1(id, name, value.to_owned())
    })
}

/// A German subject's words before the service's name ("Buchung bestätigt: ").
fn subject_prefix(id: &str) -> String {
    let subject = with_locale(Locale::De, || {
        slotbook::i18n::t2(
            id,
            "service",
            "Intro call".to_owned(),
            "when",
            "…".to_owned(),
        )
    });
    subject[..subject
        .find("Intro call")
        .expect("the service in the subject")]
        .to_owned()
}

fn allergies(spec: &mut ServiceSpec) {
    spec.questions = vec![Question {
        label: "Allergien".into(),
        kind: QuestionKind::ShortText,
        required: true,
        choices: Vec::new(),
    }];
}

async fn a_german_guest_in_sao_paulo_books_moves_from_her_mail_and_the_provider_sees_it_in_the_week(
    backend: Backend,
) {
    let Some(driver) = Chromedriver::start_in(GUEST_ZONE).await else {
        return;
    };
    let Some((app, smtp)) = spawn_app_with_smtp(backend).await else {
        return;
    };
    signed_in_alice(&app, allergies).await;
    let sao_paulo: Tz = GUEST_ZONE.parse().unwrap();
    let browser = driver.session_in(Javascript::On, "de-DE").await;

    // Booking: Tuesday 10:00 in Berlin is 06:00 in São Paulo.
    browser
        .goto(&app.url("/alice"))
        .await
        .expect("provider page");
    wait_for(&browser, Locator::Css("h1")).await;
    assert_german(&browser).await;
    click(&browser, Locator::LinkText("Intro call")).await;
    // Opened without ?tz=, the page reloads itself once with the browser's zone.
    wait_for(&browser, Locator::Css("#tz-form[data-auto-tz='0']")).await;
    let start = tuesday_ten();
    pick_tuesday_at(&browser, "06:00").await;
    type_into(&browser, "name", "Grace Guest").await;
    type_into(&browser, "email", GUEST_EMAIL).await;
    type_into(&browser, "answer0", "Pollen").await;
    submit(&browser, &de("book-submit")).await;
    let text = confirmation(&browser, start, sao_paulo).await;
    assert!(text.contains(&de("booked-confirmed-next")), "{text}");

    let booking = the_booking(&app).await;
    assert_eq!(booking.start_at, start);
    assert_eq!(booking.guest_timezone.name(), GUEST_ZONE);
    assert_eq!(booking.language, Some(Locale::De), "her language is kept");
    assert_eq!(booking.answers[0].answer, "Pollen");

    // Her mail: German, in her zone, with a link to move the booking.
    let mail = guest_mail(&app, &smtp, 1).await;
    let when = format::range_long_in(Locale::De, start, start + Duration::minutes(30), sao_paulo);
    assert_eq!(
        mail.kind_subject_prefix(),
        subject_prefix("mail-subject-confirmed"),
        "{mail:?}"
    );
    mail.says_in_german("Grace Guest", &when);
    crate::checkers::validate("her confirmation mail", &mail.html).await;
    let reschedule = mail.link_after(&de("mail-link-reschedule"));

    // Moving: the link opens the calendar in her zone; Tuesday 11:00 Berlin is 07:00.
    // Links point at BASE_URL; the test's server listens on a port of its own.
    let path = &reschedule[reschedule.find("/b/").expect("a /b/ link")..];
    browser
        .goto(&app.url(path))
        .await
        .expect("the mail's link opens");
    let moved_to = start + Duration::hours(1);
    pick_tuesday_at(&browser, "07:00").await;
    let answer = wait_for(&browser, Locator::Id("answer0")).await;
    assert_eq!(
        answer.prop("value").await.unwrap().as_deref(),
        Some("Pollen"),
        "the form keeps her answer"
    );
    let name = wait_for(&browser, Locator::Id("name")).await;
    assert_eq!(
        name.prop("value").await.unwrap().as_deref(),
        Some("Grace Guest")
    );
    submit(&browser, &de("book-submit-move")).await;
    confirmation(&browser, moved_to, sao_paulo).await;

    let moved = the_booking(&app).await;
    assert_eq!(moved.start_at, moved_to);
    assert!(
        moved.rescheduled_from_id.is_some(),
        "a move, not a new booking"
    );
    assert_eq!(moved.answers[0].answer, "Pollen");
    assert_eq!(moved.language, Some(Locale::De));

    let mail = guest_mail(&app, &smtp, 2).await;
    assert_eq!(
        mail.kind_subject_prefix(),
        subject_prefix("mail-subject-rescheduled"),
        "{mail:?}"
    );
    let when = format::range_long_in(
        Locale::De,
        moved_to,
        moved_to + Duration::minutes(30),
        sao_paulo,
    );
    mail.says_in_german("Grace Guest", &when);

    // The provider signs in in the same browser and finds the booking in her week.
    browser
        .goto(&app.url("/login"))
        .await
        .expect("sign-in page");
    type_into(&browser, "login", "alice").await;
    type_into(&browser, "password", TEST_PASSWORD).await;
    click(&browser, Locator::Css("main form button[type='submit']")).await;
    wait_for(&browser, Locator::Css("#upcoming-heading")).await;
    click(&browser, Locator::Css("nav a[href='/dashboard/week']")).await;
    let block = wait_for(
        &browser,
        Locator::Css("table.week a.block.status-confirmed"),
    )
    .await;
    let text = block.text().await.unwrap();
    assert!(
        text.contains("11:00") && text.contains("Grace Guest"),
        "the moved booking at 11:00 Berlin: {text}"
    );
    let blocks = browser
        .find_all(Locator::Css("table.week a.block"))
        .await
        .unwrap();
    assert_eq!(blocks.len(), 1, "the move shows as one booking");
    browser.close().await.expect("browser session ends");
}

/// The page is German (`<html lang="de">`) and all of it: no English phrase of ours in
/// its text.
async fn assert_german(browser: &Client) {
    let lang = browser
        .execute("return document.documentElement.lang;", vec![])
        .await
        .unwrap();
    assert_eq!(lang.as_str(), Some("de"), "the page is in German");
    let text = browser
        .execute("return document.body.innerText;", vec![])
        .await
        .unwrap();
    let text = text.as_str().unwrap_or_default();
    let english: Vec<&String> = english_phrases()
        .iter()
        .filter(|phrase| text.contains(phrase.as_str()))
        .collect();
    let url = browser.current_url().await.unwrap();
    assert!(
        english.is_empty(),
        "English on the German page {url}: {english:?}\n{text}"
    );
}

/// The literal phrases of the English messages (the text between placeables, of at least
/// two words and ten characters) that the German file does not share.
fn english_phrases() -> &'static [String] {
    static PHRASES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    PHRASES.get_or_init(|| {
        let file = |lang: &str| {
            std::fs::read_to_string(format!(
                "{}/templates/messages/{lang}.ftl",
                env!("CARGO_MANIFEST_DIR")
            ))
            .expect("message file")
        };
        let german = file("de");
        let mut phrases: Vec<String> = file("en")
            .lines()
            .filter_map(|line| line.split_once(" = ").map(|(_, value)| value))
            .flat_map(|value| value.split(['{', '}']).step_by(2))
            .map(str::trim)
            .filter(|p| p.len() >= 10 && p.contains(' ') && !german.contains(*p))
            .map(str::to_owned)
            .collect();
        phrases.sort();
        phrases.dedup();
        // The list itself must be able to catch a page: the booking button's words.
        assert!(
            phrases.iter().any(|p| p == "Book this time") && phrases.len() > 300,
            "the English phrases were not read: {phrases:?}"
        );
        phrases
    })
}

/// On a month page in her zone: opens Tuesday 8 January 2030 and clicks the time `slot`.
async fn pick_tuesday_at(browser: &Client, slot: &str) {
    click(
        browser,
        Locator::Css(".calendar a[href*='date=2030-01-08']"),
    )
    .await;
    let shown_in = wait_for(browser, Locator::Css("#slots .tz")).await;
    assert_german(browser).await;
    assert_eq!(
        shown_in.text().await.unwrap(),
        de1("times-in-zone", "zone", GUEST_ZONE),
        "the day's times are in her zone, said in German"
    );
    click(browser, Locator::LinkText(slot)).await;
}

async fn submit(browser: &Client, label: &str) {
    click(
        browser,
        Locator::XPath(&format!("//button[normalize-space()='{label}']")),
    )
    .await;
}

/// The "you're booked" page in German with the time in her zone, named; its text.
async fn confirmation(browser: &Client, start: DateTime<Utc>, zone: Tz) -> String {
    let heading = de("booked-confirmed");
    wait_for(
        browser,
        Locator::XPath(&format!("//h1[normalize-space()='{heading}']")),
    )
    .await;
    assert_german(browser).await;
    let text = wait_for(browser, Locator::Css("main"))
        .await
        .text()
        .await
        .unwrap();
    let local = format::time_at_in(Locale::De, start, zone);
    assert!(
        text.contains(&local) && text.contains(&format!("({GUEST_ZONE})")),
        "the time {local} named in {GUEST_ZONE}:\n{text}"
    );
    text
}

/// The guest's current booking (the latest one made).
async fn the_booking(app: &TestApp) -> bookings::Booking {
    app.db(|conn| {
        use diesel::prelude::*;
        use slotbook::db::schema::bookings as table;
        table::table
            .filter(table::status.eq(BookingStatus::Confirmed.as_str()))
            .select(bookings::Booking::as_select())
            .load::<bookings::Booking>(conn)
            .unwrap()
    })
    .await
    .into_iter()
    .max_by_key(|b| b.created_at)
    .expect("a confirmed booking")
}

/// A message as the SMTP server received it, decoded: subject and text part.
#[derive(Debug)]
struct Received {
    subject: String,
    text: String,
    html: String,
}

impl Received {
    /// The subject up to its first argument ("Buchung verschoben: ").
    fn kind_subject_prefix(&self) -> &str {
        self.subject
            .find("Intro call")
            .map_or(self.subject.as_str(), |at| &self.subject[..at])
    }

    /// German greeting, the time in her zone and the zone named, in both parts.
    fn says_in_german(&self, name: &str, when: &str) {
        let hello = de1("mail-hello", "name", name);
        for part in [&self.text, &self.html] {
            assert!(part.contains(&hello), "{hello:?} in:\n{part}");
            assert!(part.contains(when), "{when:?} in:\n{part}");
            assert!(part.contains(GUEST_ZONE), "{GUEST_ZONE} in:\n{part}");
        }
        assert!(self.html.contains("<html lang=\"de\""), "{}", self.html);
    }

    /// The link on the line after "`label`:" in the text part.
    fn link_after(&self, label: &str) -> String {
        let marker = format!("{label}:\n");
        let at = self
            .text
            .find(&marker)
            .unwrap_or_else(|| panic!("no {marker:?} in:\n{}", self.text));
        self.text[at + marker.len()..]
            .lines()
            .next()
            .unwrap()
            .trim()
            .to_owned()
    }
}

/// Delivers what is due and returns the `count`th message the SMTP server received for
/// the guest (there are exactly `count`).
async fn guest_mail(app: &TestApp, smtp: &SmtpServer, count: usize) -> Received {
    slotbook::email::worker::deliver_due(&app.state)
        .await
        .expect("delivery pass");
    let to_guest: Vec<_> = smtp
        .received()
        .into_iter()
        .filter(|m| m.to == [GUEST_EMAIL])
        .collect();
    assert_eq!(to_guest.len(), count, "mails to the guest so far");
    decode(&to_guest[count - 1].data)
}

/// Reads a message as lettre writes it: RFC 2047 subject, multipart parts in
/// quoted-printable, base64 or 7bit.
fn decode(raw: &str) -> Received {
    let raw = raw.replace("\r\n", "\n");
    let (headers, body) = raw.split_once("\n\n").expect("headers and body");
    let unfolded = headers.replace("\n ", " ").replace("\n\t", " ");
    let subject = unfolded
        .lines()
        .find_map(|l| l.strip_prefix("Subject: "))
        .map(decode_words)
        .expect("a subject");
    let mut text = String::new();
    let mut html = String::new();
    for part in body.split("\n--") {
        let Some((part_headers, content)) = part.split_once("\n\n") else {
            continue;
        };
        let part_headers = part_headers.to_ascii_lowercase();
        let decoded = if part_headers.contains("content-transfer-encoding: base64") {
            use base64::Engine as _;
            let joined: String = content.split_whitespace().collect();
            let joined = joined.trim_end_matches('-');
            String::from_utf8(
                base64::engine::general_purpose::STANDARD
                    .decode(joined)
                    .expect("base64 part"),
            )
            .expect("utf-8 part")
        } else if part_headers.contains("content-transfer-encoding: quoted-printable") {
            quoted_printable(content)
        } else {
            content.to_owned()
        };
        if part_headers.contains("content-type: text/plain") {
            text = decoded;
        } else if part_headers.contains("content-type: text/html") {
            html = decoded;
        }
    }
    assert!(
        !text.is_empty() && !html.is_empty(),
        "both parts in:\n{raw}"
    );
    Received {
        subject,
        text,
        html,
    }
}

/// `=?utf-8?b?…?=` and `=?utf-8?q?…?=` words, joined.
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    // Whitespace between two encoded words is not part of the text.
    let mut after_word = false;
    for word in value.split_whitespace() {
        let inner = word
            .strip_prefix("=?")
            .and_then(|w| w.strip_suffix("?="))
            .and_then(|w| {
                let mut pieces = w.splitn(3, '?');
                Some((pieces.next()?, pieces.next()?, pieces.next()?))
            });
        match inner {
            Some(_) if !after_word && !out.is_empty() => {
                out.push(' ');
                out.push_str(&decode_words(word));
            }
            Some((_, encoding, data)) if encoding.eq_ignore_ascii_case("b") => {
                use base64::Engine as _;
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(data)
                    .expect("base64 word");
                out.push_str(&String::from_utf8(bytes).expect("utf-8 word"));
            }
            Some((_, _, data)) => out.push_str(&quoted_printable(&data.replace('_', " "))),
            None => {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word);
            }
        }
        after_word = inner.is_some();
    }
    out
}

fn quoted_printable(raw: &str) -> String {
    let joined = raw.replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            if let Ok(byte) =
                u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or(""), 16)
            {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
