-- Issue 14: sites as the operator describes them for partners (OCPI Locations). A location's and an
-- EVSE's descriptive fields are one JSON document each (the OCPI 2.2.1 field set, checked by the
-- application); what the system decides or looks up has its own column.

create table location (
    id            varchar(36)  primary key,
    publish       boolean      not null,                     -- OCPI publish: drivers may be shown it
    visibility    varchar(8)   not null default 'ALL' check (visibility in ('ALL', 'LISTED', 'NONE')),
    details       jsonb        not null,
    last_updated  timestamptz  not null,                     -- also when one of its EVSEs changed
    deleted_at    timestamptz,                               -- kept, EVSEs REMOVED, so partners learn of it
    opt_lock      integer      not null default 0
);
-- OCPI GET locations pages by last_updated (date_from/date_to), oldest first
create index location_by_last_updated on location (last_updated, id);

-- visibility LISTED: the partners that receive the location
create table location_partner (
    location_id  varchar(36)  not null references location (id) on delete cascade,
    partner_id   bigint       not null references ocpi_partner (id) on delete cascade,
    primary key (location_id, partner_id)
);
create index location_partner_by_partner on location_partner (partner_id);

-- one EVSE is one OCPP 1.6 connector; no foreign key to charger: a charger may be deleted and
-- registered again while its EVSE stays described (it is then UNKNOWN)
create table evse (
    location_id   varchar(36)  not null references location (id) on delete cascade,
    uid           varchar(36)  not null,
    evse_id       varchar(48),                               -- eMI3
    charger_id    varchar(48)  not null,
    connector_id  integer      not null check (connector_id between 1 and 100),
    status        varchar(12)  not null,
    details       jsonb        not null,
    last_updated  timestamptz  not null,
    primary key (location_id, uid)
);
-- what is in use is unique: one EVSE per connector, an EVSE uid and an evse_id once
create unique index evse_one_per_connector on evse (charger_id, connector_id) where status <> 'REMOVED';
create unique index evse_uid_once on evse (uid) where status <> 'REMOVED';
create unique index evse_id_once on evse (upper(evse_id)) where status <> 'REMOVED' and evse_id is not null;
