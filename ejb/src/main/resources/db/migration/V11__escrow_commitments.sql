-- The escrow commitments (#14 "escrow you can verify"): a Merkle-sum tree over the sats every
-- offer holds as escrow or bond, with the NUT-07 Y of each proof backing a hold. One row per
-- published tree: its root, its total and how many leaves it has; the leaves of the newest few
-- trees are kept so a party can be given its branch (the tree is rebuilt from them). A leaf's salt
-- hides it from its siblings; Y values let anyone ask the mint about a proof but never spend it.
-- Portable SQL: runs unchanged on PostgreSQL 15 and on H2 2.2 (MODE=LEGACY).
CREATE TABLE escrow_commitments (
    id            VARCHAR(36)              NOT NULL,
    root_hash     VARCHAR(64)              NOT NULL,
    total_sats    BIGINT                   NOT NULL,
    leaf_count    INTEGER                  NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT escrow_commitments_pk PRIMARY KEY (id),
    CONSTRAINT escrow_commitments_sums_ck CHECK (total_sats >= 0 AND leaf_count >= 0)
);

-- The latest commitment first.
CREATE INDEX escrow_commitments_published_idx ON escrow_commitments (published_at);

-- A tree's leaves in tree order; proofs is "Y:amount" per backing proof, comma-separated, in the
-- order the leaf hash covers them.
CREATE TABLE escrow_commitment_leaves (
    commitment_id VARCHAR(36)              NOT NULL,
    leaf_index    INTEGER                  NOT NULL,
    offer_id      VARCHAR(36)              NOT NULL,
    hold_kind     VARCHAR(8)               NOT NULL,
    amount        BIGINT                   NOT NULL,
    salt          VARCHAR(64)              NOT NULL,
    proofs        TEXT                     NOT NULL,
    CONSTRAINT escrow_commitment_leaves_pk PRIMARY KEY (commitment_id, leaf_index),
    CONSTRAINT escrow_commitment_leaves_commitment_fk FOREIGN KEY (commitment_id)
        REFERENCES escrow_commitments (id),
    CONSTRAINT escrow_commitment_leaves_kind_ck CHECK (hold_kind IN ('ESCROW', 'BOND')),
    CONSTRAINT escrow_commitment_leaves_amount_ck CHECK (amount > 0)
);

-- A party's leaves in one commitment.
CREATE INDEX escrow_commitment_leaves_offer_idx ON escrow_commitment_leaves (offer_id, commitment_id);
