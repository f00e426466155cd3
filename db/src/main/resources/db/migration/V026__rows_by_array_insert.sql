-- Meter values and connector status history are written by one statement per batch that takes its
-- ids from the identity column itself, one at a time; the id blocks of 1000 served the application's
-- id generator, which no longer writes these rows.
alter table meter_value alter column id set increment by 1;
alter table connector_status alter column id set increment by 1;
