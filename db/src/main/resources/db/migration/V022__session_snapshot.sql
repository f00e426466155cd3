-- Issue 15: a partner's session is described and priced as it was at its start: the location (with
-- only the session's EVSE) and the connector's tariff are kept with it, so an operator's later edit
-- or removal changes neither its session updates nor its CDR (a credit's new CDR is made from the
-- data as they are then). Rows of sessions started before this have no snapshot and are described
-- as the location is now. The totals of the last session update given to the partner are kept too:
-- the CDR must not bill less than the partner was last told (reconciliation).

alter table ocpi_session add column place jsonb;
alter table ocpi_session add column tariff jsonb;
alter table ocpi_session add column reported_kwh numeric;
alter table ocpi_session add column reported_cost numeric;
