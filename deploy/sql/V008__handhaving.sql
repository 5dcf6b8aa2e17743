-- The handhaving review: where each signal stands, written by its review grain (one writer per row).
-- The campaign still creates the row; these columns are the queue's and reports' view of the review.
-- The steps themselves (who, when, why) live in the grain's state. Re-runnable.

ALTER TABLE handhavingssignaal ADD COLUMN IF NOT EXISTS behandelaar           text;
ALTER TABLE handhavingssignaal ADD COLUMN IF NOT EXISTS besluit               varchar(30);
ALTER TABLE handhavingssignaal ADD COLUMN IF NOT EXISTS maatregel_percentage  smallint;
ALTER TABLE handhavingssignaal ADD COLUMN IF NOT EXISTS maatregel_duur_maanden smallint;
ALTER TABLE handhavingssignaal ADD COLUMN IF NOT EXISTS besloten_door         text;
ALTER TABLE handhavingssignaal ADD COLUMN IF NOT EXISTS besloten_op           timestamptz;
ALTER TABLE handhavingssignaal ADD COLUMN IF NOT EXISTS bijgewerkt_op         timestamptz;
CREATE INDEX IF NOT EXISTS ix_handhavingssignaal_klant ON handhavingssignaal (klantnummer);
