-- What belongs to a campaign itself (its members and Art. 19 list, reference resolutions,
-- drafts and co-sponsors, briefings and invitations, outcome, reckoning, outreach settings)
-- is written by the organisation that owns the campaign; its partners read it and may
-- suggest a reference or an outcome (campaigns_suggestion). Partners write their own
-- records only: their follow-ups, the files of their own contacts, their own private reads,
-- the assignments of their own officials, the roles of their own users. Work of no
-- organisation (commands, the background forecast) writes everything, as before.
--
-- A vote of a chain (part_of: a no-action motion, an amendment) inherits the coalition of
-- the campaign it belongs to: its partners see it, and it takes the head's Art. 19 list and
-- assignments while it has none of its own. See ADR 0011.

-- The campaigns the acting organisation takes part in: those it owns (and those of no
-- owner), those it is an active partner in, and the votes of their chains.
create or replace function plenary_campaign_ids() returns bigint[]
    language sql stable security definer set search_path = public as $$
    with direct as (
        select c.id from campaigns_campaign c
         where c.owner_organisation_id is null or c.owner_organisation_id = plenary_organisation()
        union
        select p.campaign_id from campaigns_partner p
         where p.organisation_id = plenary_organisation() and p.status = 'ACTIVE')
    select array(select id from direct
                 union
                 select c.id from campaigns_campaign c where c.part_of in (select id from direct))
$$;

-- Whether an organisation takes part in the campaign, or in the chain's head it belongs to.
create or replace function plenary_in_campaign(campaign bigint, organisation bigint) returns boolean
    language sql stable security definer set search_path = public as $$
    select exists (select 1 from campaigns_campaign c
                    left join campaigns_campaign h on h.id = c.part_of
                   where c.id = campaign
                     and (c.owner_organisation_id is null or c.owner_organisation_id = organisation
                          or h.owner_organisation_id = organisation
                          or exists (select 1 from campaigns_partner p
                                      where p.campaign_id in (c.id, c.part_of)
                                        and p.organisation_id = organisation and p.status = 'ACTIVE')))
$$;

-- The campaigns whose own records the acting organisation writes: those it owns, and those
-- of no owner (opened by a command, such as the demo).
create function plenary_owned_campaign_ids() returns bigint[]
    language sql stable security definer set search_path = public as $$
    select array(select c.id from campaigns_campaign c
                  where c.owner_organisation_id is null or c.owner_organisation_id = plenary_organisation())
$$;

-- Whether the acting organisation writes what belongs to the campaign (always, for work of
-- no organisation).
create function plenary_owns_campaign(campaign bigint) returns boolean
    language sql stable security definer set search_path = public as $$
    select plenary_organisation() is null
        or exists (select 1 from campaigns_campaign c where c.id = campaign
                     and (c.owner_organisation_id is null or c.owner_organisation_id = plenary_organisation()))
$$;

-- The organisation of a user, and of an official, past any policy on those tables.
create function plenary_user_organisation(name text) returns bigint
    language sql stable security definer set search_path = public as $$
    select organisation_id from accounts_user where username = name
$$;

create function plenary_person_organisation(person bigint) returns bigint
    language sql stable security definer set search_path = public as $$
    select organisation_id from outreach_person where id = person
$$;

-- A chain's votes are seen with their head; a vote joins only a chain its organisation owns.
drop policy seen on campaigns_campaign;
-- (the row's own owner is tested on the row: a row being inserted, read back by its
-- returning clause, is not yet in the list the function reads)
create policy seen on campaigns_campaign for select using (
    (select plenary_organisation()) is null or owner_organisation_id is null
    or owner_organisation_id = (select plenary_organisation())
    or id = any ((select plenary_campaign_ids())::bigint[])
    or part_of = any ((select plenary_campaign_ids())::bigint[]));
drop policy opened on campaigns_campaign;
create policy opened on campaigns_campaign for insert with check (
    (select plenary_organisation()) is null or part_of is null
    or part_of = any ((select plenary_owned_campaign_ids())::bigint[]));
drop policy changed on campaigns_campaign;
create policy changed on campaigns_campaign for update using (
    (select plenary_organisation()) is null or owner_organisation_id is null
    or owner_organisation_id = (select plenary_organisation()))
    with check ((select plenary_organisation()) is null
    or ((owner_organisation_id is null or owner_organisation_id = (select plenary_organisation()))
        and (part_of is null or part_of = any ((select plenary_owned_campaign_ids())::bigint[]))));

