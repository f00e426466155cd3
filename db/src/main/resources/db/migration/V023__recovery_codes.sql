-- Issue 16: recovery codes of an operator's second factor, for the day the authenticator app is
-- lost. Ten are made when the second factor is confirmed (shown once); each works once in place of
-- a code. Only their SHA-256 is kept (they are random, 80 bits each); a new set, a removed or a
-- reset second factor deletes the old ones.

create table account_recovery_code (
    account_id  bigint       not null references account (id) on delete cascade,
    code_hash   varchar(64)  not null,
    used_at     timestamptz,
    primary key (account_id, code_hash)
);
