-- Visibility derived one way (issue #16, ADR 0011): a read is as private as the contact it
-- came from, or more; a record a rule makes from a private record is private to the same
-- audience; nothing tells a partner of a record it does not see. V29_2 applies the rule to
-- what is already stored.

-- Whether an organisation (null: everyone taking part in a campaign of no owner) sees a
-- record of the given owner and visibility: plenary_sees for a named organisation rather
-- than the acting one. The rules judge each audience with it.
create function plenary_seen_by(viewer bigint, campaign bigint, owner bigint, visibility text, shared bigint[])
    returns boolean language sql stable as $$
    select owner is null
        or owner = viewer
        or ((visibility = 'COALITION' or (visibility = 'PARTNERS' and viewer = any (shared)))
            and plenary_in_campaign(campaign, owner))
$$;

-- The rules keep one open automatic follow-up of each kind per state and audience: each
-- organisation has its own not-contacted follow-ups, judged on what it sees.
drop index outreach_follow_up_automatic;
create unique index outreach_follow_up_automatic
    on outreach_follow_up (campaign_id, iso3, origin, coalesce(organisation_id, 0))
    where status = 'OPEN' and origin in ('SLIPPED', 'NOT_CONTACTED');

-- A contact shows a private read of its states from the read itself.
create index whip_private_read_contact on whip_private_read (contact_id, iso3) where contact_id is not null;
