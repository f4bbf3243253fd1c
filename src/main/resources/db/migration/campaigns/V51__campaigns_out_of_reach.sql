-- The states no call will move: the subject of the text (the state whose conduct the draft
-- condemns: it will vote No) and those the campaign marks out of reach (its few firm allies).
-- The advice leaves them out of "where the next call is worth most". Part of the campaign:
-- read by those taking part, written by its owner, like the reference resolutions (V28).
create table campaigns_out_of_reach (
    campaign_id bigint not null references campaigns_campaign (id) on delete cascade,
    iso3        text collate "C" not null references states_state (iso3),
    subject     boolean not null default false,
    set_by      text not null,
    set_at      timestamptz not null default now(),
    primary key (campaign_id, iso3)
);
select audit_table('campaigns_out_of_reach', 'campaign_id,iso3');

alter table campaigns_out_of_reach enable row level security;
alter table campaigns_out_of_reach force row level security;
create policy seen on campaigns_out_of_reach for select using ((select plenary_organisation()) is null
    or campaign_id = any ((select plenary_campaign_ids())::bigint[]));
create policy owner_adds on campaigns_out_of_reach for insert with check ((select plenary_organisation()) is null
    or campaign_id = any ((select plenary_owned_campaign_ids())::bigint[]));
create policy owner_changes on campaigns_out_of_reach for update using ((select plenary_organisation()) is null
    or campaign_id = any ((select plenary_owned_campaign_ids())::bigint[]));
create policy owner_removes on campaigns_out_of_reach for delete using ((select plenary_organisation()) is null
    or campaign_id = any ((select plenary_owned_campaign_ids())::bigint[]));
