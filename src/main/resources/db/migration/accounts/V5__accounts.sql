-- Organisations, their users and roles, API tokens, failed sign-ins, and web sessions.

create table accounts_organisation (
    id         bigint generated always as identity primary key,
    name       text not null check (length(trim(name)) between 1 and 200),
    created_at timestamptz not null default now()
);
create unique index accounts_organisation_name on accounts_organisation (lower(name));

create table accounts_user (
    id                  bigint generated always as identity primary key,
    username            text not null check (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    display_name        text not null check (length(display_name) between 1 and 200),
    email               text check (length(email) <= 320),
    organisation_id     bigint not null references accounts_organisation (id),
    role                text not null check (role in ('ADMINISTRATOR', 'COORDINATOR', 'WHIP', 'VIEWER')),
    password_hash       text not null,
    enabled             boolean not null default true,
    version             integer not null default 0,
    created_at          timestamptz not null default now(),
    password_changed_at timestamptz not null default now()
);
create unique index accounts_user_username on accounts_user (username);

-- Tokens are random 256-bit secrets: a SHA-256 digest is enough to store them safely.
create table accounts_api_token (
    id           bigint generated always as identity primary key,
    user_id      bigint not null references accounts_user (id) on delete cascade,
    name         text not null check (length(name) between 1 and 100),
    token_hash   bytea not null unique,
    prefix       text not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index accounts_api_token_user on accounts_api_token (user_id);

create table accounts_login_failure (
    id             bigint generated always as identity primary key,
    username       text not null,
    remote_address text not null,
    failed_at      timestamptz not null default now()
);
create index accounts_login_failure_username on accounts_login_failure (username, failed_at);
create index accounts_login_failure_address on accounts_login_failure (remote_address, failed_at);

-- Spring Session JDBC, with the table name set in application.properties.
create table accounts_session (
    primary_id            char(36) not null primary key,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval integer not null,
    expiry_time           bigint not null,
    principal_name        varchar(100)
);
create unique index accounts_session_ix1 on accounts_session (session_id);
create index accounts_session_ix2 on accounts_session (expiry_time);
create index accounts_session_ix3 on accounts_session (principal_name);

create table accounts_session_attributes (
    session_primary_id char(36) not null references accounts_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    primary key (session_primary_id, attribute_name)
);
