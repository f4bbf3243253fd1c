-- A party assigns states to its own officials and to those another organisation shares
-- with the campaign (outreach_sharing, V27): the pickers offer both, and the database now
-- agrees (V28 allowed only one's own).
drop policy own_officials on outreach_assignment;
create policy own_officials on outreach_assignment for insert with check ((select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[])
        and outreach_offered('roster', plenary_person_organisation(person_id), campaign_id,
                             (select plenary_organisation()))));
