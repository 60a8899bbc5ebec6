-- Version 11: the corporate desk (R-CORP-1..13). Companies (legal entities and sole proprietors) with their
-- contract and numbers on business tariffs, their users' data (sealed like the private client's, 152-FZ),
-- powers of attorney, remote-service applications and their status history, the corporate cabinet, the
-- SMS outbox the one-time codes go through, requests taken at the desk or read from e-mail, and the mails.
-- Clients are the operator's, as private clients are: no dealer column, any dealer's salon serves them.
-- Dates on paper (contract, power of attorney) are TEXT 'YYYY-MM-DD'; times are BIGINT UTC seconds.

-- A company (R-CORP-1): told apart by its INN, 10 digits for a legal entity (with OGRN and KPP), 12 for a
-- sole proprietor (with OGRNIP and no KPP).
CREATE TABLE corporate_client (
    id              {{id}},
    kind            TEXT   NOT NULL CHECK (kind IN ('legal_entity', 'sole_proprietor')),
    inn             TEXT   NOT NULL UNIQUE,
    ogrn            TEXT   NOT NULL UNIQUE,   -- OGRN (13 digits) or OGRNIP (15 digits)
    kpp             TEXT,                     -- NULL for a sole proprietor
    official_name   TEXT   NOT NULL CHECK (length(official_name) > 0),
    contract_number TEXT   NOT NULL CHECK (length(contract_number) > 0),
    contract_date   TEXT   NOT NULL,
    bound_email     TEXT,                     -- the address bound to the remote service (R-CORP-2, R-CORP-5)
    created_at      BIGINT NOT NULL,
    created_by      BIGINT REFERENCES staff (id),
    updated_at      BIGINT,
    CHECK ((kind = 'legal_entity' AND length(inn) = 10 AND length(ogrn) = 13 AND kpp IS NOT NULL)
        OR (kind = 'sole_proprietor' AND length(inn) = 12 AND length(ogrn) = 15 AND kpp IS NULL))
);

-- A number under the company's contract with its business tariff (R-CORP-13).
CREATE TABLE corporate_number (
    id                {{id}},
    client_id         BIGINT NOT NULL REFERENCES corporate_client (id),
    msisdn            TEXT   NOT NULL UNIQUE,  -- E.164 "+7XXXXXXXXXX" (Msisdn::str())
    tariff_id         BIGINT NOT NULL REFERENCES tariff (id),
    status            TEXT   NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked')),
    status_changed_at BIGINT NOT NULL,
    added_at          BIGINT NOT NULL,
    added_by          BIGINT REFERENCES staff (id),
    tariff_changed_at BIGINT
);
CREATE INDEX corporate_number_client ON corporate_number (client_id);

-- The user of a corporate number (R-CORP-10): every value but the document's kind is sealed under the
-- personal-data key; document_hash is the keyed hash the desk finds a document by.
CREATE TABLE corporate_number_user (
    number_id            BIGINT NOT NULL PRIMARY KEY REFERENCES corporate_number (id),
    surname              TEXT   NOT NULL,      -- sealed
    given_name           TEXT   NOT NULL,      -- sealed
    patronymic           TEXT,                 -- sealed; NULL when the person has none
    birth_date           TEXT   NOT NULL,      -- sealed; YYYY-MM-DD inside
    registration_address TEXT   NOT NULL,      -- sealed
    document_kind        TEXT   NOT NULL,
    document_number      TEXT   NOT NULL,      -- sealed
    document_issued_by   TEXT   NOT NULL,      -- sealed
    document_issued_on   TEXT   NOT NULL,      -- sealed
    document_hash        TEXT,
    updated_at           BIGINT NOT NULL,
    updated_by           BIGINT REFERENCES staff (id),
    source               TEXT   NOT NULL CHECK (source IN ('desk', 'file', 'mail'))
);
CREATE INDEX corporate_number_user_document ON corporate_number_user (document_kind, document_hash);

