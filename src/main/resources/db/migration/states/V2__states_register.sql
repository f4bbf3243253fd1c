-- The register of states: UN members, observer states, former members that appear in
-- voting records since 1946, and a few non-member entities that belong to blocs.

create table states_state (
    iso3           text primary key check (iso3 ~ '^[A-Z]{3}$'),
    iso2           text unique check (iso2 ~ '^[A-Z]{2}$'),
    m49            integer unique,
    short_name     text not null,
    formal_name    text not null,
    status         text not null check (status in ('MEMBER', 'OBSERVER', 'FORMER_MEMBER', 'NON_MEMBER')),
    -- date of admission to the United Nations (original members: 1945-10-24)
    admitted_on    date,
    -- for former members: the day the seat ceased to be held under this entity
    ended_on       date,
    -- for former members: which state took over (continuity or succession); null when dissolved
    successor_iso3 text references states_state (iso3) deferrable initially deferred,
    note           text
);

-- Every name or code under which a state appears in UN voting records and elsewhere.
-- The resolver matches names after folding case, accents and punctuation, and honours the
-- validity dates when a name meant different seats at different times (e.g. YUGOSLAVIA).
create table states_state_name (
    iso3       text not null references states_state (iso3),
    name       text not null,
    kind       text not null check (kind in ('UN_NAME', 'FORMER_NAME', 'COMMON', 'MISSPELLING', 'CODE')),
    valid_from date,
    valid_to   date,
    source     text,
    primary key (iso3, name)
);

-- Regional groups and blocs, with dated membership and the source of each list.
create table states_grouping (
    code   text primary key check (code ~ '^[A-Z0-9_]+$'),
    name   text not null,
    kind   text not null check (kind in ('REGIONAL_GROUP', 'BLOC')),
    source text not null,
    note   text
);

create table states_grouping_member (
    id            bigint generated always as identity primary key,
    grouping_code text not null references states_grouping (code),
    iso3          text not null references states_state (iso3),
    role          text not null default 'MEMBER' check (role in ('MEMBER', 'OBSERVER', 'ASSOCIATE')),
    joined_on     date,
    left_on       date,
    note          text,
    check (left_on is null or joined_on is null or left_on >= joined_on)
);

create index states_grouping_member_iso3 on states_grouping_member (iso3);
create index states_grouping_member_grouping on states_grouping_member (grouping_code);
