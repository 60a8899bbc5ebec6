-- Version 13: invitations to the training week (R-TRN-3) by e-mail beside SMS. E-mail goes through an
-- outbox of its own, as SMS does (sms_outbox): written in the inviting operation's transaction, handed to
-- the mail sender after the commit, its delivery state kept with it. The texts come from templates the
-- trainers edit, with placeholders ({name}, {date}, {code}, {dealer}). A template's text has no empty line
-- (the migration runner drops them).

CREATE TABLE mail_outbox (
    id              {{id}},
    to_address      TEXT    NOT NULL CHECK (length(to_address) > 0),
    subject         TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    purpose         TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL DEFAULT 0,
    sent_at         BIGINT,
    message_id      TEXT,                     -- the composed message's Message-Id once delivered
    last_error      TEXT,
    sender          TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (sent_at, next_attempt_at);

ALTER TABLE invitation ADD COLUMN mail_outbox_id BIGINT REFERENCES mail_outbox (id);

-- One template per channel; subject is unused for SMS.
CREATE TABLE invitation_template (
    channel     TEXT   PRIMARY KEY CHECK (channel IN ('sms', 'email')),
    subject     TEXT   NOT NULL DEFAULT '',
    body        TEXT   NOT NULL CHECK (length(body) > 0),
    updated_at  BIGINT NOT NULL DEFAULT 0,
    updated_by  BIGINT REFERENCES staff (id)
);
INSERT INTO invitation_template (channel, subject, body) VALUES
    ('sms', '', '{name}, ждём вас на обучении {date} в 9:00. Код для входного теста: {code}'),
    ('email', 'Приглашение на обучение {date}',
     'Здравствуйте, {name}!
{dealer} направляет вас на недельное обучение в учебном центре. Обучение начинается в пятницу {date} в 9:00 с входного теста (16 вопросов, 15 минут).
Ваш личный код для входа в тест: {code}
Учебный центр');