-- What belongs to the campaign itself: read by those taking part, written by its owner.
do $$
declare
    t text;
begin
    foreach t in array array['campaigns_member', 'campaigns_reference', 'campaigns_draft', 'campaigns_briefing',
                             'forecast_outcome', 'forecast_outcome_vote', 'reports_reckoning',
                             'reports_reckoning_state', 'outreach_settings']
    loop
        execute format('drop policy taking_part on %I', t);
        execute format('create policy seen on %I for select using ((select plenary_organisation()) is null'
                       || ' or campaign_id = any ((select plenary_campaign_ids())::bigint[]))', t);
        execute format('create policy owner_adds on %I for insert with check ((select plenary_organisation()) is null'
                       || ' or campaign_id = any ((select plenary_owned_campaign_ids())::bigint[]))', t);
        execute format('create policy owner_changes on %I for update using ((select plenary_organisation()) is null'
                       || ' or campaign_id = any ((select plenary_owned_campaign_ids())::bigint[]))', t);
        execute format('create policy owner_removes on %I for delete using ((select plenary_organisation()) is null'
                       || ' or campaign_id = any ((select plenary_owned_campaign_ids())::bigint[]))', t);
    end loop;
end $$;

-- Co-sponsors and invitations hang off a draft and a briefing: seen and written with them.
do $$
declare
    t text;
    parent text;
    link text;
begin
    for t, parent, link in values ('campaigns_cosponsor', 'campaigns_draft', 'draft_id'),
                                  ('campaigns_invitation', 'campaigns_briefing', 'briefing_id')
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy seen on %I for select using ((select plenary_organisation()) is null'
                       || ' or exists (select 1 from %I p where p.id = %I))', t, parent, link);
        execute format('create policy owner_writes on %I using ((select plenary_organisation()) is null'
                       || ' or exists (select 1 from %I p where p.id = %I'
                       || ' and p.campaign_id = any ((select plenary_owned_campaign_ids())::bigint[])))',
                       t, parent, link);
    end loop;
end $$;

-- A user's role in a campaign is set by its own organisation.
drop policy taking_part on campaigns_role;
create policy seen on campaigns_role for select using ((select plenary_organisation()) is null
    or campaign_id = any ((select plenary_campaign_ids())::bigint[]));
create policy own_users on campaigns_role for all using ((select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[])
        and plenary_user_organisation(username) = (select plenary_organisation())));

-- Assignments: each organisation assigns its own officials; the campaign's owner may also
-- end anyone's (it splits the work among the coalition and hands states over).
drop policy taking_part on outreach_assignment;
create policy seen on outreach_assignment for select using ((select plenary_organisation()) is null
    or campaign_id = any ((select plenary_campaign_ids())::bigint[]));
create policy own_officials on outreach_assignment for insert with check ((select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[])
        and plenary_person_organisation(person_id) = (select plenary_organisation())));
create policy ended on outreach_assignment for update using ((select plenary_organisation()) is null
    or campaign_id = any ((select plenary_owned_campaign_ids())::bigint[])
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[])
        and plenary_person_organisation(person_id) = (select plenary_organisation())));
create policy removed on outreach_assignment for delete using ((select plenary_organisation()) is null
    or campaign_id = any ((select plenary_owned_campaign_ids())::bigint[]));

-- A follow-up is renamed, rescheduled, done or dismissed by its own organisation only; one
-- of no organisation (made by a rule) by any organisation taking part, as the rules that
-- close it on the next contact run in the logging whip's transaction.
drop policy changed on outreach_follow_up;
create policy changed on outreach_follow_up for update using (
    (select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[])
        and (organisation_id is null or organisation_id = (select plenary_organisation()))))
    with check ((select plenary_organisation()) is null
    or organisation_id is null or organisation_id = (select plenary_organisation()));

-- A private read is written by its own organisation; partners it names only read it.
drop policy seen on whip_private_read;
create policy seen on whip_private_read for select using (
    (select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[])
        and (organisation_id = (select plenary_organisation())
             or ((select plenary_organisation()) = any (shared_with) and plenary_in_campaign(campaign_id, organisation_id)))));
create policy own on whip_private_read for all using (
    (select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[]) and organisation_id = (select plenary_organisation())))
    with check ((select plenary_organisation()) is null or organisation_id = (select plenary_organisation()));

