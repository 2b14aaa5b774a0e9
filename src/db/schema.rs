//! Hand-written table definitions (diesel's generator does not know our portable types).
//! Keep in step with both migration folders.

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    users (id) {
        id -> Id,
        username -> Text,
        email -> Text,
        password_hash -> Text,
        full_name -> Text,
        business_name -> Text,
        bio -> Text,
        timezone -> Text,
        role -> Text,
        email_verified_at -> Nullable<Instant>,
        is_active -> Bool,
        feed_token_hash -> Nullable<Text>,
        created_at -> Instant,
        updated_at -> Instant,
        language -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    services (id) {
        id -> Id,
        provider_id -> Id,
        slug -> Text,
        name -> Text,
        description -> Text,
        duration_minutes -> Integer,
        slot_interval_minutes -> Integer,
        buffer_before_minutes -> Integer,
        buffer_after_minutes -> Integer,
        min_notice_minutes -> Integer,
        max_days_ahead -> Integer,
        max_per_day -> Nullable<Integer>,
        price_cents -> Nullable<Integer>,
        currency -> Nullable<Text>,
        location -> Text,
        confirmation_mode -> Text,
        hold_minutes -> Integer,
        cancellation_notice_minutes -> Integer,
        reminder_minutes_before -> Nullable<Integer>,
        custom_questions -> Text,
        is_active -> Bool,
        display_order -> Integer,
        created_at -> Instant,
        updated_at -> Instant,
        team_id -> Nullable<Id>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    availability_rules (id) {
        id -> Id,
        provider_id -> Id,
        day_of_week -> Integer,
        start_time -> Time,
        end_time -> Time,
        valid_from -> Nullable<Date>,
        valid_until -> Nullable<Date>,
        created_at -> Instant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    date_overrides (id) {
        id -> Id,
        provider_id -> Id,
        date -> Date,
        start_time -> Nullable<Time>,
        end_time -> Nullable<Time>,
        created_at -> Instant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    time_off (id) {
        id -> Id,
        provider_id -> Id,
        start_at -> Instant,
        end_at -> Instant,
        reason -> Text,
        created_at -> Instant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    bookings (id) {
        id -> Id,
        provider_id -> Id,
        service_id -> Id,
        guest_name -> Text,
        guest_email -> Text,
        guest_phone -> Nullable<Text>,
        guest_timezone -> Text,
        guest_notes -> Nullable<Text>,
        answers -> Text,
        start_at -> Instant,
        end_at -> Instant,
        block_start_at -> Instant,
        block_end_at -> Instant,
        status -> Text,
        hold_expires_at -> Nullable<Instant>,
        confirmed_at -> Nullable<Instant>,
        cancelled_at -> Nullable<Instant>,
        cancelled_by -> Nullable<Text>,
        cancellation_reason -> Nullable<Text>,
        rescheduled_from_id -> Nullable<Id>,
        idempotency_key -> Nullable<Text>,
        reminder_sent_at -> Nullable<Instant>,
        version -> Integer,
        created_at -> Instant,
        updated_at -> Instant,
        team_id -> Nullable<Id>,
        arrived_at -> Nullable<Instant>,
        guest_mails -> Bool,
        idempotency_body_hash -> Nullable<Text>,
        language -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    booking_tokens (id) {
        id -> Id,
        booking_id -> Id,
        action -> Text,
        token_hash -> Text,
        expires_at -> Instant,
        used_at -> Nullable<Instant>,
        created_at -> Instant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    booking_events (id) {
        id -> Id,
        booking_id -> Id,
        at -> Instant,
        actor -> Text,
        kind -> Text,
        detail -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    outbox (id) {
        id -> Id,
        recipient -> Text,
        subject -> Text,
        text_body -> Text,
        html_body -> Text,
        ics -> Nullable<Text>,
        kind -> Text,
        booking_id -> Nullable<Id>,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Instant,
        claimed_at -> Nullable<Instant>,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<Instant>,
        created_at -> Instant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    account_tokens (id) {
        id -> Id,
        user_id -> Id,
        purpose -> Text,
        email -> Text,
        token_hash -> Text,
        expires_at -> Instant,
        used_at -> Nullable<Instant>,
        created_at -> Instant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    sessions (id_hash) {
        id_hash -> Text,
        user_id -> Nullable<Id>,
        state -> Text,
        created_at -> Instant,
        last_seen_at -> Instant,
        expires_at -> Instant,
    }
}

diesel::table! {
    handles (username) {
        username -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    teams (id) {
        id -> Id,
        slug -> Text,
        name -> Text,
        timezone -> Text,
        logo_text -> Text,
        colour -> Text,
        created_at -> Instant,
        updated_at -> Instant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    team_members (team_id, user_id) {
        team_id -> Id,
        user_id -> Id,
        role -> Text,
        weight -> Integer,
        created_at -> Instant,
        updated_at -> Instant,
        agenda_mail -> Bool,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    team_invitations (id) {
        id -> Id,
        team_id -> Id,
        email -> Text,
        role -> Text,
        invited_by -> Nullable<Id>,
        token_hash -> Text,
        expires_at -> Instant,
        used_at -> Nullable<Instant>,
        created_at -> Instant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    booking_hosts (booking_id, host_id) {
        booking_id -> Id,
        host_id -> Id,
        service_id -> Id,
        start_at -> Instant,
        block_start_at -> Instant,
        block_end_at -> Instant,
        holds -> Bool,
        hold_expires_at -> Nullable<Instant>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::Id;

    team_services (service_id) {
        service_id -> Id,
        team_id -> Id,
        slug -> Text,
        assignment_mode -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::Id;

    team_service_hosts (service_id, host_id) {
        service_id -> Id,
        host_id -> Id,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    api_tokens (id) {
        id -> Id,
        user_id -> Id,
        name -> Text,
        scope -> Text,
        token_hash -> Text,
        created_at -> Instant,
        last_used_at -> Nullable<Instant>,
        revoked_at -> Nullable<Instant>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    webhook_endpoints (id) {
        id -> Id,
        user_id -> Id,
        url -> Text,
        secret -> Text,
        event_types -> Text,
        is_enabled -> Bool,
        consecutive_failures -> Integer,
        disabled_reason -> Nullable<Text>,
        created_at -> Instant,
        updated_at -> Instant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    webhook_deliveries (id) {
        id -> Id,
        endpoint_id -> Id,
        booking_id -> Nullable<Id>,
        event_type -> Text,
        payload -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Instant,
        claimed_at -> Nullable<Instant>,
        last_error -> Nullable<Text>,
        delivered_at -> Nullable<Instant>,
        created_at -> Instant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    webhook_attempts (id) {
        id -> Id,
        delivery_id -> Id,
        at -> Instant,
        status_code -> Nullable<Integer>,
        latency_ms -> Integer,
        error -> Nullable<Text>,
    }
}

diesel::joinable!(services -> users (provider_id));
diesel::joinable!(availability_rules -> users (provider_id));
diesel::joinable!(date_overrides -> users (provider_id));
diesel::joinable!(time_off -> users (provider_id));
diesel::joinable!(bookings -> services (service_id));
diesel::joinable!(booking_tokens -> bookings (booking_id));
diesel::joinable!(booking_events -> bookings (booking_id));
diesel::joinable!(account_tokens -> users (user_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(team_members -> teams (team_id));
diesel::joinable!(team_members -> users (user_id));
diesel::joinable!(team_invitations -> teams (team_id));
diesel::joinable!(booking_hosts -> bookings (booking_id));
diesel::joinable!(team_services -> services (service_id));
diesel::joinable!(team_service_hosts -> team_services (service_id));
diesel::joinable!(team_service_hosts -> users (host_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(webhook_endpoints -> users (user_id));
diesel::joinable!(webhook_deliveries -> webhook_endpoints (endpoint_id));
diesel::joinable!(webhook_attempts -> webhook_deliveries (delivery_id));

diesel::allow_tables_to_appear_in_same_query!(
    users,
    services,
    availability_rules,
    date_overrides,
    time_off,
    bookings,
    booking_tokens,
    booking_events,
    outbox,
    account_tokens,
    sessions,
    handles,
    teams,
    team_members,
    team_invitations,
    booking_hosts,
    team_services,
    team_service_hosts,
    api_tokens,
    webhook_endpoints,
    webhook_deliveries,
    webhook_attempts,
);

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    calendar_sources (id) {
        id -> Id,
        provider_id -> Id,
        url -> Text,
        etag -> Nullable<Text>,
        last_modified -> Nullable<Text>,
        last_success_at -> Nullable<Instant>,
        last_error -> Nullable<Text>,
        last_error_at -> Nullable<Instant>,
        failing_since -> Nullable<Instant>,
        failure_mailed_at -> Nullable<Instant>,
        block_count -> Integer,
        skipped_events -> Integer,
        next_refresh_at -> Instant,
        claimed_at -> Nullable<Instant>,
        created_at -> Instant,
        account_id -> Nullable<Id>,
        name -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    calendar_busy_blocks (id) {
        id -> Id,
        source_id -> Id,
        provider_id -> Id,
        uid -> Text,
        start_at -> Instant,
        end_at -> Instant,
    }
}

diesel::joinable!(calendar_sources -> users (provider_id));
diesel::joinable!(calendar_busy_blocks -> calendar_sources (source_id));
diesel::allow_tables_to_appear_in_same_query!(calendar_sources, users);
diesel::allow_tables_to_appear_in_same_query!(calendar_busy_blocks, calendar_sources);

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    provider_looks (provider_id) {
        provider_id -> Id,
        embed_origins -> Text,
        accent_color -> Nullable<Text>,
        logo_text -> Nullable<Text>,
        updated_at -> Instant,
    }
}

diesel::joinable!(provider_looks -> users (provider_id));
diesel::allow_tables_to_appear_in_same_query!(provider_looks, users);

diesel::table! {
    booking_event_counts (kind, shard) {
        kind -> Text,
        shard -> Integer,
        total -> BigInt,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    calendar_accounts (id) {
        id -> Id,
        provider_id -> Id,
        server_url -> Text,
        username -> Text,
        password_sealed -> Text,
        calendars -> Text,
        write_calendar_url -> Nullable<Text>,
        created_at -> Instant,
        updated_at -> Instant,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    team_agenda_sent (team_id, user_id, day) {
        team_id -> Id,
        user_id -> Id,
        day -> Date,
        queued_at -> Instant,
    }
}

diesel::joinable!(team_agenda_sent -> teams (team_id));
diesel::allow_tables_to_appear_in_same_query!(team_agenda_sent, teams);

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{Id, Instant};

    calendar_writes (id) {
        id -> Id,
        account_id -> Id,
        booking_id -> Id,
        event_root -> Id,
        calendar_url -> Text,
        status -> Text,
        action -> Nullable<Text>,
        attempts -> Integer,
        next_attempt_at -> Instant,
        claimed_at -> Nullable<Instant>,
        last_error -> Nullable<Text>,
        written_at -> Nullable<Instant>,
        created_at -> Instant,
    }
}

diesel::joinable!(calendar_accounts -> users (provider_id));
diesel::joinable!(calendar_sources -> calendar_accounts (account_id));
diesel::joinable!(calendar_writes -> calendar_accounts (account_id));
diesel::joinable!(calendar_writes -> bookings (booking_id));
diesel::allow_tables_to_appear_in_same_query!(calendar_accounts, users);
diesel::allow_tables_to_appear_in_same_query!(calendar_sources, calendar_accounts);
diesel::allow_tables_to_appear_in_same_query!(calendar_writes, calendar_accounts);
diesel::allow_tables_to_appear_in_same_query!(calendar_writes, bookings);

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::Id;

    schedule_versions (provider_id) {
        provider_id -> Id,
        version -> BigInt,
    }
}

// `schedule_versions` above is a view (the sum of a provider's shards, see migration
// 000765); this is the table behind it, written only by triggers.
diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::Id;

    schedule_version_shards (provider_id, shard) {
        provider_id -> Id,
        shard -> Integer,
        version -> BigInt,
    }
}

diesel::joinable!(schedule_versions -> users (provider_id));
diesel::allow_tables_to_appear_in_same_query!(schedule_versions, users);
diesel::joinable!(schedule_version_shards -> users (provider_id));
diesel::allow_tables_to_appear_in_same_query!(schedule_version_shards, users);
