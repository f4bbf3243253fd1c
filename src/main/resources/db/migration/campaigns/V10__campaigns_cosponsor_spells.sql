-- A state can join a revision, withdraw, and join again: each spell is kept, with its dates.
alter table campaigns_cosponsor drop constraint campaigns_cosponsor_pkey;
alter table campaigns_cosponsor add column id bigint generated always as identity primary key;
create unique index campaigns_cosponsor_current on campaigns_cosponsor (draft_id, iso3) where withdrew_on is null;
