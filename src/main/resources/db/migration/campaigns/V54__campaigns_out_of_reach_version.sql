-- The list of states out of reach (V51) is replaced whole: two coordinators saving at once
-- must not silently overwrite each other. Its version sits on the campaign's row, which
-- every forecast reads anyway, so the forecast's memo learns of a new list (on any
-- instance) without reading the list on every call. It is not the campaign's own
-- version: saving the list leaves a settings form open meanwhile valid.
alter table campaigns_campaign add column out_of_reach_version integer not null default 0;
