-- The forecast of each campaign. The vote model takes seconds to prepare (an ideal-point
-- fit and the learning of its weights), so what it concludes about each member state is
-- kept here and every instance reuses it: a refresh after a stance is then the whip's
-- evidence, Bayes' rule and the exact tally, in milliseconds.

create table forecast_model (
    campaign_id    bigint primary key references campaigns_campaign (id) on delete cascade,
    -- what the model was prepared from (references, date, members, history): when any of
    -- it changes, the model is prepared again
    basis          text not null,
    as_of          date not null,
    sigma_shift    double precision not null,
    sigma_absence  double precision not null,
    training_votes integer not null,
    training_loss  double precision,
    weights        text not null,
    references_used text not null,
    prepared_at    timestamptz not null default now(),
    took_ms        integer not null
);

create table forecast_model_state (
    campaign_id   bigint not null references forecast_model (campaign_id) on delete cascade,
    iso3          text collate "C" not null,
    u_yes         double precision not null,
    u_abstain     double precision not null,
    u_no          double precision not null,
    absence_logit double precision not null,
    ideal_point   double precision,
    switching     double precision not null,
    primary key (campaign_id, iso3)
);

-- The forecast after each change, for the chart of how it moved.
create table forecast_snapshot (
    id                  bigint generated always as identity primary key,
    campaign_id         bigint not null references campaigns_campaign (id) on delete cascade,
    taken_at            timestamptz not null default now(),
    cause               text not null,
    p_adoption          double precision not null,
    yes_expected        double precision not null,
    yes_low             integer not null,
    yes_high            integer not null,
    no_expected         double precision not null,
    no_low              integer not null,
    no_high             integer not null,
    abstain_expected    double precision not null,
    non_voting_expected double precision not null
);
create index forecast_snapshot_campaign on forecast_snapshot (campaign_id, taken_at);

-- The roll call a campaign's vote became, once it is in the voting history: what its
-- reads are scored against when the forecast learns how reliable reads are.
create table forecast_outcome (
    campaign_id  bigint primary key references campaigns_campaign (id) on delete cascade,
    roll_call_id bigint not null references history_roll_call (id),
    recorded_by  text not null,
    recorded_at  timestamptz not null default now()
);
