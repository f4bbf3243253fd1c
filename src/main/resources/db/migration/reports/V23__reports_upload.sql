-- A spreadsheet uploaded for import, kept between its preview and its application (any
-- instance may serve either step); removed a day after upload.
create table reports_upload (
    id          uuid primary key,
    campaign_id bigint not null references campaigns_campaign (id) on delete cascade,
    file_name   text not null check (length(file_name) between 1 and 255),
    content     bytea not null,
    sha256      text not null,
    uploaded_by text not null,
    uploaded_at timestamptz not null default now(),
    applied_at  timestamptz
);

alter table reports_upload enable row level security;
alter table reports_upload force row level security;
create policy taking_part on reports_upload using ((select plenary_organisation()) is null
    or campaign_id = any ((select plenary_campaign_ids())::bigint[]));
