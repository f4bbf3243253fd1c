-- An organisation's users: counted on the organisations page and for one organisation,
-- looked up by organisation for two-factor requirements. Without it each count read every
-- user.
create index accounts_user_organisation on accounts_user (organisation_id);
