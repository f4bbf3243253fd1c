-- Outreach: our officials (people), each state's counterparts, the contact log, opposition
-- activity, assignments, follow-ups and dismissed escalation suggestions.

create table outreach_person (
    id              bigint generated always as identity primary key,
    name            text not null check (length(trim(name)) between 1 and 200),
    organisation_id bigint not null references accounts_organisation (id),
    level           text not null,
    title           text check (length(title) <= 200),
    username        text unique,
    active          boolean not null default true,
    version         integer not null default 0,
    created_at      timestamptz not null default now()
);

-- A counterpart holds a post for a state from one date until another; a new holder of the
-- same post is a new row, so the post's history is kept.
create table outreach_counterpart (
    id          bigint generated always as identity primary key,
    iso3        text collate "C" not null references states_state (iso3),
    name        text not null check (length(trim(name)) between 1 and 200),
    post        text not null check (length(trim(post)) between 1 and 200),
    level       text not null,
    phone       text check (length(phone) <= 100),
    messaging   text check (length(messaging) <= 200),
    email       text check (length(email) <= 320),
    languages   text check (length(languages) <= 200),
    notes       text check (length(notes) <= 4000),
    held_from   date,
    held_until  date,
    version     integer not null default 0,
    created_at  timestamptz not null default now(),
    check (held_until is null or held_from is null or held_until >= held_from)
);
create index outreach_counterpart_state on outreach_counterpart (iso3);

create table outreach_contact (
    id              bigint generated always as identity primary key,
    campaign_id     bigint not null references campaigns_campaign (id) on delete cascade,
    occurred_at     timestamptz not null,
    channel         text not null,
    asked           text check (length(asked) <= 4000),
    said            text check (length(said) <= 8000),
    logged_by       text not null,
    logged_at       timestamptz not null default now(),
    version         integer not null default 1,
    idempotency_key text check (length(idempotency_key) <= 200),
    deleted_at      timestamptz,
    deleted_by      text,
    deleted_reason  text
);
create unique index outreach_contact_idempotency on outreach_contact (campaign_id, idempotency_key)
    where idempotency_key is not null;
create index outreach_contact_campaign_time on outreach_contact (campaign_id, occurred_at desc);

-- The states a contact covered, each with the stance we read from it (if any) and the
-- version of the board's stance that read created.
create table outreach_contact_state (
    contact_id     bigint not null references outreach_contact (id) on delete cascade,
    iso3           text collate "C" not null references states_state (iso3),
    stance_read    text,
    confidence     text,
    stance_version integer,
    primary key (contact_id, iso3)
);
create index outreach_contact_state_iso3 on outreach_contact_state (iso3, contact_id);

create table outreach_participant (
    contact_id     bigint not null references outreach_contact (id) on delete cascade,
    side           text not null check (side in ('OURS', 'THEIRS')),
    position       integer not null,
    person_id      bigint references outreach_person (id),
    counterpart_id bigint references outreach_counterpart (id),
    name           text not null check (length(trim(name)) between 1 and 200),
    level          text,
    primary key (contact_id, side, position)
);
create index outreach_participant_person on outreach_participant (person_id) where person_id is not null;

-- Every version of a contact as it was saved, and its deletion: edits keep their history.
create table outreach_contact_revision (
    contact_id bigint not null references outreach_contact (id) on delete cascade,
    version    integer not null,
    action     text not null check (action in ('LOGGED', 'EDITED', 'DELETED')),
    snapshot   jsonb not null,
    changed_by text not null,
    changed_at timestamptz not null default now(),
    primary key (contact_id, version, action)
);

create table outreach_attachment (
    id           bigint generated always as identity primary key,
    contact_id   bigint not null references outreach_contact (id) on delete cascade,
    file_name    text not null check (length(file_name) between 1 and 255),
    content_type text not null,
    size_bytes   bigint not null,
    sha256       text not null,
    content      bytea not null,
    uploaded_by  text not null,
    uploaded_at  timestamptz not null default now()
);
create index outreach_attachment_contact on outreach_attachment (contact_id);

alter table whip_stance add foreign key (contact_id) references outreach_contact (id);
alter table whip_stance_change add foreign key (contact_id) references outreach_contact (id);

-- The other side's moves: a letter urging a No vote, a public statement, a counter-draft.
create table outreach_opposition (
    id          bigint generated always as identity primary key,
    campaign_id bigint not null references campaigns_campaign (id) on delete cascade,
    occurred_on date not null,
    kind        text not null,
    actor       text check (length(actor) <= 200),
    description text not null check (length(trim(description)) between 1 and 8000),
    recorded_by text not null,
    recorded_at timestamptz not null default now()
);
create index outreach_opposition_campaign on outreach_opposition (campaign_id, occurred_on desc);

create table outreach_opposition_state (
    opposition_id bigint not null references outreach_opposition (id) on delete cascade,
    iso3          text collate "C" not null references states_state (iso3),
    primary key (opposition_id, iso3)
);
create index outreach_opposition_state_iso3 on outreach_opposition_state (iso3);

-- Who owns a state in a campaign (level null: the overall owner; otherwise the owner at that
-- level). A hand-over ends one row and starts another, so the history is kept.
create table outreach_assignment (
    id             bigint generated always as identity primary key,
    campaign_id    bigint not null references campaigns_campaign (id) on delete cascade,
    iso3           text collate "C" not null references states_state (iso3),
    level          text,
    person_id      bigint not null references outreach_person (id),
    assigned_from  timestamptz not null default now(),
    assigned_by    text not null,
    assigned_until timestamptz,
    ended_by       text
);
create unique index outreach_assignment_current on outreach_assignment (campaign_id, iso3, coalesce(level, ''))
    where assigned_until is null;
create index outreach_assignment_person on outreach_assignment (person_id) where assigned_until is null;

create table outreach_settings (
    campaign_id          bigint primary key references campaigns_campaign (id) on delete cascade,
    not_contacted_days   integer not null default 7 check (not_contacted_days between 1 and 365)
);

create table outreach_follow_up (
    id              bigint generated always as identity primary key,
    campaign_id     bigint not null references campaigns_campaign (id) on delete cascade,
    iso3            text collate "C" references states_state (iso3),
    title           text not null check (length(trim(title)) between 1 and 500),
    due_on          date not null,
    owner_id        bigint references outreach_person (id),
    suggested_level text,
    origin          text not null check (origin in ('MANUAL', 'CONTACT', 'SLIPPED', 'NOT_CONTACTED', 'ESCALATION')),
    contact_id      bigint references outreach_contact (id),
    status          text not null default 'OPEN' check (status in ('OPEN', 'DONE', 'DISMISSED')),
    created_by      text not null,
    created_at      timestamptz not null default now(),
    closed_by       text,
    closed_at       timestamptz,
    version         integer not null default 0
);
create index outreach_follow_up_open on outreach_follow_up (campaign_id, due_on) where status = 'OPEN';
-- at most one open automatic follow-up of each kind per state: rules may fire again, and
-- several instances may run the same check, without piling up duplicates
create unique index outreach_follow_up_automatic on outreach_follow_up (campaign_id, iso3, origin)
    where status = 'OPEN' and origin in ('SLIPPED', 'NOT_CONTACTED');

-- An escalation suggestion the user dismissed: not shown again until its basis changes.
create table outreach_escalation_dismissal (
    campaign_id  bigint not null references campaigns_campaign (id) on delete cascade,
    iso3         text collate "C" not null references states_state (iso3),
    basis        text not null,
    dismissed_by text not null,
    dismissed_at timestamptz not null default now(),
    primary key (campaign_id, iso3, basis)
);
