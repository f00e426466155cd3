-- Issue 15: charge detail records of partners' drivers' sessions (we are the Sender). A CDR is made
-- once at the stop and frozen (its JSON), checked before anything is sent (a CDR that breaks a
-- business rule is HELD for an operator), then DUE until the partner took it (SENT, with the URL
-- its Location header gave), or VOID when an operator voids a held one. A sent CDR found wrong is
-- CREDITED: a credit CDR (credit, negative total_cost) and a new CDR follow it.

create table ocpi_cdr (
    id              varchar(39)  primary key,
    partner_id      bigint       not null references ocpi_partner (id) on delete cascade,
    transaction_id  integer      not null references charging_transaction (id) on delete cascade,
    credit          boolean      not null default false,
    state           varchar(8)   not null check (state in ('DUE', 'HELD', 'SENT', 'VOID', 'CREDITED')),
    hold_reason     varchar(300),
    body            jsonb        not null,
    location_url    varchar(255),
    last_updated    timestamptz  not null,
    created_at      timestamptz  not null default now()
);
-- no second CDR for a transaction, but the one that follows a credited one (credit CDRs correct)
create unique index ocpi_cdr_one_per_transaction on ocpi_cdr (transaction_id) where not credit and state <> 'CREDITED';
-- GET cdrs pages a partner's CDRs by last_updated
create index ocpi_cdr_by_partner on ocpi_cdr (partner_id, last_updated, id);

alter table ocpi_outbox drop constraint ocpi_outbox_object_type_check;
alter table ocpi_outbox add constraint ocpi_outbox_object_type_check
    check (object_type in ('LOCATION', 'TARIFF', 'SESSION', 'CDR'));
