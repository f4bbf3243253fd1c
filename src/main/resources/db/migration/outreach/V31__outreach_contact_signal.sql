-- Coordination without content: an organisation may let the other organisations of a
-- campaign know that it contacted a state, on which day and at what level, and nothing
-- else (no names, no time of day, no text, no ids). Off unless its coordinators turn it on,
-- per campaign. See ADR 0011.

create table outreach_contact_signal (
    campaign_id     bigint not null references campaigns_campaign (id) on delete cascade,
    organisation_id bigint not null references accounts_organisation (id),
    shared          boolean not null default false,
    changed_by      text not null,
    changed_at      timestamptz not null default now(),
    primary key (campaign_id, organisation_id)
);
select audit_table('outreach_contact_signal', 'campaign_id,organisation_id');

-- seen by the organisations taking part; each organisation sets only its own
alter table outreach_contact_signal enable row level security;
alter table outreach_contact_signal force row level security;
create policy seen on outreach_contact_signal for select using (
    (select plenary_organisation()) is null or campaign_id = any ((select plenary_campaign_ids())::bigint[]));
create policy own on outreach_contact_signal for all using (
    (select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[]) and organisation_id = (select plenary_organisation())))
    with check ((select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[]) and organisation_id = (select plenary_organisation())));

-- The signal as a viewer may see it: for each state, each other organisation that shares
-- it, the last day (UTC) it contacted the state and the highest level of anyone in that
-- day's contacts (levels ranked as given, most senior first). Only these four columns leave
-- the function. It reads contacts past their policy, so it runs with the acting
-- organisation cleared (which also lifts the policies forced on a plain owner) and is
-- called only through outreach_contact_signals below, which names the viewer itself.
create function outreach_contact_signals_for(campaign bigint, viewer bigint, level_order text[])
    returns table (iso3 text, organisation text, day date, level text)
    language plpgsql volatile security definer set search_path = public as $$
#variable_conflict use_column
declare
    -- cleared for this query only, and put back: a function's own SET clause would need a
    -- superuser to name this setting when a plain owner runs the migrations
    acting text := current_setting('plenary.organisation', true);
begin
    perform set_config('plenary.organisation', '', true);
    return query
    with days as (
        select s.iso3, c.organisation_id, (c.occurred_at at time zone 'UTC')::date as day, c.id
          from outreach_contact c
          join outreach_contact_state s on s.contact_id = c.id
          join outreach_contact_signal g on g.campaign_id = c.campaign_id and g.organisation_id = c.organisation_id
         where c.campaign_id = campaign and c.deleted_at is null and g.shared
           and viewer is not null and c.organisation_id <> viewer
           and plenary_in_campaign(campaign, viewer) and plenary_in_campaign(campaign, c.organisation_id)
    ), latest as (
        select d.iso3, d.organisation_id, max(d.day) as day from days d group by d.iso3, d.organisation_id
    )
    select l.iso3::text, o.name, l.day,
           (select p.level from days d join outreach_participant p on p.contact_id = d.id
             where d.iso3 = l.iso3 and d.organisation_id = l.organisation_id and d.day = l.day
               and array_position(level_order, p.level) is not null
             order by array_position(level_order, p.level) limit 1)
      from latest l join accounts_organisation o on o.id = l.organisation_id;
    perform set_config('plenary.organisation', coalesce(acting, ''), true);
end $$;
revoke execute on function outreach_contact_signals_for(bigint, bigint, text[]) from public;

create function outreach_contact_signals(campaign bigint, level_order text[])
    returns table (iso3 text, organisation text, day date, level text)
    language sql volatile security definer set search_path = public as $$
    select * from outreach_contact_signals_for(campaign, plenary_organisation(), level_order)
$$;

-- Who owns a state in a campaign, as a viewer may know it: the official's name only when
-- the official is of the viewer's organisation (or the viewer sees everything), else only
-- the official's organisation; the rosters are each organisation's own.
create function outreach_state_owner_for(campaign bigint, state text, viewer bigint, viewer_user text)
    returns table (name text, organisation text, mine boolean)
    language plpgsql volatile security definer set search_path = public as $$
#variable_conflict use_column
declare
    acting text := current_setting('plenary.organisation', true);
begin
    perform set_config('plenary.organisation', '', true);
    return query
    select case when viewer is null or p.organisation_id = viewer then p.name end,
           o.name,
           p.username is not null and p.username = viewer_user
      from outreach_assignment a
      join outreach_person p on p.id = a.person_id
      join accounts_organisation o on o.id = p.organisation_id
     where a.campaign_id = campaign and a.iso3 = state and a.level is null and a.assigned_until is null
       and (viewer is null or plenary_in_campaign(campaign, viewer));
    perform set_config('plenary.organisation', coalesce(acting, ''), true);
end $$;
revoke execute on function outreach_state_owner_for(bigint, text, bigint, text) from public;

create function outreach_state_owner(campaign bigint, state text, viewer_user text)
    returns table (name text, organisation text, mine boolean)
    language sql volatile security definer set search_path = public as $$
    select * from outreach_state_owner_for(campaign, state, plenary_organisation(), viewer_user)
$$;
