//! The fixtures are the ones the HTTP tests serve (`tests/fixtures/ics`), written by hand
//! in the formats Google, Apple, Outlook and Nextcloud publish.

use chrono::{TimeZone, Utc};

use super::*;

fn berlin() -> Tz {
    "Europe/Berlin".parse().unwrap()
}

fn march_and_april() -> TimeRange {
    TimeRange::new(
        Utc.with_ymd_and_hms(2030, 3, 1, 0, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2030, 5, 1, 0, 0, 0).unwrap(),
    )
}

fn utc(d: u32, m: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2030, m, d, h, min, 0).unwrap()
}

fn starts(text: &str) -> Vec<DateTime<Utc>> {
    let mut found: Vec<_> = busy_blocks(text, berlin(), march_and_april())
        .unwrap()
        .blocks
        .iter()
        .map(|b| b.range.start)
        .collect();
    found.sort();
    found
}

#[test]
fn a_weekly_meeting_keeps_its_wall_clock_hour_across_the_dst_change() {
    let found = starts(include_str!("../../../tests/fixtures/ics/google.ics"));
    // 10:00 in Berlin is 09:00Z in winter and 08:00Z from 31 March.
    assert!(found.contains(&utc(4, 3, 9, 0)));
    assert!(found.contains(&utc(25, 3, 9, 0)));
    assert!(found.contains(&utc(1, 4, 8, 0)));
    assert!(found.contains(&utc(29, 4, 8, 0)));
    assert!(!found.contains(&utc(11, 3, 9, 0)), "EXDATE");
    assert!(!found.contains(&utc(18, 3, 9, 0)), "overridden instance");
    assert!(
        found.contains(&utc(18, 3, 13, 0)),
        "the override's own time"
    );
    assert!(!found.contains(&utc(19, 3, 9, 0)), "transparent");
}

#[test]
fn all_day_events_block_whole_local_days_and_cancelled_ones_nothing() {
    let expanded = busy_blocks(
        include_str!("../../../tests/fixtures/ics/apple.ics"),
        berlin(),
        march_and_april(),
    )
    .unwrap();
    assert_eq!(expanded.blocks.len(), 1);
    let range = expanded.blocks[0].range;
    assert_eq!(
        range.start,
        utc(25, 3, 23, 0),
        "Berlin midnight of 26 March"
    );
    assert_eq!(range.end, utc(27, 3, 23, 0), "through 27 March");
}

#[test]
fn a_microsoft_zone_name_is_read_as_its_iana_zone() {
    let found = starts(include_str!("../../../tests/fixtures/ics/outlook.ics"));
    assert_eq!(found, vec![utc(22, 3, 9, 0)]);
}

#[test]
fn rdates_add_instances_and_floating_times_are_the_providers() {
    let found = starts(include_str!("../../../tests/fixtures/ics/nextcloud.ics"));
    assert_eq!(
        found,
        vec![utc(20, 3, 11, 0), utc(21, 3, 14, 0), utc(28, 3, 11, 0)]
    );
}

fn calendar(body: &str) -> String {
    format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n")
}

#[test]
fn a_billion_instance_rule_costs_bounded_work() {
    let text = calendar(
        "BEGIN:VEVENT\r\nUID:x\r\nDTSTART:19000101T000000Z\r\nDTEND:19000101T000001Z\r\n\
         RRULE:FREQ=SECONDLY;COUNT=1000000000\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:y\r\nDTSTART:20300301T000000Z\r\nDTEND:20300301T000100Z\r\n\
         RRULE:FREQ=MINUTELY\r\nEND:VEVENT\r\n",
    );
    let started = std::time::Instant::now();
    let expanded = busy_blocks(&text, berlin(), march_and_april()).unwrap();
    assert_eq!(
        expanded.skipped, 1,
        "the rule that never reaches the window"
    );
    assert_eq!(expanded.blocks.len(), MAX_INSTANCES);
    // Not a timing assertion: a guard against an unbounded loop hanging the suite.
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
}

#[test]
fn broken_documents_are_refused_or_their_bad_events_skipped() {
    let deep = format!("BEGIN:VCALENDAR\r\n{}", "BEGIN:X\r\n".repeat(10_000));
    assert_eq!(
        busy_blocks(&deep, berlin(), march_and_april()),
        Err(IcalError::TooDeep)
    );
    assert_eq!(
        busy_blocks("<html>not found</html>", berlin(), march_and_april()),
        Err(IcalError::NotCalendar)
    );
    let invalid = calendar(
        "BEGIN:VEVENT\r\nUID:bad\r\nDTSTART:20301345T100000Z\r\nDTEND:20301345T110000Z\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:good\r\nDTSTART:20300305T100000Z\r\nDTEND:20300305T110000Z\r\nEND:VEVENT\r\n",
    );
    let expanded = busy_blocks(&invalid, berlin(), march_and_april()).unwrap();
    assert_eq!(expanded.skipped, 1);
    assert_eq!(expanded.blocks.len(), 1);
    assert_eq!(expanded.blocks[0].uid, "good");
}

#[test]
fn a_utc_until_ends_a_zoned_rule_at_the_right_instance() {
    let text = calendar(
        "BEGIN:VEVENT\r\nUID:u\r\nDTSTART;TZID=Europe/Berlin:20300304T100000\r\n\
         DTEND;TZID=Europe/Berlin:20300304T110000\r\n\
         RRULE:FREQ=WEEKLY;UNTIL=20300318T090000Z\r\nEND:VEVENT\r\n",
    );
    assert_eq!(
        starts(&text),
        vec![utc(4, 3, 9, 0), utc(11, 3, 9, 0), utc(18, 3, 9, 0)]
    );
}
