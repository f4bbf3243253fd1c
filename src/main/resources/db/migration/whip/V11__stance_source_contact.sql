-- A stance read from a logged contact names that contact as its source (outreach adds the
-- foreign key once its tables exist).
alter table whip_stance add column contact_id bigint;
alter table whip_stance_change add column contact_id bigint;
create index whip_stance_change_contact on whip_stance_change (contact_id) where contact_id is not null;
