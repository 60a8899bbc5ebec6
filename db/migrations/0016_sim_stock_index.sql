-- Version 16: selling a card no longer moves it inside a salon's index. The index on (salon, status)
-- took a card out of "in_stock" and put it into "sold" at every sale: two pages of one index dirtied
-- and written to the journal before the sale's commit returned (`salon-cli bench sale`). A salon's
-- cards are now indexed by salon alone (a status never changes it), and the cards still in stock have
-- an index of their own, which a sale only leaves: one page instead of two. What the stock lists
-- read: a salon's cards (sim_card_salon), a salon's cards in stock (sim_card_salon_in_stock, named
-- by the literal status so that the query implies the index's condition).
DROP INDEX sim_card_salon_status;
CREATE INDEX sim_card_salon ON sim_card (salon_id);
CREATE INDEX sim_card_salon_in_stock ON sim_card (salon_id) WHERE status = 'in_stock';
