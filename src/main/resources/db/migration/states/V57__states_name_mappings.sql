-- Names that a user mapped while importing roll calls (issue 21): a spelling the register did
-- not know, remembered as a name of the state the user chose, with who chose it and when, so
-- that the next import resolves it; or remembered as not a state at all (a total row, a
-- heading), so that the next import skips it with a warning. Both are audited like the
-- register's other rows (states_state_name is, since V14), and both can be undone.
alter table states_state_name drop constraint states_state_name_kind_check;
alter table states_state_name add constraint states_state_name_kind_check
    check (kind in ('UN_NAME', 'FORMER_NAME', 'COMMON', 'MISSPELLING', 'CODE', 'MAPPED'));
alter table states_state_name add column mapped_by text;
alter table states_state_name add column mapped_at timestamptz;
alter table states_state_name add constraint states_state_name_mapped_by
    check ((kind = 'MAPPED') = (mapped_by is not null and mapped_at is not null));

create table states_name_not_a_state (
    name      text primary key,
    source    text not null,
    mapped_by text not null,
    mapped_at timestamptz not null default now()
);
select audit_table('states_name_not_a_state', 'name');
