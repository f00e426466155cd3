-- Issue 14 (roaming benchmark): a partner's rows are claimed oldest first, 50 at a time. With tens of
-- thousands queued, the claim read and sorted every row of the partner, and the poll for partners
-- with due rows scanned the whole table five times a second. This index gives both the partner's
-- rows in claim order, so each stops after the rows it needs.
create index ocpi_outbox_claim_order on ocpi_outbox (partner_id, created_at, id);
drop index ocpi_outbox_due;
