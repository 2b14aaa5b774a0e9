//! The guest's side of issue 16 seen whole: a German guest's journey in a browser, the
//! provider's branding in the guest's mails, and the dashboard home of a co-host.

mod branding;
mod cohost_home;
mod journey;
