using KenJeKlant.Benchmarks;

// dotnet run -c Release --project tests/KenJeKlant.Benchmarks -- import [--aantal 400000]
// dotnet run -c Release --project tests/KenJeKlant.Benchmarks -- herbeoordeling [--aantal 100000]
// dotnet run -c Release --project tests/KenJeKlant.Benchmarks -- fanout [--aantallen 3800,100000]
// dotnet run -c Release --project tests/KenJeKlant.Benchmarks -- fanout-silos [--aantal 20000] [--silos 1,2,3]
// dotnet run -c Release --project tests/KenJeKlant.Benchmarks -- planning [--aantal 100000] [--plannen 1000]
// dotnet run -c Release --project tests/KenJeKlant.Benchmarks -- werklijst [--afspraken 1000] [--keren 7]
// dotnet run -c Release --project tests/KenJeKlant.Benchmarks -- rapportages [--aantal 400000] [--jaren 3] [--keren 20]
// dotnet run -c Release --project tests/KenJeKlant.Benchmarks -- realtime [--aantal 10000] [--sonden 4] [--metingen 200] [--verbindingen 100,250,…]
return args.FirstOrDefault() switch
{
    "import" => await ImportBenchmark.RunAsync(args),
    "herbeoordeling" => await HerbeoordelingBenchmark.RunAsync(args),
    "fanout" => await FanOutBenchmark.RunAsync(args),
    "fanout-silos" => await FanOutSilosBenchmark.RunAsync(args),
    "realtime" => await RealtimeBenchmark.RunAsync(args),
    "planning" => await PlanningBenchmark.RunAsync(args),
    "werklijst" => await WerklijstBenchmark.RunAsync(args),
    "rapportages" => await RapportagesBenchmark.RunAsync(args),
    _ => Gebruik(),
};

static int Gebruik()
{
    Console.Error.WriteLine("usage: KenJeKlant.Benchmarks import|herbeoordeling|fanout|fanout-silos|realtime|planning|werklijst|rapportages [--aantal N] [--aantallen N,M] [--silos 1,2,3]");
    return 2;
}
