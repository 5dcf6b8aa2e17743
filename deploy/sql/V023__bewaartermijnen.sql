-- Bewaartermijnen (decision 32): what was anonymised for which client, per kind of data, by whom and when. The
-- uitstroom date itself is klant_overzicht.uitstroom_datum (V025, from the klant grain's uitstroom); this table only
-- remembers which kinds are done, so a voorstel does not offer them again. Re-runnable.
CREATE TABLE IF NOT EXISTS bewaartermijn_anonimisering (
    klantnummer    varchar(20)  NOT NULL,
    soort          varchar(20)  NOT NULL CHECK (soort IN ('dossier', 'gesprekken', 'plan-van-aanpak', 'handhaving')),
    uitgevoerd_op  timestamptz  NOT NULL,
    door           text         NOT NULL,
    PRIMARY KEY (klantnummer, soort)
);

-- Free text and identifying values in stored JSON (grain state, letters, import rows) replaced by a marker, at any
-- depth; keys outside the list (dates, statuses, soorten, ids, the klantnummer) stay, so the JSON still reads back
-- into the same types and reports keep their counts and dates.
CREATE OR REPLACE FUNCTION bewaar_wis(j jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE jsonb_typeof(j)
        WHEN 'object' THEN coalesce((
            SELECT jsonb_object_agg(e.key, CASE
                WHEN e.key IN ('naam', 'bsn', 'postcode', 'toelichting', 'feiten', 'samenvatting', 'omschrijving',
                               'beoordeling', 'zienswijze', 'locatie', 'doel', 'afspraken', 'verzetReden', 'notitie',
                               'adres', 'telefoon', 'email', 'zienswijzeHoe', 'motivering')
                     AND jsonb_typeof(e.value) = 'string' THEN to_jsonb('[geanonimiseerd]'::text)
                ELSE bewaar_wis(e.value) END)
            FROM jsonb_each(j) e), '{}'::jsonb)
        WHEN 'array' THEN coalesce((SELECT jsonb_agg(bewaar_wis(a.value) ORDER BY a.n) FROM jsonb_array_elements(j) WITH ORDINALITY a(value, n)), '[]'::jsonb)
        ELSE j END
$$;
