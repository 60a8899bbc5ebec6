-- Version 1: the schema's own record, dealers, their salons and the people who work at the station.
-- Portable SQL for SQLite and PostgreSQL; {{id}} is an auto-numbered primary key. Times are Unix
-- seconds (UTC) as BIGINT; booleans are INTEGER 0/1; money is BIGINT kopecks.

CREATE TABLE schema_migration (
    version    INTEGER NOT NULL PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at BIGINT  NOT NULL
);

CREATE TABLE dealer (
    id         {{id}},
    kind       TEXT   NOT NULL CHECK (kind IN ('legal_entity', 'sole_proprietor')),
    name       TEXT   NOT NULL CHECK (length(name) > 0),
    inn        TEXT   NOT NULL UNIQUE,
    ogrn       TEXT   NOT NULL UNIQUE,
    kpp        TEXT,
    created_at BIGINT NOT NULL,
    CHECK ((kind = 'legal_entity' AND length(inn) = 10 AND length(ogrn) = 13 AND kpp IS NOT NULL)
        OR (kind = 'sole_proprietor' AND length(inn) = 12 AND length(ogrn) = 15 AND kpp IS NULL))
);

CREATE TABLE salon (
    id         {{id}},
    dealer_id  BIGINT NOT NULL REFERENCES dealer (id),
    name       TEXT   NOT NULL CHECK (length(name) > 0),
    address    TEXT   NOT NULL CHECK (length(address) > 0),
    time_zone  TEXT   NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    UNIQUE (dealer_id, name)
);
CREATE INDEX salon_dealer ON salon (dealer_id);

CREATE TABLE staff (
    id                   {{id}},
    login                TEXT    NOT NULL UNIQUE,
    full_name            TEXT    NOT NULL CHECK (length(full_name) > 0),
    role                 TEXT    NOT NULL CHECK (role IN ('specialist', 'senior_specialist', 'trainer',
                                                          'dealer_manager', 'head_office_admin')),
    dealer_id            BIGINT  REFERENCES dealer (id),
    salon_id             BIGINT  REFERENCES salon (id),
    career_level         TEXT    CHECK (career_level IN ('trainee', 'specialist', 'senior_specialist')),
    password_hash        TEXT,
    must_change_password INTEGER NOT NULL DEFAULT 1,
    active               INTEGER NOT NULL DEFAULT 1,
    created_at           BIGINT  NOT NULL
);
CREATE INDEX staff_salon ON staff (salon_id);
CREATE INDEX staff_dealer ON staff (dealer_id);
