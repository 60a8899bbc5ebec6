-- Version 4: failed sign-ins (counted per login as typed, so an unknown login behaves exactly like a
-- known one), certifications that let a person sell (R-POS-3), and each salon's idle-lock period.

CREATE TABLE sign_in_attempt (
    login        TEXT    NOT NULL PRIMARY KEY,
    failures     INTEGER NOT NULL DEFAULT 0,
    locked_until BIGINT
);

CREATE TABLE certification (
    id           {{id}},
    staff_id     BIGINT NOT NULL REFERENCES staff (id),
    certified_on TEXT   NOT NULL,             -- date YYYY-MM-DD the training was passed
    trainer_id   BIGINT REFERENCES staff (id),
    source       TEXT   NOT NULL CHECK (source IN ('manual', 'training')),
    recorded_by  BIGINT REFERENCES staff (id),
    recorded_at  BIGINT NOT NULL
);
CREATE INDEX certification_staff ON certification (staff_id);

ALTER TABLE salon ADD COLUMN idle_lock_seconds INTEGER NOT NULL DEFAULT 180;
