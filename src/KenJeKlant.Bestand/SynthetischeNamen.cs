namespace KenJeKlant.Bestand;

/// <summary>
/// Small name lists for synthetic clients. Names only: nothing here encodes or implies nationality,
/// language, gender or ethnicity, and the generator writes no such field. Surnames carry their
/// tussenvoegsel ("van der Veen") because only some surnames take one; some names carry diacritics so
/// that encoding problems show up in tests and demos.
/// </summary>
internal static class SynthetischeNamen
{
    public static IReadOnlyList<string> Voornamen { get; } =
    [
        "Anna", "Sanne", "Lotte", "Fleur", "Ilse", "Noor", "Julia", "Emma", "Fatima", "Yasmina", "Zoë", "Chloë",
        "Daniëlle", "Anaïs", "Loïs", "Hélène", "Marieke", "Ingrid", "Petra", "Wendy", "Aylin", "Samira",
        "Jan", "Pieter", "Thijs", "Daan", "Sven", "Bram", "Kees", "Henk", "Mohamed", "Youssef", "Ahmet",
        "René", "Noël", "André", "Joël", "Raphaël", "Gerrit", "Wouter", "Ruud", "Dennis", "Kevin", "Mehmet",
        "Sem", "Alex", "Robin", "Kim", "Sam", "Jesse",
    ];

    public static IReadOnlyList<string> Achternamen { get; } =
    [
        "Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer", "Bos", "Vos",
        "Peters", "Hendriks", "Dekker", "Brouwer", "van Dijk", "van den Berg", "van Leeuwen", "Kok",
        "de Haan", "van der Veen", "de Wit", "de Graaf", "Schouten", "Hoekstra", "Koster", "Prins",
        "in 't Veld", "van 't Hof", "ter Horst", "Verhoeven", "IJzerman", "de Bruijn", "Boukhari",
        "El Amrani", "Yılmaz", "Çelik", "Öztürk", "Nguyen", "Pinas", "Ramdin", "Kowalski", "Coëlho",
        "Müller", "Geraëds", "Hoëvenaars", "van Beëck", "Sánchez",
    ];
}
