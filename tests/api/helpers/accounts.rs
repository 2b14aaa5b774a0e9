//! Accounts for tests: providers that are signed in, more browsers, mail links.

use super::*;

/// The password of every provider the helpers below create.
pub const TEST_PASSWORD: &str = "correct horse battery staple";

/// A provider made by [`TestApp::create_provider`] or [`TestApp::sign_up_and_login`].
#[derive(Debug, Clone)]
pub struct TestProvider {
    pub id: uuid::Uuid,
    pub username: String,
    /// `{username}@example.com`.
    pub email: String,
    /// Always [`TEST_PASSWORD`].
    pub password: String,
}

impl TestApp {
    /// A new browser for this app: its own cookie jar, redirects not followed, signed out.
    pub fn new_client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .unwrap()
    }

    /// Creates an active provider with a verified address straight in the database:
    /// `username`, `{username}@example.com`, "{username} Example", Europe/Berlin, password
    /// [`TEST_PASSWORD`], role `provider`. No sign-up form, so no sign-up rate limit and no
    /// mail in the outbox. Panics if the username is taken or invalid.
    pub async fn create_provider(&self, username: &str) -> TestProvider {
        use slotbook::db::models::users;
        let username = username.to_owned();
        let email = format!("{username}@example.com");
        let (name, mail) = (username.clone(), email.clone());
        let id = self
            .db(move |conn| {
                let now = test_now();
                users::insert(
                    conn,
                    &users::NewUser {
                        username: &name,
                        email: &mail,
                        password_hash: test_password_hash(),
                        full_name: &format!("{name} Example"),
                        timezone: "Europe/Berlin",
                        role: "provider",
                        email_verified_at: Some(now),
                    },
                    now,
                )
                .unwrap_or_else(|e| panic!("cannot create provider {name}: {e}"))
            })
            .await;
        TestProvider {
            id,
            username,
            email,
            password: TEST_PASSWORD.to_owned(),
        }
    }

    /// Creates a verified provider (see [`TestApp::create_provider`]) and signs `self.client`
    /// in as them through the real `/login` form; afterwards `self.get`, `self.post_form`
    /// and `self.csrf_for` act as that provider. For a second signed-in browser use
    /// `create_provider` + `new_client` + [`TestApp::sign_in`].
    ///
    /// Successful sign-ins do not count against the sign-in rate limit, so tests may call
    /// this as often as they like.
    pub async fn sign_up_and_login(&self, username: &str) -> TestProvider {
        let provider = self.create_provider(username).await;
        self.sign_in(&self.client, &provider.username, &provider.password)
            .await;
        provider
    }

    /// Signs `client` in through `/login` (email or username); panics unless it worked.
    pub async fn sign_in(&self, client: &reqwest::Client, login: &str, password: &str) {
        let response = self.try_sign_in(client, login, password).await;
        let status = response.status();
        let to = location(&response);
        assert!(
            status == 303 && to == "/dashboard",
            "sign-in as {login} failed: {status} to {to:?}: {}",
            response.text().await.unwrap_or_default()
        );
    }

    /// Opens `/login` with `client` and submits the form; returns the answer as it is.
    pub async fn try_sign_in(
        &self,
        client: &reqwest::Client,
        login: &str,
        password: &str,
    ) -> reqwest::Response {
        let token = self.csrf_with(client, "/login").await;
        self.post_form_with(
            client,
            "/login",
            &[
                ("csrf_token", &token),
                ("login", login),
                ("password", password),
            ],
        )
        .await
    }

    /// `get` with another browser (its HTML pages checked as `get`'s are).
    pub async fn get_with(&self, client: &reqwest::Client, path: &str) -> reqwest::Response {
        let response = client
            .get(self.url(path))
            .send()
            .await
            .expect("request failed");
        crate::checkers::record(response).await
    }

    /// `csrf_for` with another browser.
    pub async fn csrf_with(&self, client: &reqwest::Client, path: &str) -> String {
        let html = self.get_with(client, path).await.text().await.unwrap();
        csrf_token(&html)
    }

    /// `post_form` with another browser (its HTML answers checked as `post_form`'s are).
    pub async fn post_form_with(
        &self,
        client: &reqwest::Client,
        path: &str,
        form: &[(&str, &str)],
    ) -> reqwest::Response {
        let body = form
            .iter()
            .map(|(k, v)| format!("{}={}", urlencoding::encode(k), urlencoding::encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let response = client
            .post(self.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .expect("request failed");
        crate::checkers::record(response).await
    }

    /// The (subject, text body) of every mail queued for `to`, oldest first.
    pub async fn mails_to(&self, to: &str) -> Vec<(String, String)> {
        use diesel::prelude::*;
        use slotbook::db::schema::outbox;
        let to = to.to_owned();
        self.db(move |conn| {
            outbox::table
                .filter(outbox::recipient.eq(to))
                .order(outbox::id.asc())
                .select((outbox::subject, outbox::text_body))
                .load::<(String, String)>(conn)
                .unwrap()
        })
        .await
    }
}

/// The argon2 hash of [`TEST_PASSWORD`], computed once per test binary.
fn test_password_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| slotbook::auth::password::hash(TEST_PASSWORD).unwrap())
}

/// The local path of the first link in `text` whose path starts with `prefix`
/// (e.g. `/verify/`): mails carry absolute links to BASE_URL, tests follow the path.
pub fn link_path(text: &str, prefix: &str) -> Option<String> {
    let at = text.find(prefix)?;
    let end = text[at..]
        .find(|c: char| c.is_whitespace() || c == '"' || c == '<')
        .map_or(text.len(), |i| at + i);
    Some(text[at..end].to_owned())
}
