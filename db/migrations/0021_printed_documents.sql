-- Version 21: the sales desk's printed documents (R-POS-9, R-POS-10, 54-FZ).
-- - A top-up's receipt names the payment agent's supplier (tags 1171, 1225, 1226) as it was when the top-up
--   was paid, not as it is set today: the supplier's attributes are kept with the sale, written by the
--   sale's own INSERT (no statement more per sale) and read with the sale. NULL: the sale has no top-up.
-- - A correction receipt's type (tag 1173): made by the till itself ('self') or on an order of the tax
--   authority ('order').
ALTER TABLE sale ADD COLUMN supplier_name TEXT;
ALTER TABLE sale ADD COLUMN supplier_inn TEXT;
ALTER TABLE sale ADD COLUMN supplier_phone TEXT;
-- Sales made before this version kept no copy: they are given the supplier set now for the operator of
-- the desk's top-ups (setting top_up_operator), the best record there is of what their receipts carried
-- (the supplier became required with version 20, so earlier top-ups carried none, or this same one).
UPDATE sale SET
    supplier_name = (SELECT a.supplier_name FROM payment_agent_supplier a
                     WHERE a.operator = COALESCE((SELECT value FROM setting WHERE name = 'top_up_operator'), 'operator')),
    supplier_inn = (SELECT a.supplier_inn FROM payment_agent_supplier a
                    WHERE a.operator = COALESCE((SELECT value FROM setting WHERE name = 'top_up_operator'), 'operator')),
    supplier_phone = (SELECT a.supplier_phone FROM payment_agent_supplier a
                      WHERE a.operator = COALESCE((SELECT value FROM setting WHERE name = 'top_up_operator'), 'operator'))
WHERE EXISTS (SELECT 1 FROM sale_line l WHERE l.sale_id = sale.id AND l.agent = 1);

ALTER TABLE fiscal_correction ADD COLUMN correction_type TEXT NOT NULL DEFAULT 'self'
    CHECK (correction_type = 'self' OR correction_type = 'order');
