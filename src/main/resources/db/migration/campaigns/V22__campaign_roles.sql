-- A user's role in one campaign: an organisation's coordinators may lower what one of their
-- users may do in a campaign (a whip who only reads this board), never raise it above the
-- user's own role. No row: the user's own role applies.
create table campaigns_role (
    campaign_id bigint not null references campaigns_campaign (id) on delete cascade,
    username    text not null,
    role        text not null check (role in ('COORDINATOR', 'WHIP', 'VIEWER')),
    set_by      text not null,
    set_at      timestamptz not null default now(),
    primary key (campaign_id, username)
);
select audit_table('campaigns_role', 'campaign_id,username');

alter table campaigns_role enable row level security;
alter table campaigns_role force row level security;
create policy taking_part on campaigns_role using ((select plenary_organisation()) is null
    or campaign_id = any ((select plenary_campaign_ids())::bigint[]));
