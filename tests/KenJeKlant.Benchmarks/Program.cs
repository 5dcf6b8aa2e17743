using KenJeKlant.Benchmarks;

// dotnet run -c Release --project tests/KenJeKlant.Benchmarks -- import [--aantal 400000]
return args.FirstOrDefault() switch
{
    "import" => await ImportBenchmark.RunAsync(args),
    _ => Gebruik(),
};

static int Gebruik()
{
    Console.Error.WriteLine("usage: KenJeKlant.Benchmarks import [--aantal N]");
    return 2;
}
