using Microsoft.Extensions.Options;

namespace KenJeKlant.Tests.Infrastructure;

/// <summary>A policy a test can change while the silo runs, as a configuration reload would.</summary>
public sealed class VeranderlijkBeleid<T>(T beginwaarde) : IOptionsMonitor<T>
{
    public T CurrentValue { get; set; } = beginwaarde;

    public T Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
