-- Issue 14 (roaming benchmark).
-- Which of a batch's locations a partner holds is asked by partner and many location ids; with the
-- key led by the location, PostgreSQL read every row of the partner (as many as it read pages of)
-- for each batch. The key now leads with the partner; lookups by location keep an index of their own.
alter table location_told drop constraint location_told_pkey;
alter table location_told add primary key (partner_id, location_id);
drop index location_told_by_partner;
create index location_told_by_location on location_told (location_id);
