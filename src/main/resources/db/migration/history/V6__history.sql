-- Roll calls of the General Assembly and each state's vote on them, imported from the UN's
-- datasets. One row per recorded vote, whatever the number of datasets that carried it.

create extension if not exists pg_trgm;

create table history_roll_call (
    id                   bigint generated always as identity primary key,
    -- the key that matches the same vote across datasets: 'SYMBOL|DATE' for votes on a whole
    -- resolution; 'SOURCE:ID' for amendment, paragraph and other votes a single dataset knows
    match_key            text not null unique,
    body                 text not null check (body in ('GA_PLENARY', 'EMERGENCY_SPECIAL_SESSION', 'COMMITTEE')),
    symbol               text,
    vote_date            date not null,
    session              text,
    title                text,
    description          text,
    agenda_item          text,
    draft_symbol         text,
    meeting_record       text,
    subjects             text,
    sponsors             text,
    kind                 text not null check (kind in ('RESOLUTION', 'AMENDMENT', 'PARAGRAPH', 'OTHER')),
    important            boolean,
    adopted_without_vote boolean not null default false,
    stated_yes           integer,
    stated_no            integer,
    stated_abstain       integer,
    stated_non_voting    integer,
    yes_count            integer not null default 0,
    no_count             integer not null default 0,
    abstain_count        integer not null default 0,
    non_voting_count     integer not null default 0,
    updated_at           timestamptz not null default now()
);
create index history_roll_call_date on history_roll_call (vote_date);
create index history_roll_call_symbol on history_roll_call (symbol);
create index history_roll_call_session on history_roll_call (session);
create index history_roll_call_title_trgm on history_roll_call using gin (title gin_trgm_ops);

-- Y yes, N no, A abstain, X present in no list: non-voting (absent, or no vote under Art. 19).
-- No foreign keys: a million rows checked one by one would more than double the time of an
-- import, and the import alone writes this table, with roll call ids it has just inserted and
-- state codes from the register's resolver (a test checks there are no orphans). ISO codes
-- are ASCII: the "C" collation compares them bytewise, several times faster than a locale's.
create table history_vote (
    roll_call_id bigint not null,
    iso3         text collate "C" not null,
    vote         char(1) not null check (vote in ('Y', 'N', 'A', 'X')),
    primary key (roll_call_id, iso3)
);
create index history_vote_state on history_vote (iso3, roll_call_id);

-- Which datasets carried a roll call, under which of their own identifiers.
create table history_roll_call_source (
    roll_call_id bigint not null references history_roll_call (id) on delete cascade,
    source       text not null check (source in ('UNDL', 'UN_RESOLUTIONS', 'VOETEN', 'PLAIN')),
    source_key   text not null,
    primary key (roll_call_id, source)
);

-- What an import found wrong with the data it kept: totals that disagree with the votes,
-- states listed twice, datasets that disagree with each other.
create table history_defect (
    id           bigint generated always as identity primary key,
    roll_call_id bigint not null references history_roll_call (id) on delete cascade,
    source       text not null,
    kind         text not null check (kind in ('TOTALS_MISMATCH', 'LISTED_TWICE', 'NO_VOTES_LISTED', 'SOURCES_DISAGREE')),
    detail       text not null,
    found_at     timestamptz not null default now(),
    unique (roll_call_id, source, kind, detail)
);

-- One import of one file (or a Voeten pair): progress while it runs, the report after.
create table history_import (
    id           bigint generated always as identity primary key,
    file_name    text not null,
    format       text,
    status       text not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    started_by   text,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    bytes_total  bigint,
    bytes_read   bigint not null default 0,
    rows_read    bigint not null default 0,
    report       text
);
