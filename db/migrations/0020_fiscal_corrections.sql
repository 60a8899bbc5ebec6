-- Version 20: what the fiscal registrar (R-POS-10, 54-FZ) still lacked at the desk.
-- - Correction receipts (чек коррекции, tags 1173/1174): money taken or paid back without a receipt,
--   registered afterwards on the basis of a document. A correction belongs to the till's open shift and
--   waits in the same queue as the shift's receipts (its own fiscal columns, as fiscal_receipt has them
--   for a sale): registered once under its request id "correction-ID".
-- - The payment agent's attributes of a top-up (tags 1057, 1171, 1225, 1226), per operator: the supplier
--   whose money the desk accepts. The operator the desk's top-ups are for is the setting top_up_operator.
-- - A shortfall at shift close needs a reason (kept with the shift, printed on the Z report).

INSERT INTO permission (code) VALUES ('fiscal_correction');
INSERT INTO role_permission (role, permission) VALUES
    ('senior_specialist', 'fiscal_correction'), ('head_office_admin', 'fiscal_correction');

CREATE TABLE fiscal_correction (
    id               {{id}},
    salon_id         BIGINT  NOT NULL REFERENCES salon (id),
    shift_id         BIGINT  NOT NULL REFERENCES shift (id),
    staff_id         BIGINT  NOT NULL REFERENCES staff (id),
    operation        TEXT    NOT NULL CHECK (operation IN ('income', 'refund')),
    amount           BIGINT  NOT NULL CHECK (amount > 0),
    payment          TEXT    NOT NULL CHECK (payment IN ('cash', 'card')),
    vat_code         TEXT    NOT NULL,
    vat_basis_points INTEGER NOT NULL,
    reason           TEXT    NOT NULL CHECK (length(reason) > 0),
    basis_number     TEXT    NOT NULL CHECK (length(basis_number) > 0),
    basis_date       TEXT    NOT NULL,                -- YYYY-MM-DD
    created_at       BIGINT  NOT NULL,
    fiscal_state     TEXT    NOT NULL DEFAULT 'awaiting' CHECK (fiscal_state IN ('awaiting', 'fiscalised', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_attempt_at  BIGINT,
    last_error       TEXT    NOT NULL DEFAULT '',
    registrar        TEXT,
    fn_number        TEXT,
    fd_number        INTEGER,
    fiscal_sign      TEXT,
    fiscal_shift     INTEGER,
    number_in_shift  INTEGER,
    registered_at    BIGINT,
    qr_payload       TEXT
);
CREATE INDEX fiscal_correction_shift ON fiscal_correction (shift_id);

CREATE TABLE payment_agent_supplier (
    operator       TEXT   NOT NULL PRIMARY KEY,
    supplier_name  TEXT   NOT NULL CHECK (length(supplier_name) > 0),
    supplier_inn   TEXT   NOT NULL,
    supplier_phone TEXT   NOT NULL,
    updated_by     BIGINT REFERENCES staff (id),
    updated_at     BIGINT NOT NULL
);
INSERT INTO setting (name, value) VALUES ('top_up_operator', 'operator');

ALTER TABLE shift ADD COLUMN shortfall_reason TEXT;