-- Each accepted list of users (R-CORP-10): the quarterly compliance view reads the newest per client.
CREATE TABLE corporate_users_list (
    id          {{id}},
    client_id   BIGINT NOT NULL REFERENCES corporate_client (id),
    received_at BIGINT NOT NULL,
    received_by BIGINT REFERENCES staff (id),
    source      TEXT   NOT NULL,
    rows        INTEGER NOT NULL CHECK (rows >= 0)
);
CREATE INDEX corporate_users_list_client ON corporate_users_list (client_id, received_at);

-- A power of attorney on file (R-CORP-2, R-CORP-6, R-CORP-12): the head's for the company, or an
-- employee's for his own number (for_msisdn).
CREATE TABLE power_of_attorney (
    id          {{id}},
    client_id   BIGINT NOT NULL REFERENCES corporate_client (id),
    kind        TEXT   NOT NULL CHECK (kind IN ('power_of_attorney', 'general_power_of_attorney')),
    number      TEXT   NOT NULL CHECK (length(number) > 0),
    issued_on   TEXT   NOT NULL,
    valid_until TEXT   NOT NULL,
    issued_by   TEXT   NOT NULL CHECK (length(issued_by) > 0),
    issued_to   TEXT   NOT NULL CHECK (length(issued_to) > 0),
    for_msisdn  TEXT,
    created_at  BIGINT NOT NULL,
    created_by  BIGINT REFERENCES staff (id),
    CHECK (valid_until >= issued_on)
);
CREATE INDEX power_of_attorney_client ON power_of_attorney (client_id, valid_until);

-- The application for remote service (R-CORP-2); an administrator change (R-CORP-7) is a new
-- application that replaces the previous one, free of charge.
CREATE TABLE remote_service_application (
    id                   {{id}},
    client_id            BIGINT NOT NULL REFERENCES corporate_client (id),
    official_name        TEXT   NOT NULL CHECK (length(official_name) > 0),
    bound_email          TEXT   NOT NULL CHECK (length(bound_email) > 0),
    admin_msisdn         TEXT   NOT NULL,
    confirmation         TEXT   NOT NULL,     -- how authorisation is confirmed ('sms_code', ...)
    power_of_attorney_id BIGINT NOT NULL REFERENCES power_of_attorney (id),
    status               TEXT   NOT NULL DEFAULT 'draft'
                         CHECK (status IN ('draft', 'printed', 'signed', 'registered', 'active', 'revoked')),
    replaces_id          BIGINT REFERENCES remote_service_application (id),
    salon_id             BIGINT REFERENCES salon (id),
    created_at           BIGINT NOT NULL,
    created_by           BIGINT REFERENCES staff (id),
    status_changed_at    BIGINT,
    fee                  BIGINT NOT NULL DEFAULT 0 CHECK (fee >= 0)  -- kopecks; an administrator change is free
);
CREATE INDEX remote_service_application_client ON remote_service_application (client_id, status);

-- Every step of an application's status, with who and when (R-CORP-2).
CREATE TABLE application_status_change (
    id             {{id}},
    application_id BIGINT NOT NULL REFERENCES remote_service_application (id),
    from_status    TEXT,                      -- NULL for the application's creation
    to_status      TEXT   NOT NULL,
    at             BIGINT NOT NULL,
    actor_id       BIGINT REFERENCES staff (id)
);
CREATE INDEX application_status_change_application ON application_status_change (application_id, at);

-- The company's corporate cabinet (R-CORP-3, R-CORP-7, R-CORP-8): the enablement step reached, the
-- first sign-in and permanent password, and the blocking of an administrator who was replaced.
CREATE TABLE corporate_cabinet (
    client_id             BIGINT NOT NULL PRIMARY KEY REFERENCES corporate_client (id),
    version               TEXT   NOT NULL DEFAULT 'new' CHECK (version IN ('old', 'new')),
    admin_msisdn          TEXT,
    step                  TEXT   NOT NULL DEFAULT 'not_started',
    code_requested_at     BIGINT,
    first_sign_in_at      BIGINT,
    permanent_password_at BIGINT,
    admin_blocked_at      BIGINT,
    application_id        BIGINT REFERENCES remote_service_application (id),
    updated_at            BIGINT
);

