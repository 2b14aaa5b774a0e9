//! Static files embedded in the binary, addressed by content-hashed URLs so browsers may
//! cache them for a year: `static/css/app.css` is served as `/static/css/app.<hash>.css`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use rust_embed::RustEmbed;
use sha2::{Digest, Sha256};

#[derive(RustEmbed)]
#[folder = "static/"]
struct Embedded;

struct Manifest {
    /// logical path ("css/app.css") -> public URL ("/static/css/app.1a2b3c4d5e.css")
    urls: HashMap<String, String>,
    /// hashed path ("css/app.1a2b3c4d5e.css") -> logical path
    files: HashMap<String, String>,
}

fn manifest() -> &'static Manifest {
    static MANIFEST: OnceLock<Manifest> = OnceLock::new();
    MANIFEST.get_or_init(|| {
        let mut urls = HashMap::new();
        let mut files = HashMap::new();
        for path in Embedded::iter() {
            let Some(file) = Embedded::get(&path) else {
                continue;
            };
            let digest = hex::encode(Sha256::digest(&file.data));
            let hashed = hashed_name(&path, &digest[..10]);
            urls.insert(path.to_string(), format!("/static/{hashed}"));
            files.insert(hashed, path.to_string());
        }
        Manifest { urls, files }
    })
}

fn hashed_name(path: &str, hash: &str) -> String {
    match path.rsplit_once('.') {
        Some((stem, ext)) if !stem.ends_with('/') => format!("{stem}.{hash}.{ext}"),
        _ => format!("{path}.{hash}"),
    }
}

/// The public URL of a static file; templates call this through the page context.
pub fn url(path: &str) -> String {
    manifest()
        .urls
        .get(path)
        .cloned()
        .unwrap_or_else(|| format!("/static/{path}"))
}

/// A file to serve for a hashed request path, with its MIME type.
pub struct Asset {
    pub data: Cow<'static, [u8]>,
    pub mime: String,
}

pub fn lookup(hashed_path: &str) -> Option<Asset> {
    let logical = manifest().files.get(hashed_path)?;
    unhashed(logical)
}

/// A file by its logical path, for the few URLs browsers ask for by a fixed name
/// (`/favicon.ico`).
pub fn unhashed(logical: &str) -> Option<Asset> {
    let file = Embedded::get(logical)?;
    Some(Asset {
        data: file.data,
        mime: file.metadata.mimetype().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_urls_resolve_back_to_their_file() {
        let css = url("css/app.css");
        assert!(
            css.starts_with("/static/css/app.") && css.ends_with(".css"),
            "{css}"
        );
        let asset = lookup(css.trim_start_matches("/static/")).expect("served");
        assert!(asset.mime.starts_with("text/css"));
        assert!(
            lookup("css/app.css").is_none(),
            "unhashed names are not served"
        );
    }
}
