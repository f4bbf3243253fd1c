-- The reckoning after the vote: when a campaign's actual vote is first recorded, each
-- member's read on the board and its forecast as they stood just before (recording the
-- outcome teaches the forecast, which then moves), kept so that the reckoning stays what
-- it was. Recording the vote again replaces the votes cast, not what was foreseen.
create table reports_reckoning (
    campaign_id      bigint primary key references campaigns_campaign (id) on delete cascade,
    taken_by         text not null,
    taken_at         timestamptz not null default now(),
    -- READY, or why the forecast had no numbers (its probabilities below are then null)
    forecast_status  text not null,
    forecast_note    text,
    p_adoption       double precision,
    votes_set_by     text not null,
    votes_set_at     timestamptz not null default now()
);
select audit_table('reports_reckoning', 'campaign_id');

create table reports_reckoning_state (
    campaign_id  bigint not null references reports_reckoning (campaign_id) on delete cascade,
    iso3         text collate "C" not null references states_state (iso3),
    -- the board's read, as the whip recorded it
    stance       text not null,
    source_level text,
    recorded_by  text,
    recorded_at  timestamptz,
    -- the forecast before the vote
    p_yes        double precision,
    p_no         double precision,
    p_abstain    double precision,
    p_non_voting double precision,
    -- the vote cast (null: none recorded for this member)
    actual       text check (actual in ('YES', 'NO', 'ABSTAIN', 'NON_VOTING')),
    primary key (campaign_id, iso3)
);

do $$
declare
    t text;
begin
    foreach t in array array['reports_reckoning', 'reports_reckoning_state']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy taking_part on %I using ((select plenary_organisation()) is null'
                       || ' or campaign_id = any ((select plenary_campaign_ids())::bigint[]))', t);
        if exists (select 1 from pg_roles where rolname = 'plenary_app') then
            execute format('grant select, insert, update, delete on %I to plenary_app', t);
        end if;
    end loop;
end $$;
