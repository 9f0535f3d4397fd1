-- #14 finding 1. An Idempotency-Key whose first request died with the server stayed IN_PROGRESS
-- for ever. A request now records which boot of the server runs it (claimed_by, a random id per
-- JVM start) and since when (claimed_at): an IN_PROGRESS row of another boot, or older than
-- IDEMPOTENCY_ORPHAN_AFTER, is orphaned and its retry recovers it. claims counts the executions
-- that held the key (a take-over is a compare-and-set on it, so of two concurrent retries exactly
-- one recovers), request_id names the execution that holds it now: a money request uses it as the
-- id of its wallet operation, which is how a retry finds what the dead execution did. Rows written
-- before V8 have no claimant: a row IN_PROGRESS among them is orphaned.
ALTER TABLE idempotency_records ADD COLUMN claimed_by VARCHAR(36);
ALTER TABLE idempotency_records ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE idempotency_records ADD COLUMN claims INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE idempotency_records ADD COLUMN request_id VARCHAR(36);

-- One row per token the server hands out of a session wallet to its owner (a withdrawal), written
-- before the wallet makes it, so no token is ever out of its owner's reach: the owner lists the
-- unclaimed ones and reclaims any. The token itself stays in the wallet's journal under
-- operation_id (never in this database). UNCLAIMED until the mint reports its proofs spent
-- (CLAIMED: the holder redeemed it) or the owner took it back (RECLAIMED).
CREATE TABLE sent_tokens (
    id            VARCHAR(36)              NOT NULL,
    pubkey        VARCHAR(64)              NOT NULL,
    wallet_id     VARCHAR(36)              NOT NULL,
    operation_id  VARCHAR(36)              NOT NULL,
    amount        BIGINT                   NOT NULL,
    state         VARCHAR(16)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT sent_tokens_pk PRIMARY KEY (id),
    CONSTRAINT sent_tokens_operation_uq UNIQUE (operation_id),
    CONSTRAINT sent_tokens_state_ck CHECK (state IN ('UNCLAIMED', 'CLAIMED', 'RECLAIMED')),
    CONSTRAINT sent_tokens_amount_ck CHECK (amount > 0)
);

-- The owner's list, newest first; the sweep's scan of unclaimed tokens per wallet.
CREATE INDEX sent_tokens_owner_idx ON sent_tokens (pubkey, state, created_at);
CREATE INDEX sent_tokens_wallet_idx ON sent_tokens (wallet_id, state);
