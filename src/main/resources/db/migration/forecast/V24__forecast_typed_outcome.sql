-- A campaign's outcome typed in, state by state, when its roll call is not (yet) in the
-- voting history: the outcome then names no roll call but the day of the vote, and its
-- votes are kept here. Either kind teaches the forecast how reliable reads are.
alter table forecast_outcome alter column roll_call_id drop not null;
alter table forecast_outcome add column vote_date date;
alter table forecast_outcome add constraint forecast_outcome_kind
    check ((roll_call_id is null) <> (vote_date is null));

create table forecast_outcome_vote (
    campaign_id bigint not null references forecast_outcome (campaign_id) on delete cascade,
    iso3        text collate "C" not null references states_state (iso3),
    vote        text not null check (vote in ('YES', 'NO', 'ABSTAIN', 'NON_VOTING')),
    primary key (campaign_id, iso3)
);
select audit_table('forecast_outcome_vote', 'campaign_id,iso3');

alter table forecast_outcome_vote enable row level security;
alter table forecast_outcome_vote force row level security;
create policy taking_part on forecast_outcome_vote using ((select plenary_organisation()) is null
    or campaign_id = any ((select plenary_campaign_ids())::bigint[]));

-- the default privileges of V21 cover a new table; said again in case they were altered
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'plenary_app') then
        grant select, insert, update, delete on forecast_outcome_vote to plenary_app;
    end if;
end $$;
