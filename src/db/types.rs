//! Two portable SQL types: `Id` (native `uuid` on PostgreSQL, TEXT on SQLite) and `Instant`
//! (native `timestamptz` on PostgreSQL, TEXT on SQLite).
//!
//! Diesel's `MultiConnection` only knows a fixed set of SQL types, so these two are defined
//! here with `ToSql`/`FromSql` for each backend and for the derived `MultiBackend`. Rows read
//! plain `uuid::Uuid` and `chrono::DateTime<Utc>`; values *bound* into queries and inserts are
//! wrapped in [`DbId`] / [`DbTime`] (diesel's blanket `AsExpression` impl forbids implementing
//! it for foreign types).
//!
//! Text columns that hold a domain value (a booking status, a zone, a role, JSON answers)
//! are read straight into it: row structs mark such a field
//! `#[diesel(deserialize_as = String)]` (the domain type implements `TryFrom<String>`),
//! [`OptionalText`] for a nullable one, [`JsonText`] for JSON. A value the domain refuses
//! fails the query, which the error page logs with its cause, instead of reading as some
//! default. Schedule loaders that must survive one bad row read through [`Stored`].
//!
//! On SQLite instants are written in one fixed-width layout
//! (`YYYY-MM-DDTHH:MM:SS.ffffffZ`, always UTC, always six fractional digits) because SQLite
//! compares them as text: the triggers that guard against double booking rely on it. Never
//! write instants there with raw SQL defaults.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql};
use diesel::expression::AsExpression;
use diesel::pg::Pg;
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::{HasSqlType, Nullable, SqlType, Text};
use diesel::sqlite::Sqlite;
use uuid::Uuid;

use super::MultiBackend;

/// A UUID: `uuid` on PostgreSQL, hyphenated lowercase TEXT on SQLite.
#[derive(Debug, Clone, Copy, Default, SqlType, diesel::query_builder::QueryId)]
#[diesel(postgres_type(oid = 2950, array_oid = 2951))]
#[diesel(sqlite_type(name = "Text"))]
pub struct Id;

/// A UTC instant: `timestamptz` on PostgreSQL, fixed-layout TEXT on SQLite.
#[derive(Debug, Clone, Copy, Default, SqlType, diesel::query_builder::QueryId)]
#[diesel(postgres_type(oid = 1184, array_oid = 1185))]
#[diesel(sqlite_type(name = "Text"))]
pub struct Instant;

const SQLITE_INSTANT_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.6fZ";

/// The text SQLite stores for an instant (public so raw SQL in `db` can bind the same form).
pub fn sqlite_instant_text(value: &DateTime<Utc>) -> String {
    value.format(SQLITE_INSTANT_FORMAT).to_string()
}

fn parse_sqlite_instant(text: &str) -> deserialize::Result<DateTime<Utc>> {
    if let Some(instant) = parse_fixed_layout(text) {
        return Ok(instant);
    }
    if let Ok(parsed) = DateTime::parse_from_rfc3339(text) {
        return Ok(parsed.with_timezone(&Utc));
    }
    // Tolerate SQLite's own `YYYY-MM-DD HH:MM:SS` layout (from manual edits).
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f")
        .map(|naive| naive.and_utc())
        .map_err(|e| format!("invalid instant {text:?}: {e}").into())
}

/// The layout the app writes (`YYYY-MM-DDTHH:MM:SS.ffffffZ`), read digit by digit: the month
/// page reads three instants for each booking of the month, and chrono's general RFC 3339
/// parser was a fifth of its database time. `None` for anything else (the general parser
/// then decides).
fn parse_fixed_layout(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    if b.len() != 27
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b'.'
        || b[26] != b'Z'
    {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<u32> {
        b[from..to].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let year = i32::try_from(number(0, 4)?).ok()?;
    let date = chrono::NaiveDate::from_ymd_opt(year, number(5, 7)?, number(8, 10)?)?;
    let time = chrono::NaiveTime::from_hms_micro_opt(
        number(11, 13)?,
        number(14, 16)?,
        number(17, 19)?,
        number(20, 26)?,
    )?;
    Some(date.and_time(time).and_utc())
}

/// `f` of an SQLite value's text, without copying the text into a `String` first.
fn with_sqlite_text<T>(
    mut bytes: <Sqlite as Backend>::RawValue<'_>,
    f: impl FnOnce(&str) -> deserialize::Result<T>,
) -> deserialize::Result<T> {
    f(bytes.read_text())
}

// ---- Id ----

impl ToSql<Id, Pg> for Uuid {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        <Uuid as ToSql<diesel::sql_types::Uuid, Pg>>::to_sql(self, out)
    }
}

impl FromSql<Id, Pg> for Uuid {
    fn from_sql(bytes: <Pg as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        <Uuid as FromSql<diesel::sql_types::Uuid, Pg>>::from_sql(bytes)
    }
}

impl ToSql<Id, Sqlite> for Uuid {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(self.hyphenated().to_string());
        Ok(IsNull::No)
    }
}

