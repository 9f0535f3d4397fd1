-- Challenge login, race-free session admission and admin sessions (DESIGN §4, §7).
-- Portable SQL: runs unchanged on PostgreSQL 15 and on H2 2.2 (MODE=LEGACY).

-- One-time login challenges. A challenge is consumed by setting used_at in the login transaction,
-- so a replay finds it used; the sweeper deletes rows some time after they expired.
CREATE TABLE session_challenges (
    challenge   VARCHAR(64)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT session_challenges_pk PRIMARY KEY (challenge)
);

CREATE INDEX session_challenges_expires_idx ON session_challenges (expires_at);

-- The admission lock: every login locks this single row (SELECT ... FOR UPDATE) before it counts
-- live sessions and inserts its own, so concurrent logins on any number of servers cannot
-- overshoot SESSION_LIMIT.
CREATE TABLE session_admission (
    id  INTEGER NOT NULL,
    CONSTRAINT session_admission_pk PRIMARY KEY (id),
    CONSTRAINT session_admission_one_row_ck CHECK (id = 1)
);

INSERT INTO session_admission (id) VALUES (1);

-- Every session owns a wallet id from login on (the wallet file itself is opened lazily).
UPDATE sessions SET wallet_id = id WHERE wallet_id IS NULL;
ALTER TABLE sessions ALTER COLUMN wallet_id SET NOT NULL;

-- Emergency relief closes live sessions idle since before a cut-off.
CREATE INDEX sessions_state_last_seen_idx ON sessions (state, last_seen_at);

-- Operator logins (OPENPLEB_ADMIN_USER); kept apart from user sessions so they never count
-- against SESSION_LIMIT nor own a wallet. Only the SHA-256 of the bearer token is stored.
CREATE TABLE admin_sessions (
    id          VARCHAR(36)              NOT NULL,
    username    VARCHAR(128)             NOT NULL,
    token_hash  VARCHAR(64)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT admin_sessions_pk PRIMARY KEY (id),
    CONSTRAINT admin_sessions_token_hash_uq UNIQUE (token_hash)
);

CREATE INDEX admin_sessions_expires_idx ON admin_sessions (expires_at);
