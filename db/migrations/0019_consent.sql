-- Version 19: consent to the processing of personal data (152-FZ art. 9) recorded with the subscriber's
-- contract, and its withdrawal journaled.
-- - A contract for a number (a subscription) records which version of the consent text the client signed
--   (the text itself, its data categories, purposes and term, is versioned in pos/core/sale/
--   PersonalDataConsent.cpp) and whether he also agreed to offers by phone and SMS. Both ride on the
--   subscription's own INSERT: a SIM sale writes no extra row and runs no extra statement.
--   Contracts made before this version have no consent text (NULL): the desk shows "not recorded".
-- - A withdrawal is a row of its own with who took it, where and when, and the client's words; it turns
--   the offers off for every contract (which keep what was signed), and the client's contact phone is
--   erased in the same transaction.
ALTER TABLE subscription ADD COLUMN consent_text TEXT;
ALTER TABLE subscription ADD COLUMN consent_marketing SMALLINT NOT NULL DEFAULT 0;

CREATE TABLE consent_withdrawal (
    id           {{id}},
    client_id    BIGINT NOT NULL REFERENCES client (id),
    withdrawn_at BIGINT NOT NULL,
    staff_id     BIGINT NOT NULL REFERENCES staff (id),
    salon_id     BIGINT REFERENCES salon (id),
    reason       TEXT   NOT NULL
);
CREATE INDEX consent_withdrawal_client ON consent_withdrawal (client_id, withdrawn_at);

-- The tariff catalog's services and options (R-TAR-1): what a tariff includes beyond minutes, megabytes
-- and SMS is a catalog entry of its own, not a line of text. kind 'service': included in the tariff
-- (Теле2 бизнес's free SMS to three partners, hidden number, spending limit per employee); kind 'option':
-- connected with it and honoured by the advisor (carry_over, «Перенос остатков»: the unused package
-- minutes and megabytes of a month carried to the next one). `assumed` names what the source does not say.
CREATE TABLE tariff_feature (
    tariff_version_id BIGINT NOT NULL REFERENCES tariff_version (id),
    kind              TEXT   NOT NULL CHECK (kind IN ('service', 'option')),
    code              TEXT   NOT NULL,
    name              TEXT   NOT NULL,
    assumed           TEXT,
    PRIMARY KEY (tariff_version_id, code)
);
