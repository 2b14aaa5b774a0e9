//! Which IANA zone a calendar's `TZID` means. Calendar apps write zone names four ways:
//! the IANA name itself (Google, Apple, Nextcloud), an IANA name behind a vendor prefix
//! (`/mozilla.org/20050126_1/Europe/Berlin`, `/citadel.org/…`), a Windows name (Outlook and
//! Exchange: "W. Europe Standard Time"), or a made-up name whose meaning is only in the
//! embedded `VTIMEZONE` (its `X-LIC-LOCATION`, or else its offsets and transition month).
//! Every wall-clock time is then converted through `domain::time::local_to_utc`, so all
//! zones follow the one DST policy.

use chrono_tz::Tz;

/// Windows zone names (CLDR `windowsZones.xml`, territory "001") of the zones people
/// book in most; an unknown Windows name falls back to its `VTIMEZONE` definition.
const WINDOWS: &[(&str, &str)] = &[
    ("Dateline Standard Time", "Etc/GMT+12"),
    ("Hawaiian Standard Time", "Pacific/Honolulu"),
    ("Alaskan Standard Time", "America/Anchorage"),
    ("Pacific Standard Time", "America/Los_Angeles"),
    ("US Mountain Standard Time", "America/Phoenix"),
    ("Mountain Standard Time", "America/Denver"),
    ("Central America Standard Time", "America/Guatemala"),
    ("Central Standard Time", "America/Chicago"),
    ("Central Standard Time (Mexico)", "America/Mexico_City"),
    ("Canada Central Standard Time", "America/Regina"),
    ("SA Pacific Standard Time", "America/Bogota"),
    ("Eastern Standard Time", "America/New_York"),
    ("Atlantic Standard Time", "America/Halifax"),
    ("Newfoundland Standard Time", "America/St_Johns"),
    ("E. South America Standard Time", "America/Sao_Paulo"),
    ("Argentina Standard Time", "America/Buenos_Aires"),
    ("UTC", "Etc/UTC"),
    ("GMT Standard Time", "Europe/London"),
    ("Greenwich Standard Time", "Atlantic/Reykjavik"),
    ("W. Europe Standard Time", "Europe/Berlin"),
    ("Central Europe Standard Time", "Europe/Budapest"),
    ("Romance Standard Time", "Europe/Paris"),
    ("Central European Standard Time", "Europe/Warsaw"),
    ("W. Central Africa Standard Time", "Africa/Lagos"),
    ("GTB Standard Time", "Europe/Bucharest"),
    ("E. Europe Standard Time", "Europe/Chisinau"),
    ("FLE Standard Time", "Europe/Kiev"),
    ("Israel Standard Time", "Asia/Jerusalem"),
    ("South Africa Standard Time", "Africa/Johannesburg"),
    ("Egypt Standard Time", "Africa/Cairo"),
    ("Turkey Standard Time", "Europe/Istanbul"),
    ("Russian Standard Time", "Europe/Moscow"),
    ("Arab Standard Time", "Asia/Riyadh"),
    ("Arabian Standard Time", "Asia/Dubai"),
    ("Iran Standard Time", "Asia/Tehran"),
    ("Pakistan Standard Time", "Asia/Karachi"),
    ("India Standard Time", "Asia/Calcutta"),
    ("Nepal Standard Time", "Asia/Katmandu"),
    ("Bangladesh Standard Time", "Asia/Dhaka"),
    ("SE Asia Standard Time", "Asia/Bangkok"),
    ("China Standard Time", "Asia/Shanghai"),
    ("Singapore Standard Time", "Asia/Singapore"),
    ("Taipei Standard Time", "Asia/Taipei"),
    ("Tokyo Standard Time", "Asia/Tokyo"),
    ("Korea Standard Time", "Asia/Seoul"),
    ("AUS Eastern Standard Time", "Australia/Sydney"),
    ("E. Australia Standard Time", "Australia/Brisbane"),
    ("Cen. Australia Standard Time", "Australia/Adelaide"),
    ("W. Australia Standard Time", "Australia/Perth"),
    ("New Zealand Standard Time", "Pacific/Auckland"),
];

/// What an embedded `VTIMEZONE` says, for a `TZID` no name rule recognises.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Definition {
    /// `X-LIC-LOCATION` (Lightning, Evolution, Nextcloud): an IANA name.
    pub location: Option<String>,
    /// `TZOFFSETTO` of the `STANDARD` observance, in seconds east of UTC.
    pub standard_offset: Option<i32>,
    /// `TZOFFSETTO` of the `DAYLIGHT` observance and the month summer time starts.
    pub daylight: Option<(i32, u32)>,
}

