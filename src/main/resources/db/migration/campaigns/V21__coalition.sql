-- Coalitions: a campaign owned by one organisation and joined by partners, and what each
-- organisation may see of the others' records, enforced by PostgreSQL's row-level security
-- so that every read (pages, API, live updates, the forecast) obeys the same rules.
--
-- Who reads is told to each connection by the pool (system.ActingDataSource): the setting
-- plenary.organisation holds the acting user's organisation, and is empty for work outside
-- a user's request (commands, migrations, background tasks) and for administrators, which
-- see everything. See ADR 0011.

-- The organisation that opened the campaign owns it; null for campaigns opened by a command
-- (the demo), which every organisation sees.
alter table campaigns_campaign add column owner_organisation_id bigint references accounts_organisation (id);
update campaigns_campaign c set owner_organisation_id = u.organisation_id
  from accounts_user u where u.username = c.created_by;

create table campaigns_partner (
    campaign_id     bigint not null references campaigns_campaign (id) on delete cascade,
    organisation_id bigint not null references accounts_organisation (id),
    status          text not null check (status in ('INVITED', 'ACTIVE', 'DECLINED', 'LEFT', 'REMOVED')),
    invited_by      text not null,
    invited_at      timestamptz not null default now(),
    answered_by     text,
    answered_at     timestamptz,
    version         integer not null default 0,
    primary key (campaign_id, organisation_id)
);
create index campaigns_partner_organisation on campaigns_partner (organisation_id, status);
select audit_table('campaigns_partner', 'campaign_id,organisation_id');

-- A stance read an organisation keeps to itself (or shares with named partners) until it
-- publishes it to the coalition's board.
create table whip_private_read (
    id              bigint generated always as identity primary key,
    campaign_id     bigint not null references campaigns_campaign (id) on delete cascade,
    iso3            text collate "C" not null references states_state (iso3),
    organisation_id bigint not null references accounts_organisation (id),
    shared_with     bigint[] not null default '{}',
    stance          text not null,
    confidence      text,
    source_name     text check (length(source_name) <= 200),
    source_level    text,
    source_channel  text,
    note            text check (length(note) <= 4000),
    contact_id      bigint references outreach_contact (id),
    recorded_by     text not null,
    recorded_at     timestamptz not null default now(),
    idempotency_key text check (length(idempotency_key) <= 200),
    published_at    timestamptz,
    published_by    text,
    published_version integer
);
create index whip_private_read_state on whip_private_read (campaign_id, iso3, recorded_at desc);
create unique index whip_private_read_idempotency on whip_private_read (campaign_id, idempotency_key)
    where idempotency_key is not null;
select audit_table('whip_private_read', 'id');

-- Contacts and follow-ups belong to the organisation that logged them and are seen by it
-- alone unless shared with the coalition or with named partners.
alter table outreach_contact add column organisation_id bigint references accounts_organisation (id);
alter table outreach_contact add column visibility text not null default 'ORGANISATION'
    check (visibility in ('ORGANISATION', 'COALITION', 'PARTNERS'));
alter table outreach_contact add column shared_with bigint[] not null default '{}';
update outreach_contact c set organisation_id = u.organisation_id
  from accounts_user u where u.username = c.logged_by;
-- contacts logged before coalitions existed were seen by everyone in the campaign
update outreach_contact set visibility = 'COALITION';

alter table outreach_follow_up add column organisation_id bigint references accounts_organisation (id);
alter table outreach_follow_up add column visibility text not null default 'COALITION'
    check (visibility in ('ORGANISATION', 'COALITION', 'PARTNERS'));
alter table outreach_follow_up add column shared_with bigint[] not null default '{}';
update outreach_follow_up f set organisation_id = u.organisation_id
  from accounts_user u where u.username = f.created_by;

-- The acting organisation, or null: nobody's in particular (a command, an administrator).
create function plenary_organisation() returns bigint language sql stable as $$
    select nullif(current_setting('plenary.organisation', true), '')::bigint
$$;

-- The acting organisation as an owner of new records: null for a user no organisation knows.
create function plenary_owner() returns bigint language sql stable as $$
    select id from accounts_organisation where id = plenary_organisation()
$$;

-- Whether an organisation owns the campaign or is an active partner in it. Security
-- definer: it reads the campaigns past their own policy.
create function plenary_in_campaign(campaign bigint, organisation bigint) returns boolean
    language sql stable security definer set search_path = public as $$
    select exists (select 1 from campaigns_campaign c where c.id = campaign
                     and (c.owner_organisation_id is null or c.owner_organisation_id = organisation))
        or exists (select 1 from campaigns_partner p where p.campaign_id = campaign
                     and p.organisation_id = organisation and p.status = 'ACTIVE')
$$;

-- The campaigns the acting organisation takes part in, as one array per statement.
create function plenary_campaign_ids() returns bigint[]
    language sql stable security definer set search_path = public as $$
    select array(select c.id from campaigns_campaign c
                  where c.owner_organisation_id is null or c.owner_organisation_id = plenary_organisation()
                 union
                 select p.campaign_id from campaigns_partner p
                  where p.organisation_id = plenary_organisation() and p.status = 'ACTIVE')
