-- Issue 14: which partners were told of a location, so that one it may no longer see is told to
-- forget it (its EVSEs REMOVED: OCPI has no deletion of locations).

create table location_told (
    location_id  varchar(36)  not null references location (id) on delete cascade,
    partner_id   bigint       not null references ocpi_partner (id) on delete cascade,
    primary key (location_id, partner_id)
);
create index location_told_by_partner on location_told (partner_id);
