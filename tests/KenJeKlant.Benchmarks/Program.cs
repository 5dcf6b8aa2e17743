using KenJeKlant.Benchmarks;

// dotnet run -c Release --project tests/KenJeKlant.Benchmarks -- import [--aantal 400000]
// dotnet run -c Release --project tests/KenJeKlant.Benchmarks -- herbeoordeling [--aantal 100000]
return args.FirstOrDefault() switch
{
    "import" => await ImportBenchmark.RunAsync(args),
    "herbeoordeling" => await HerbeoordelingBenchmark.RunAsync(args),
    _ => Gebruik(),
};

static int Gebruik()
{
    Console.Error.WriteLine("usage: KenJeKlant.Benchmarks import|herbeoordeling [--aantal N]");
    return 2;
}
