-- A coordinator's "what if": named votes of states, groups or blocs ("the United States votes
-- No", "the African Group abstains"), saved to see again and to list in the daily report. The
-- forecast under it is computed when read, never stored: it follows the reads. Seen by the
-- organisations taking part in the campaign; changed by the organisation that saved it.
create table forecast_scenario (
    id              bigint generated always as identity primary key,
    campaign_id     bigint not null references campaigns_campaign (id) on delete cascade,
    organisation_id bigint references accounts_organisation (id),
    name            text not null check (length(trim(name)) between 1 and 120),
    choices         text not null check (length(choices) between 1 and 4000),
    saved_by        text not null,
    saved_at        timestamptz not null default now()
);
create index forecast_scenario_campaign on forecast_scenario (campaign_id, id);
select audit_table('forecast_scenario', 'id');

alter table forecast_scenario enable row level security;
alter table forecast_scenario force row level security;
create policy seen on forecast_scenario for select using ((select plenary_organisation()) is null
    or campaign_id = any ((select plenary_campaign_ids())::bigint[]));
create policy own on forecast_scenario for all using ((select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[])
        and organisation_id is not distinct from (select plenary_organisation())))
    with check ((select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[])
        and organisation_id is not distinct from (select plenary_organisation())));
