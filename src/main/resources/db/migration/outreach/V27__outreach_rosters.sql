-- Rosters per organisation: our officials (outreach_person) and the directory of other
-- states' diplomats (outreach_counterpart) belong to one organisation, which alone reads and
-- changes them, unless it shares them with a campaign it takes part in: then the
-- campaign's other parties read them (and may pick the shared officials in that campaign).
-- Enforced by row-level security like the records of a campaign (V21, ADR 0011).

-- What an organisation shares with one campaign: off until it chooses.
create table outreach_sharing (
    campaign_id     bigint not null references campaigns_campaign (id) on delete cascade,
    organisation_id bigint not null references accounts_organisation (id),
    roster          boolean not null default false,
    counterparts    boolean not null default false,
    set_by          text not null,
    set_at          timestamptz not null default now(),
    version         integer not null default 0,
    primary key (campaign_id, organisation_id)
);
create index outreach_sharing_organisation on outreach_sharing (organisation_id);
select audit_table('outreach_sharing', 'campaign_id,organisation_id');

alter table outreach_sharing enable row level security;
alter table outreach_sharing force row level security;
-- seen by the campaign's parties; each organisation sets only its own choice
create policy seen on outreach_sharing for select using (
    (select plenary_organisation()) is null or campaign_id = any ((select plenary_campaign_ids())::bigint[]));
create policy chosen on outreach_sharing for insert with check (
    (select plenary_organisation()) is null
    or (organisation_id = (select plenary_organisation()) and campaign_id = any ((select plenary_campaign_ids())::bigint[])));
create policy changed on outreach_sharing for update using (
    (select plenary_organisation()) is null or organisation_id = (select plenary_organisation()))
    with check ((select plenary_organisation()) is null
                or (organisation_id = (select plenary_organisation())
                    and campaign_id = any ((select plenary_campaign_ids())::bigint[])));
create policy deleted on outreach_sharing for delete using (
    (select plenary_organisation()) is null or organisation_id = (select plenary_organisation()));

-- The organisations that share their roster (what = 'roster') or their counterparts
-- (what = 'counterparts') with a campaign the acting organisation takes part in, while
-- they take part in it themselves; one array per statement. Security definer: it reads
-- the campaigns and the choices past their policies.
create function plenary_shared(what text) returns bigint[]
    language sql stable security definer set search_path = public as $$
    select array(select distinct s.organisation_id from outreach_sharing s
                  where case when what = 'roster' then s.roster else s.counterparts end
                    and plenary_in_campaign(s.campaign_id, plenary_organisation())
                    and plenary_in_campaign(s.campaign_id, s.organisation_id))
$$;

-- Whether an official (what = 'roster') or a counterpart (what = 'counterparts') of this
-- organisation is offered in this campaign to an actor of organisation own: one's own, and
-- those their organisation shares with the campaign while it takes part. own null: work
-- that is no organisation's (a command).
create function outreach_offered(what text, organisation bigint, campaign bigint, own bigint) returns boolean
    language sql stable security definer set search_path = public as $$
    select own is null or organisation = own
        or (exists (select 1 from outreach_sharing s where s.campaign_id = campaign and s.organisation_id = organisation
                      and case when what = 'roster' then s.roster else s.counterparts end)
            and plenary_in_campaign(campaign, organisation))
$$;

-- The organisation of an official, even one the actor may not see: what a campaign's
-- assignments and follow-ups show in place of an official another organisation keeps to
-- itself (its organisation's name, never the official).
create function outreach_person_organisation(person bigint) returns bigint
    language sql stable security definer set search_path = public as $$
    select organisation_id from outreach_person where id = person
$$;

alter table outreach_person enable row level security;
alter table outreach_person force row level security;
create policy seen on outreach_person for select using (
    (select plenary_organisation()) is null or organisation_id = (select plenary_organisation())
    or organisation_id = any ((select plenary_shared('roster'))::bigint[]));
create policy added on outreach_person for insert with check (
    (select plenary_organisation()) is null or organisation_id = (select plenary_organisation()));
-- the with check keeps an official in its organisation
create policy changed on outreach_person for update using (
    (select plenary_organisation()) is null or organisation_id = (select plenary_organisation()))
    with check ((select plenary_organisation()) is null or organisation_id = (select plenary_organisation()));
create policy deleted on outreach_person for delete using (
    (select plenary_organisation()) is null or organisation_id = (select plenary_organisation()));

-- A user is linked only to an official of its own organisation.
create function outreach_person_user_check() returns trigger language plpgsql
    security definer set search_path = public as $$
begin
    if new.username is not null and not exists (select 1 from accounts_user u
            where u.username = new.username and u.organisation_id = new.organisation_id) then
        raise exception 'user % is not of the official''s organisation', new.username
            using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger outreach_person_user_check before insert or update of username, organisation_id on outreach_person
    for each row execute function outreach_person_user_check();

-- Counterparts become an organisation's directory.
alter table outreach_counterpart add column organisation_id bigint references accounts_organisation (id);
create index outreach_counterpart_organisation on outreach_counterpart (organisation_id, iso3);
-- Existing counterparts go to, in this order: the organisation of the user that added
-- them (the audit trail); the demo's organisation for the demo's invented ones; the
-- organisation of the first contact that names them; else the oldest organisation (an
-- installation from before coalitions had one). With no organisation at all they stay
-- nobody's: only work that is no organisation's sees them.
update outreach_counterpart c set organisation_id = u.organisation_id
  from audit_event e join accounts_user u on u.username = e.actor
 where e.table_name = 'outreach_counterpart' and e.action = 'INSERT' and e.row_key = c.id::text;
update outreach_counterpart c set organisation_id = o.id
  from accounts_organisation o
 where c.organisation_id is null and lower(o.name) = lower('DEMO mission') and c.notes = 'Invented for the demo';
update outreach_counterpart c set organisation_id = (
    select x.organisation_id from outreach_participant p join outreach_contact x on x.id = p.contact_id
     where p.counterpart_id = c.id and x.organisation_id is not null order by x.logged_at, x.id limit 1)
 where c.organisation_id is null;
update outreach_counterpart set organisation_id = (select min(id) from accounts_organisation)
 where organisation_id is null;

alter table outreach_counterpart enable row level security;
alter table outreach_counterpart force row level security;
create policy seen on outreach_counterpart for select using (
    (select plenary_organisation()) is null or organisation_id = (select plenary_organisation())
    or organisation_id = any ((select plenary_shared('counterparts'))::bigint[]));
create policy added on outreach_counterpart for insert with check (
    (select plenary_organisation()) is null or organisation_id = (select plenary_organisation()));
create policy changed on outreach_counterpart for update using (
    (select plenary_organisation()) is null or organisation_id = (select plenary_organisation()))
    with check ((select plenary_organisation()) is null or organisation_id = (select plenary_organisation()));
create policy deleted on outreach_counterpart for delete using (
    (select plenary_organisation()) is null or organisation_id = (select plenary_organisation()));

-- the role the pool takes while a user acts (V21) reads and writes the new table too
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'plenary_app') then
        execute format('grant select, insert, update, delete on outreach_sharing to plenary_app');
    end if;
end $$;
