-- Two-factor sign-in (TOTP and recovery codes), organisations that require it, and the
-- API's rate-limit counters.

alter table accounts_organisation add column two_factor_required boolean not null default false;

-- One authenticator per user. confirmed_at is null while the user sets it up (the secret is
-- shown but not yet proven); last_used_step is the 30-second step of the last code accepted,
-- so that no code is accepted twice.
create table accounts_two_factor (
    user_id        bigint primary key references accounts_user (id) on delete cascade,
    secret         text not null check (secret ~ '^[A-Z2-7]{32}$'),
    created_at     timestamptz not null default now(),
    confirmed_at   timestamptz,
    last_used_step bigint
);

-- Recovery codes are random 80-bit secrets: like API tokens, a SHA-256 digest stores them safely.
create table accounts_recovery_code (
    id        bigint generated always as identity primary key,
    user_id   bigint not null references accounts_user (id) on delete cascade,
    code_hash bytea not null,
    used_at   timestamptz
);
create index accounts_recovery_code_user on accounts_recovery_code (user_id);

-- Fixed one-minute windows: one row per token (or address) and minute, counted with an upsert
-- so that every instance behind a load balancer counts the same calls.
create table accounts_api_rate (
    bucket       text not null,
    window_start timestamptz not null,
    requests     integer not null,
    primary key (bucket, window_start)
);
create index accounts_api_rate_window on accounts_api_rate (window_start);

-- Under the audit trail (V14): who turned two-factor on, off or reset it, never the secret
-- nor each sign-in's step. Recovery codes and rate counters are not records people make.
select audit_table('accounts_two_factor', 'user_id', 'secret,last_used_step');
