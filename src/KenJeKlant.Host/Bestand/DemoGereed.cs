namespace KenJeKlant.Host.Bestand;

/// <summary>Completes when the demo bestand is in (or was not needed), so a demo campaign never starts on half a bestand.</summary>
public sealed class DemoGereed
{
    private readonly TaskCompletionSource _klaar = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Klaar => _klaar.Task;

    public void Meld() => _klaar.TrySetResult();
}
