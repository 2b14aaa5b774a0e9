//! Who is asking: the typed session (sign-in state, CSRF token, flash messages), the
//! `CurrentUser` guard for provider pages, the `PageContext` every page carries, and
//! `CsrfForm`, the only way handlers read a state-changing form.

pub mod accounts;
pub mod csrf;
pub mod guard;
pub mod password;
pub mod session;
pub mod session_store;

pub use csrf::CsrfForm;
pub use guard::CurrentUser;
