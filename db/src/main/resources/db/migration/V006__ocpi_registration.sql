-- OCPI registration and rotation.
-- Which OCPI versions a partner may use (the admin's choice), in order of preference.
alter table ocpi_partner add column ocpi_versions varchar(32) not null default '2.2.1,2.1.1';
alter table ocpi_partner add column opt_lock integer not null default 0;

-- A server token that was superseded keeps working until its successor is first used, and at most
-- until expires_at: a rotation never locks a partner out, and never leaves the old token valid forever.
alter table ocpi_credential add column expires_at timestamptz;
alter table ocpi_credential add column last_used_at timestamptz;

-- What a hub tells us about the parties behind it (OCPI 2.2.1 hubclientinfo, we are the receiver).
create table ocpi_client_info (
    partner_id    bigint      not null references ocpi_partner (id) on delete cascade,
    country_code  varchar(2)  not null,
    party_id      varchar(3)  not null,
    role          varchar(8)  not null check (role in ('CPO', 'EMSP', 'HUB', 'NAP', 'NSP', 'OTHER', 'SCSP')),
    status        varchar(10) not null check (status in ('CONNECTED', 'OFFLINE', 'PLANNED', 'SUSPENDED')),
    last_updated  timestamptz not null,
    received_at   timestamptz not null,
    primary key (partner_id, country_code, party_id, role)
);
