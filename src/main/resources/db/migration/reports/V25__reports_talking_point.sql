-- Talking points stored on a campaign, printed on the call sheets: for every state, for
-- the members of a grouping (a regional group or a bloc), or for one state. Like a contact,
-- a talking point belongs to the organisation that wrote it and is seen by the coalition
-- or by that organisation only.
create table reports_talking_point (
    id              bigserial primary key,
    campaign_id     bigint not null references campaigns_campaign (id) on delete cascade,
    iso3            text check (iso3 ~ '^[A-Z]{3}$'),
    grouping_code   text,
    body            text not null check (length(body) between 1 and 2000),
    organisation_id bigint references accounts_organisation (id),
    visibility      text not null default 'COALITION' check (visibility in ('ORGANISATION', 'COALITION')),
    written_by      text not null,
    written_at      timestamptz not null default now(),
    check (iso3 is null or grouping_code is null)
);

-- the same point written twice for the same states (a retried form) is stored once
create unique index reports_talking_point_once on reports_talking_point
    (campaign_id, coalesce(iso3, ''), coalesce(grouping_code, ''), coalesce(organisation_id, 0), md5(body));

alter table reports_talking_point enable row level security;
alter table reports_talking_point force row level security;
create policy seen on reports_talking_point for select using (
    (select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[])
        and plenary_sees(campaign_id, organisation_id, visibility, '{}')));
create policy written on reports_talking_point for insert with check (
    (select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[])
        and organisation_id is not distinct from (select plenary_owner())));
create policy removed on reports_talking_point for delete using (
    (select plenary_organisation()) is null or organisation_id is null or organisation_id = (select plenary_organisation()));
