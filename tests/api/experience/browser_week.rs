//! A provider opens the week view in Chromium, without JavaScript, from the navigation.

use fantoccini::Locator;

use super::signed_in_alice;
use crate::booking::{book, tuesday_ten, GUEST};
use crate::both_backends;
use crate::browser::{click, type_into, wait_for, Chromedriver, Javascript};
use crate::helpers::{TestApp, TEST_PASSWORD};

both_backends!(a_provider_opens_the_week_view_in_a_browser);

async fn a_provider_opens_the_week_view_in_a_browser(app: TestApp) {
    let Some(driver) = Chromedriver::start().await else {
        return;
    };
    signed_in_alice(&app, |_| {}).await;
    assert_eq!(book(&app, tuesday_ten(), GUEST).await.status(), 303);
    let browser = driver.session(Javascript::Off).await;
    browser
        .goto(&app.url("/login"))
        .await
        .expect("sign-in page opens");
    type_into(&browser, "login", "alice").await;
    type_into(&browser, "password", TEST_PASSWORD).await;
    click(
        &browser,
        Locator::XPath("//button[normalize-space()='Sign in']"),
    )
    .await;
    click(
        &browser,
        Locator::XPath("//nav//a[normalize-space()='Week']"),
    )
    .await;
    let block = wait_for(
        &browser,
        Locator::Css("table.week a.block.status-confirmed"),
    )
    .await;
    let text = block.text().await.unwrap();
    assert!(
        text.contains("10:00\u{2013}10:30") && text.contains("Grace Guest"),
        "{text}"
    );
    // Its day agenda, from the column heading.
    click(&browser, Locator::LinkText("Tue 8 Jan")).await;
    wait_for(
        &browser,
        Locator::XPath("//h1[normalize-space()='Day agenda: Tuesday, 8 January 2030']"),
    )
    .await;
    click(&browser, Locator::Css("table.week a.block")).await;
    wait_for(&browser, Locator::XPath("//h1[contains(., 'Grace Guest')]")).await;
    browser.close().await.expect("browser session ends");
}
