-- The chain's hashes are plain SHA-256: someone with database access who alters a row can
-- recompute every hash after it. Each sealed row now also carries a seal: HMAC-SHA-256 of
-- its hash under a key kept outside the database (the data folder's audit.key, or the
-- operator's key file), which the database never sees. Rows sealed before the key existed
-- get their seal once, when the key is first used (audit_seal.keyed); after that a row
-- without a seal is an alarm, not a job. See ADR 0013.
alter table audit_event add column mac bytea;
alter table audit_seal add column keyed boolean not null default false;

-- Append-only still: the sealer may set a row's place in the chain and its seal once.
create or replace function audit_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and current_setting('plenary.sealing', true) = 'on'
       and ((old.seq is null and new.seq is not null) or (old.seq = new.seq and old.mac is null and new.mac is not null
            and old.hash = new.hash and old.prev_hash = new.prev_hash))
       and old.id = new.id and old.at = new.at and old.actor = new.actor and old.action = new.action
       and old.address is not distinct from new.address and old.table_name is not distinct from new.table_name
       and old.row_key is not distinct from new.row_key and old.before is not distinct from new.before
       and old.after is not distinct from new.after and old.detail is not distinct from new.detail then
        return new;
    end if;
    raise exception 'audit_event is append-only (% refused)', tg_op;
end $$;
