using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Gemeenten;

/// <summary>
/// Policy per gemeente where the law leaves it to the gemeente: named options, the name being the CBS code.
/// <c>IOptionsMonitor&lt;T&gt;.Get("0453")</c> is the dienst's section (e.g. <c>Beleid:Traject</c>) with that gemeente's
/// own section over it (<c>Gemeenten:{i}:Beleid:Traject</c>); a list or table the gemeente sets replaces the dienst's
/// (as configuration replaces the defaults), a value it does not set is the dienst's. The default name stays the
/// dienst's policy, bound as before by its own slice.
/// </summary>
internal sealed class Gemeentebeleid<T>(IConfiguration config, string sectie, Action<T> standaarden) : IConfigureNamedOptions<T>
    where T : class
{
    public void Configure(T options) { }

    public void Configure(string? name, T options)
    {
        if (string.IsNullOrEmpty(name)) return;
        config.GetSection(sectie).Bind(options);
        if (EigenSectie(config, name, sectie) is { } eigen)
        {
            MaakOverschrevenLeeg(options, eigen);
            eigen.Bind(options);
        }
        standaarden(options);
    }

    /// <summary>The gemeente's own section for <paramref name="sectie"/>, when it configures one.</summary>
    internal static IConfigurationSection? EigenSectie(IConfiguration config, string code, string sectie) =>
        config.GetSection(GemeentenInstellingen.Sectie).GetChildren()
            .FirstOrDefault(g => string.Equals(g["Code"]?.Trim(), code, StringComparison.Ordinal))?.GetSection(sectie) is { } s && s.Exists() ? s : null;

    // The binder adds to a list it finds filled; a gemeente's list is meant to replace the dienst's.
    private static void MaakOverschrevenLeeg(T options, IConfigurationSection eigen)
    {
        foreach (var kind in eigen.GetChildren())
        {
            var eigenschap = typeof(T).GetProperty(kind.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            switch (eigenschap?.GetValue(options))
            {
                case IList lijst: lijst.Clear(); break;
                case IDictionary tabel: tabel.Clear(); break;
            }
        }
    }
}

/// <summary>Checks a gemeente's policy as the dienst's is checked: its attributes and the rules given.</summary>
internal sealed class GemeentebeleidValidatie<T>(string sectie, Func<T, IEnumerable<string>> regels) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        if (string.IsNullOrEmpty(name)) return ValidateOptionsResult.Skip;
        var resultaten = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), resultaten, validateAllProperties: true);
        var fouten = resultaten.Select(r => $"Gemeente {name}, {sectie}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}")
            .Concat(regels(options).Select(r => $"Gemeente {name}, {sectie}: {r}"))
            .ToList();
        return fouten.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(fouten);
    }
}

/// <summary>One kind of policy that gemeenten may override, so the start can check every gemeente's version.</summary>
public interface IGemeentebeleidControle
{
    /// <summary>What is wrong with <paramref name="code"/>'s version of this policy (nothing: empty).</summary>
    IEnumerable<string> Controleer(string code);
}

internal sealed class GemeentebeleidControle<T>(IOptionsMonitor<T> monitor) : IGemeentebeleidControle where T : class
{
    public IEnumerable<string> Controleer(string code)
    {
        try
        {
            _ = monitor.Get(code);
            return [];
        }
        catch (OptionsValidationException e)
        {
            return e.Failures;
        }
    }
}

public static class GemeentebeleidExtensions
{
    /// <summary>
    /// Lets each gemeente override policy <typeparamref name="T"/> (section <paramref name="sectie"/>) under
    /// <c>Gemeenten:{i}:{sectie}</c>; read it with <c>IOptionsMonitor&lt;T&gt;.Get(code)</c>. Checked when the host starts.
    /// </summary>
    public static IServiceCollection AddGemeentebeleid<T>(this IServiceCollection services, string sectie, Action<T> standaarden,
        Func<T, IEnumerable<string>>? regels = null) where T : class
    {
        services.AddSingleton<IConfigureOptions<T>>(sp => new Gemeentebeleid<T>(sp.GetRequiredService<IConfiguration>(), sectie, standaarden));
        services.AddSingleton<IValidateOptions<T>>(new GemeentebeleidValidatie<T>(sectie, regels ?? (_ => [])));
        services.AddSingleton<IGemeentebeleidControle, GemeentebeleidControle<T>>();
        return services;
    }
}
