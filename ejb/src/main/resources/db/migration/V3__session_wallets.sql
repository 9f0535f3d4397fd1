-- Session wallets, Lightning deposits and idempotent money requests (DESIGN §5, §8).
-- Portable SQL: runs unchanged on PostgreSQL 15 and on H2 2.2 (MODE=LEGACY).

-- One row per wallet that money ever moved through. The wallet itself is a SQLite file under
-- WALLET_DIR; this row is what lists and balance reads use, so they never open the file. The
-- balance columns are a snapshot written after every money movement. ACTIVE wallets belong to a
-- live session; DORMANT ones outlived their session while holding value and stay listed to the
-- same pubkey until they are emptied.
CREATE TABLE wallets (
    wallet_id      VARCHAR(36)              NOT NULL,
    pubkey         VARCHAR(64)              NOT NULL,
    session_id     VARCHAR(36)              NOT NULL,
    state          VARCHAR(16)              NOT NULL,
    spendable      BIGINT                   NOT NULL,
    reserved       BIGINT                   NOT NULL,
    inflight       BIGINT                   NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    balance_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    dormant_since  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT wallets_pk PRIMARY KEY (wallet_id),
    CONSTRAINT wallets_state_ck CHECK (state IN ('ACTIVE', 'DORMANT')),
    CONSTRAINT wallets_amounts_ck CHECK (spendable >= 0 AND reserved >= 0 AND inflight >= 0)
);

-- A user's dormant wallets, listed to their next session.
CREATE INDEX wallets_pubkey_state_idx ON wallets (pubkey, state);
-- The janitor's scans: active wallets of ended sessions, dormant wallets that may be empty.
CREATE INDEX wallets_state_balance_idx ON wallets (state, balance_at);

-- Lightning deposits: a mint quote whose invoice the user pays; a server-side watcher mints it
-- into the wallet once paid. quote_id is a bearer secret at the mint: it never leaves the server.
CREATE TABLE wallet_deposits (
    id               VARCHAR(36)              NOT NULL,
    wallet_id        VARCHAR(36)              NOT NULL,
    pubkey           VARCHAR(64)              NOT NULL,
    quote_id         VARCHAR(255)             NOT NULL,
    invoice          VARCHAR(4000)            NOT NULL,
    amount           BIGINT                   NOT NULL,
    state            VARCHAR(16)              NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE,
    next_check_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    checks           INTEGER                  NOT NULL,
    credited_at      TIMESTAMP WITH TIME ZONE,
    credited_amount  BIGINT,
    failure          VARCHAR(200),
    CONSTRAINT wallet_deposits_pk PRIMARY KEY (id),
    CONSTRAINT wallet_deposits_quote_uq UNIQUE (quote_id),
    CONSTRAINT wallet_deposits_wallet_fk FOREIGN KEY (wallet_id) REFERENCES wallets (wallet_id),
    CONSTRAINT wallet_deposits_state_ck
        CHECK (state IN ('PENDING', 'PAID', 'CREDITED', 'EXPIRED', 'FAILED')),
    CONSTRAINT wallet_deposits_amount_ck CHECK (amount > 0)
);

-- The watcher takes open deposits that are due for a check.
CREATE INDEX wallet_deposits_due_idx ON wallet_deposits (state, next_check_at);
-- A wallet's open deposits keep it from being deleted.
CREATE INDEX wallet_deposits_wallet_idx ON wallet_deposits (wallet_id, state);

-- The first answer to every money request sent with an Idempotency-Key, per user and endpoint, so
-- a retry gets that answer again instead of moving money twice. The primary key makes concurrent
-- duplicates collide: only one of them runs. The fingerprint is a SHA-256 of the request, so the
-- same key with another request is refused. Rows are purged after IDEMPOTENCY_RETENTION.
CREATE TABLE idempotency_records (
    pubkey           VARCHAR(64)              NOT NULL,
    endpoint         VARCHAR(64)              NOT NULL,
    idempotency_key  VARCHAR(255)             NOT NULL,
    fingerprint      VARCHAR(64)              NOT NULL,
    state            VARCHAR(16)              NOT NULL,
    response_status  INTEGER,
    response_type    VARCHAR(64),
    response_body    VARCHAR(100000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT idempotency_records_pk PRIMARY KEY (pubkey, endpoint, idempotency_key),
    CONSTRAINT idempotency_records_state_ck CHECK (state IN ('IN_PROGRESS', 'DONE'))
);

CREATE INDEX idempotency_records_created_idx ON idempotency_records (created_at);