-- What hangs off a contact is seen with the contact, and written only with a contact of the
-- acting organisation (or of none): a partner attaches no file to the owner's contact.
do $$
declare
    t text;
begin
    foreach t in array array['outreach_contact_state', 'outreach_participant', 'outreach_contact_revision',
                             'outreach_attachment']
    loop
        execute format('drop policy with_contact on %I', t);
        execute format('create policy with_contact on %I for select using ((select plenary_organisation()) is null'
                       || ' or exists (select 1 from outreach_contact c where c.id = contact_id))', t);
        execute format('create policy own_contact on %I using ((select plenary_organisation()) is null'
                       || ' or exists (select 1 from outreach_contact c where c.id = contact_id'
                       || ' and (c.organisation_id is null or c.organisation_id = (select plenary_organisation()))))', t);
    end loop;
end $$;

-- The members of a campaign's body with the Art. 19 list in effect: a vote of a chain with
-- no Art. 19 list of its own takes its head's.
create view campaigns_member_in_effect with (security_invoker = true) as
select m.campaign_id, m.iso3, m.permanent,
       case when c.part_of is null
              or exists (select 1 from campaigns_member o where o.campaign_id = m.campaign_id and o.without_vote)
            then m.without_vote
            else coalesce((select h.without_vote from campaigns_member h
                            where h.campaign_id = c.part_of and h.iso3 = m.iso3), false)
       end as without_vote
  from campaigns_member m join campaigns_campaign c on c.id = m.campaign_id;

-- The assignments in effect: a vote of a chain with no assignment of its own takes its
-- head's (read only: assigning in the vote starts its own).
create view outreach_assignment_in_effect with (security_invoker = true) as
select a.id, a.campaign_id, a.iso3, a.level, a.person_id, a.assigned_from, a.assigned_by, a.assigned_until,
       a.ended_by, false as inherited
  from outreach_assignment a
union all
select a.id, c.id, a.iso3, a.level, a.person_id, a.assigned_from, a.assigned_by, a.assigned_until, a.ended_by,
       true as inherited
  from campaigns_campaign c join outreach_assignment a on a.campaign_id = c.part_of
 where not exists (select 1 from outreach_assignment o where o.campaign_id = c.id);

-- A partner's suggestion of a reference resolution or of the outcome (a roll call of the
-- voting history), for the owner to accept or decline. Seen by the owner and by the
-- suggesting organisation.
create table campaigns_suggestion (
    id              bigint generated always as identity primary key,
    campaign_id     bigint not null references campaigns_campaign (id) on delete cascade,
    organisation_id bigint references accounts_organisation (id),
    kind            text not null check (kind in ('REFERENCE', 'OUTCOME')),
    roll_call_id    bigint not null references history_roll_call (id),
    note            text check (length(note) <= 1000),
    status          text not null default 'OPEN' check (status in ('OPEN', 'ACCEPTED', 'DECLINED')),
    suggested_by    text not null,
    suggested_at    timestamptz not null default now(),
    answered_by     text,
    answered_at     timestamptz,
    version         integer not null default 0
);
create index campaigns_suggestion_campaign on campaigns_suggestion (campaign_id, status);
-- the same roll call suggested twice for the same purpose stays one open suggestion
create unique index campaigns_suggestion_open on campaigns_suggestion (campaign_id, kind, roll_call_id)
    where status = 'OPEN';
select audit_table('campaigns_suggestion', 'id');

alter table campaigns_suggestion enable row level security;
alter table campaigns_suggestion force row level security;
create policy seen on campaigns_suggestion for select using (
    (select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[])
        and (campaign_id = any ((select plenary_owned_campaign_ids())::bigint[])
             or organisation_id = (select plenary_organisation()))));
create policy made on campaigns_suggestion for insert with check (
    (select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[])
        and organisation_id = (select plenary_organisation())));
create policy answered on campaigns_suggestion for update using (
    (select plenary_organisation()) is null
    or campaign_id = any ((select plenary_owned_campaign_ids())::bigint[]));
create policy withdrawn on campaigns_suggestion for delete using (
    (select plenary_organisation()) is null or organisation_id = (select plenary_organisation()));

-- the default privileges of V21 cover new tables and views; said again in case they were altered
do $$
begin
    if exists (select 1 from pg_roles where rolname = 'plenary_app') then
        grant select, insert, update, delete on campaigns_suggestion to plenary_app;
        grant select on campaigns_member_in_effect, outreach_assignment_in_effect to plenary_app;
    end if;
end $$;
