-- Two kinds of administrator. An administrator (role ADMINISTRATOR) administers one
-- organisation: its users, its roster, its two-factor rule, and sees what its organisation
-- may see, no more. An operator administers the installation: its organisations and the
-- users of every organisation. Only the command line (./plenary user add --operator) and the
-- first start name an operator, so that no page or API call can make one.
alter table accounts_user add column operator boolean not null default false;
-- an operator is an administrator (of its own organisation too)
alter table accounts_user add constraint accounts_user_operator_administrates
    check (not operator or role = 'ADMINISTRATOR');

-- The administrator created on the first start ran the installation until now.
update accounts_user set operator = true where username = 'admin' and role = 'ADMINISTRATOR';
