-- Version 2: the tariff catalog. A tariff's prices live in versions with effective dates (R-TAR-2): a
-- sale is priced by the version in force on its date, and a new price is a new version.

-- "Standard rates": what a minute, a megabyte or an SMS costs when a tariff includes nothing for it.
CREATE TABLE standard_rate (
    id          {{id}},
    code        TEXT   NOT NULL,
    valid_from  TEXT   NOT NULL,          -- date YYYY-MM-DD, in force from this day
    valid_to    TEXT,                     -- first day no longer in force; NULL = open
    price       BIGINT NOT NULL CHECK (price >= 0),  -- kopecks per unit
    unit        TEXT   NOT NULL CHECK (unit IN ('minute', 'mb', 'sms')),
    UNIQUE (code, valid_from)
);

CREATE TABLE tariff (
    id          {{id}},
    code        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL CHECK (length(name) > 0),
    segment     TEXT    NOT NULL CHECK (segment IN ('private', 'business')),
    is_bundle   INTEGER NOT NULL,            -- a tariff with a monthly package (R-POS-4)
    individual  INTEGER NOT NULL DEFAULT 0   -- priced per client by agreement (Теле2 бизнес)
);

CREATE TABLE tariff_version (
    id                    {{id}},
    tariff_id             BIGINT  NOT NULL REFERENCES tariff (id),
    valid_from            TEXT    NOT NULL,
    valid_to              TEXT,
    monthly_fee           BIGINT  NOT NULL CHECK (monthly_fee >= 0),
    connection_fee        BIGINT  NOT NULL CHECK (connection_fee >= 0),  -- one-time, per number (R-TAR-3)
    included_minutes      INTEGER NOT NULL DEFAULT 0,  -- home region and Russia
    included_mb           INTEGER NOT NULL DEFAULT 0,
    included_sms          INTEGER NOT NULL DEFAULT 0,
    unlimited_corporate   INTEGER NOT NULL DEFAULT 0,  -- calls between the client's own numbers
    minute_corporate      BIGINT,  -- kopecks a minute past the package; NULL = standard rate
    minute_russia         BIGINT,
    minute_other_operator BIGINT,  -- NULL with zones below = priced by zone
    mb_price              BIGINT,
    sms_price             BIGINT,
    assumed               TEXT,    -- values the source does not give, set by the catalog (shown by the advisor)
    UNIQUE (tariff_id, valid_from)
);
CREATE INDEX tariff_version_tariff ON tariff_version (tariff_id, valid_from);

-- Calls to other operators priced by how remote the region is (Вега: 8 to 11 roubles a minute).
CREATE TABLE tariff_zone_rate (
    tariff_version_id BIGINT NOT NULL REFERENCES tariff_version (id),
    zone              TEXT   NOT NULL,
    minute_price      BIGINT NOT NULL CHECK (minute_price >= 0),
    PRIMARY KEY (tariff_version_id, zone)
);
