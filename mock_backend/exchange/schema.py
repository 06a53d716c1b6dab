"""The exchange's tables, added to any database on start (`migrations.update`): what each insurer
wrote and received, what is still on its way to a peer, the peers' pinned keys, the pull cursors and
the nonces of requests already seen.

One database may hold several insurers (one process hosting several), so every row says whose it is
(`holder`): an insurer reads its own copy of the history only, as if the others were elsewhere.
"""

from __future__ import annotations

SCHEMA = """
CREATE TABLE IF NOT EXISTS shared_records (        -- [0040]: history written here or received
    seq INTEGER PRIMARY KEY AUTOINCREMENT,          -- the pull cursor over what the holder wrote
    holder TEXT NOT NULL,                           -- the insurer keeping this copy
    writer TEXT NOT NULL,                           -- the insurer that wrote and signed it
    record_id TEXT NOT NULL,                        -- the writer's own ID for it
    doc BLOB NOT NULL,                              -- as the writer signed it
    pseudonym TEXT NOT NULL,
    purchase TEXT NOT NULL,                         -- "licensor/license ID" first bought
    issued TEXT NOT NULL,                           -- "licensor/license ID" given for the loss
    content_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    amount INTEGER NOT NULL,
    at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (holder, writer, record_id)
);
CREATE INDEX IF NOT EXISTS shared_records_person ON shared_records(holder, pseudonym, at);
CREATE INDEX IF NOT EXISTS shared_records_purchase ON shared_records(holder, purchase);
CREATE INDEX IF NOT EXISTS shared_records_issued ON shared_records(holder, issued);
CREATE INDEX IF NOT EXISTS shared_records_written ON shared_records(holder, writer, seq);  -- a pull's page
CREATE INDEX IF NOT EXISTS licenses_item ON licenses(item_id);  -- a claimed item's licenses, for the checks
CREATE INDEX IF NOT EXISTS items_purchase ON items(purchase);  -- a purchase insured here already?
CREATE TABLE IF NOT EXISTS exchange_outbox (        -- a record on its way to a peer hosted elsewhere
    peer TEXT NOT NULL,
    writer TEXT NOT NULL,
    record_id TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_at REAL NOT NULL,                          -- wall time (seconds) of the next try
    delivered_at TEXT,                              -- null while on its way
    given_up INTEGER NOT NULL DEFAULT 0,            -- pushed too often in vain: the peer's pulls fetch it
    last_error TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (peer, writer, record_id)
);
CREATE INDEX IF NOT EXISTS exchange_outbox_due ON exchange_outbox(delivered_at, given_up, next_at);
CREATE INDEX IF NOT EXISTS exchange_outbox_record ON exchange_outbox(writer, record_id);
CREATE TABLE IF NOT EXISTS exchange_peers (         -- keys of peers hosted elsewhere, pinned on first contact
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    public_key BLOB NOT NULL,
    pinned_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS exchange_cursors (       -- how far the holder has pulled what a peer wrote
    holder TEXT NOT NULL,
    peer TEXT NOT NULL,
    cursor INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (holder, peer)
);
CREATE TABLE IF NOT EXISTS exchange_nonces (        -- replay guard for the insurers' signed requests
    holder TEXT NOT NULL,
    sender TEXT NOT NULL,
    nonce TEXT NOT NULL,
    seen_at REAL NOT NULL,                          -- wall time (seconds)
    PRIMARY KEY (holder, sender, nonce)
);
"""
