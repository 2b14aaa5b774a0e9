//! Templates of the provider's week view and day agenda.

use askama::Template;

use super::PageContext;

/// One booking drawn in the hour it starts.
pub struct Block {
    pub time: String,
    pub guest: String,
    pub service: String,
    pub status: String,
    pub status_label: String,
    pub href: String,
}

/// One hour of one day.
pub struct CellView {
    pub open: bool,
    pub off: bool,
    pub continues: bool,
    pub blocks: Vec<Block>,
}

impl CellView {
    /// The CSS classes that shade the cell (working hours, time off, a booking running on).
    pub fn classes(&self) -> String {
        [
            (self.open, "open"),
            (self.off, "off"),
            (self.continues, "continues"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, class)| *class)
        .collect::<Vec<_>>()
        .join(" ")
    }
}

pub struct HourRow {
    pub label: String,
    pub cells: Vec<CellView>,
}

pub struct DayHead {
    pub label: String,
    pub href: String,
    pub today: bool,
}

#[derive(Template)]
#[template(path = "pages/dashboard/week.html")]
pub struct WeekPage {
    pub ctx: PageContext,
    /// True for the one-day agenda, false for the week.
    pub is_day: bool,
    pub heading: String,
    pub timezone: String,
    pub days: Vec<DayHead>,
    pub rows: Vec<HourRow>,
    pub prev_href: String,
    pub next_href: String,
    pub week_href: String,
    pub booking_count: usize,
    pub time_off: Vec<String>,
}
