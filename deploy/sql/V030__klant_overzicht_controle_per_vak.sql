-- The herbeoordeling scanners page through what is due in key order (moment, klantnummer). The index named only
-- (vak, moment), so every page of a scanner's eight buckets read all of their due rows from the heap and sorted
-- them for the next 1,000: ~200 ms a page at 400,000 clients, most of the database's work when all fall due at
-- once (docs/benchmarks.md). With klantnummer in the index and one bucket per query, a page is an index-only
-- range scan that stops after its rows.
CREATE INDEX IF NOT EXISTS ix_klant_overzicht_controle_vak
    ON klant_overzicht (vak, herbeoordeling_controle, klantnummer) WHERE herbeoordeling_controle IS NOT NULL;
DROP INDEX IF EXISTS ix_klant_overzicht_controle;
