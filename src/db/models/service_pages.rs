//! What a service's public month and day pages read besides the schedule — the provider,
//! the service and the provider's look — kept in memory by handle and slug under the
//! provider's schedule version, so a view of a known page costs one primary-key read.
//!
//! As with the schedule rows (`availability::cache`), correctness rests on the database:
//! triggers (migration 000766) bump the version in the same transaction as any change to
//! the provider's row, services or look; the version is read on every view and before
//! the rows kept under it, so kept rows are never older than their version. A handle
//! cannot change hands without a bump either: renaming the provider updates their row,
//! deleting them deletes their version (and a team can only take a handle no user holds).
//! Pages that were not found are not kept, so what is kept is bounded by real pages, and
//! by [`MAX_PAGES`] in any case.
//!
//! A kept page also keeps a few of its rendered views (a month or a day as an anonymous
//! visitor sees it, by address and locale) under the same version, each until the first
//! instant the clock alone could change it: the caller says when (the first shown time
//! leaving the notice window, the first hold lapsing, at most [`VIEW_LIFETIME`] away).
//! A view is also kept in the content codings visitors asked for (compressed once, not on
//! every answer). A new version drops them with the page; [`MAX_VIEW_BYTES`] bounds them all.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use bytes::Bytes;
use chrono::{DateTime, TimeDelta, Utc};
use uuid::Uuid;

use super::availability::schedule_version;
use super::services::{self, Service};
use super::users::{self, User};
use super::{provider_looks, teams};
use crate::db::{DbConnection, StoreResult};
use crate::domain::locale::Locale;
use crate::domain::look::Look;

/// Pages kept at most (a few hundred bytes each). Past it the least recently used goes.
pub const MAX_PAGES: usize = 4_096;

/// Rendered views kept per page (a month page and the days a guest clicks through).
pub const VIEWS_PER_PAGE: usize = 8;
/// Bytes of rendered views kept over all pages (a month or day view is about 14 KB, so
/// some 150 views); past it the views of the least recently used pages go.
pub const MAX_VIEW_BYTES: usize = 2 << 20;
/// The longest a view is kept: what moves with the clock alone and is not worth tracking
/// exactly (the last bookable day growing by a step, "today" at midnight) shows at most
/// this late.
pub const VIEW_LIFETIME: TimeDelta = TimeDelta::seconds(60);

/// Which rendered view: the page's address (path and query) and the locale it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewKey {
    pub address: String,
    pub locale: Locale,
}

