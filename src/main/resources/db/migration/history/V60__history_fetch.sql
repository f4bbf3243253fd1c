-- A run of fetch-history asked for on the import page or through the API: who asked, when,
-- and what became of each download, so that any instance can show it. The imports it makes
-- are recorded in history_import as any import is.
create table history_fetch (
    id bigserial primary key,
    started_by text not null,
    started_at timestamptz not null default now(),
    finished_at timestamptz,
    succeeded boolean,
    lines text[] not null default '{}'
);

select audit_table('history_fetch', 'id');
