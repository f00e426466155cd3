-- Meter values and status history are the highest-volume inserts: ids in blocks of 1000 keep the
-- application's id generator (synchronized per sequence) from becoming the bottleneck under load.
alter table connector_status alter column id set increment by 1000;
alter table meter_value alter column id set increment by 1000;
