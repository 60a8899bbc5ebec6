-- Version 5: the sales desk (R-POS-1..10, R-TAR-2): VAT rates and the product catalog with effective
-- dates, serialised SIM stock, clients and their numbers, the queue and visits, shifts and the cash
-- drawer, sales with their lines and payments, port-in requests, drafts that survive a crash, and the
-- requests waiting for the operator's systems.

-- VAT by rate code with effective dates: a line keeps the rate it was sold at.
CREATE TABLE vat_rate (
    id           {{id}},
    code         TEXT    NOT NULL,           -- 'standard', 'none' (a payment agent's top-up carries none)
    valid_from   TEXT    NOT NULL,           -- date YYYY-MM-DD
    valid_to     TEXT,                       -- first day no longer in force; NULL = open
    basis_points INTEGER NOT NULL CHECK (basis_points >= 0 AND basis_points <= 10000),  -- 2000 = 20%
    UNIQUE (code, valid_from)
);
INSERT INTO vat_rate (code, valid_from, valid_to, basis_points) VALUES
    ('standard', '2019-01-01', '2026-01-01', 2000),
    ('standard', '2026-01-01', NULL, 2200),
    ('none', '2000-01-01', NULL, 0);

-- What the desk sells besides tariffs: options and services, gadgets, accessories, the SIM card itself.
CREATE TABLE product (
    id     {{id}},
    code   TEXT    NOT NULL UNIQUE,
    name   TEXT    NOT NULL CHECK (length(name) > 0),
    kind   TEXT    NOT NULL CHECK (kind IN ('service', 'gadget', 'accessory', 'sim')),
    active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE product_version (
    id         {{id}},
    product_id BIGINT NOT NULL REFERENCES product (id),
    valid_from TEXT   NOT NULL,
    valid_to   TEXT,
    price      BIGINT NOT NULL CHECK (price >= 0),  -- kopecks, VAT included
    vat_code   TEXT   NOT NULL,
    UNIQUE (product_id, valid_from)
);
CREATE INDEX product_version_product ON product_version (product_id, valid_from);

-- One physical SIM card. A blank replacement card has no number until it replaces a client's card.
CREATE TABLE sim_card (
    id          {{id}},
    iccid       TEXT   NOT NULL UNIQUE,
    msisdn      TEXT,                        -- E.164 "+7XXXXXXXXXX" (Msisdn::str()); NULL for a blank card
    sim_format  TEXT   NOT NULL CHECK (sim_format IN ('triple', 'nano', 'esim')),
    salon_id    BIGINT NOT NULL REFERENCES salon (id),
    status      TEXT   NOT NULL CHECK (status IN ('in_stock', 'sold', 'replaced', 'returned', 'defective')),
    received_at BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
-- A number belongs to one card at a time among those not replaced or defective.
CREATE UNIQUE INDEX sim_card_msisdn_live ON sim_card (msisdn)
    WHERE status IN ('in_stock', 'sold', 'returned');
CREATE INDEX sim_card_msisdn ON sim_card (msisdn);
CREATE INDEX sim_card_salon_status ON sim_card (salon_id, status);

-- Every change of a card's place or status, for the stock history.
CREATE TABLE sim_movement (
    id          {{id}},
    sim_card_id BIGINT NOT NULL REFERENCES sim_card (id),
    at          BIGINT NOT NULL,
    staff_id    BIGINT REFERENCES staff (id),
    from_salon  BIGINT REFERENCES salon (id),
    to_salon    BIGINT REFERENCES salon (id),
    status      TEXT   NOT NULL,
    reason      TEXT   NOT NULL
);
CREATE INDEX sim_movement_card ON sim_movement (sim_card_id);

-- A private client: the electronic registration form (R-POS-7). Clients are the operator's, so any
-- dealer's salon may serve them. Personal data: shown masked, revealed only with a reason (audited).
CREATE TABLE client (
    id                 {{id}},
    full_name          TEXT   NOT NULL CHECK (length(full_name) > 0),
    birth_date         TEXT   NOT NULL,      -- YYYY-MM-DD
    document_kind      TEXT   NOT NULL CHECK (document_kind IN ('passport_rf')),
    document_number    TEXT   NOT NULL,      -- 10 digits
    document_issued_on TEXT   NOT NULL,
    document_issuer    TEXT   NOT NULL,
    address            TEXT   NOT NULL,
    phone              TEXT,                 -- a contact number, if given
    created_at         BIGINT NOT NULL,
    created_by         BIGINT REFERENCES staff (id),
    updated_at         BIGINT NOT NULL,
    UNIQUE (document_kind, document_number)
);
CREATE INDEX client_name ON client (full_name);

-- A number in service: whose it is, on which card and tariff. The SIM limit per person counts these.
CREATE TABLE subscription (
    id          {{id}},
    msisdn      TEXT   NOT NULL,
    client_id   BIGINT NOT NULL REFERENCES client (id),
    sim_card_id BIGINT NOT NULL REFERENCES sim_card (id),
    tariff_id   BIGINT NOT NULL REFERENCES tariff (id),
    started_at  BIGINT NOT NULL,
    ended_at    BIGINT
);
CREATE UNIQUE INDEX subscription_live ON subscription (msisdn) WHERE ended_at IS NULL;
CREATE INDEX subscription_client ON subscription (client_id);

-- The station's settings kept as data (SIM limit per person, bundle-share threshold, ...).
CREATE TABLE setting (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO setting (name, value) VALUES ('sim_limit_per_person', '20'), ('bundle_share_threshold_percent', '50');

-- The queue (R-POS-6): a visitor takes a ticket, a specialist calls him, serves him and he rates the
-- service (R-POS-5). Times are the database clock's.
CREATE TABLE visit (
    id          {{id}},
    salon_id    BIGINT  NOT NULL REFERENCES salon (id),
    ticket_day  TEXT    NOT NULL,            -- the salon's local date the ticket was taken
    ticket      INTEGER NOT NULL,            -- 1, 2, 3... per salon and day
    purpose     TEXT    NOT NULL CHECK (purpose IN ('top_up', 'sale', 'service', 'corporate')),
    status      TEXT    NOT NULL CHECK (status IN ('waiting', 'serving', 'done', 'left')),
    joined_at   BIGINT  NOT NULL,
    called_at   BIGINT,
    finished_at BIGINT,
    served_by   BIGINT  REFERENCES staff (id),
    client_id   BIGINT  REFERENCES client (id),
    rating      INTEGER CHECK (rating BETWEEN 1 AND 5),
    rated_at    BIGINT,
    thanks      TEXT,
    UNIQUE (salon_id, ticket_day, ticket)
);
CREATE INDEX visit_salon_joined ON visit (salon_id, joined_at);
CREATE INDEX visit_served_by ON visit (served_by, finished_at);

-- A cash drawer's shift at one till of a salon (R-POS-10: the register's shift follows it).
CREATE TABLE shift (
    id            {{id}},
    salon_id      BIGINT  NOT NULL REFERENCES salon (id),
    till          TEXT    NOT NULL,          -- the station (host name)
    number        INTEGER NOT NULL,          -- 1, 2, 3... per salon
    opened_by     BIGINT  NOT NULL REFERENCES staff (id),
    opened_at     BIGINT  NOT NULL,
    opening_float BIGINT  NOT NULL CHECK (opening_float >= 0),
    closed_by     BIGINT  REFERENCES staff (id),
    closed_at     BIGINT,
    expected_cash BIGINT,
    counted_cash  BIGINT,
    approved_by   BIGINT  REFERENCES staff (id),  -- the senior who approved a difference or closed another's shift
    chain_head    TEXT,                      -- the audit chain's head at close, printed on the Z report
    last_receipt  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (salon_id, number)
);
CREATE UNIQUE INDEX shift_open_per_till ON shift (salon_id, till) WHERE closed_at IS NULL;

CREATE TABLE cash_movement (
    id       {{id}},
    shift_id BIGINT NOT NULL REFERENCES shift (id),
    kind     TEXT   NOT NULL CHECK (kind IN ('in', 'out')),
    amount   BIGINT NOT NULL CHECK (amount > 0),
    reason   TEXT   NOT NULL CHECK (length(reason) > 0),
    staff_id BIGINT NOT NULL REFERENCES staff (id),
    at       BIGINT NOT NULL
);
CREATE INDEX cash_movement_shift ON cash_movement (shift_id);

-- A sale or a refund (R-POS-1: a dealer's, a salon's and its specialist's), committed with its lines
-- and payments in one transaction, then sent to the fiscal registrar (R-POS-10).
CREATE TABLE sale (
    id             {{id}},
    dealer_id      BIGINT  NOT NULL REFERENCES dealer (id),
    salon_id       BIGINT  NOT NULL REFERENCES salon (id),
    shift_id       BIGINT  NOT NULL REFERENCES shift (id),
    staff_id       BIGINT  NOT NULL REFERENCES staff (id),
    visit_id       BIGINT  REFERENCES visit (id),
    client_id      BIGINT  REFERENCES client (id),
    kind           TEXT    NOT NULL CHECK (kind IN ('sale', 'refund')),
    refund_of      BIGINT  REFERENCES sale (id),
    receipt_number INTEGER NOT NULL,
    created_at     BIGINT  NOT NULL,
    total          BIGINT  NOT NULL,
    paid_cash      BIGINT  NOT NULL DEFAULT 0 CHECK (paid_cash >= 0),
    paid_card      BIGINT  NOT NULL DEFAULT 0 CHECK (paid_card >= 0),
    change_due     BIGINT  NOT NULL DEFAULT 0 CHECK (change_due >= 0),
    approved_by    BIGINT  REFERENCES staff (id),  -- the senior whose override allowed it (refunds)
    fiscal_state   TEXT    NOT NULL DEFAULT 'awaiting' CHECK (fiscal_state IN ('awaiting', 'fiscalised', 'failed')),
    UNIQUE (shift_id, receipt_number)
);
CREATE INDEX sale_salon_created ON sale (salon_id, created_at);
CREATE INDEX sale_dealer_created ON sale (dealer_id, created_at);
CREATE INDEX sale_staff_created ON sale (staff_id, created_at);

CREATE TABLE sale_line (
    id                {{id}},
    sale_id           BIGINT  NOT NULL REFERENCES sale (id),
    line_no           INTEGER NOT NULL,
    kind              TEXT    NOT NULL CHECK (kind IN ('sim', 'service', 'gadget', 'accessory', 'top_up',
                                                       'tariff_change', 'sim_replacement', 'port_in')),
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
CREATE INDEX sale_line_sim ON sale_line (sim_card_id);
CREATE INDEX sale_line_refund_of ON sale_line (refund_of_line);

-- Number portability (R-POS-9): the client keeps his number, moving from a donor operator.
CREATE TABLE port_request (
    id             {{id}},
    sale_line_id   BIGINT NOT NULL REFERENCES sale_line (id),
    client_id      BIGINT NOT NULL REFERENCES client (id),
    msisdn         TEXT   NOT NULL,          -- the number being brought in
    donor_operator TEXT   NOT NULL,
    desired_date   TEXT   NOT NULL,          -- YYYY-MM-DD
    temporary_sim  BIGINT REFERENCES sim_card (id),
    status         TEXT   NOT NULL CHECK (status IN ('submitted', 'accepted', 'rejected', 'completed')),
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);

-- The sale being put together at a till, saved after every change so a crash or power cut loses nothing
-- (the desk offers it back after a restart). Deleted when the sale is committed or abandoned.
CREATE TABLE sale_draft (
    id         {{id}},
    staff_id   BIGINT NOT NULL REFERENCES staff (id),
    salon_id   BIGINT NOT NULL REFERENCES salon (id),
    till       TEXT   NOT NULL,
    content    TEXT   NOT NULL,              -- JSON of the draft; never read by reports
    updated_at BIGINT NOT NULL,
    UNIQUE (staff_id, till)
);

-- Requests to the operator's systems (activation, top-up, porting, SIM replacement, tariff change),
-- written in the sale's transaction and sent after it commits, so a gateway fault never loses a sale.
CREATE TABLE gateway_request (
    id           {{id}},
    sale_line_id BIGINT REFERENCES sale_line (id),
    kind         TEXT   NOT NULL,
    payload      TEXT   NOT NULL,            -- JSON: numbers, card, tariff code, amount; no personal data
    status       TEXT   NOT NULL CHECK (status IN ('pending', 'done', 'failed')),
    created_at   BIGINT NOT NULL,
    sent_at      BIGINT,
    reply        TEXT
);
CREATE INDEX gateway_request_status ON gateway_request (status);

-- The sandbox gateway's own state: the balances of numbers it has topped up (test mode, shown as such).
CREATE TABLE sandbox_balance (
    msisdn  TEXT   NOT NULL PRIMARY KEY,
    balance BIGINT NOT NULL
);
