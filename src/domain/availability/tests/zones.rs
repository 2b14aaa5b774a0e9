//! Slots on the days clocks change, in zones with odd offsets, and grouped by a guest's
//! dates far from the provider's (the DST-aware conversion of `domain::time` at work).

use super::*;

/// Slot starts in UTC "HH:MM" and the check that each slot lasts its real duration.
fn utc_times(slots: &[DateTime<Utc>]) -> Vec<String> {
    slots
        .iter()
        .map(|slot| slot.format("%H:%M").to_string())
        .collect()
}

fn assert_real_durations(provider: &Provider, slots: &[DateTime<Utc>]) {
    let minutes = i64::from(provider.service.duration_minutes);
    for slot in slots {
        let range = provider.service.slot_range(*slot);
        assert_eq!(range.end - range.start, TimeDelta::minutes(minutes));
    }
}

#[test]
fn new_york_spring_forward_skips_the_missing_hour() {
    let mut provider = Provider::new("America/New_York", hm(1, 0), hm(4, 0));
    let sunday = date(2026, 3, 8);
    let slots = provider.slots_on(sunday);
    // 01:00–04:00 wall clock is two real hours: 01:00 EST to 04:00 EDT.
    assert_eq!(utc_times(&slots), ["06:00", "06:30", "07:00", "07:30"]);
    assert_eq!(
        provider.times_on(sunday),
        ["01:00", "01:30", "03:00", "03:30"]
    );
    assert_real_durations(&provider, &slots);

    provider.service.duration_minutes = 60;
    provider.service.slot_interval_minutes = 60;
    let slots = provider.slots_on(sunday);
    assert_eq!(provider.times_on(sunday), ["01:00", "03:00"]);
    let first_end = provider.service.slot_range(slots[0]).end;
    assert_eq!(
        first_end
            .with_timezone(&provider.tz)
            .format("%H:%M")
            .to_string(),
        "03:00"
    );

    provider.weekly = vec![WeeklyRule::new(Weekday::Sun, hm(2, 0), hm(3, 0))];
    assert!(
        provider.slots_on(sunday).is_empty(),
        "02:00–03:00 does not exist"
    );
}

#[test]
fn new_york_fall_back_offers_the_repeated_hour_twice() {
    let mut provider = Provider::new("America/New_York", hm(0, 0), hm(4, 0));
    provider.service.duration_minutes = 60;
    provider.service.slot_interval_minutes = 60;
    let sunday = date(2026, 11, 1);
    let slots = provider.slots_on(sunday);
    // 00:00 EDT (04:00Z) to 04:00 EST (09:00Z): five real hours.
    assert_eq!(
        utc_times(&slots),
        ["04:00", "05:00", "06:00", "07:00", "08:00"]
    );
    assert_eq!(
        provider.times_on(sunday),
        ["00:00", "01:00", "01:00", "02:00", "03:00"]
    );
    assert_real_durations(&provider, &slots);
}

#[test]
fn ordinary_new_york_days_use_the_current_offset() {
    let provider = Provider::new("America/New_York", hm(9, 0), hm(17, 0));
    let before = provider.slots_on(date(2026, 3, 7));
    let after = provider.slots_on(date(2026, 3, 9));
    assert_eq!((before.len(), after.len()), (16, 16));
    assert_eq!(before[0], utc("2026-03-07T14:00:00Z"));
    assert_eq!(after[0], utc("2026-03-09T13:00:00Z"));
}

#[test]
fn berlin_dst_days_have_two_and_four_real_hours_between_one_and_four() {
    let provider = Provider::new("Europe/Berlin", hm(1, 0), hm(4, 0));
    let spring = provider.slots_on(date(2026, 3, 29));
    assert_eq!(utc_times(&spring), ["00:00", "00:30", "01:00", "01:30"]);
    let autumn = provider.slots_on(date(2026, 10, 25));
    assert_eq!(autumn.len(), 8);
    assert_eq!(autumn[0], utc("2026-10-24T23:00:00Z"));
    assert_eq!(autumn[7], utc("2026-10-25T02:30:00Z"));
    assert_real_durations(&provider, &autumn);
}

