-- The client's wijk at planning time, kept with each gesprek so a campaign's per-wijk progress
-- (aggregate counts for the programmaleider) recounts from this table exactly as it was counted
-- along. Never used to order, select or flag people (see docs/decisions.md, 14).
-- Re-runnable. Rows written before this version keep NULL and count as "onbekend".
ALTER TABLE gesprek ADD COLUMN IF NOT EXISTS wijk text;