$$;

-- Whether the acting organisation sees a record of the given owner and visibility in a
-- campaign: its own always; another's when shared with it and the owner still takes part.
create function plenary_sees(campaign bigint, owner bigint, visibility text, shared bigint[]) returns boolean
    language sql stable as $$
    select plenary_organisation() is null
        or owner is null
        or owner = plenary_organisation()
        or ((visibility = 'COALITION' or (visibility = 'PARTNERS' and plenary_organisation() = any (shared)))
            and plenary_in_campaign(campaign, owner))
$$;

alter table campaigns_campaign enable row level security;
alter table campaigns_campaign force row level security;
create policy seen on campaigns_campaign for select using (
    (select plenary_organisation()) is null or owner_organisation_id is null
    or owner_organisation_id = (select plenary_organisation())
    or exists (select 1 from campaigns_partner p where p.campaign_id = campaigns_campaign.id
                 and p.organisation_id = (select plenary_organisation()) and p.status = 'ACTIVE'));
create policy opened on campaigns_campaign for insert with check (true);
create policy changed on campaigns_campaign for update using (
    (select plenary_organisation()) is null or owner_organisation_id is null or owner_organisation_id = (select plenary_organisation()));
create policy deleted on campaigns_campaign for delete using (
    (select plenary_organisation()) is null or owner_organisation_id is null or owner_organisation_id = (select plenary_organisation()));

-- Every other table of a campaign: seen and changed by the organisations taking part.
do $$
declare
    t text;
begin
    for t in select c.table_name from information_schema.columns c
              join information_schema.tables x on x.table_name = c.table_name and x.table_schema = c.table_schema
             where c.table_schema = current_schema() and c.column_name = 'campaign_id' and x.table_type = 'BASE TABLE'
               and c.table_name not in ('campaigns_campaign', 'campaigns_partner', 'whip_private_read',
                                        'outreach_contact', 'outreach_follow_up')
               and c.table_name not like 'audit%'
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy taking_part on %I using ((select plenary_organisation()) is null'
                       || ' or campaign_id = any ((select plenary_campaign_ids())::bigint[]))', t);
    end loop;
end $$;

alter table whip_private_read enable row level security;
alter table whip_private_read force row level security;
create policy seen on whip_private_read using (
    (select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[])
        and (organisation_id = (select plenary_organisation())
             or ((select plenary_organisation()) = any (shared_with) and plenary_in_campaign(campaign_id, organisation_id)))))
    with check ((select plenary_organisation()) is null or organisation_id = (select plenary_organisation()));

alter table outreach_contact enable row level security;
alter table outreach_contact force row level security;
create policy seen on outreach_contact for select using (
    (select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[])
        and plenary_sees(campaign_id, organisation_id, visibility, shared_with)));
create policy logged on outreach_contact for insert with check (
    (select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[])
        and organisation_id is not distinct from (select plenary_owner())));
create policy changed on outreach_contact for update using (
    (select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[])
        and (organisation_id is null or organisation_id = (select plenary_organisation()))));
create policy deleted on outreach_contact for delete using (
    (select plenary_organisation()) is null or organisation_id is null or organisation_id = (select plenary_organisation()));

alter table outreach_follow_up enable row level security;
alter table outreach_follow_up force row level security;
create policy seen on outreach_follow_up for select using (
    (select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[])
        and plenary_sees(campaign_id, organisation_id, visibility, shared_with)));
create policy added on outreach_follow_up for insert with check (
    (select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[])
        and (organisation_id is null or organisation_id = (select plenary_organisation()))));
-- an open follow-up the acting organisation sees may be closed by it
create policy changed on outreach_follow_up for update using (
    (select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[])
        and plenary_sees(campaign_id, organisation_id, visibility, shared_with)));
create policy deleted on outreach_follow_up for delete using (
    (select plenary_organisation()) is null or organisation_id is null or organisation_id = (select plenary_organisation()));

-- What hangs off a contact is seen with the contact.
do $$
declare
    t text;
begin
    foreach t in array array['outreach_contact_state', 'outreach_participant', 'outreach_contact_revision',
                             'outreach_attachment']
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy with_contact on %I using ((select plenary_organisation()) is null'
                       || ' or exists (select 1 from outreach_contact c where c.id = contact_id))', t);
    end loop;
end $$;

-- Row-level security does not apply to a superuser (the embedded server's user) nor to a
-- role that bypasses it: the pool then switches to this role while a user acts. Creating it
-- needs a superuser, which such a user is; a plain owner has no need of it (policies are
-- forced on the owner's tables).
do $$
begin
    if (select rolsuper or rolbypassrls from pg_roles where rolname = current_user) then
        begin
            create role plenary_app nologin;
        exception when duplicate_object then
            null;
        end;
        execute format('grant usage on schema %I to plenary_app', current_schema());
        execute format('grant select, insert, update, delete on all tables in schema %I to plenary_app', current_schema());
        execute format('grant usage, select on all sequences in schema %I to plenary_app', current_schema());
        execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to plenary_app',
                       current_schema());
        execute format('alter default privileges in schema %I grant usage, select on sequences to plenary_app',
                       current_schema());
    end if;
end $$;
