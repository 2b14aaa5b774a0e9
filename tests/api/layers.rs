//! The module graph points down: routes → (auth, views, email) → db → domain. Reads every
//! file under `src/`, records which top-level modules it names (`crate::x`, `crate::{x, y}`,
//! and `super::` paths that climb to the crate root), and fails on a cycle between
//! top-level modules, on `domain` importing anything, and on a layer importing one above
//! it (`FORBIDDEN`). `scripts/module_graph.py` prints the same graph by hand.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// From which module to which, and the files that make each edge.
type Graph = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

/// What each layer must never import: the layers above it. (`domain` imports nothing at
/// all; a cycle anywhere fails on its own.)
const FORBIDDEN: &[(&str, &[&str])] = &[
    ("auth", &["cli", "jobs", "routes", "startup"]),
    ("state", &["auth", "cli", "jobs", "routes", "startup"]),
    (
        "email",
        &["auth", "cli", "jobs", "routes", "startup", "state", "views"],
    ),
    (
        "views",
        &["auth", "cli", "email", "jobs", "routes", "startup", "state"],
    ),
    (
        "db",
        &[
            "auth",
            "boundary",
            "cli",
            "email",
            "error",
            "jobs",
            "rate_limit",
            "routes",
            "startup",
            "state",
            "views",
        ],
    ),
    ("routes", &["cli", "jobs", "startup"]),
];

