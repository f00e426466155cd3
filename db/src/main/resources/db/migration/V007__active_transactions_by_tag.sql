-- StartTransaction asks whether the tag is charging elsewhere (ConcurrentTx): only open transactions
-- matter, so the index holds only those and stays small however long the history grows.
create index charging_transaction_active_by_tag on charging_transaction (id_tag) where stop_time is null;
