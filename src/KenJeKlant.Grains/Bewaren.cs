namespace KenJeKlant.Grains;

/// <summary>The one way a grain stores its state.</summary>
public static class Bewaren
{
    /// <summary>
    /// Writes the state; when that fails (the database away, a version conflict), memory holds a change that
    /// storage does not, so the activation is given up and the next call starts from what storage holds.
    /// The error still reaches the caller: nothing is acknowledged that is not stored.
    /// </summary>
    public static async Task SchrijfOfBeginOpnieuwAsync<T>(this IPersistentState<T> state, IGrainContext grain)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(grain);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "Grain state not written: start again from storage."));
            throw;
        }
    }
}
