-- Version 14: a client's personal data sealed as one record. Version 10 sealed the date of birth, the
-- passport, its date and office of issue and the address one by one, each with its own nonce, tag and
-- base64 (a row of about 630 bytes on 1 KiB pages), and kept a 64-character hex hash of the passport in
-- a unique index of (document_kind, document_hash): a SIM sale registering a client wrote about two
-- more pages than before sealing. Now (see db/PersonalDataKey.hpp):
-- - personal_data holds the five values sealed together under the deployment's key (one nonce, one
--   tag), bound to the column and the passport's hash like every sealed value; the order of the values
--   is the client's record's (pos/core/Client.cpp);
-- - document_hash is the same keyed BLAKE2b of the passport in 16 bytes (base64, 22 characters), and the
--   unique index holds it alone: document_kind can only be 'passport_rf', so one client per passport
--   still holds.
-- The data step opens every client's values where version 10 sealed them and seals them again as one, in
-- this transaction; the statements after it drop the five old columns. They held only sealed values and
-- keyed hashes, so, unlike version 10's plain values, what they leave in freed pages reveals no one.
ALTER TABLE client ADD COLUMN personal_data TEXT;

{{data step}};

{{postgresql}} DROP INDEX client_document_hash;
{{postgresql}} ALTER TABLE client DROP COLUMN birth_date, DROP COLUMN document_number,
    DROP COLUMN document_issued_on, DROP COLUMN document_issuer, DROP COLUMN address,
    ALTER COLUMN personal_data SET NOT NULL, ALTER COLUMN document_hash SET NOT NULL;

{{sqlite}} CREATE TABLE client_new (
    id            INTEGER PRIMARY KEY,
    full_name     TEXT   NOT NULL CHECK (length(full_name) > 0),
    document_kind TEXT   NOT NULL CHECK (document_kind = 'passport_rf'),
    document_hash TEXT   NOT NULL,      -- keyed hash of the passport (Passport::str()), 16 bytes in base64
    personal_data TEXT   NOT NULL,      -- sealed: date of birth, passport, date and office of issue, address
    phone         TEXT,                 -- a contact number, if given
    created_at    BIGINT NOT NULL,
    created_by    BIGINT REFERENCES staff (id),
    updated_at    BIGINT NOT NULL
);
{{sqlite}} INSERT INTO client_new (id, full_name, document_kind, document_hash, personal_data, phone, created_at,
                        created_by, updated_at)
    SELECT id, full_name, document_kind, document_hash, personal_data, phone, created_at, created_by, updated_at
    FROM client;
{{sqlite}} DROP TABLE client;
{{sqlite}} ALTER TABLE client_new RENAME TO client;

CREATE UNIQUE INDEX client_document_hash ON client (document_hash);
