-- An audit entry quotes a party's words (up to 2,000 characters), and JSON escaping can make
-- control characters six times longer: room for the longest canonical entry. Portable SQL: runs
-- unchanged on PostgreSQL 15 and on H2 2.2 (MODE=LEGACY).
ALTER TABLE offer_audit ALTER COLUMN entry SET DATA TYPE VARCHAR(20000);
