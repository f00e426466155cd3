-- Issue 14: the operator's tariffs (OCPI Tariffs), one JSON document each (the OCPI 2.2.1 field set,
-- checked by the application; prices as exact decimals). Connectors name them in tariff_ids.

create table tariff (
    id            varchar(36)  primary key,
    details       jsonb        not null,
    last_updated  timestamptz  not null,
    deleted_at    timestamptz,                  -- kept so that partners are told (DELETE)
    opt_lock      integer      not null default 0
);
create index tariff_by_last_updated on tariff (last_updated, id);
