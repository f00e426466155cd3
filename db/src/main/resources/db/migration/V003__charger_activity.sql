-- What a charger last reported about its long-running activities (firmware, diagnostics, log uploads),
-- so operators see it without digging through history.
alter table charger add column firmware_status      varchar(30);
alter table charger add column firmware_status_at   timestamptz;
alter table charger add column diagnostics_status   varchar(20);
alter table charger add column diagnostics_status_at timestamptz;
alter table charger add column log_status           varchar(30);
alter table charger add column log_status_at        timestamptz;
