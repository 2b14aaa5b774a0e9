//! What operators run and watch: the metrics registry and the request middleware that
//! feeds it (request ids, one log line per request), and the `backup`, `restore` and
//! `copy` subcommands. The SQL these need lives in `db::models::ops` and `db::transfer`.

pub mod backup;
pub mod copy;
pub mod metrics;
pub mod requests;
