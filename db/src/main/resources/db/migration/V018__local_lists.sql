-- Issue 15: partners' tokens on chargers' local authorization lists (OCPP 1.6 SendLocalList), per
-- charger as the admin switches it. What each charger's list holds is kept, so changes go as
-- differential updates.

create table local_list (
    charger_id      varchar(48)  primary key references charger (id) on delete cascade,
    roaming_tokens  boolean      not null default false,   -- the admin's switch
    list_version    integer,                              -- the version we last set; null: never set
    dirty           boolean      not null default true,   -- tokens changed since the last sync
    last_sync_at    timestamptz,
    last_result     varchar(200)
);
create index local_list_dirty on local_list (charger_id) where dirty;

create table local_list_entry (
    charger_id     varchar(48)  not null references local_list (charger_id) on delete cascade,
    id_tag         varchar(20)  not null,
    status         varchar(12)  not null,
    parent_id_tag  varchar(20),
    primary key (charger_id, id_tag)
);
