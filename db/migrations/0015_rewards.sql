-- Version 15: dealer rewards (R-POS-2, R-POS-4) kept as data: scheme versions with effective dates and
-- their rate rows, reward periods (computed, reviewed, locked) with each dealer's result and the
-- adjustments that correct a locked period in a later one, SIM deactivations (clawback), disputes, and the
-- per-dealer per-day summaries the reward computation materialises for days that are over. Nothing here is
-- written at sale time: no trigger or index is added to the tables a sale writes (`salon-cli bench sale`).

-- A scheme version: in force from valid_from to the day before valid_to (NULL: open). Versions never
-- overlap and leave no gap (reports/core/RewardScheme.cpp checks it when a version is saved).
-- quality_below_bp: what the reward is multiplied by when the good-rating share is under the threshold
-- (R-POS-4); 0 makes the threshold a gate. Training coefficient: base + certified share x weight + entrance
-- test pass share x weight, in basis points. cap: the most a dealer earns in a period (NULL: none).
CREATE TABLE reward_scheme (
    id                    {{id}},
    name                  TEXT    NOT NULL CHECK (length(name) > 0),
    valid_from            TEXT    NOT NULL UNIQUE,
    valid_to              TEXT,
    tier_mode             TEXT    NOT NULL CHECK (tier_mode IN ('marginal', 'retroactive')),
    bundle_bonus          BIGINT  NOT NULL CHECK (bundle_bonus >= 0),
    quality_threshold_bp  INTEGER NOT NULL CHECK (quality_threshold_bp BETWEEN 0 AND 10000),
    quality_below_bp      INTEGER NOT NULL CHECK (quality_below_bp BETWEEN 0 AND 10000),
    training_base_bp      INTEGER NOT NULL CHECK (training_base_bp >= 0),
    training_certified_bp INTEGER NOT NULL CHECK (training_certified_bp >= 0),
    training_test_bp      INTEGER NOT NULL CHECK (training_test_bp >= 0),
    cap                   BIGINT  CHECK (cap >= 0),
    clawback_days         INTEGER NOT NULL CHECK (clawback_days >= 0),
    created_at            BIGINT  NOT NULL,
    created_by            BIGINT  REFERENCES staff (id)
);

-- A scheme's rate rows. sim: kopecks per SIM sold on the tariff `item` (a tariff code, '*' for any other);
-- upsell: kopecks per unit of the service `item` (a product code or '*'); volume_tier: from the
-- `threshold`-th SIM of the period, `amount` more per SIM (marginal or retroactive as the scheme says);
-- bundle_share_tier: from a bundle share of `threshold` basis points, the bundle bonus times basis_points.
CREATE TABLE reward_rate (
    scheme_id    BIGINT  NOT NULL REFERENCES reward_scheme (id),
    kind         TEXT    NOT NULL CHECK (kind IN ('sim', 'upsell', 'volume_tier', 'bundle_share_tier')),
    item         TEXT    NOT NULL DEFAULT '',
    threshold    BIGINT  NOT NULL DEFAULT 0 CHECK (threshold >= 0),
    amount       BIGINT  NOT NULL DEFAULT 0 CHECK (amount >= 0),
    basis_points INTEGER NOT NULL DEFAULT 0 CHECK (basis_points >= 0),
    PRIMARY KEY (scheme_id, kind, item, threshold)
);

-- A month ('2026-09') or a quarter ('2026-Q3') of the operator's accounting calendar (Moscow time).
CREATE TABLE reward_period (
    id          {{id}},
    code        TEXT   NOT NULL UNIQUE,
    kind        TEXT   NOT NULL CHECK (kind IN ('month', 'quarter')),
    starts_on   TEXT   NOT NULL,
    ends_on     TEXT   NOT NULL,             -- the first day after the period
    status      TEXT   NOT NULL CHECK (status IN ('computed', 'reviewed', 'locked')),
    scheme_id   BIGINT NOT NULL REFERENCES reward_scheme (id),
    computed_at BIGINT NOT NULL,
    computed_by BIGINT REFERENCES staff (id),
    reviewed_at BIGINT,
    reviewed_by BIGINT REFERENCES staff (id),
    locked_at   BIGINT,
    locked_by   BIGINT REFERENCES staff (id)
);

-- A dealer's reward for a period as computed (and, once locked, as paid); detail is the statement's JSON.
CREATE TABLE reward_result (
    period_id BIGINT NOT NULL REFERENCES reward_period (id),
    dealer_id BIGINT NOT NULL REFERENCES dealer (id),
    total     BIGINT NOT NULL,
    detail    TEXT   NOT NULL,
    PRIMARY KEY (period_id, dealer_id)
);

-- A correction to a locked period, booked in a later open one (never an edit of the locked one).
CREATE TABLE reward_adjustment (
    period_id    BIGINT NOT NULL REFERENCES reward_period (id),   -- where it is booked
    of_period_id BIGINT NOT NULL REFERENCES reward_period (id),   -- the locked period it corrects
    dealer_id    BIGINT NOT NULL REFERENCES dealer (id),
    amount       BIGINT NOT NULL,
    PRIMARY KEY (period_id, of_period_id, dealer_id)
);

