-- The whip board: each member's current stance (one row, with a version for optimistic
-- locking) and every change ever made (append-only).

create table whip_stance (
    campaign_id   bigint not null references campaigns_campaign (id) on delete cascade,
    iso3          text collate "C" not null references states_state (iso3),
    stance        text not null,
    confidence    text,
    source_name   text,
    source_level  text,
    source_channel text,
    note          text,
    recorded_by   text,
    recorded_at   timestamptz,
    version       integer not null default 0,
    primary key (campaign_id, iso3)
);

create table whip_stance_change (
    id              bigint generated always as identity primary key,
    campaign_id     bigint not null,
    iso3            text collate "C" not null,
    version         integer not null,
    from_stance     text not null,
    to_stance       text not null,
    confidence      text,
    source_name     text,
    source_level    text,
    source_channel  text,
    note            text,
    recorded_by     text not null,
    recorded_at     timestamptz not null default now(),
    idempotency_key text,
    unique (campaign_id, iso3, version),
    foreign key (campaign_id, iso3) references whip_stance (campaign_id, iso3) on delete cascade
);
create unique index whip_stance_change_idempotency on whip_stance_change (campaign_id, idempotency_key)
    where idempotency_key is not null;
create index whip_stance_change_campaign_time on whip_stance_change (campaign_id, recorded_at);

-- Who has a board open, refreshed by each open board every few seconds.
create table whip_viewer (
    campaign_id bigint not null,
    viewer_id   text not null,
    username    text not null,
    display_name text not null,
    seen_at     timestamptz not null default now(),
    primary key (campaign_id, viewer_id)
);
