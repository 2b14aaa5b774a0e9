use std::io::Write;
use std::process::{Command, Stdio};

fn main() {
    // embed_migrations! does not notice a new migration folder on its own.
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=build.rs");
    if packs_relative_relocations() {
        // The position-independent binary's ~2 MB of relative relocations, which the loader
        // reads once at start and which then stay mapped (resident), shrink to ~30 KB
        // (DT_RELR). Peak memory under load: see README, Performance.
        println!("cargo:rustc-link-arg=-Wl,-z,pack-relative-relocs");
    }
}

/// Whether this machine's linker and C library take `-z pack-relative-relocs` (GNU ld 2.38+
/// with glibc 2.36+; lld 15+): a native Linux build links a one-line C program with it, and
/// any complaint (an older ld ignores it with a warning, an older glibc may refuse it) means no.
fn packs_relative_relocations() -> bool {
    let target = std::env::var("TARGET").unwrap_or_default();
    let host = std::env::var("HOST").unwrap_or_default();
    if target != host || !target.ends_with("-linux-gnu") {
        return false;
    }
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("relr");
    let Ok(mut child) = Command::new("cc")
        .args(["-x", "c", "-", "-o"])
        .arg(&out)
        .arg("-Wl,-z,pack-relative-relocs")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
    else {
        return false;
    };
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(b"int main(void) { return 0; }\n");
    }
    match child.wait_with_output() {
        Ok(output) => output.status.success() && output.stderr.is_empty(),
        Err(_) => false,
    }
}
