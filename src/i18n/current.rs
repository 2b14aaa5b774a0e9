//! The locale in force while a page or a mail renders. A request's locale lives in a
//! task-local the language middleware scopes around the handler (a guest page may still
//! fall back to its provider's language once the handler knows the provider: [`prefer`]);
//! a mail, rendered wherever its event happens (often on a blocking thread inside a
//! transaction), is rendered inside [`with_locale`], which wins over the request's.

use std::cell::Cell;

use super::Locale;

/// What the middleware decided for one request.
#[derive(Debug)]
pub struct RequestLocale {
    locale: Cell<Locale>,
    /// `?lang=`, the remembered choice, the signed-in provider's setting or
    /// `Accept-Language` decided it; only without any of them does [`prefer`] apply.
    decided: bool,
}

impl RequestLocale {
    pub fn decided(locale: Locale) -> Self {
        Self {
            locale: Cell::new(locale),
            decided: true,
        }
    }

    /// Nothing said which language: British English until the handler [`prefer`]s one.
    pub fn undecided() -> Self {
        Self {
            locale: Cell::new(Locale::default()),
            decided: false,
        }
    }
}

tokio::task_local! {
    static REQUEST: RequestLocale;
}

thread_local! {
    static RENDERING: Cell<Option<Locale>> = const { Cell::new(None) };
}

/// Runs a request's handler (and its rendering) in `locale`.
pub async fn scope<F: std::future::Future>(locale: RequestLocale, future: F) -> F::Output {
    REQUEST.scope(locale, future).await
}

/// The locale to render in now: a mail's, else the request's, else English.
pub fn locale() -> Locale {
    RENDERING
        .with(Cell::get)
        .or_else(|| REQUEST.try_with(|r| r.locale.get()).ok())
        .unwrap_or_default()
}

/// `<html lang>` of the page being rendered.
pub fn lang_tag() -> &'static str {
    locale().tag()
}

/// The provider's language for a guest whose request named none (no `?lang=`, no
/// remembered choice, no `Accept-Language` we speak).
pub fn prefer(fallback: Locale) {
    let _ = REQUEST.try_with(|r| {
        if !r.decided {
            r.locale.set(fallback);
        }
    });
}

/// Renders (`f`) in `locale`: mails, in their recipient's language.
pub fn with_locale<T>(locale: Locale, f: impl FnOnce() -> T) -> T {
    struct Restore(Option<Locale>);
    impl Drop for Restore {
        fn drop(&mut self) {
            RENDERING.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(RENDERING.with(|c| c.replace(Some(locale))));
    f()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mail_renders_in_its_own_locale_and_restores_the_previous_one() {
        assert_eq!(locale(), Locale::EnGb);
        with_locale(Locale::De, || {
            assert_eq!(locale(), Locale::De);
            with_locale(Locale::Fr, || assert_eq!(locale(), Locale::Fr));
            assert_eq!(locale(), Locale::De);
        });
        assert_eq!(locale(), Locale::EnGb);
    }

    #[tokio::test]
    async fn only_an_undecided_request_takes_the_providers_language() {
        scope(RequestLocale::undecided(), async {
            prefer(Locale::Es);
            assert_eq!(locale(), Locale::Es);
        })
        .await;
        scope(RequestLocale::decided(Locale::De), async {
            prefer(Locale::Es);
            assert_eq!(locale(), Locale::De);
        })
        .await;
    }
}