impl FromSql<Id, Sqlite> for Uuid {
    fn from_sql(bytes: <Sqlite as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        with_sqlite_text(bytes, |text| Ok(Uuid::parse_str(text)?))
    }
}

// ---- Instant ----

impl ToSql<Instant, Pg> for DateTime<Utc> {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        <DateTime<Utc> as ToSql<diesel::sql_types::Timestamptz, Pg>>::to_sql(self, out)
    }
}

impl FromSql<Instant, Pg> for DateTime<Utc> {
    fn from_sql(bytes: <Pg as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        <DateTime<Utc> as FromSql<diesel::sql_types::Timestamptz, Pg>>::from_sql(bytes)
    }
}

impl ToSql<Instant, Sqlite> for DateTime<Utc> {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(sqlite_instant_text(self));
        Ok(IsNull::No)
    }
}

impl FromSql<Instant, Sqlite> for DateTime<Utc> {
    fn from_sql(bytes: <Sqlite as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        with_sqlite_text(bytes, parse_sqlite_instant)
    }
}

// ---- MultiBackend glue, the same for both types ----

macro_rules! multi_backend_type {
    ($sql_type:ty, $rust_type:ty) => {
        impl HasSqlType<$sql_type> for MultiBackend {
            fn metadata(lookup: &mut Self::MetadataLookup) -> Self::TypeMetadata {
                MultiBackend::lookup_sql_type::<$sql_type>(lookup)
            }
        }

        impl ToSql<$sql_type, MultiBackend> for $rust_type {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
                out.set_value((<$sql_type>::default(), self));
                Ok(IsNull::No)
            }
        }

        impl FromSql<$sql_type, MultiBackend> for $rust_type {
            fn from_sql(
                bytes: <MultiBackend as Backend>::RawValue<'_>,
            ) -> deserialize::Result<Self> {
                bytes.from_sql::<$rust_type, $sql_type>()
            }
        }
    };
}

multi_backend_type!(Id, Uuid);
multi_backend_type!(Instant, DateTime<Utc>);

/// A stored value read without failing the whole query: `Err` says why the row's value
/// could not be read (e.g. an instant written outside the app on SQLite). Loaders that
/// feed pages select these, skip the bad row and log it once, so one bad row cannot make
/// every page of a provider answer 500.
#[derive(Debug, Clone, PartialEq, Eq, diesel::deserialize::FromSqlRow)]
pub struct Stored<T>(pub Result<T, String>);

macro_rules! stored_value {
    ($sql_type:ty, $rust_type:ty) => {
        impl FromSql<$sql_type, MultiBackend> for Stored<$rust_type> {
            fn from_sql(
                bytes: <MultiBackend as Backend>::RawValue<'_>,
            ) -> deserialize::Result<Self> {
                Ok(Stored(
                    <$rust_type as FromSql<$sql_type, MultiBackend>>::from_sql(bytes)
                        .map_err(|error| error.to_string()),
                ))
            }
        }
    };
}

stored_value!(Instant, DateTime<Utc>);
stored_value!(diesel::sql_types::Date, chrono::NaiveDate);
stored_value!(diesel::sql_types::Time, chrono::NaiveTime);

/// A nullable TEXT column read into an optional domain value: an `Option<T>` field marked
/// `#[diesel(deserialize_as = OptionalText)]`, with `TryFrom<OptionalText>` implemented
/// for it below. A value the domain refuses is a deserialization error, so the query
/// fails (and is logged) instead of the row silently carrying a default.
#[derive(Debug, Clone, PartialEq, Eq, diesel::deserialize::FromSqlRow)]
pub struct OptionalText(pub Option<String>);

/// For every backend, not only the multi-backend one: the queue workers' claims load rows
/// through the PostgreSQL connection itself (`FOR UPDATE SKIP LOCKED`).
impl<DB: Backend> FromSql<Nullable<Text>, DB> for OptionalText
where
    String: FromSql<Text, DB>,
{
    fn from_sql(bytes: DB::RawValue<'_>) -> deserialize::Result<Self> {
        <String as FromSql<Text, DB>>::from_sql(bytes).map(|text| Self(Some(text)))
    }

    fn from_nullable_sql(bytes: Option<DB::RawValue<'_>>) -> deserialize::Result<Self> {
        match bytes {
            Some(bytes) => Self::from_sql(bytes),
            None => Ok(Self(None)),
        }
    }
}