-- Texts sent by SMS (R-CORP-3): never dropped; a failed send is kept with its error and tried again.
CREATE TABLE sms_outbox (
    id              {{id}},
    msisdn          TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    purpose         TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT,
    sent_at         BIGINT,
    last_error      TEXT,
    sender          TEXT                      -- the sender that delivered it ('sandbox')
);
CREATE INDEX sms_outbox_pending ON sms_outbox (sent_at, next_attempt_at);

-- A company's request (R-CORP-4, R-CORP-5, R-CORP-13), taken at the desk or read from e-mail.
CREATE TABLE corporate_request (
    id         {{id}},
    client_id  BIGINT NOT NULL REFERENCES corporate_client (id),
    kind       TEXT   NOT NULL CHECK (kind IN ('block_sim', 'change_personal_data', 'restore_pin_puk',
                                               'spending_limit', 'billing_address', 'restore_cabinet_login',
                                               'transfer_payment', 'number_list')),
    number_id  BIGINT REFERENCES corporate_number (id),
    details    TEXT   NOT NULL DEFAULT '{}',   -- JSON
    source     TEXT   NOT NULL CHECK (source IN ('desk', 'mail')),
    mail_id    BIGINT,
    status     TEXT   NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'done', 'rejected')),
    due_at     BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    taken_at   BIGINT,
    taken_by   BIGINT REFERENCES staff (id),
    done_at    BIGINT,
    reason     TEXT
);
CREATE INDEX corporate_request_client ON corporate_request (client_id, status);
CREATE INDEX corporate_request_status ON corporate_request (status, due_at);

-- Every mail read (R-CORP-5): a request, a rejected one with its reason, or unrecognised, never lost.
CREATE TABLE inbound_mail (
    id           {{id}},
    message_id   TEXT   NOT NULL UNIQUE,
    from_address TEXT,
    subject      TEXT,
    received_at  BIGINT,
    outcome      TEXT   NOT NULL CHECK (outcome IN ('request', 'rejected', 'unrecognised')),
    reason       TEXT,
    client_id    BIGINT REFERENCES corporate_client (id),
    body_sealed  TEXT,
    imported_at  BIGINT NOT NULL,
    imported_by  BIGINT REFERENCES staff (id)
);

-- A sale line of kind corporate_tariff: a business tariff connected to a company's number at the corporate
-- desk, its connection fee on the receipt (the sale's own receipt path, R-TAR-3). SQLite cannot change a
-- CHECK in place: the table is rebuilt as in version 9 (same columns, the kinds as `x = ... OR x = ...`).
{{postgresql}} ALTER TABLE sale_line DROP CONSTRAINT sale_line_kind_check;
{{postgresql}} ALTER TABLE sale_line ADD CONSTRAINT sale_line_kind_check CHECK (kind IN ('sim', 'service',
    'gadget', 'accessory', 'top_up', 'tariff_change', 'sim_replacement', 'port_in', 'corporate_tariff'));

{{sqlite}} CREATE TABLE sale_line_new (
    id                INTEGER PRIMARY KEY,
    sale_id           BIGINT  NOT NULL REFERENCES sale (id),
    line_no           INTEGER NOT NULL,
    kind              TEXT    NOT NULL CHECK (kind = 'sim' OR kind = 'service' OR kind = 'gadget'
                                              OR kind = 'accessory' OR kind = 'top_up' OR kind = 'tariff_change'
                                              OR kind = 'sim_replacement' OR kind = 'port_in'
                                              OR kind = 'corporate_tariff'),
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
