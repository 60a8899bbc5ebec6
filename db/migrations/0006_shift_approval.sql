-- Version 6: the senior's approval at the cash drawer. A cash difference at shift close, or closing a
-- shift someone else opened, needs a person holding this permission (the supervisor override).
INSERT INTO permission (code) VALUES ('approve_cash_difference');
INSERT INTO role_permission (role, permission) VALUES
    ('senior_specialist', 'approve_cash_difference'), ('head_office_admin', 'approve_cash_difference');