#[test]
fn lord_howe_moves_its_clocks_by_thirty_minutes() {
    let provider = Provider::new("Australia/Lord_Howe", hm(1, 0), hm(4, 0));
    // Spring: 01:00 +10:30 (14:30Z) to 04:00 +11:00 (17:00Z), two and a half hours.
    let spring = provider.slots_on(date(2026, 10, 4));
    assert_eq!(
        utc_times(&spring),
        ["14:30", "15:00", "15:30", "16:00", "16:30"]
    );
    assert_eq!(
        provider.times_on(date(2026, 10, 4)),
        ["01:00", "01:30", "02:30", "03:00", "03:30"]
    );
    // Autumn: 01:00 +11:00 (14:00Z) to 04:00 +10:30 (17:30Z), three and a half hours.
    let autumn = provider.slots_on(date(2026, 4, 5));
    assert_eq!(autumn.len(), 7);
    assert_eq!(
        provider.times_on(date(2026, 4, 5)),
        ["01:00", "01:30", "01:30", "02:00", "02:30", "03:00", "03:30"]
    );
    assert_real_durations(&provider, &autumn);
}

#[test]
fn kolkata_slots_sit_on_the_half_hour_offset() {
    let provider = Provider::new("Asia/Kolkata", hm(9, 0), hm(17, 0));
    let slots = provider.slots_on(date(2026, 3, 8));
    assert_eq!(slots.len(), 16);
    assert_eq!(slots[0], utc("2026-03-08T03:30:00Z"));
    assert_eq!(slots[15], utc("2026-03-08T11:00:00Z"));
}

#[test]
fn chatham_spring_forward_keeps_its_quarter_hour_offsets() {
    let provider = Provider::new("Pacific/Chatham", hm(2, 0), hm(5, 0));
    // 02:00 +12:45 (13:15Z) to 05:00 +13:45 (15:15Z): the clocks skip 02:45–03:45.
    let slots = provider.slots_on(date(2026, 9, 27));
    assert_eq!(utc_times(&slots), ["13:15", "13:45", "14:15", "14:45"]);
    assert_eq!(
        provider.times_on(date(2026, 9, 27)),
        ["02:00", "02:30", "04:00", "04:30"]
    );
    assert_eq!(provider.slots_on(date(2026, 7, 1)).len(), 6);
}

#[test]
fn sao_paulo_2018_day_starting_after_a_midnight_gap() {
    let mut provider = Provider::new("America/Sao_Paulo", hm(0, 0), hm(2, 0));
    provider.now = utc("2018-10-01T00:00:00Z");
    // 2018-11-04 began at 01:00 -02: 00:00–02:00 wall clock is one real hour.
    let slots = provider.slots_on(date(2018, 11, 4));
    assert_eq!(
        slots,
        [utc("2018-11-04T03:00:00Z"), utc("2018-11-04T03:30:00Z")]
    );
    // The day before ends at 23:59:59 -03, right before the gap.
    assert_eq!(provider.slots_on(date(2018, 11, 3)).len(), 4);
}

#[test]
fn a_far_east_provider_is_grouped_by_a_far_west_guests_dates() {
    // Kiritimati is UTC+14, Pago Pago UTC-11: a day apart, give or take an hour.
    let mut provider = Provider::new("Pacific/Kiritimati", hm(9, 0), hm(17, 0));
    provider
        .weekly
        .push(WeeklyRule::new(Weekday::Mon, hm(20, 0), hm(23, 0)));
    let guest = zone("Pacific/Pago_Pago");
    let range = TimeRange::new(utc("2026-05-04T00:00:00Z"), utc("2026-05-11T00:00:00Z"));
    let slots = free_slots(&provider.input(), range);
    let groups = group_by_local_date(&slots, guest);

    let regrouped: Vec<DateTime<Utc>> = groups.values().flatten().copied().collect();
    assert_eq!(
        regrouped, slots,
        "none dropped, none duplicated, order kept"
    );
    for (day, day_slots) in &groups {
        for slot in day_slots {
            assert_eq!(slot.with_timezone(&guest).date_naive(), *day);
        }
    }
    // Kiritimati's Tuesday 5 May 09:00–17:00 is the guest's Monday 4 May 08:00–16:00,
    // and its Monday evening (20:00–23:00) is the guest's Sunday evening.
    let monday_for_guest = &groups[&date(2026, 5, 4)];
    assert_eq!(monday_for_guest.len(), 16);
    assert_eq!(monday_for_guest[0], utc("2026-05-04T19:00:00Z"));
    let sunday_for_guest = &groups[&date(2026, 5, 3)];
    // Plus the end of Kiritimati's Monday daytime that falls inside the range.
    assert_eq!(sunday_for_guest.len(), 12);
}

#[test]
fn grouping_nothing_gives_no_dates() {
    assert!(group_by_local_date(&[], Tz::UTC).is_empty());
}
