-- A move of the other side may concern every member of the body (a letter to all
-- Permanent Representatives) or a whole group or bloc (a démarche to the African Group),
-- besides or instead of named states: it then shows on the timeline and the call sheet
-- of each state it reached, its group membership taken on the day it happened.
alter table outreach_opposition
    add column all_members boolean not null default false,
    add column grouping_code text references states_grouping (code);
alter table outreach_opposition
    add constraint outreach_opposition_one_audience check (not (all_members and grouping_code is not null));
create index outreach_opposition_grouping on outreach_opposition (grouping_code) where grouping_code is not null;
