-- Issue 15: transactions of partners' drivers as OCPI Sessions (we are the Sender): which partner
-- is told, its status and when it changed (GET sessions pages by that), when it was last pushed
-- (meter values are pushed at most every csms.ocpi.sessions.update-interval).

create table ocpi_session (
    transaction_id  integer      primary key references charging_transaction (id) on delete cascade,
    partner_id      bigint       not null references ocpi_partner (id) on delete cascade,
    status          varchar(12)  not null check (status in ('ACTIVE', 'COMPLETED')),
    last_updated    timestamptz  not null,
    last_pushed_at  timestamptz
);
create index ocpi_session_by_partner on ocpi_session (partner_id, last_updated, transaction_id);

alter table ocpi_outbox drop constraint ocpi_outbox_object_type_check;
alter table ocpi_outbox add constraint ocpi_outbox_object_type_check
    check (object_type in ('LOCATION', 'TARIFF', 'SESSION'));
