-- Issue 15: one record of every start, stop, reservation and unlock the CSMS sends a charger, whoever
-- asked for it: a driver (account_id), a roaming partner through OCPI Commands (partner_id) or an
-- operator through the operations API (actor). A partner's command also keeps what its CommandResult
-- needs: where to POST it, in which OCPI version, and (once known) that it is owed.

alter table remote_command alter column account_id drop not null;
alter table remote_command alter column kind type varchar(8);
alter table remote_command drop constraint remote_command_kind_check;
alter table remote_command add constraint remote_command_kind_check
    check (kind in ('START', 'STOP', 'RESERVE', 'CANCEL', 'UNLOCK'));
alter table remote_command drop constraint remote_command_state_check;
alter table remote_command alter column state type varchar(20);
alter table remote_command add constraint remote_command_state_check
    check (state in ('Sent', 'Accepted', 'Rejected', 'Offline', 'Timeout', 'Failed', 'Started', 'NeverStarted',
                     'Stopped', 'Occupied', 'Inoperative', 'NotSupported', 'UnknownReservation'));

alter table remote_command
    add column origin                  varchar(8)   not null default 'DRIVER'
                                                    check (origin in ('DRIVER', 'PARTNER', 'OPERATOR')),
    add column partner_id              bigint       references ocpi_partner (id) on delete cascade,
    add column actor                   varchar(64),   -- the operator's account name
    add column concluded               boolean      not null default false,  -- its outcome is final
    add column response_url            varchar(512),
    add column ocpi_version            varchar(8),
    add column ocpi_token_id           bigint       references ocpi_token (id) on delete set null,
    add column authorization_reference varchar(36),
    add column reservation_id          integer,       -- the OCPP reservation id (RESERVE, CANCEL)
    add constraint remote_command_origin check (
        (origin = 'DRIVER' and account_id is not null)
        or (origin = 'PARTNER' and partner_id is not null and response_url is not null)
        or (origin = 'OPERATOR' and actor is not null));

-- what was not final before is concluded by the sweep (starts) or was a driver's (no result owed)
update remote_command set concluded = true where state not in ('Sent', 'Accepted', 'Timeout') or kind <> 'START';

-- the sweep looks for starts whose time ran out
create index remote_command_open on remote_command (expires_at) where not concluded;
-- a StartTransaction or Authorize after a partner's START_SESSION is authorized by that command
create index remote_command_partner_start on remote_command (charger_id, id_tag, created_at)
    where partner_id is not null and kind = 'START';
create index remote_command_by_charger on remote_command (charger_id, created_at desc);

-- OCPI reservations: the partner's reservation_id (a string in 2.2.1, an int in 2.1.1) never reaches a
-- charger; it gets an OCPP reservation id of ours, unique across partners, the same on a replacement
create sequence ocpp_reservation_id start with 1000000000 maxvalue 2147483647 cycle;
create table ocpi_reservation (
    partner_id      bigint       not null references ocpi_partner (id) on delete cascade,
    reservation_id  varchar(36)  not null,
    ocpp_id         integer      not null unique,
    charger_id      varchar(48)  not null,
    connector_id    integer      not null,
    expires_at      timestamptz  not null,
    created_at      timestamptz  not null,
    primary key (partner_id, reservation_id)
);

-- which command types a partner with the commands module may send (null: all)
alter table ocpi_partner add column allowed_commands varchar(128);

alter table ocpi_outbox drop constraint ocpi_outbox_object_type_check;
alter table ocpi_outbox add constraint ocpi_outbox_object_type_check
    check (object_type in ('LOCATION', 'TARIFF', 'SESSION', 'CDR', 'COMMAND'));