macro_rules! optional_text {
    ($($domain:ty),+) => {$(
        impl TryFrom<OptionalText> for Option<$domain> {
            type Error = <$domain as TryFrom<String>>::Error;

            fn try_from(text: OptionalText) -> Result<Self, Self::Error> {
                text.0.map(<$domain>::try_from).transpose()
            }
        }
    )+};
}

optional_text!(
    crate::domain::booking::Actor,
    crate::i18n::Locale,
    crate::db::models::calendar_writes::WriteAction
);

/// A TEXT column holding JSON, read into the domain value it encodes: a field marked
/// `#[diesel(deserialize_as = JsonText<T>)]`, with `From<JsonText<T>>` implemented for
/// it below. JSON that does not parse is a deserialization error, not an empty value.
#[derive(Debug, Clone, PartialEq, Eq, diesel::deserialize::FromSqlRow)]
pub struct JsonText<T>(pub T);

impl<T: serde::de::DeserializeOwned> FromSql<Text, MultiBackend> for JsonText<T> {
    fn from_sql(bytes: <MultiBackend as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        let text = <String as FromSql<Text, MultiBackend>>::from_sql(bytes)?;
        Ok(Self(serde_json::from_str(&text)?))
    }
}

macro_rules! json_text {
    ($($domain:ty),+) => {$(
        impl From<JsonText<$domain>> for $domain {
            fn from(json: JsonText<$domain>) -> Self {
                json.0
            }
        }
    )+};
}

json_text!(
    Vec<crate::domain::guest::Answer>,
    Vec<crate::domain::service::Question>
);

/// A `Uuid` bound into a query: `bookings::id.eq(DbId(id))`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression)]
#[diesel(sql_type = Id)]
pub struct DbId(pub Uuid);

/// An instant bound into a query: `bookings::start_at.lt(DbTime(now))`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, AsExpression)]
#[diesel(sql_type = Instant)]
pub struct DbTime(pub DateTime<Utc>);

// The wrappers serialize exactly like the values they wrap, on every backend.
macro_rules! delegate_to_sql {
    ($wrapper:ty, $sql_type:ty, $inner:ty, $($backend:ty),+) => {$(
        impl ToSql<$sql_type, $backend> for $wrapper {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, $backend>) -> serialize::Result {
                <$inner as ToSql<$sql_type, $backend>>::to_sql(&self.0, out)
            }
        }
    )+};
}

delegate_to_sql!(DbId, Id, Uuid, Pg, Sqlite, MultiBackend);
delegate_to_sql!(DbTime, Instant, DateTime<Utc>, Pg, Sqlite, MultiBackend);

impl From<Uuid> for DbId {
    fn from(id: Uuid) -> Self {
        Self(id)
    }
}

impl From<DateTime<Utc>> for DbTime {
    fn from(at: DateTime<Utc>) -> Self {
        Self(at)
    }
}

/// Optional instants for inserts and updates of nullable columns.
pub fn opt_time(at: Option<DateTime<Utc>>) -> Option<DbTime> {
    at.map(DbTime)
}

/// Optional ids for inserts and updates of nullable columns.
pub fn opt_id(id: Option<Uuid>) -> Option<DbId> {
    id.map(DbId)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fixed_layout_reads_as_rfc_3339_does_and_anything_else_falls_back() {
        for text in [
            "2030-01-01T00:00:00.000000Z",
            "1970-01-01T00:00:00.000001Z",
            "2024-02-29T23:59:59.999999Z",
            "9999-12-31T12:34:56.123456Z",
        ] {
            let general = DateTime::parse_from_rfc3339(text)
                .unwrap()
                .with_timezone(&Utc);
            assert_eq!(parse_fixed_layout(text), Some(general), "{text}");
            assert_eq!(parse_sqlite_instant(text).unwrap(), general);
        }
        for text in [
            "2023-02-29T00:00:00.000000Z",
            "2030-13-01T00:00:00.000000Z",
            "2030-01-01T24:00:00.000000Z",
            "2030-01-01T00:00:00.00000xZ",
            "2030-01-01 00:00:00.000000Z",
            "2030-01-01T00:00:00Z",
            "+030-01-01T00:00:00.000000Z",
        ] {
            assert_eq!(parse_fixed_layout(text), None, "{text}");
        }
        // What the general parsers accept still reads.
        assert_eq!(
            parse_sqlite_instant("2030-01-01T00:00:00Z").unwrap(),
            parse_sqlite_instant("2030-01-01 00:00:00").unwrap()
        );
        assert!(parse_sqlite_instant("2023-02-29T00:00:00.000000Z").is_err());
    }
}
