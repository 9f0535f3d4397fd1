-- Every mint quote the server asks for (#14 finding 6): a row is written before the mint is asked
-- and completed with the quote before its invoice is handed to anyone, so a quote whose deposit or
-- offer was never stored (the server died in between) is found again and, once paid, minted into
-- its wallet and credited to the owner. Portable SQL: runs unchanged on PostgreSQL 15 and H2 2.2.
--
-- The quote id is a bearer secret at the mint: it is kept sealed (AES-256-GCM under a key derived
-- from the master secret, bound to the row id) in quote_sealed, and found by quote_ref, an
-- HMAC-SHA256 of it under another derived key; neither reveals it to whoever reads the database.
-- purpose_id is the offer or the deposit the quote is for (the deposit id is chosen before the
-- mint is asked); request_ref is a SHA-256 of the Idempotency-Key scope of the request that asked,
-- when it carried one, so a retry finds the same quote. deposit_id names the deposit that credited
-- a quote found without its holder.
CREATE TABLE mint_quotes (
    id            VARCHAR(36)              NOT NULL,
    wallet_id     VARCHAR(36)              NOT NULL,
    pubkey        VARCHAR(64)              NOT NULL,
    session_id    VARCHAR(36)              NOT NULL,
    purpose       VARCHAR(16)              NOT NULL,
    purpose_id    VARCHAR(36)              NOT NULL,
    request_ref   VARCHAR(64),
    amount        BIGINT                   NOT NULL,
    state         VARCHAR(16)              NOT NULL,
    quote_ref     VARCHAR(64),
    quote_sealed  VARCHAR(1024),
    invoice       VARCHAR(4000),
    expires_at    TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    next_check_at TIMESTAMP WITH TIME ZONE NOT NULL,
    checks        INTEGER                  NOT NULL,
    deposit_id    VARCHAR(36),
    CONSTRAINT mint_quotes_pk PRIMARY KEY (id),
    CONSTRAINT mint_quotes_quote_uq UNIQUE (quote_ref),
    CONSTRAINT mint_quotes_purpose_ck CHECK (purpose IN ('OFFER', 'DEPOSIT')),
    CONSTRAINT mint_quotes_state_ck CHECK (state IN ('ASKING', 'RECORDED', 'HELD', 'ADOPTED',
        'LAPSED', 'LOST', 'FAILED')),
    CONSTRAINT mint_quotes_amount_ck CHECK (amount > 0),
    CONSTRAINT mint_quotes_quote_ck CHECK (state IN ('ASKING', 'LOST')
        OR (quote_ref IS NOT NULL AND quote_sealed IS NOT NULL AND invoice IS NOT NULL))
);

-- The ledger's sweep: quotes asked and not held by their offer or deposit, by when they are due.
CREATE INDEX mint_quotes_due_idx ON mint_quotes (state, next_check_at);
-- A retried request finds its quote: by the offer or deposit, and by the Idempotency-Key scope.
CREATE INDEX mint_quotes_purpose_idx ON mint_quotes (purpose_id);
CREATE INDEX mint_quotes_request_idx ON mint_quotes (request_ref);
