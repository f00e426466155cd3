-- Security review (profile-3 chargers): a charger may name a CA of its own besides the CSMS CA, and
-- every certificate the CSMS CA issues is kept, so that it can be revoked. No foreign key to charger:
-- the rows outlive a deleted charger, revoked, so that its id registered again does not inherit them.

alter table charger add column certificate_ca text;          -- PEM of a CA trusted for this charger only

create table charger_certificate (
    serial      varchar(64)  primary key,                    -- lower-case hex
    charger_id  varchar(48)  not null,
    subject     varchar(500) not null,
    sha256      varchar(64)  not null,
    not_after   timestamptz  not null,
    issued_at   timestamptz  not null,
    revoked_at  timestamptz
);
create index charger_certificate_by_charger on charger_certificate (charger_id, issued_at desc);
create index charger_certificate_revoked on charger_certificate (charger_id) where revoked_at is not null;

-- Meter values: a Raw value is a bounded decimal (checked at the door), signed data (OCMF, ...) is
-- kept whole: it is what a driver's bill can be verified against.
alter table meter_value alter column value type text;
