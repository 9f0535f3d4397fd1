-- A stored idempotent answer and a settlement step's token carry a Cashu token, and a token may
-- hold up to WALLET_MAX_TOKEN_PROOFS proofs: a dormant wallet's withdrawal of many small proofs
-- made tokens of 110-120k characters, more than the 100,000 these columns held, and its answer was
-- lost. Both become unbounded text. Portable SQL: TEXT is unbounded on PostgreSQL 15 and, on H2 2
-- (MODE=LEGACY), a CHARACTER VARYING of up to 1,000,000,000 characters that still compares and
-- matches LIKE as a string.
ALTER TABLE idempotency_records ALTER COLUMN response_body SET DATA TYPE TEXT;
ALTER TABLE settlement_steps ALTER COLUMN token SET DATA TYPE TEXT;
