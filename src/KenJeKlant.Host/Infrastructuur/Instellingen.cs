using Microsoft.Extensions.Options;

namespace KenJeKlant.Host.Infrastructuur;

/// <summary>Options the one way: bound from their section, checked by their attributes, and refused at start when wrong.</summary>
public static class Instellingen
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="sectie"/>, validates its data annotations and does so when the
    /// host starts (a wrong value stops the start with the setting's name, not a fault hours later). Add rules that
    /// span fields with <c>.Validate(…)</c> on the result.
    /// </summary>
    public static OptionsBuilder<T> AddInstellingen<T>(this WebApplicationBuilder builder, string sectie) where T : class =>
        builder.Services.AddOptions<T>().Bind(builder.Configuration.GetSection(sectie)).ValidateDataAnnotations().ValidateOnStart();
}
