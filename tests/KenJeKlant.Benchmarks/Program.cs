using KenJeKlant.Benchmarks;

// dotnet run -c Release --project tests/KenJeKlant.Benchmarks -- import [--aantal 400000]
// dotnet run -c Release --project tests/KenJeKlant.Benchmarks -- herbeoordeling [--aantal 100000]
// dotnet run -c Release --project tests/KenJeKlant.Benchmarks -- fanout [--aantallen 3800,100000]
return args.FirstOrDefault() switch
{
    "import" => await ImportBenchmark.RunAsync(args),
    "herbeoordeling" => await HerbeoordelingBenchmark.RunAsync(args),
    "fanout" => await FanOutBenchmark.RunAsync(args),
    _ => Gebruik(),
};

static int Gebruik()
{
    Console.Error.WriteLine("usage: KenJeKlant.Benchmarks import|herbeoordeling|fanout [--aantal N] [--aantallen N,M]");
    return 2;
}
