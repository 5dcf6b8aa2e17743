-- The Logboek Dataverwerkingen asks each entry to name its processing activity from the verwerkingsregister (a
-- stable id) and its span beside the trace (docs/decisions.md, 33). New entries carry both, and the hash covers them;
-- entries written before keep verifying without them (the hash joins these fields only when they are there).
-- Adding a column fires no row trigger: the append-only rule stands.
ALTER TABLE auditlog ADD COLUMN IF NOT EXISTS activiteit_id varchar(20);
ALTER TABLE auditlog ADD COLUMN IF NOT EXISTS span_id varchar(32);
