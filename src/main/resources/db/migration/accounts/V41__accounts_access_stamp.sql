-- What a session may do is decided at sign-in; when an account's access changes (disabled,
-- another role or organisation, made or unmade an operator, a new password, two-factor turned off) its stamp moves on,
-- and every session signed in under an older stamp ends at its next request, on every
-- instance (ADR 0003). A trigger moves it, so that no path that changes an account (page,
-- API, command, SQL) can forget to.
alter table accounts_user add column access_stamp bigint not null default 0;

create function accounts_user_access_changed() returns trigger language plpgsql as $$
begin
    if (new.enabled, new.role, new.organisation_id, new.password_hash, new.operator)
       is distinct from (old.enabled, old.role, old.organisation_id, old.password_hash, old.operator) then
        new.access_stamp := old.access_stamp + 1;
    end if;
    return new;
end $$;
create trigger access_changed before update on accounts_user
    for each row execute function accounts_user_access_changed();

create function accounts_two_factor_removed() returns trigger language plpgsql as $$
begin
    update accounts_user set access_stamp = access_stamp + 1 where id = old.user_id;
    return old;
end $$;
create trigger two_factor_removed after delete on accounts_two_factor
    for each row execute function accounts_two_factor_removed();
