-- Version 12: the training centre (R-TRN-1..11). The question bank with its versions, cohorts (the week
-- from Friday to Friday) and the candidates dealers send, invitations, the entrance test's attempts with
-- their frozen questions and every answer as it is given, role-play and case rubrics with independent
-- scores, the votes on who continues, and career changes. Dates on paper are TEXT 'YYYY-MM-DD'; times are
-- BIGINT UTC seconds read from the database's clock where they decide something (a test's deadline).

-- A question of the bank; what it asks lives in its versions. The topic is one of R-TRN-6's four.
CREATE TABLE question (
    id          {{id}},
    topic       TEXT   NOT NULL CHECK (topic IN ('geography', 'russian', 'tariff_math', 'gadgets')),
    category    TEXT   NOT NULL DEFAULT '',   -- Moodle's category path below $course$/top, '/'-separated
    origin      TEXT   NOT NULL DEFAULT 'bank' CHECK (origin IN ('bank', 'imported', 'generated')),
    created_at  BIGINT NOT NULL,
    created_by  BIGINT REFERENCES staff (id),
    retired_at  BIGINT,                       -- a retired question is never drawn again; attempts keep it
    retired_by  BIGINT REFERENCES staff (id)
);
CREATE INDEX question_topic ON question (topic, retired_at);

-- A version of a question: an edit makes a new version, and an attempt keeps the version it drew.
-- kind: single / multiple (multichoice with fractions), truefalse, shortanswer, or tariff_math (generated
-- from the catalog and the tariff advisor when drawn: body holds the generator's parameters).
-- body: JSON, e.g. {"options":[{"text":..,"fraction":1.0,"feedback":..}], "answers":[..], "files":[..]}.
CREATE TABLE question_version (
    id          {{id}},
    question_id BIGINT NOT NULL REFERENCES question (id),
    version_no  INTEGER NOT NULL CHECK (version_no >= 1),
    kind        TEXT   NOT NULL CHECK (kind IN ('single', 'multiple', 'truefalse', 'shortanswer', 'tariff_math')),
    name        TEXT   NOT NULL DEFAULT '',
    text        TEXT   NOT NULL CHECK (length(text) > 0),
    explanation TEXT   NOT NULL DEFAULT '',
    body        TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    created_by  BIGINT REFERENCES staff (id),
    UNIQUE (question_id, version_no)
);

-- A cohort (R-TRN-1): the week that starts on week_start, a Friday (the assessment day); classes from Monday.
-- vote_rule: how trainers' and dealers' votes decide who continues (R-TRN-4, R-TRN-10), set by the trainer.
CREATE TABLE cohort (
    id           {{id}},
    week_start   TEXT    NOT NULL UNIQUE,
    capacity     INTEGER NOT NULL DEFAULT 40 CHECK (capacity BETWEEN 1 AND 40),
    vote_rule    TEXT    NOT NULL DEFAULT 'majority',
    trainer_id   BIGINT  REFERENCES staff (id),
    created_at   BIGINT  NOT NULL,
    created_by   BIGINT  REFERENCES staff (id),
    closed_at    BIGINT,
    closed_by    BIGINT  REFERENCES staff (id)
);

-- A candidate a dealer sends after its own interview (R-TRN-2); nobody walks in. stream: 1 or 2 once a
-- cohort above 20 is split (R-TRN-5). kiosk_code: the personal code he enters at the test kiosk.
-- joins_on: a candidate who missed the Friday joins on that Monday (R-TRN-10). staff_id: his account,
-- created or linked when he passes (the certification is written for it).
CREATE TABLE candidate (
    id               {{id}},
    cohort_id        BIGINT  NOT NULL REFERENCES cohort (id),
    dealer_id        BIGINT  NOT NULL REFERENCES dealer (id),
    salon_id         BIGINT  REFERENCES salon (id),
    full_name        TEXT    NOT NULL CHECK (length(full_name) > 0),
    phone            TEXT,                    -- E.164
    email            TEXT,
    interview_date   TEXT    NOT NULL,
    interview_notes  TEXT    NOT NULL DEFAULT '',
    stream           INTEGER CHECK (stream IN (1, 2)),
    kiosk_code       TEXT    NOT NULL UNIQUE,
    status           TEXT    NOT NULL DEFAULT 'registered'
                     CHECK (status IN ('registered', 'dropped_out', 'passed', 'not_passed')),
    dropped_at       BIGINT,
    dropped_note     TEXT,
    joins_on         TEXT,
    decision         TEXT    CHECK (decision IN ('continue', 'stop')),
    decided_at       BIGINT,
    decided_by       BIGINT  REFERENCES staff (id),
    finished_at      BIGINT,
    staff_id         BIGINT  REFERENCES staff (id),
    registered_at    BIGINT  NOT NULL,
    registered_by    BIGINT  REFERENCES staff (id)
);
CREATE INDEX candidate_cohort ON candidate (cohort_id);
CREATE INDEX candidate_dealer ON candidate (dealer_id);

-- An invitation (R-TRN-3) by SMS or e-mail, from a template, carrying the kiosk code; state follows the outbox.
CREATE TABLE invitation (
    id            {{id}},
    candidate_id  BIGINT NOT NULL REFERENCES candidate (id),
    channel       TEXT   NOT NULL CHECK (channel IN ('sms', 'email')),
    address       TEXT   NOT NULL,
    subject       TEXT   NOT NULL DEFAULT '',
    body          TEXT   NOT NULL,
    sms_outbox_id BIGINT REFERENCES sms_outbox (id),
    state         TEXT   NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'failed')),
    last_error    TEXT,
    created_at    BIGINT NOT NULL,
    created_by    BIGINT REFERENCES staff (id),
    sent_at       BIGINT
);
CREATE INDEX invitation_candidate ON invitation (candidate_id);

