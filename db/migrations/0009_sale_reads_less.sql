-- Version 9: a sale reads and writes less (`salon-cli bench sale`).
-- - Products of one kind are read in their order through an index: the SIM card's price, which every
--   SIM sale looks up, no longer reads and sorts the whole catalog.
-- - A visit no longer carries its client: the sale made during the visit names both (sale.visit_id,
--   sale.client_id), and only the sale ever wrote the visit's copy, one more page per sale. Every value
--   the column held is also in that sale's row.
-- - SQLite only: a CHECK or a partial index's WHERE with `x IN (three or more constants)` makes SQLite
--   build a temporary b-tree for the list at every row it checks, five times in a SIM sale. The same
--   conditions are written as `x = ... OR x = ...`, which it checks in place. SQLite cannot change a CHECK
--   in place, so the five tables are rebuilt the way its documentation prescribes (new table, copy, drop,
--   rename, indexes again; the migration runs with foreign keys checked at its end). PostgreSQL keeps its
--   IN lists, which cost it nothing.
CREATE INDEX product_kind_name ON product (kind, name, code);
{{postgresql}} ALTER TABLE visit DROP COLUMN client_id;

{{sqlite}} CREATE TABLE sim_card_new (
    id          INTEGER PRIMARY KEY,
    iccid       TEXT   NOT NULL UNIQUE,
    msisdn      TEXT,                        -- E.164 "+7XXXXXXXXXX" (Msisdn::str()); NULL for a blank card
    sim_format  TEXT   NOT NULL CHECK (sim_format = 'triple' OR sim_format = 'nano' OR sim_format = 'esim'),
    salon_id    BIGINT NOT NULL REFERENCES salon (id),
    status      TEXT   NOT NULL CHECK (status = 'in_stock' OR status = 'sold' OR status = 'replaced'
                                       OR status = 'returned' OR status = 'defective'),
    received_at BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
{{sqlite}} INSERT INTO sim_card_new (id, iccid, msisdn, sim_format, salon_id, status, received_at, updated_at)
    SELECT id, iccid, msisdn, sim_format, salon_id, status, received_at, updated_at FROM sim_card;
{{sqlite}} DROP TABLE sim_card;
{{sqlite}} ALTER TABLE sim_card_new RENAME TO sim_card;
{{sqlite}} CREATE UNIQUE INDEX sim_card_msisdn_live ON sim_card (msisdn)
    WHERE status = 'in_stock' OR status = 'sold' OR status = 'returned';
{{sqlite}} CREATE INDEX sim_card_msisdn ON sim_card (msisdn);
{{sqlite}} CREATE INDEX sim_card_salon_status ON sim_card (salon_id, status);

{{sqlite}} CREATE TABLE sale_new (
    id             INTEGER PRIMARY KEY,
    dealer_id      BIGINT  NOT NULL REFERENCES dealer (id),
    salon_id       BIGINT  NOT NULL REFERENCES salon (id),
    shift_id       BIGINT  NOT NULL REFERENCES shift (id),
    staff_id       BIGINT  NOT NULL REFERENCES staff (id),
    visit_id       BIGINT  REFERENCES visit (id),
    client_id      BIGINT  REFERENCES client (id),
    kind           TEXT    NOT NULL CHECK (kind = 'sale' OR kind = 'refund'),
    refund_of      BIGINT  REFERENCES sale (id),
    receipt_number INTEGER NOT NULL,
    created_at     BIGINT  NOT NULL,
    total          BIGINT  NOT NULL,
    paid_cash      BIGINT  NOT NULL DEFAULT 0 CHECK (paid_cash >= 0),
    paid_card      BIGINT  NOT NULL DEFAULT 0 CHECK (paid_card >= 0),
    change_due     BIGINT  NOT NULL DEFAULT 0 CHECK (change_due >= 0),
    approved_by    BIGINT  REFERENCES staff (id),  -- the senior whose override allowed it (refunds)
    fiscal_state   TEXT    NOT NULL DEFAULT 'awaiting'
                   CHECK (fiscal_state = 'awaiting' OR fiscal_state = 'fiscalised' OR fiscal_state = 'failed'),
    UNIQUE (shift_id, receipt_number)
);
{{sqlite}} INSERT INTO sale_new (id, dealer_id, salon_id, shift_id, staff_id, visit_id, client_id, kind, refund_of,
                      receipt_number, created_at, total, paid_cash, paid_card, change_due, approved_by,
                      fiscal_state)
    SELECT id, dealer_id, salon_id, shift_id, staff_id, visit_id, client_id, kind, refund_of, receipt_number,
           created_at, total, paid_cash, paid_card, change_due, approved_by, fiscal_state FROM sale;
{{sqlite}} DROP TABLE sale;
{{sqlite}} ALTER TABLE sale_new RENAME TO sale;
{{sqlite}} CREATE INDEX sale_salon_created ON sale (salon_id, created_at);

{{sqlite}} CREATE TABLE sale_line_new (
    id                INTEGER PRIMARY KEY,
    sale_id           BIGINT  NOT NULL REFERENCES sale (id),
    line_no           INTEGER NOT NULL,
    kind              TEXT    NOT NULL CHECK (kind = 'sim' OR kind = 'service' OR kind = 'gadget'
                                              OR kind = 'accessory' OR kind = 'top_up' OR kind = 'tariff_change'
                                              OR kind = 'sim_replacement' OR kind = 'port_in'),
    description       TEXT    NOT NULL,
    product_id        BIGINT  REFERENCES product (id),
    product_version_id BIGINT REFERENCES product_version (id),
    tariff_version_id BIGINT  REFERENCES tariff_version (id),  -- the tariff of a SIM sale or change (R-TAR-2)
    is_bundle         INTEGER NOT NULL DEFAULT 0,  -- the tariff has a monthly package (R-POS-4)
    sim_card_id       BIGINT  REFERENCES sim_card (id),
    old_sim_card_id   BIGINT  REFERENCES sim_card (id),  -- the card a replacement retired
    msisdn            TEXT,
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    unit_price        BIGINT  NOT NULL,
    amount            BIGINT  NOT NULL,
    vat_code          TEXT    NOT NULL,
    vat_basis_points  INTEGER NOT NULL,
    vat_amount        BIGINT  NOT NULL,
    agent             INTEGER NOT NULL DEFAULT 0,  -- accepted as the operator's payment agent (a top-up)
    refund_of_line    BIGINT  REFERENCES sale_line (id),
    UNIQUE (sale_id, line_no)
);
{{sqlite}} INSERT INTO sale_line_new (id, sale_id, line_no, kind, description, product_id, product_version_id,
                           tariff_version_id, is_bundle, sim_card_id, old_sim_card_id, msisdn, quantity,
                           unit_price, amount, vat_code, vat_basis_points, vat_amount, agent, refund_of_line)
    SELECT id, sale_id, line_no, kind, description, product_id, product_version_id, tariff_version_id,
           is_bundle, sim_card_id, old_sim_card_id, msisdn, quantity, unit_price, amount, vat_code,
           vat_basis_points, vat_amount, agent, refund_of_line FROM sale_line;
{{sqlite}} DROP TABLE sale_line;
{{sqlite}} ALTER TABLE sale_line_new RENAME TO sale_line;
{{sqlite}} CREATE INDEX sale_line_refund_of ON sale_line (refund_of_line) WHERE refund_of_line IS NOT NULL;

{{sqlite}} CREATE TABLE gateway_request_new (
    id           INTEGER PRIMARY KEY,
    sale_line_id BIGINT REFERENCES sale_line (id),
    kind         TEXT   NOT NULL,
    payload      TEXT   NOT NULL,            -- JSON: numbers, card, tariff code, amount; no personal data
    status       TEXT   NOT NULL CHECK (status = 'pending' OR status = 'done' OR status = 'failed'),
    created_at   BIGINT NOT NULL,
    sent_at      BIGINT,
    reply        TEXT
);
{{sqlite}} INSERT INTO gateway_request_new (id, sale_line_id, kind, payload, status, created_at, sent_at, reply)
    SELECT id, sale_line_id, kind, payload, status, created_at, sent_at, reply FROM gateway_request;
{{sqlite}} DROP TABLE gateway_request;
{{sqlite}} ALTER TABLE gateway_request_new RENAME TO gateway_request;
{{sqlite}} CREATE INDEX gateway_request_status ON gateway_request (status);

{{sqlite}} CREATE TABLE visit_new (
    id          INTEGER PRIMARY KEY,
    salon_id    BIGINT  NOT NULL REFERENCES salon (id),
    ticket_day  TEXT    NOT NULL,            -- the salon's local date the ticket was taken
    ticket      INTEGER NOT NULL,            -- 1, 2, 3... per salon and day
    purpose     TEXT    NOT NULL
                CHECK (purpose = 'top_up' OR purpose = 'sale' OR purpose = 'service' OR purpose = 'corporate'),
    status      TEXT    NOT NULL
                CHECK (status = 'waiting' OR status = 'serving' OR status = 'done' OR status = 'left'),
    joined_at   BIGINT  NOT NULL,
    called_at   BIGINT,
    finished_at BIGINT,
    served_by   BIGINT  REFERENCES staff (id),
    rating      INTEGER CHECK (rating BETWEEN 1 AND 5),
    rated_at    BIGINT,
    thanks      TEXT,
    UNIQUE (salon_id, ticket_day, ticket)
);
{{sqlite}} INSERT INTO visit_new (id, salon_id, ticket_day, ticket, purpose, status, joined_at, called_at,
                       finished_at, served_by, rating, rated_at, thanks)
    SELECT id, salon_id, ticket_day, ticket, purpose, status, joined_at, called_at, finished_at, served_by,
           rating, rated_at, thanks FROM visit;
{{sqlite}} DROP TABLE visit;
{{sqlite}} ALTER TABLE visit_new RENAME TO visit;
{{sqlite}} CREATE INDEX visit_salon_joined ON visit (salon_id, joined_at);
{{sqlite}} CREATE INDEX visit_served_by ON visit (served_by, finished_at);