#[derive(Debug)]
struct KeptView {
    key: ViewKey,
    /// Served only before this instant.
    until: DateTime<Utc>,
    body: Bytes,
    /// The body in content codings asked for since (`"br"`, `"gzip"`).
    encoded: Vec<(&'static str, Bytes)>,
}

impl KeptView {
    fn bytes(&self) -> usize {
        self.body.len() + self.encoded.iter().map(|(_, e)| e.len()).sum::<usize>()
    }
}

/// A kept view as [`ServicePageCache::view`] finds it.
#[derive(Debug)]
pub struct View {
    pub body: Bytes,
    /// The body in the content coding asked for, when it was kept in it.
    pub encoded: Option<Bytes>,
}

/// An active provider's active service with their look: what the page shows around the
/// free times.
#[derive(Debug)]
pub struct ProviderService {
    pub user: User,
    pub service: Service,
    pub look: Look,
}

/// What `/{handle}/{slug}` names, with the provider's schedule version read before it.
pub enum Found {
    /// A team's handle (not kept here: the team page reads its own rows).
    Team(teams::Team),
    /// A provider's service page; `version` is `None` for a provider without a version row
    /// (then nothing of it is kept).
    Service {
        page: Arc<ProviderService>,
        version: Option<i64>,
    },
    NotFound,
}

#[derive(Debug, Default)]
pub struct ServicePageCache {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    pages: HashMap<(String, String), Entry>,
    clock: u64,
    /// Bytes of every entry's `views`.
    view_bytes: usize,
}

#[derive(Debug)]
struct Entry {
    provider_id: Uuid,
    version: i64,
    page: Arc<ProviderService>,
    used: u64,
    views: Vec<KeptView>,
}

impl Entry {
    fn view_bytes(&self) -> usize {
        self.views.iter().map(KeptView::bytes).sum()
    }
}

impl ServicePageCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// How many pages are kept (for tests and the load test's report).
    pub fn len(&self) -> usize {
        self.lock().pages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The provider a kept page of `handle`/`slug` belongs to and the version it was read
    /// under.
    fn kept(&self, key: &(String, String)) -> Option<(Uuid, i64, Arc<ProviderService>)> {
        let mut inner = self.lock();
        inner.clock += 1;
        let now = inner.clock;
        let entry = inner.pages.get_mut(key)?;
        entry.used = now;
        Some((entry.provider_id, entry.version, Arc::clone(&entry.page)))
    }

    fn put(&self, key: (String, String), version: i64, page: Arc<ProviderService>) {
        let mut inner = self.lock();
        inner.clock += 1;
        let used = inner.clock;
        if inner.pages.len() >= MAX_PAGES && !inner.pages.contains_key(&key) {
            let oldest = inner
                .pages
                .iter()
                .min_by_key(|(_, e)| e.used)
                .map(|(k, _)| k.clone());
            if let Some(oldest) = oldest {
                inner.remove(&oldest);
            }
        }
        let provider_id = page.user.id;
        inner.remove(&key);
        inner.pages.insert(
            key,
            Entry {
                provider_id,
                version,
                page,
                used,
                views: Vec::new(),
            },
        );
    }

    fn forget(&self, key: &(String, String)) {
        self.lock().remove(key);
    }

    /// The view `view` of the page `handle`/`slug` kept under `version` (just read from
    /// the database) and still current at `now`, with its body in `coding` if kept in it.
    pub fn view(
        &self,
        (handle, slug): (&str, &str),
        version: i64,
        view: &ViewKey,
        coding: Option<&str>,
        now: DateTime<Utc>,
    ) -> Option<View> {
        let inner = self.lock();
        let entry = inner.pages.get(&(handle.to_owned(), slug.to_owned()))?;
        if entry.version != version {
            return None;
        }
        let kept = entry
            .views
            .iter()
            .find(|kept| kept.key == *view && now < kept.until)?;
        Some(View {
            body: kept.body.clone(),
            encoded: coding.and_then(|coding| {
                kept.encoded
                    .iter()
                    .find(|(c, _)| *c == coding)
                    .map(|(_, e)| e.clone())
            }),
        })
    }

    /// Keeps `encoded`, the kept view `view` in `coding`, beside it (while it is kept).
    pub fn keep_encoded(
        &self,
        (handle, slug): (&str, &str),
        version: i64,
        view: &ViewKey,
        coding: &'static str,
        encoded: Bytes,
    ) {
        let key = (handle.to_owned(), slug.to_owned());
        let mut inner = self.lock();
        let Some(entry) = inner.pages.get_mut(&key).filter(|e| e.version == version) else {
            return;
        };
        let Some(kept) = entry.views.iter_mut().find(|kept| kept.key == *view) else {
            return;
        };
        if kept.encoded.iter().any(|(c, _)| *c == coding) {
            return;
        }
        let added = encoded.len();
        kept.encoded.push((coding, encoded));
        inner.view_bytes += added;
        inner.within_view_budget();
    }

    /// Keeps `body`, the view `view` of the page `handle`/`slug` rendered from rows read
    /// under `version`, to serve until `until`. Nothing is kept when the page is no longer
    /// kept under that version (it changed meanwhile) or the view is too big.
    pub fn keep_view(
        &self,
        (handle, slug): (&str, &str),
        version: i64,
        view: ViewKey,
        until: DateTime<Utc>,
        body: Bytes,
    ) {
        if body.len() > MAX_VIEW_BYTES / VIEWS_PER_PAGE {
            return;
        }
        let key = (handle.to_owned(), slug.to_owned());
        let mut inner = self.lock();
        let Some(entry) = inner.pages.get_mut(&key).filter(|e| e.version == version) else {
            return;
        };
        let before = entry.view_bytes();
        entry.views.retain(|kept| kept.key != view);
        if entry.views.len() >= VIEWS_PER_PAGE {
            // The one that lapses first goes.
            if let Some(first) = (0..entry.views.len()).min_by_key(|&i| entry.views[i].until) {
                entry.views.swap_remove(first);
            }
        }
        entry.views.push(KeptView {
            key: view,
            until,
            body,
            encoded: Vec::new(),
        });
        let after = entry.view_bytes();
        inner.view_bytes = inner.view_bytes + after - before;
        inner.within_view_budget();
    }

    /// Bytes of rendered views kept (for tests and the load test's report).
    pub fn view_bytes(&self) -> usize {
        self.lock().view_bytes
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // Every step under the lock leaves the map whole: a panic elsewhere while it was
        // held leaves nothing half-done worth refusing.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Inner {
    /// Drops the page kept under `key` with its views.
    fn remove(&mut self, key: &(String, String)) {
        if let Some(gone) = self.pages.remove(key) {
            self.view_bytes -= gone.view_bytes();
        }
    }

    /// Drops the views of the least recently used pages until within [`MAX_VIEW_BYTES`].
    fn within_view_budget(&mut self) {
        while self.view_bytes > MAX_VIEW_BYTES {
            let oldest = self
                .pages
                .iter()
                .filter(|(_, e)| !e.views.is_empty())
                .min_by_key(|(_, e)| e.used)
                .map(|(k, _)| k.clone());
            let Some(oldest) = oldest else { break };
            if let Some(entry) = self.pages.get_mut(&oldest) {
                let freed = entry.view_bytes();
                entry.views.clear();
                self.view_bytes -= freed;
            }
        }
    }
}

/// What `/{handle}/{slug}` names (both already lowercase): a kept page when the provider's
/// version still matches (one read), else the team or the provider's active service read
/// afresh, and kept.
pub fn find(
    conn: &mut DbConnection,
    cache: &ServicePageCache,
    handle: &str,
    slug: &str,
) -> StoreResult<Found> {
    let key = (handle.to_owned(), slug.to_owned());
    if let Some((provider_id, kept_version, page)) = cache.kept(&key) {
        let version = schedule_version(conn, provider_id)?;
        if version == Some(kept_version) {
            return Ok(Found::Service { page, version });
        }
        cache.forget(&key);
    }
    if let Some(team) = teams::find_by_slug(conn, handle)? {
        return Ok(Found::Team(team));
    }
    let Some(provider_id) = users::find_by_username(conn, handle)?.map(|u| u.id) else {
        return Ok(Found::NotFound);
    };
    // The version first, then every row kept under it (the provider's own row again).
    let version = schedule_version(conn, provider_id)?;
    let Some(user) =
        users::find(conn, provider_id)?.filter(|u| u.is_active && u.username == handle)
    else {
        return Ok(Found::NotFound);
    };
    let Some(service) = services::find_by_slug(conn, provider_id, slug)?.filter(|s| s.is_active)
    else {
        return Ok(Found::NotFound);
    };
    let look = provider_looks::find(conn, provider_id)?;
    let page = Arc::new(ProviderService {
        user,
        service,
        look,
    });
    if let Some(version) = version {
        cache.put(key, version, Arc::clone(&page));
    }
    Ok(Found::Service { page, version })
}
