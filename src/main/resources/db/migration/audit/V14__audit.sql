-- The audit trail: every change to the records people make (who, when, what, before and
-- after, from which address), written by triggers in the same transaction as the change, so
-- that no code path can change a record without leaving its trace. The application tells
-- each connection who acts (settings plenary.actor and plenary.address).
--
-- The rows are hash-chained by a sealer (org.plenary.audit.AuditSealer) once the
-- transactions that wrote them have ended: seq numbers the sealed rows 1, 2, 3... in the
-- order of the chain, and hash = SHA-256(prev_hash || the row). A sealer rather than the
-- trigger, so that writers never wait on one lock for the chain (a lock held to the end of
-- every writing transaction would serialise them and deadlock with row locks).

create table audit_event (
    id         bigint generated always as identity primary key,
    at         timestamptz not null default clock_timestamp(),
    -- the writing transaction: rows are sealed only once every older transaction has ended
    xact       xid8 not null default pg_current_xact_id(),
    actor      text not null,
    address    text,
    action     text not null,
    table_name text,
    row_key    text,
    before     jsonb,
    after      jsonb,
    detail     text,
    seq        bigint unique,
    prev_hash  bytea,
    hash       bytea
);
create index audit_event_at on audit_event (at);
create index audit_event_unsealed on audit_event (id) where seq is null;
create index audit_event_table on audit_event (table_name, row_key);

-- The head of the chain: the last sealed row, so that deleting the last rows shows too.
create table audit_seal (
    id        integer primary key check (id = 1),
    last_seq  bigint not null,
    last_hash bytea not null
);
insert into audit_seal values (1, 0, decode(repeat('00', 32), 'hex'));

-- Append-only: rows are never deleted, and changed only by the sealer, once, to seal them.
create function audit_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.seq is null and new.seq is not null
       and current_setting('plenary.sealing', true) = 'on'
       and old.id = new.id and old.at = new.at and old.actor = new.actor and old.action = new.action
       and old.address is not distinct from new.address and old.table_name is not distinct from new.table_name
       and old.row_key is not distinct from new.row_key and old.before is not distinct from new.before
       and old.after is not distinct from new.after and old.detail is not distinct from new.detail then
        return new;
    end if;
    raise exception 'audit_event is append-only (% refused)', tg_op;
end $$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_append_only();

-- One row per changed record. Arguments: the key columns (comma-separated), then the
-- columns never to copy (secrets, file contents).
create function audit_row_change() returns trigger language plpgsql as $$
declare
    keys     text[] := string_to_array(tg_argv[0], ',');
    excluded text[] := case when tg_nargs > 1 then string_to_array(tg_argv[1], ',') else '{}'::text[] end;
    old_row  jsonb;
    new_row  jsonb;
    source   jsonb;
    k        text;
    row_key  text := '';
begin
    if tg_op <> 'INSERT' then
        old_row := to_jsonb(old) - excluded;
    end if;
    if tg_op <> 'DELETE' then
        new_row := to_jsonb(new) - excluded;
    end if;
    if tg_op = 'UPDATE' and old_row = new_row then
        return null; -- nothing that the trail keeps changed
    end if;
    source := coalesce(new_row, old_row);
    foreach k in array keys loop
        row_key := row_key || case when row_key = '' then '' else ':' end || coalesce(source ->> k, '');
    end loop;
    insert into audit_event (actor, address, action, table_name, row_key, before, after)
    values (coalesce(nullif(current_setting('plenary.actor', true), ''), session_user),
            nullif(current_setting('plenary.address', true), ''), tg_op, tg_table_name, row_key, old_row, new_row);
    return null;
end $$;

-- Puts a table under the trail (for the migrations of later modules too).
create function audit_table(target regclass, keys text, excluded text default '') returns void language plpgsql as $$
begin
    execute format('create trigger %I after insert or update or delete on %s for each row '
                   'execute function audit_row_change(%L, %L)',
                   'audit_' || replace(target::text, '.', '_'), target, keys, excluded);
end $$;

select audit_table('accounts_organisation', 'id');
select audit_table('accounts_user', 'id', 'password_hash');
select audit_table('accounts_api_token', 'id', 'token_hash,last_used_at');
select audit_table('states_state', 'iso3');
select audit_table('states_state_name', 'iso3,name');
select audit_table('states_grouping', 'code');
select audit_table('states_grouping_member', 'id');
select audit_table('campaigns_campaign', 'id');
select audit_table('campaigns_member', 'campaign_id,iso3');
select audit_table('campaigns_reference', 'campaign_id,roll_call_id');
select audit_table('campaigns_draft', 'id');
select audit_table('campaigns_cosponsor', 'id');
select audit_table('campaigns_briefing', 'id');
select audit_table('campaigns_invitation', 'briefing_id,iso3');
select audit_table('whip_stance', 'campaign_id,iso3');
select audit_table('whip_stance_change', 'id');
select audit_table('outreach_person', 'id');
select audit_table('outreach_counterpart', 'id');
select audit_table('outreach_contact', 'id');
select audit_table('outreach_contact_state', 'contact_id,iso3');
select audit_table('outreach_participant', 'contact_id,side,position');
select audit_table('outreach_contact_revision', 'contact_id,version,action');
select audit_table('outreach_attachment', 'id', 'content');
select audit_table('outreach_opposition', 'id');
select audit_table('outreach_opposition_state', 'opposition_id,iso3');
select audit_table('outreach_assignment', 'id');
select audit_table('outreach_settings', 'campaign_id');
select audit_table('outreach_follow_up', 'id');
select audit_table('outreach_escalation_dismissal', 'campaign_id,iso3,basis');
select audit_table('forecast_outcome', 'campaign_id');

-- An import is one event (its file, who, the outcome), not a million rows of votes: its
-- record when it starts and when its status changes, not each progress tick.
create trigger audit_history_import_insert after insert on history_import
    for each row execute function audit_row_change('id', 'report,bytes_read,rows_read');
create trigger audit_history_import_status after update on history_import
    for each row when (old.status is distinct from new.status)
    execute function audit_row_change('id', 'report,bytes_read,rows_read');
