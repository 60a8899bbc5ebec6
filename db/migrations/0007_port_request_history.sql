-- Version 7: the lifecycle of a number portability request (R-POS-9). The sale leaves a request
-- 'submitted'; staff record the operator's answer (accepted or rejected by the donor) and the transfer's
-- completion. Every change is kept: who, when, from which status to which, and why (a rejection's reason:
-- the donor's refusal, such as a debt or an owner mismatch).
CREATE TABLE port_request_change (
    id              {{id}},
    port_request_id BIGINT NOT NULL REFERENCES port_request (id),
    at              BIGINT NOT NULL,
    staff_id        BIGINT NOT NULL REFERENCES staff (id),
    from_status     TEXT   NOT NULL CHECK (from_status IN ('submitted', 'accepted')),
    to_status       TEXT   NOT NULL CHECK (to_status IN ('accepted', 'rejected', 'completed')),
    reason          TEXT,                        -- required for a rejection
    sim_card_id     BIGINT REFERENCES sim_card (id),  -- the card that took the number on completion
    CHECK (to_status <> 'rejected' OR (reason IS NOT NULL AND length(reason) > 0)),
    CHECK ((to_status = 'completed' AND sim_card_id IS NOT NULL) OR (to_status <> 'completed' AND sim_card_id IS NULL))
);
CREATE INDEX port_request_change_request ON port_request_change (port_request_id, at);

-- The desk lists its open requests; the sale line leads to the salon.
CREATE INDEX port_request_status ON port_request (status, desired_date);
CREATE INDEX port_request_sale_line ON port_request (sale_line_id);
