-- Version 9: a sale reads and writes less (`salon-cli bench sale`).
-- - Products of one kind are read in their order through an index: the SIM card's price, which every
--   SIM sale looks up, no longer reads and sorts the whole catalog.
-- - A visit no longer carries its client: the sale made during the visit names both (sale.visit_id,
--   sale.client_id), and only the sale ever wrote the visit's copy, one more page per sale. Every value
--   the column held is also in that sale's row.
CREATE INDEX product_kind_name ON product (kind, name, code);
ALTER TABLE visit DROP COLUMN client_id;
