-- An upload refused for names the register does not know is kept (issue 21), so that the user
-- maps the names and imports it again without uploading it again: the folder it is kept in,
-- cleared once it is imported or given up.
alter table history_import add column kept_files text;

-- The fifth layout, one column per state (issue 21), is a dataset of its own.
alter table history_roll_call_source drop constraint history_roll_call_source_source_check;
alter table history_roll_call_source add constraint history_roll_call_source_source_check
    check (source in ('UNDL', 'UN_RESOLUTIONS', 'VOETEN', 'PLAIN', 'WIDE'));
