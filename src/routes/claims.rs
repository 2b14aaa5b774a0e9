//! The personal claim as both doors run it — the booking form (`public::book`) and
//! `POST /api/v1/bookings` (`api::bookings`, and its moves): the provider is the booking's
//! only host, so the mails are the guest's and that provider's; a lapsed hold the claim
//! expires tells its own guest. The team claim has its own (`teams::claim_with_host_mails`).

use crate::db::models::claim::{claim, ClaimMails, ClaimOutcome, ClaimRequest};
use crate::db::models::provider_looks;
use crate::db::models::users::User;
use crate::domain::look::Branding;
use crate::email::booking as booking_mail;
use crate::error::AppResult;
use crate::state::AppState;

/// Runs the claim of `request` for `provider`'s service and wakes the mailer when it made
/// a booking (its mails are queued in the claim's transaction). `brand` is the branding
/// the guest's mails wear when the caller has already read it (the booking form has read
/// the provider's look for its page); `None` reads it here.
pub(crate) async fn claim_personal(
    state: &AppState,
    provider: &User,
    request: ClaimRequest,
    brand: Option<Branding>,
) -> AppResult<ClaimOutcome> {
    let now = state.now();
    let (settings, provider) = (state.settings.clone(), provider.clone());
    let outcome = state
        .db(move |conn| {
            // The guest's mails wear the provider's (or team's) branding.
            let brand = match brand {
                Some(brand) => brand,
                None => provider_looks::branding(conn, &request.service)?,
            };
            let mail_context =
                booking_mail::Context::new(&settings, &provider, &request.service, brand);
            let mails = ClaimMails {
                new_booking: &|booking, lineage, tokens| {
                    mail_context.new_booking(booking, lineage, tokens)
                },
                expired: &|booking, service, provider, brand| {
                    booking_mail::expired(&settings, booking, service, provider, brand)
                },
            };
            claim(conn, &request, now, mails)
        })
        .await?;
    if matches!(outcome, ClaimOutcome::Created(_)) {
        state.mailer.wake();
    }
    Ok(outcome)
}
