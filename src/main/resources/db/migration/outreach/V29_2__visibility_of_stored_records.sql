-- Visibility derived one way (issue #16, ADR 0011), for the records already stored: what
-- V29_1's rules would have made of them. Run again, it changes nothing but the
-- not-contacted follow-ups of the coalition, which the rule makes again.

-- 1. A read kept private was also written on the contact's state row, which everyone who
-- sees the contact reads: it now lives in the private read alone.
update outreach_contact_state cs set stance_read = null, confidence = null
  from whip_private_read r
 where r.contact_id = cs.contact_id and r.iso3 = cs.iso3;

-- 2. Reads that reached the shared board from contacts the coalition does not see (logged
-- "to my organisation only" or for named partners, or published from a private read of
-- such a contact). They stay on the board: the partners have seen them and their forecasts
-- used them, and taking them back would tell no less. What they carried of the private
-- contact goes: its level, channel, what was said, who said it, the contact's id, and the
-- name of the whip who logged it (the organisation's name stands instead). When they were
-- recorded stays: the board's history is ordered by it.
create temporary table private_source on commit drop as
select c.id as contact_id, o.name as organisation
  from outreach_contact c join accounts_organisation o on o.id = c.organisation_id
 where c.visibility <> 'COALITION';

update whip_stance_change w set source_name = null, source_level = null, source_channel = null, note = null,
       contact_id = null, recorded_by = p.organisation
  from private_source p where p.contact_id = w.contact_id;

update whip_stance w set source_name = null, source_level = null, source_channel = null, note = null,
       contact_id = null, recorded_by = p.organisation
  from private_source p where p.contact_id = w.contact_id;

-- 3. Follow-ups the slip rule made from a read of a private contact: its organisation's,
-- seen as the contact is.
update outreach_follow_up f set organisation_id = c.organisation_id, visibility = c.visibility,
       shared_with = c.shared_with
  from outreach_contact c
 where c.id = f.contact_id and f.origin = 'SLIPPED' and f.organisation_id is null
   and c.organisation_id is not null and c.visibility <> 'COALITION';

-- 4. Not-contacted follow-ups were made for everyone from whatever view ran the check, so
-- their titles and closing times could tell of private contacts. One closed by hand counts
-- as a contact for the organisation of whoever closed it, and becomes that organisation's;
-- the others (open, or closed by the rule) are removed, and the rule makes them again,
-- one per organisation, each judged on what that organisation sees.
update outreach_follow_up f set organisation_id = u.organisation_id, visibility = 'ORGANISATION', shared_with = '{}'
  from accounts_user u
 where u.username = f.closed_by and f.origin = 'NOT_CONTACTED' and f.organisation_id is null
   and f.status <> 'OPEN' and f.closed_by <> 'plenary' and u.organisation_id is not null;

delete from outreach_follow_up
 where origin = 'NOT_CONTACTED' and organisation_id is null
   and (status = 'OPEN' or closed_by = 'plenary');
