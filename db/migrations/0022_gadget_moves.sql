-- Version 22: a gadget (by IMEI) moves from one salon to another salon of the same dealer, by a senior.
-- The move is a gadget_movement row like every other change of a unit's place (reason 'moved'), so a unit's
-- history by IMEI is read from gadget_movement alone: no table is added. Who may move: a salon's senior, the
-- dealer's manager, head office (permissions are data).
INSERT INTO permission (code) VALUES ('move_gadgets');
INSERT INTO role_permission (role, permission) VALUES
    ('senior_specialist', 'move_gadgets'), ('dealer_manager', 'move_gadgets'), ('head_office_admin', 'move_gadgets');
