-- Version 10: personal data at rest (152-FZ art. 19). A client's date of birth, passport number, date and
-- office of issue and registration address are stored sealed under the deployment's personal-data key,
-- kept outside the database like the audit key (db/PersonalDataKey.hpp), and so is a sale draft, which may
-- hold a registration form being typed. The migration's data step seals the values already stored, in
-- this transaction, with the key; this file only changes the schema.
-- - The desk finds a client by a keyed hash of his passport (document_hash), which takes over the
--   uniqueness of the passport: sealed values are all different, even for the same passport.
-- - personal_data_key holds the key's check value, so that a station with another deployment's key, or
--   none, is refused with a clear message instead of reading noise or sealing under a second key.
CREATE TABLE personal_data_key (
    id          INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    check_value TEXT    NOT NULL             -- a keyed hash of a constant under the key (hex)
);

{{postgresql}} ALTER TABLE client ADD COLUMN document_hash TEXT;
{{postgresql}} ALTER TABLE client DROP CONSTRAINT client_document_kind_document_number_key;

{{sqlite}} CREATE TABLE client_new (
    id                 INTEGER PRIMARY KEY,
    full_name          TEXT   NOT NULL CHECK (length(full_name) > 0),
    birth_date         TEXT   NOT NULL,      -- sealed; YYYY-MM-DD inside
    document_kind      TEXT   NOT NULL CHECK (document_kind = 'passport_rf'),
    document_number    TEXT   NOT NULL,      -- sealed; the series and number inside
    document_hash      TEXT,                 -- keyed hash of the passport (Passport::str()), for the desk's search
    document_issued_on TEXT   NOT NULL,      -- sealed
    document_issuer    TEXT   NOT NULL,      -- sealed
    address            TEXT   NOT NULL,      -- sealed
    phone              TEXT,                 -- a contact number, if given
    created_at         BIGINT NOT NULL,
    created_by         BIGINT REFERENCES staff (id),
    updated_at         BIGINT NOT NULL
);
{{sqlite}} INSERT INTO client_new (id, full_name, birth_date, document_kind, document_number, document_issued_on,
                        document_issuer, address, phone, created_at, created_by, updated_at)
    SELECT id, full_name, birth_date, document_kind, document_number, document_issued_on, document_issuer, address,
           phone, created_at, created_by, updated_at FROM client;
{{sqlite}} DROP TABLE client;
{{sqlite}} ALTER TABLE client_new RENAME TO client;

CREATE UNIQUE INDEX client_document_hash ON client (document_kind, document_hash);
