-- Campaigns: one drive to win one vote in one body, with the body's members and rule,
-- drafts and their co-sponsors, and briefings with their invitation lists.

create table campaigns_campaign (
    id              bigint generated always as identity primary key,
    title           text not null check (length(title) between 1 and 300),
    body            text not null check (body in ('GA_PLENARY', 'EMERGENCY_SPECIAL_SESSION', 'SECURITY_COUNCIL',
                                                  'HUMAN_RIGHTS_COUNCIL', 'CUSTOM')),
    body_name       text,
    rule            text not null check (rule in ('SIMPLE_MAJORITY', 'TWO_THIRDS', 'SECURITY_COUNCIL_PROCEDURAL',
                                                  'SECURITY_COUNCIL_SUBSTANTIVE', 'QUOTA')),
    quota           integer check (quota is null or quota > 0),
    ask             text not null check (ask in ('YES', 'NO', 'ABSTAIN')),
    draft_symbol    text,
    goal_yes        integer check (goal_yes is null or goal_yes > 0),
    goal_text       text,
    tabled_on       date,
    debate_on       date,
    vote_on         date,
    status          text not null default 'PREPARING' check (status in ('PREPARING', 'WHIPPING', 'VOTED', 'ARCHIVED')),
    -- a chain of votes (no-action motion, amendments, the draft): each links to the main one
    part_of         bigint references campaigns_campaign (id),
    part_label      text,
    demo            boolean not null default false,
    created_by      text not null,
    created_at      timestamptz not null default now(),
    version         integer not null default 0
);

-- The members of the campaign's body; permanent for the five of the Security Council;
-- without_vote for members in arrears under Charter Art. 19.
create table campaigns_member (
    campaign_id  bigint not null references campaigns_campaign (id) on delete cascade,
    iso3         text collate "C" not null references states_state (iso3),
    permanent    boolean not null default false,
    without_vote boolean not null default false,
    primary key (campaign_id, iso3)
);

create table campaigns_reference (
    campaign_id  bigint not null references campaigns_campaign (id) on delete cascade,
    roll_call_id bigint not null references history_roll_call (id),
    primary key (campaign_id, roll_call_id)
);

create table campaigns_draft (
    id           bigint generated always as identity primary key,
    campaign_id  bigint not null references campaigns_campaign (id) on delete cascade,
    symbol       text not null,
    issued_on    date,
    what_changed text,
    body_text    text,
    created_at   timestamptz not null default now(),
    unique (campaign_id, symbol)
);

create table campaigns_cosponsor (
    draft_id    bigint not null references campaigns_draft (id) on delete cascade,
    iso3        text collate "C" not null references states_state (iso3),
    joined_on   date not null,
    withdrew_on date,
    primary key (draft_id, iso3)
);

create table campaigns_briefing (
    id          bigint generated always as identity primary key,
    campaign_id bigint not null references campaigns_campaign (id) on delete cascade,
    title       text not null,
    held_on     date,
    rule        text,
    created_at  timestamptz not null default now()
);

create table campaigns_invitation (
    briefing_id bigint not null references campaigns_briefing (id) on delete cascade,
    iso3        text collate "C" not null references states_state (iso3),
    status      text not null default 'INVITED' check (status in ('INVITED', 'ACCEPTED', 'DECLINED', 'ATTENDED', 'NO_SHOW')),
    added_by    text not null check (added_by in ('RULE', 'MANUAL')),
    primary key (briefing_id, iso3)
);
