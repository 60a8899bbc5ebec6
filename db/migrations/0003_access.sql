-- Version 3: permissions as data (which role may do what) and the audit journal.
-- A permission's title is translated in the program (pos/core/Permission.cpp); the table only names it.

CREATE TABLE permission (
    code TEXT NOT NULL PRIMARY KEY
);

INSERT INTO permission (code) VALUES
    ('sell'), ('void_line'), ('refund'), ('shift_open_close'), ('cash_in_out'), ('reveal_personal_data'),
    ('manage_staff'), ('run_training'), ('record_votes'), ('view_dealer_reports'), ('edit_reward_schemes'),
    ('corporate_desk'), ('administer_database');

CREATE TABLE role_permission (
    role       TEXT NOT NULL CHECK (role IN ('specialist', 'senior_specialist', 'trainer', 'dealer_manager',
                                             'head_office_admin')),
    permission TEXT NOT NULL REFERENCES permission (code),
    PRIMARY KEY (role, permission)
);

-- The defaults a new deployment starts with; head office changes them with grant and revoke.
INSERT INTO role_permission (role, permission) VALUES
    ('specialist', 'sell'), ('specialist', 'void_line'), ('specialist', 'shift_open_close'),
    ('specialist', 'cash_in_out'), ('specialist', 'corporate_desk'),
    ('senior_specialist', 'sell'), ('senior_specialist', 'void_line'), ('senior_specialist', 'shift_open_close'),
    ('senior_specialist', 'cash_in_out'), ('senior_specialist', 'corporate_desk'),
    ('senior_specialist', 'refund'), ('senior_specialist', 'reveal_personal_data'),
    ('trainer', 'run_training'), ('trainer', 'record_votes'),
    ('dealer_manager', 'view_dealer_reports'), ('dealer_manager', 'record_votes'),
    ('dealer_manager', 'manage_staff'), ('dealer_manager', 'reveal_personal_data');
INSERT INTO role_permission (role, permission) SELECT 'head_office_admin', code FROM permission;

-- Append-only, one chain per station or salon (so stations on one server do not wait for each other's
-- chain head). Each entry's mac is an HMAC over the previous entry's mac and its own columns, with a key
-- kept outside the database: whoever can write to the database still cannot forge, change, delete or
-- reorder entries without verify noticing (see pos/core/AuditJournal.hpp). details never holds personal
-- data in clear text.
CREATE TABLE audit_entry (
    id       {{id}},
    chain    TEXT   NOT NULL,
    seq      BIGINT NOT NULL,
    at       BIGINT NOT NULL,
    actor_id BIGINT REFERENCES staff (id),
    action   TEXT   NOT NULL,
    subject  TEXT   NOT NULL,
    details  TEXT   NOT NULL,
    mac      TEXT   NOT NULL,
    UNIQUE (chain, seq)
);
