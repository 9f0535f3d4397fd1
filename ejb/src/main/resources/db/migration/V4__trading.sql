-- Trading: offers, their audit logs and receipts, settlements and the platform treasury
-- (DESIGN §6). Portable SQL: runs unchanged on PostgreSQL 15 and on H2 2.2 (MODE=LEGACY).

-- One row per offer. Amounts are frozen at creation (sats, fees and bond in sats; the fiat amount
-- in the currency's minor units; the bitcoin price in fiat major units). Every change is a
-- compare-and-set on status; expires_at is the current state's deadline (null while none runs).
-- quote_id is a bearer secret at the mint and never leaves the server. The attempt_* columns hold
-- a funding or claim that is reserving sats in a wallet and has not committed yet.
CREATE TABLE offers (
    id                  VARCHAR(36)              NOT NULL,
    status              VARCHAR(24)              NOT NULL,
    maker_pubkey        VARCHAR(64)              NOT NULL,
    maker_session_id    VARCHAR(36)              NOT NULL,
    maker_wallet_id     VARCHAR(36)              NOT NULL,
    fiat_amount         BIGINT                   NOT NULL,
    currency            VARCHAR(3)               NOT NULL,
    btc_price           NUMERIC(38, 8)           NOT NULL,
    qr_code             VARCHAR(2048)            NOT NULL,
    fiat_provider       VARCHAR(64),
    sats                BIGINT                   NOT NULL,
    platform_fee        BIGINT                   NOT NULL,
    taker_fee           BIGINT                   NOT NULL,
    bond                BIGINT                   NOT NULL,
    funding             BIGINT                   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    state_entered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE,
    funding_method      VARCHAR(16),
    escrow_owner        VARCHAR(100),
    funding_fee         BIGINT                   NOT NULL,
    quote_id            VARCHAR(255),
    invoice             VARCHAR(4000),
    quote_expires_at    TIMESTAMP WITH TIME ZONE,
    quote_state         VARCHAR(16),
    quote_next_check_at TIMESTAMP WITH TIME ZONE,
    quote_checks        INTEGER                  NOT NULL,
    taker_pubkey        VARCHAR(64),
    taker_session_id    VARCHAR(36),
    taker_wallet_id     VARCHAR(36),
    bond_owner          VARCHAR(100),
    bond_fee            BIGINT                   NOT NULL,
    claimed_at          TIMESTAMP WITH TIME ZONE,
    attempt_id          VARCHAR(36),
    attempt_kind        VARCHAR(16),
    attempt_pubkey      VARCHAR(64),
    attempt_wallet_id   VARCHAR(36),
    attempt_until       TIMESTAMP WITH TIME ZONE,
    maker_feedback      VARCHAR(2000),
    taker_response      VARCHAR(2000),
    resolution          VARCHAR(16),
    resolution_reason   VARCHAR(2000),
    resolved_by         VARCHAR(64),
    outcome             VARCHAR(24),
    receipt_at          TIMESTAMP WITH TIME ZONE,
    audit_seq           INTEGER                  NOT NULL,
    audit_head          VARCHAR(64)              NOT NULL,
    sweep_failures      INTEGER                  NOT NULL,
    sweep_retry_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT offers_pk PRIMARY KEY (id),
    CONSTRAINT offers_status_ck CHECK (status IN ('CREATED', 'INVOICE_CREATED', 'INVOICE_PAID',
        'CLAIMED', 'RECEIPT_SUBMITTED', 'COMPLETED', 'MARKED_WITH_ISSUE', 'DISPUTED', 'RESOLVED',
        'FORFEITED', 'EXPIRED')),
    CONSTRAINT offers_amounts_ck CHECK (fiat_amount > 0 AND sats > 0 AND platform_fee >= 0
        AND taker_fee >= 0 AND bond >= 0 AND funding = sats + platform_fee + taker_fee + bond),
    CONSTRAINT offers_quote_uq UNIQUE (quote_id),
    CONSTRAINT offers_attempt_ck CHECK (attempt_kind IS NULL OR attempt_kind IN ('FUND', 'CLAIM'))
);

-- The sweeper's scan: due offers in a timed state.
CREATE INDEX offers_due_idx ON offers (status, expires_at);
-- The order book: funded offers, newest first, optionally by fiat provider.
CREATE INDEX offers_book_idx ON offers (status, fiat_provider, created_at);
-- A user's offers as maker and as taker (limits, party views, open-trade checks).
CREATE INDEX offers_maker_idx ON offers (maker_pubkey, status);
CREATE INDEX offers_taker_idx ON offers (taker_pubkey, status);
-- The invoice watcher's scan.
CREATE INDEX offers_quote_idx ON offers (quote_state, quote_next_check_at);
-- Attempts whose request died.
CREATE INDEX offers_attempt_idx ON offers (attempt_until);

-- The audit log of each offer, a hash chain: hash = SHA-256(prev_hash || UTF-8(entry)), where
-- entry is the canonical JSON text of the line (org.openpleb.ee.offer.AuditEntry).
CREATE TABLE offer_audit (
    offer_id   VARCHAR(36)              NOT NULL,
    seq        INTEGER                  NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    action     VARCHAR(32)              NOT NULL,
    entry      VARCHAR(8000)            NOT NULL,
    prev_hash  VARCHAR(64)              NOT NULL,
    hash       VARCHAR(64)              NOT NULL,
    CONSTRAINT offer_audit_pk PRIMARY KEY (offer_id, seq),
    CONSTRAINT offer_audit_offer_fk FOREIGN KEY (offer_id) REFERENCES offers (id)
);

-- The taker's proof of the fiat payment: one image per offer, readable by its parties and the
-- admin only.
CREATE TABLE offer_receipts (
    offer_id      VARCHAR(36)              NOT NULL,
    taker_pubkey  VARCHAR(64)              NOT NULL,
    content_type  VARCHAR(32)              NOT NULL,
    size_bytes    INTEGER                  NOT NULL,
    sha256        VARCHAR(64)              NOT NULL,
    image         BYTEA                    NOT NULL,
    submitted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT offer_receipts_pk PRIMARY KEY (offer_id),
    CONSTRAINT offer_receipts_offer_fk FOREIGN KEY (offer_id) REFERENCES offers (id)
);

-- How an ended trade is paid out, as a saga: created in the transaction that ended the offer,
-- then worked step by step, each step recorded before its wallet call, resumed after a crash.
CREATE TABLE settlements (
    offer_id         VARCHAR(36)              NOT NULL,
    outcome          VARCHAR(24)              NOT NULL,
    maker_amount     BIGINT                   NOT NULL,
    taker_amount     BIGINT                   NOT NULL,
    platform_amount  BIGINT                   NOT NULL,
    state            VARCHAR(16)              NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at     TIMESTAMP WITH TIME ZONE,
    attempts         INTEGER                  NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until      TIMESTAMP WITH TIME ZONE,
    mint_fees        BIGINT                   NOT NULL,
    last_error       VARCHAR(200),
    CONSTRAINT settlements_pk PRIMARY KEY (offer_id),
    CONSTRAINT settlements_offer_fk FOREIGN KEY (offer_id) REFERENCES offers (id),
    CONSTRAINT settlements_state_ck CHECK (state IN ('PENDING', 'DONE'))
);

CREATE INDEX settlements_due_idx ON settlements (state, next_attempt_at);

-- The steps of a settlement. A TRANSFER sends sats out of a hold (the escrow or a bond) as a token
-- and receives it into another wallet; a RELEASE returns what is left of a hold to its owner.
-- token is a bearer secret while the step is SENT and is cleared once it was received.
CREATE TABLE settlement_steps (
    offer_id         VARCHAR(36)              NOT NULL,
    seq              INTEGER                  NOT NULL,
    kind             VARCHAR(16)              NOT NULL,
    from_party       VARCHAR(16)              NOT NULL,
    to_party         VARCHAR(16)              NOT NULL,
    from_wallet_id   VARCHAR(36)              NOT NULL,
    from_owner       VARCHAR(100)             NOT NULL,
    to_wallet_id     VARCHAR(36)              NOT NULL,
    amount           BIGINT                   NOT NULL,
    state            VARCHAR(16)              NOT NULL,
    token            VARCHAR(100000),
    sent_amount      BIGINT,
    send_fee         BIGINT                   NOT NULL,
    received_amount  BIGINT,
    receive_fee      BIGINT                   NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT settlement_steps_pk PRIMARY KEY (offer_id, seq),
    CONSTRAINT settlement_steps_settlement_fk FOREIGN KEY (offer_id)
        REFERENCES settlements (offer_id),
    CONSTRAINT settlement_steps_kind_ck CHECK (kind IN ('TRANSFER', 'RELEASE')),
    CONSTRAINT settlement_steps_state_ck CHECK (state IN ('PLANNED', 'SENDING', 'SENT', 'DONE'))
);

-- The platform's own wallet, where platform fees and forfeited bonds go: a wallet of the same
-- registry, with no session. One row.
CREATE TABLE treasury (
    id          INTEGER                  NOT NULL,
    wallet_id   VARCHAR(36)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    spendable   BIGINT                   NOT NULL,
    reserved    BIGINT                   NOT NULL,
    inflight    BIGINT                   NOT NULL,
    balance_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT treasury_pk PRIMARY KEY (id),
    CONSTRAINT treasury_single_ck CHECK (id = 1)
);

-- What the admin took out of the treasury.
CREATE TABLE treasury_withdrawals (
    id          VARCHAR(36)              NOT NULL,
    admin_user  VARCHAR(64)              NOT NULL,
    kind        VARCHAR(16)              NOT NULL,
    amount      BIGINT                   NOT NULL,
    fee         BIGINT                   NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT treasury_withdrawals_pk PRIMARY KEY (id)
);
