-- Version 18: phones, modems and routers received and sold one by one by IMEI, with the warranty on the
-- receipt, and the stocktake of SIM cards and gadgets counted by scanner against the expected stock, its
-- differences approved by a senior and journaled. Nothing here is written by a SIM-only sale: no trigger or
-- index is added to the tables it writes (`salon-cli bench sale`).

-- A catalog product tracked unit by unit (serial_tracked: each one sold by its IMEI) and the warranty months
-- its receipt line states (0: none printed).
ALTER TABLE product ADD COLUMN serial_tracked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE product ADD COLUMN warranty_months INTEGER NOT NULL DEFAULT 0;

-- One device: its product, IMEI (a dual-SIM phone also has a second one), where it is and what became of it.
-- Two units never share an IMEI, whether as first or second (checked by pos/core/catalog/GadgetStock.cpp).
CREATE TABLE gadget_unit (
    id           {{id}},
    product_id   BIGINT NOT NULL REFERENCES product (id),
    imei         TEXT   NOT NULL UNIQUE,
    imei2        TEXT   UNIQUE,
    salon_id     BIGINT NOT NULL REFERENCES salon (id),
    status       TEXT   NOT NULL CHECK (status IN ('in_stock', 'sold', 'returned', 'written_off')),
    delivery_ref TEXT   NOT NULL CHECK (length(delivery_ref) > 0),
    received_at  BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX gadget_unit_salon_status ON gadget_unit (salon_id, status);

-- Every change of a unit's place or status, as sim_movement does for cards.
CREATE TABLE gadget_movement (
    id             {{id}},
    gadget_unit_id BIGINT NOT NULL REFERENCES gadget_unit (id),
    at             BIGINT NOT NULL,
    staff_id       BIGINT REFERENCES staff (id),
    from_salon     BIGINT REFERENCES salon (id),
    to_salon       BIGINT REFERENCES salon (id),
    status         TEXT   NOT NULL,
    reason         TEXT   NOT NULL
);
CREATE INDEX gadget_movement_unit ON gadget_movement (gadget_unit_id);

-- The unit a gadget line sold (or its refund brought back) and the warranty the receipt states: kept beside
-- sale_line, so the lines of a SIM sale are written as before.
CREATE TABLE sale_line_gadget (
    sale_line_id    BIGINT  NOT NULL PRIMARY KEY REFERENCES sale_line (id),
    gadget_unit_id  BIGINT  REFERENCES gadget_unit (id),
    imei            TEXT,
    warranty_months INTEGER NOT NULL DEFAULT 0,
    warranty_until  TEXT                                 -- YYYY-MM-DD, the last day of the warranty
);

-- A stocktake of a salon: the expected SIM cards and gadget units snapshotted when it opens, the codes
-- scanned, and the close with the senior who approved the differences and the reason given for them.
CREATE TABLE stocktake (
    id          {{id}},
    salon_id    BIGINT NOT NULL REFERENCES salon (id),
    status      TEXT   NOT NULL CHECK (status IN ('open', 'closed')),
    opened_at   BIGINT NOT NULL,
    opened_by   BIGINT REFERENCES staff (id),
    closed_at   BIGINT,
    closed_by   BIGINT REFERENCES staff (id),
    approved_by BIGINT REFERENCES staff (id),
    reason      TEXT,
    missing     INTEGER NOT NULL DEFAULT 0,
    surplus     INTEGER NOT NULL DEFAULT 0
);
-- One open stocktake per salon at a time.
CREATE UNIQUE INDEX stocktake_open ON stocktake (salon_id) WHERE status = 'open';

-- What the stocktake expects to find (or, late, what reached the salon's stock while it was open).
CREATE TABLE stocktake_item (
    stocktake_id BIGINT NOT NULL REFERENCES stocktake (id),
    code         TEXT   NOT NULL,                   -- the ICCID or the (first) IMEI
    item_kind    TEXT   NOT NULL CHECK (item_kind IN ('sim', 'gadget')),
    item_id      BIGINT NOT NULL,                   -- sim_card.id or gadget_unit.id
    late         INTEGER NOT NULL DEFAULT 0,        -- received after the stocktake opened
    counted_at   BIGINT,
    counted_by   BIGINT REFERENCES staff (id),
    outcome      TEXT   CHECK (outcome IN ('counted', 'missing', 'left')),  -- set when the stocktake closes
    PRIMARY KEY (stocktake_id, code)
);

-- Every scan as it came: counted, a duplicate, a surplus (a known card or unit the salon should not have)
-- or unknown (no card or unit of this code the salon's dealer has).
CREATE TABLE stocktake_scan (
    id           {{id}},
    stocktake_id BIGINT NOT NULL REFERENCES stocktake (id),
    code         TEXT   NOT NULL,
    at           BIGINT NOT NULL,
    staff_id     BIGINT REFERENCES staff (id),
    outcome      TEXT   NOT NULL CHECK (outcome IN ('counted', 'duplicate', 'surplus', 'unknown')),
    item_kind    TEXT,
    item_id      BIGINT,
    written_in   INTEGER NOT NULL DEFAULT 0              -- a surplus the close brought into the salon's stock
);
CREATE INDEX stocktake_scan_code ON stocktake_scan (stocktake_id, code);

-- Who approves a stocktake's differences: a salon's senior, the dealer's manager, head office.
INSERT INTO permission (code) VALUES ('approve_stock_difference');
INSERT INTO role_permission (role, permission) VALUES
    ('senior_specialist', 'approve_stock_difference'), ('dealer_manager', 'approve_stock_difference'),
    ('head_office_admin', 'approve_stock_difference');
