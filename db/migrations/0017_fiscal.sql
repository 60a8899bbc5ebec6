-- Version 17: the fiscal registrar (R-POS-10, 54-FZ). A sale is committed first, marked "awaiting"
-- (sale.fiscal_state, since version 5), and registered afterwards. Nothing here is written at sale time:
-- no trigger, no queue row and no index is added to the tables a sale writes (`salon-cli bench sale`).
-- The queue of a till is the sales of its shifts not yet fiscalised, found through the shifts that are not
-- settled (fiscal_settled_shift) and the sales' own (shift, receipt number) key.

-- A till's registrar. kind 'emulator': the fiscal drive is kept here as data (its number, the document
-- counter, the key its fiscal signs are computed with, its capacity, the fiscal shift, the OFD's oldest
-- unacknowledged document for the 30-day offline limit) and `fault` is a fault a trainer or a test sets
-- to show what a registrar that does not take a receipt does to the queue.
CREATE TABLE fiscal_registrar (
    id               {{id}},
    salon_id         BIGINT  NOT NULL REFERENCES salon (id),
    till             TEXT    NOT NULL,
    kind             TEXT    NOT NULL CHECK (kind = 'emulator'),
    serial_number    TEXT    NOT NULL,
    fn_number        TEXT    NOT NULL,
    fn_key           TEXT    NOT NULL,           -- hex; the emulated drive's secret for its fiscal signs
    fn_capacity      INTEGER NOT NULL CHECK (fn_capacity > 0),
    documents        INTEGER NOT NULL DEFAULT 0, -- the last fiscal document's number
    shift_number     INTEGER NOT NULL DEFAULT 0, -- the last fiscal shift opened
    shift_open       INTEGER NOT NULL DEFAULT 0,
    shift_opened_at  BIGINT,
    receipts_in_shift INTEGER NOT NULL DEFAULT 0,
    ofd_online       INTEGER NOT NULL DEFAULT 1, -- the OFD acknowledges documents as they are made
    unsent_since     BIGINT,                     -- the oldest document the OFD has not acknowledged
    fault            TEXT    NOT NULL DEFAULT '' CHECK (fault = '' OR fault = 'paper_out' OR fault = 'cover_open'
                                                        OR fault = 'drive_full' OR fault = 'offline_too_long'),
    created_at       BIGINT  NOT NULL,
    UNIQUE (salon_id, till)
);

-- The emulated drive's archive: every fiscal document it made. request_id is the station's id of the
-- receipt: the same request is answered with the document already made, never a second one.
CREATE TABLE fiscal_document (
    id              {{id}},
    registrar_id    BIGINT  NOT NULL REFERENCES fiscal_registrar (id),
    number          INTEGER NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind = 'shift_open' OR kind = 'shift_close' OR kind = 'receipt'
                                            OR kind = 'correction'),
    request_id      TEXT    UNIQUE,
    shift_number    INTEGER NOT NULL,
    number_in_shift INTEGER NOT NULL DEFAULT 0,
    operation       TEXT    NOT NULL DEFAULT '',   -- receipts: sale | refund
    total           BIGINT  NOT NULL DEFAULT 0,
    fiscal_sign     TEXT    NOT NULL,
    qr_payload      TEXT    NOT NULL DEFAULT '',
    registered_at   BIGINT  NOT NULL,
    content         TEXT    NOT NULL,              -- JSON: what the station sent (no personal data)
    UNIQUE (registrar_id, number)
);

-- The station's side of a sale's receipt: its attempts and, once registered, the fiscal attributes the
-- receipt and its PDF print (FN, FD number, FP, the fiscal shift, the registrar's QR payload).
CREATE TABLE fiscal_receipt (
    sale_id         BIGINT  NOT NULL PRIMARY KEY REFERENCES sale (id),
    request_id      TEXT    NOT NULL UNIQUE,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_attempt_at BIGINT,
    last_error      TEXT    NOT NULL DEFAULT '',
    registrar       TEXT,                          -- its kind and serial number: emulator EMU-000001
    fn_number       TEXT,
    fd_number       INTEGER,
    fiscal_sign     TEXT,
    fiscal_shift    INTEGER,
    number_in_shift INTEGER,
    registered_at   BIGINT,
    qr_payload      TEXT
);

-- A closed shift whose every receipt is fiscalised: the queue no longer looks at its sales.
CREATE TABLE fiscal_settled_shift (
    shift_id BIGINT NOT NULL PRIMARY KEY REFERENCES shift (id)
);