-- A SIM the operator deactivated (reconciliation file or gateway): its reward is taken back in the period
-- in which the deactivation became known (reported_on) when it came within the scheme's days of the sale.
CREATE TABLE sim_deactivation (
    id             {{id}},
    sale_line_id   BIGINT NOT NULL UNIQUE REFERENCES sale_line (id),
    msisdn         TEXT   NOT NULL,
    deactivated_on TEXT   NOT NULL,
    reported_on    TEXT   NOT NULL,
    source         TEXT   NOT NULL,
    imported_at    BIGINT NOT NULL,
    imported_by    BIGINT REFERENCES staff (id)
);
CREATE INDEX sim_deactivation_reported ON sim_deactivation (reported_on);

-- A dealer's objection to a statement line; head office resolves it. Both are journaled.
CREATE TABLE reward_dispute (
    id          {{id}},
    period_id   BIGINT NOT NULL REFERENCES reward_period (id),
    dealer_id   BIGINT NOT NULL REFERENCES dealer (id),
    line_key    TEXT   NOT NULL,
    comment     TEXT   NOT NULL CHECK (length(comment) > 0),
    status      TEXT   NOT NULL CHECK (status IN ('open', 'accepted', 'rejected')),
    raised_by   BIGINT REFERENCES staff (id),
    raised_at   BIGINT NOT NULL,
    resolution  TEXT,
    resolved_by BIGINT REFERENCES staff (id),
    resolved_at BIGINT
);
CREATE INDEX reward_dispute_period ON reward_dispute (period_id, dealer_id);

-- The reward computation's own summaries of days that are over (a sale row never changes once written,
-- and a refund is a new row on its own day): per Moscow day (days since 1970-01-01) and dealer, the net
-- quantity of SIM, service and tariff-change lines by tariff version, product and bundle mark; and the
-- visits rated. A day is listed in reward_day_done once summarised.
CREATE TABLE reward_day_line (
    day               INTEGER NOT NULL,
    dealer_id         BIGINT  NOT NULL,
    kind              TEXT    NOT NULL,
    tariff_version_id BIGINT  NOT NULL,
    product_id        BIGINT  NOT NULL,
    is_bundle         INTEGER NOT NULL,
    quantity          BIGINT  NOT NULL,
    PRIMARY KEY (day, dealer_id, kind, tariff_version_id, product_id, is_bundle)
);
CREATE TABLE reward_day_rating (
    day       INTEGER NOT NULL,
    dealer_id BIGINT  NOT NULL,
    good      BIGINT  NOT NULL,
    rated     BIGINT  NOT NULL,
    PRIMARY KEY (day, dealer_id)
);
-- The SIM sales of those days by number: how the operator's deactivation file finds a number's sales line
-- without an index on sale_line (every index there is paid by each sale).
CREATE TABLE reward_sim_sale (
    msisdn       TEXT   NOT NULL,
    sale_line_id BIGINT NOT NULL,
    sold_at      BIGINT NOT NULL,
    PRIMARY KEY (msisdn, sale_line_id)
);
CREATE TABLE reward_day_done (
    day      INTEGER NOT NULL PRIMARY KEY,
    built_at BIGINT  NOT NULL
);

-- The default scheme a deployment starts with (head office edits it in the station): quarterly rewards,
-- 150 roubles a SIM (200 on the bundle tariffs Смарт+ and Устройства), 30 roubles per service sold,
-- 100 roubles per bundle sale paid in full from a 50% bundle share (half of it from 30%, nothing below),
-- 20 roubles more per SIM from the 101st SIM and 40 more from the 301st (marginal), the quality threshold
-- of 85% good ratings as a 0.9 multiplier, a training coefficient of 0.90 + 0.10 x certified share + 0.05
-- x entrance-test pass share, a cap of 500 000 roubles and a clawback within 30 days.
INSERT INTO reward_scheme (name, valid_from, valid_to, tier_mode, bundle_bonus, quality_threshold_bp, quality_below_bp,
                           training_base_bp, training_certified_bp, training_test_bp, cap, clawback_days, created_at)
    VALUES ('Базовая схема', '2000-01-01', NULL, 'marginal', 10000, 8500, 9000, 9000, 1000, 500, 50000000, 30, 0);
INSERT INTO reward_rate (scheme_id, kind, item, threshold, amount, basis_points) VALUES
    (1, 'sim', '*', 0, 15000, 0),
    (1, 'sim', 'smart_plus', 0, 20000, 0),
    (1, 'sim', 'devices', 0, 20000, 0),
    (1, 'upsell', '*', 0, 3000, 0),
    (1, 'volume_tier', '', 101, 2000, 0),
    (1, 'volume_tier', '', 301, 4000, 0),
    (1, 'bundle_share_tier', '', 3000, 0, 5000),
    (1, 'bundle_share_tier', '', 5000, 0, 10000);
