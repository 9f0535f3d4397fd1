-- One row per reconciliation run (#14): the key figures as columns, for a quick look from SQL, and
-- the whole report (findings and the books of the wallets concerned; never a proof secret) as
-- JSON text. Portable SQL: TEXT is unbounded on PostgreSQL 15 and on H2 2 (MODE=LEGACY).
CREATE TABLE reconciliations (
    id                 VARCHAR(36)              NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms        BIGINT                   NOT NULL,
    wallets_checked    INTEGER                  NOT NULL,
    difference_sats    BIGINT                   NOT NULL,
    findings           INTEGER                  NOT NULL,
    report             TEXT                     NOT NULL,
    CONSTRAINT reconciliations_pk PRIMARY KEY (id)
);

-- The latest run first.
CREATE INDEX reconciliations_started_idx ON reconciliations (started_at);
