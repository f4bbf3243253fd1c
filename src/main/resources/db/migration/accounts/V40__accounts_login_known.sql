-- The addresses each user signed in from: a flood of wrong passwords for one user name from
-- many addresses slows down the addresses it has never signed in from, never the ones its
-- rightful owner uses (ADR 0003).
create table accounts_login_known (
    username       text not null,
    remote_address text not null,
    last_at        timestamptz not null default now(),
    primary key (username, remote_address)
);
create index accounts_login_failure_pair on accounts_login_failure (username, remote_address, failed_at);
