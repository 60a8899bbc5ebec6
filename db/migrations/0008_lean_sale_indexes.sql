-- Version 8: a sale writes only the indexes some query reads. Every index is one more page a sale
-- dirties and writes to the journal before its commit returns (`salon-cli bench sale`), so:
-- - a sale line's refund index holds only the lines that refund one: `refund_of_line = ?` implies
--   NOT NULL and still uses it; nothing looks a line up by its SIM card (the card's movements name
--   the sale line), so that index goes;
-- - sales by dealer and by staff member were never looked up that way: a list goes salon by salon
--   (sale_salon_created, also for all salons at once: `salon_id IN (SELECT id FROM salon)`);
-- - clients are found by passport (the unique document index), never by name;
-- - a shift's last receipt number is the highest of its sales (their (shift, number) key), no longer a
--   counter in the shift's row that every sale rewrote.
DROP INDEX sale_line_refund_of;
CREATE INDEX sale_line_refund_of ON sale_line (refund_of_line) WHERE refund_of_line IS NOT NULL;
DROP INDEX sale_line_sim;
DROP INDEX sale_dealer_created;
DROP INDEX sale_staff_created;
DROP INDEX client_name;
ALTER TABLE shift DROP COLUMN last_receipt;
