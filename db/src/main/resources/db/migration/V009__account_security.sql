-- Security review: accounts prove their e-mail address (production), operators log in with a second
-- factor, drivers prove they hold an RFID card before it is theirs, and a card its owner blocks is
-- not a card an operator blocked.

alter table account drop constraint account_status_check;
alter table account add constraint account_status_check
    check (status in ('ACTIVE', 'LOCKED', 'DISABLED', 'UNVERIFIED'));
alter table account add column totp_confirmed_at timestamptz;   -- the second factor is in use from then on
alter table account add column totp_last_step    bigint;        -- a code works once (RFC 6238 5.2)

alter table refresh_token add column second_factor boolean not null default false;

create table email_verification (
    token_hash  varchar(64) primary key,                         -- SHA-256 of the link's token
    account_id  bigint      not null references account (id) on delete cascade,
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index email_verification_by_account on email_verification (account_id);

alter table id_tag add column owner_blocked boolean not null default false;

create table card_claim (
    id          uuid         primary key,
    account_id  bigint       not null references account (id) on delete cascade,
    id_tag      varchar(20)  not null,
    label       varchar(64),
    charger_id  varchar(48),                                     -- where the card will be tapped; null: an operator decides
    state       varchar(10)  not null check (state in ('WAITING', 'CONFIRMED', 'EXPIRED', 'REFUSED')),
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    decided_at  timestamptz,
    decided_by  varchar(254)
);
create index card_claim_waiting on card_claim (lower(id_tag), charger_id) where state = 'WAITING';
create index card_claim_by_account on card_claim (account_id, created_at desc);