-- The entrance test's attempt (R-TRN-6): one per candidate. deadline_at is fixed at the start from the
-- database's clock (start + 15 minutes) and moves only by a journaled grant. submitted_how: 'candidate'
-- (he pressed finish), 'deadline' (the kiosk submitted at the deadline) or 'overdue' (finished by whoever
-- read it first after its deadline, the kiosk having died).
CREATE TABLE attempt (
    id            {{id}},
    candidate_id  BIGINT  NOT NULL UNIQUE REFERENCES candidate (id),
    started_at    BIGINT  NOT NULL,
    deadline_at   BIGINT  NOT NULL,
    submitted_at  BIGINT,
    submitted_how TEXT    CHECK (submitted_how IN ('candidate', 'deadline', 'overdue')),
    correct_count INTEGER,
    passed        INTEGER,
    kiosk         TEXT    NOT NULL DEFAULT ''
);

-- A slot of an attempt: the question version drawn, frozen as shown (text, options in their shuffled
-- order, the right answer computed when drawn, so a generated question keeps the prices of that day),
-- and the answer saved the moment it is given.
CREATE TABLE attempt_slot (
    attempt_id          BIGINT  NOT NULL REFERENCES attempt (id),
    slot_no             INTEGER NOT NULL CHECK (slot_no BETWEEN 1 AND 16),
    question_version_id BIGINT  NOT NULL REFERENCES question_version (id),
    topic               TEXT    NOT NULL,
    shown               TEXT    NOT NULL,     -- JSON: {"kind":..,"text":..,"options":[..]}
    right_answer        TEXT    NOT NULL,     -- JSON: option indexes as shown, or accepted texts
    answer              TEXT,                 -- JSON, NULL while unanswered
    answered_at         BIGINT,
    correct             INTEGER,
    PRIMARY KEY (attempt_id, slot_no)
);
CREATE INDEX attempt_slot_version ON attempt_slot (question_version_id);

-- Extra time a trainer grants for an outage: journaled, and it moves the attempt's deadline.
CREATE TABLE attempt_extra_time (
    id          {{id}},
    attempt_id  BIGINT  NOT NULL REFERENCES attempt (id),
    seconds     INTEGER NOT NULL CHECK (seconds > 0),
    reason      TEXT    NOT NULL CHECK (length(reason) > 0),
    granted_by  BIGINT  REFERENCES staff (id),
    granted_at  BIGINT  NOT NULL
);

-- Rubrics for the role-play (R-TRN-7) and the cases (R-TRN-8); a criterion is scored 0..max_points by
-- each rater independently; raters differing by more than `margin` points on a criterion are flagged.
CREATE TABLE rubric (
    id          {{id}},
    kind        TEXT    NOT NULL CHECK (kind IN ('role_play', 'case')),
    title       TEXT    NOT NULL CHECK (length(title) > 0),
    margin      INTEGER NOT NULL DEFAULT 2 CHECK (margin >= 0),
    created_at  BIGINT  NOT NULL,
    created_by  BIGINT  REFERENCES staff (id),
    retired_at  BIGINT
);

CREATE TABLE rubric_criterion (
    id          {{id}},
    rubric_id   BIGINT  NOT NULL REFERENCES rubric (id),
    position    INTEGER NOT NULL,
    title       TEXT    NOT NULL CHECK (length(title) > 0),
    max_points  INTEGER NOT NULL CHECK (max_points BETWEEN 1 AND 100),
    UNIQUE (rubric_id, position)
);

CREATE TABLE assessment_score (
    id           {{id}},
    candidate_id BIGINT  NOT NULL REFERENCES candidate (id),
    criterion_id BIGINT  NOT NULL REFERENCES rubric_criterion (id),
    rater_id     BIGINT  NOT NULL REFERENCES staff (id),
    points       INTEGER NOT NULL CHECK (points >= 0),
    comment      TEXT    NOT NULL DEFAULT '',
    scored_at    BIGINT  NOT NULL,
    UNIQUE (candidate_id, criterion_id, rater_id)
);
CREATE INDEX assessment_score_candidate ON assessment_score (candidate_id);

-- A trainer's or dealer's vote on whether a candidate continues (R-TRN-4, R-TRN-10).
CREATE TABLE candidate_vote (
    candidate_id BIGINT NOT NULL REFERENCES candidate (id),
    voter_id     BIGINT NOT NULL REFERENCES staff (id),
    vote         TEXT   NOT NULL CHECK (vote IN ('continue', 'stop')),
    comment      TEXT   NOT NULL DEFAULT '',
    cast_at      BIGINT NOT NULL,
    PRIMARY KEY (candidate_id, voter_id)
);

-- A career step (R-TRN-11): trainee -> specialist -> senior specialist, by a trainer or dealer manager.
CREATE TABLE career_change (
    id          {{id}},
    staff_id    BIGINT NOT NULL REFERENCES staff (id),
    from_level  TEXT   NOT NULL,
    to_level    TEXT   NOT NULL,
    changed_at  BIGINT NOT NULL,
    changed_by  BIGINT REFERENCES staff (id)
);
CREATE INDEX career_change_staff ON career_change (staff_id);
