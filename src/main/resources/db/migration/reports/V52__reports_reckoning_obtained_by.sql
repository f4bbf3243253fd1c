-- A commitment is credited to the official who obtained the read (our most senior
-- participant in the contact it came from, or the official linked to the user who typed
-- it), not to whoever typed it in. Snapshots taken before keep the typist (null here).
alter table reports_reckoning_state add column obtained_by text check (length(obtained_by) <= 200);
