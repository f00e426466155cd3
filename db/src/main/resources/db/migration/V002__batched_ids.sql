-- Rows written in bulk (status history, meter values) take their ids from their sequences in blocks of
-- 50, so Hibernate can batch the inserts instead of one round trip per row.
alter table connector_status alter column id set increment by 50;
alter table meter_value alter column id set increment by 50;
