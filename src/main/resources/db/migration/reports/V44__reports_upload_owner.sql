-- A staged upload belongs to the organisation of the user who sent it (issue 19): the
-- preview keeps it while the user fixes rows, and only that user, acting for that
-- organisation, may preview or apply it. Before, any organisation taking part in the
-- campaign could read another's staged file by its id.
alter table reports_upload add column organisation_id bigint references accounts_organisation (id) on delete cascade;
update reports_upload r set organisation_id = u.organisation_id from accounts_user u where u.username = r.uploaded_by;

drop policy taking_part on reports_upload;
create policy own_upload on reports_upload using ((select plenary_organisation()) is null
    or (campaign_id = any ((select plenary_campaign_ids())::bigint[])
        and organisation_id is not distinct from (select plenary_owner())));