/// Zones recognised from their offsets and the month summer time starts: the rules of
/// the regions whose apps most often send a made-up `TZID`.
type Rule = (i32, Option<(i32, u32)>, &'static str);

const BY_RULES: &[Rule] = &[
    (0, Some((3600, 3)), "Europe/London"),
    (3600, Some((7200, 3)), "Europe/Berlin"),
    (7200, Some((10800, 3)), "Europe/Helsinki"),
    (-18000, Some((-14400, 3)), "America/New_York"),
    (-21600, Some((-18000, 3)), "America/Chicago"),
    (-25200, Some((-21600, 3)), "America/Denver"),
    (-28800, Some((-25200, 3)), "America/Los_Angeles"),
    (36000, Some((39600, 10)), "Australia/Sydney"),
    (43200, Some((46800, 9)), "Pacific/Auckland"),
];

/// The IANA zone a `TZID` names, given the calendar's `VTIMEZONE` of that name (if any).
pub fn resolve(tzid: &str, definition: Option<&Definition>) -> Option<Tz> {
    let name = tzid.trim().trim_matches('"');
    if let Ok(tz) = name.parse::<Tz>() {
        return Some(tz);
    }
    if let Some((_, iana)) = WINDOWS.iter().find(|(w, _)| w.eq_ignore_ascii_case(name)) {
        return iana.parse().ok();
    }
    if let Some(tz) = iana_suffix(name) {
        return Some(tz);
    }
    let definition = definition?;
    if let Some(tz) = definition
        .location
        .as_deref()
        .and_then(|l| l.trim().parse().ok())
    {
        return Some(tz);
    }
    let standard = definition.standard_offset?;
    if let Some((_, _, iana)) = BY_RULES
        .iter()
        .find(|(std, dst, _)| *std == standard && *dst == definition.daylight)
    {
        return iana.parse().ok();
    }
    if definition.daylight.is_none() && standard % 3600 == 0 {
        // A zone without summer time is exactly a fixed offset; POSIX names count the
        // other way round (Etc/GMT-1 is UTC+1).
        let hours = -standard / 3600;
        let name = match hours {
            0 => "Etc/UTC".to_owned(),
            h if h > 0 => format!("Etc/GMT+{h}"),
            h => format!("Etc/GMT{h}"),
        };
        return name.parse().ok();
    }
    None
}

/// An IANA name at the end of a vendor's path (`/mozilla.org/20050126_1/Europe/Berlin`).
fn iana_suffix(name: &str) -> Option<Tz> {
    let parts: Vec<&str> = name.split('/').filter(|p| !p.is_empty()).collect();
    (1..parts.len())
        .rev()
        .map(|from| parts[parts.len() - from..].join("/"))
        .find_map(|candidate| candidate.parse().ok())
}

/// `+0100`, `-0530`, `+013045` as seconds east of UTC.
pub fn parse_offset(text: &str) -> Option<i32> {
    let text = text.trim();
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| digits.get(range)?.parse::<i32>().ok();
    let seconds = if digits.len() == 6 { number(4..6)? } else { 0 };
    let total = number(0..2)? * 3600 + number(2..4)? * 60 + seconds;
    (total < 24 * 3600).then_some(sign * total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_every_kind_resolve_to_iana_zones() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        assert_eq!(resolve("Europe/Berlin", None), Some(berlin));
        assert_eq!(resolve("W. Europe Standard Time", None), Some(berlin));
        assert_eq!(
            resolve("/mozilla.org/20050126_1/Europe/Berlin", None),
            Some(berlin)
        );
        let lightning = Definition {
            location: Some("Europe/Berlin".into()),
            ..Definition::default()
        };
        assert_eq!(resolve("Custom 1", Some(&lightning)), Some(berlin));
        let by_rules = Definition {
            location: None,
            standard_offset: Some(3600),
            daylight: Some((7200, 3)),
        };
        assert_eq!(
            resolve("(UTC+01:00) Amsterdam, Berlin", Some(&by_rules)),
            Some(berlin)
        );
        let fixed = Definition {
            standard_offset: Some(3 * 3600),
            ..Definition::default()
        };
        assert_eq!(
            resolve("Somewhere", Some(&fixed)),
            Some("Etc/GMT-3".parse().unwrap())
        );
        assert_eq!(resolve("Nowhere/Unknown", None), None);
    }

    #[test]
    fn offsets_read_with_their_sign() {
        assert_eq!(parse_offset("+0100"), Some(3600));
        assert_eq!(parse_offset("-0530"), Some(-19800));
        assert_eq!(parse_offset("0100"), None);
        assert_eq!(parse_offset("+9999"), None);
    }
}
