-- Security review H7, M11, perimeter: a partner is who the admin said it is. The admin names its
-- parties (country code, party id, role) when creating it; its credentials may name no other, a
-- party belongs to one partner, and a hub speaks only for the parties the admin allows it.

create table ocpi_partner_party (
    partner_id   bigint      not null references ocpi_partner (id) on delete cascade,
    country_code varchar(2)  not null,
    party_id     varchar(3)  not null,
    role         varchar(8)  not null check (role in ('CPO', 'EMSP', 'HUB', 'NAP', 'NSP', 'OTHER', 'SCSP')),
    primary key (partner_id, country_code, party_id, role)
);
create unique index ocpi_partner_party_one_partner on ocpi_partner_party (upper(country_code), upper(party_id), role);

-- partners registered before: what they registered as is what they are
insert into ocpi_partner_party (partner_id, country_code, party_id, role)
select partner_id, upper(country_code), upper(party_id), role from ocpi_partner_role
on conflict do nothing;

create table ocpi_partner_hub_client (
    partner_id   bigint      not null references ocpi_partner (id) on delete cascade,
    country_code varchar(2)  not null,
    party_id     varchar(3)  not null,
    role         varchar(8)  not null check (role in ('CPO', 'EMSP', 'HUB', 'NAP', 'NSP', 'OTHER', 'SCSP')),
    primary key (partner_id, country_code, party_id, role)
);

alter table ocpi_partner add column allowed_addresses varchar(1000);  -- CIDR ranges; null: any address
alter table ocpi_partner add column totp_tls_bound boolean not null default false;