#[test]
fn top_level_modules_import_each_other_without_cycles() {
    let graph = crate_graph();
    let cycles = cycles(&graph);
    assert!(
        cycles.is_empty(),
        "modules that import each other, directly or around a loop:\n{}",
        cycles
            .iter()
            .map(|component| describe(&graph, component))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_domain_imports_no_other_module() {
    let graph = crate_graph();
    let edges = graph.get("domain").cloned().unwrap_or_default();
    assert!(edges.is_empty(), "domain imports {}", list(&edges));
}

#[test]
fn each_layer_imports_no_layer_above_it() {
    let graph = crate_graph();
    let broken: Vec<String> = FORBIDDEN
        .iter()
        .filter_map(|(layer, above)| {
            let mut edges = graph.get(*layer).cloned().unwrap_or_default();
            edges.retain(|target, _| above.contains(&target.as_str()));
            (!edges.is_empty()).then(|| format!("{layer} imports {}", list(&edges)))
        })
        .collect();
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn the_graph_is_read_from_the_real_tree() {
    // A reader that silently found nothing would make the tests above pass vacuously.
    let graph = crate_graph();
    let routes = &graph["routes"];
    for layer in ["auth", "views", "email", "db", "domain", "state"] {
        assert!(routes.contains_key(layer), "routes -> {layer} not seen");
    }
    assert!(graph["db"].contains_key("domain"));
    assert!(graph["error"].contains_key("views"));
}

#[test]
fn the_checker_finds_a_cycle_and_names_its_files() {
    let mut graph = Graph::new();
    let mut edge = |from: &str, to: &str, file: &str| {
        graph
            .entry(from.to_owned())
            .or_default()
            .entry(to.to_owned())
            .or_default()
            .insert(file.to_owned());
    };
    edge("routes", "db", "src/routes/a.rs");
    edge("db", "email", "src/db/models/outbox.rs");
    edge("email", "db", "src/email/mod.rs");
    edge("email", "domain", "src/email/booking.rs");
    let found = cycles(&graph);
    assert_eq!(found, [vec!["db".to_owned(), "email".to_owned()]]);
    let text = describe(&graph, &found[0]);
    assert!(
        text.contains("db -> email (src/db/models/outbox.rs)"),
        "{text}"
    );
    assert!(text.contains("email -> db (src/email/mod.rs)"), "{text}");
}

#[test]
fn paths_are_read_from_code_only() {
    let tops = ["db", "email", "views", "auth"].map(String::from).into();
    let source = r#"
        use crate::db::models::{outbox, users};
        use crate::{
            email::{self, Mailer},
            views,
        };
        // use crate::routes::nothing;
        /* crate::state::AppState */
        let text = "crate::startup";
        fn f() { super::auth::x(); }
    "#;
    let found = targets(&code_only(source), &["db".to_owned()], &tops);
    assert_eq!(
        found,
        ["auth", "db", "email", "views"]
            .map(String::from)
            .into_iter()
            .collect::<BTreeSet<_>>()
    );
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every top-level module's edges to the others.
fn crate_graph() -> Graph {
    let src = src_dir();
    let tops = top_level_modules(&src);
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph = Graph::new();
    for file in files {
        let relative = file.strip_prefix(&src).expect("under src");
        let module = module_path(relative);
        let Some(own) = module.first().cloned() else {
            continue; // lib.rs and main.rs only declare and start
        };
        let source = std::fs::read_to_string(&file).expect("readable source");
        let shown = format!("src/{}", relative.display());
        for target in targets(&code_only(&source), &module, &tops) {
            if target != own {
                graph
                    .entry(own.clone())
                    .or_default()
                    .entry(target)
                    .or_default()
                    .insert(shown.clone());
            }
        }
    }
    graph
}

fn top_level_modules(src: &Path) -> BTreeSet<String> {
    std::fs::read_dir(src)
        .expect("src/ is readable")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_name()?.to_str()?.to_owned();
            match name.strip_suffix(".rs") {
                Some("lib" | "main") => None,
                Some(stem) => Some(stem.to_owned()),
                None if path.is_dir() => Some(name),
                None => None,
            }
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable directory") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `db/models/claim.rs` is `db::models::claim`; `db/mod.rs` is `db`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.pop() {
        match last.strip_suffix(".rs") {
            Some("mod" | "lib" | "main") | None => {}
            Some(stem) => parts.push(stem.to_owned()),
        }
    }
    parts
}

/// The source with comments and string and character literals blanked out, so only
/// code is searched.
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == 'r' && matches!(next, Some('"' | '#')) && raw_prefix(&chars, i) {
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            i += hashes + 2;
            let closing: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            while i < chars.len() && !chars[i..].starts_with(&closing) {
                i += 1;
            }
            i += closing.len();
            out.push_str("\"\"");
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && next == Some('\\') {
            // '\n', '\'', '\u{..}'
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            i += 3; // 'x' (a lifetime never closes two characters later)
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// `r` at `i` starts a raw string (`r"…"`, `br"…"`), not the end of an identifier.
fn raw_prefix(chars: &[char], i: usize) -> bool {
    !ident_before(chars, i) || (chars[i - 1] == 'b' && !ident_before(chars, i - 1))
}

/// The top-level modules that code in `module` names.
fn targets(code: &str, module: &[String], tops: &BTreeSet<String>) -> BTreeSet<String> {
    let chars: Vec<char> = code.chars().collect();
    let mut found = BTreeSet::new();
    let mut i = 0;
    while i < chars.len() {
        if ident_before(&chars, i) {
            i += 1;
            continue;
        }
        let rest = &chars[i..];
        let from_root = if starts_with_word(rest, "crate") {
            i += "crate".len();
            skip_separator(&chars, &mut i).then_some(true)
        } else if starts_with_word(rest, "super") {
            let mut climbs = 0;
            while starts_with_word(&chars[i..], "super") {
                i += "super".len();
                if !skip_separator(&chars, &mut i) {
                    break;
                }
                climbs += 1;
            }
            // Climbing out of every enclosing module reaches the crate root.
            (climbs > 0).then_some(climbs >= module.len())
        } else {
            i += 1;
            None
        };
        if from_root == Some(true) {
            for first in first_segments(&chars, i) {
                if tops.contains(&first) {
                    found.insert(first);
                }
            }
        }
    }
    found
}

fn starts_with_word(chars: &[char], word: &str) -> bool {
    let len = word.chars().count();
    chars.len() >= len
        && chars[..len].iter().copied().eq(word.chars())
        && !chars
            .get(len)
            .is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// Skips `::` (with any whitespace around it); false when there is none.
fn skip_separator(chars: &[char], i: &mut usize) -> bool {
    let mut j = *i;
    while chars.get(j).is_some_and(|c| c.is_whitespace()) {
        j += 1;
    }
    if chars.get(j) == Some(&':') && chars.get(j + 1) == Some(&':') {
        j += 2;
        while chars.get(j).is_some_and(|c| c.is_whitespace()) {
            j += 1;
        }
        *i = j;
        true
    } else {
        false
    }
}

/// The first path segment at `i`, or of every item of the `{…}` group there.
fn first_segments(chars: &[char], i: usize) -> Vec<String> {
    let ident = |at: usize| -> String {
        chars[at..]
            .iter()
            .take_while(|c| c.is_alphanumeric() || **c == '_')
            .collect()
    };
    if chars.get(i) != Some(&'{') {
        return vec![ident(i)];
    }
    let (mut segments, mut depth, mut item_start) = (Vec::new(), 0, true);
    for (at, c) in chars.iter().enumerate().skip(i) {
        match c {
            '{' => {
                depth += 1;
                item_start = depth == 1;
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => item_start = true,
            c if item_start && (c.is_alphanumeric() || *c == '_') => {
                segments.push(ident(at));
                item_start = false;
            }
            _ => {}
        }
    }
    segments
}

/// The strongly connected components of more than one module (Tarjan), each sorted.
fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    struct Walk<'a> {
        graph: &'a Graph,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a str) {
            let n = self.index.len();
            self.index.insert(v, n);
            self.low.insert(v, n);
            self.stack.push(v);
            for w in self.graph.get(v).into_iter().flat_map(|e| e.keys()) {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v, low);
                } else if self.stack.contains(&w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    component.push(w.to_owned());
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !walk.index.contains_key(v.as_str()) {
            walk.visit(v);
        }
    }
    walk.found
}

/// Every edge inside one cycle, with the files that make it.
fn describe(graph: &Graph, component: &[String]) -> String {
    let mut lines = Vec::new();
    for from in component {
        for (to, files) in graph.get(from).into_iter().flatten() {
            if component.contains(to) {
                let files: Vec<&str> = files.iter().map(String::as_str).collect();
                lines.push(format!("  {from} -> {to} ({})", files.join(", ")));
            }
        }
    }
    lines.join("\n")
}

fn list(edges: &BTreeMap<String, BTreeSet<String>>) -> String {
    edges
        .iter()
        .map(|(to, files)| {
            format!(
                "{to} ({})",
                files.iter().cloned().collect::<Vec<_>>().join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}
