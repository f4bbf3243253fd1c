-- Kosovo, which whip spreadsheets list beside the members although it is not a member of
-- the United Nations: known to the register, a row for it is recognised (and left out of a
-- body's count with a warning) instead of read as an unknown name. ISO 3166-1 assigns it no
-- code; XK and XKX are the user-assigned codes that the European Commission, the IMF and
-- others use. No M49 code, no outline in the map's data.
insert into states_state (iso3, iso2, m49, short_name, formal_name, status, admitted_on, ended_on, successor_iso3, note) values
    ('XKX', 'XK', null, 'Kosovo', 'Kosovo', 'NON_MEMBER', null, null, null,
     'Not a UN member (administered under Security Council resolution 1244 (1999) until its 2008 declaration of independence, which some members recognise and others do not); XK/XKX are user-assigned codes, ISO 3166-1 has none');

insert into states_state_name (iso3, name, kind, valid_from, valid_to, source) values
    ('XKX', 'Republic of Kosovo', 'COMMON', null, null, 'common usage'),
    ('XKX', 'Kosovo (UNSCR 1244)', 'COMMON', null, null, 'UN usage'),
    ('XKX', 'Kosova', 'COMMON', null, null, 'common usage');
