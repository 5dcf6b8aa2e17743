using System.Threading.Channels;

namespace KenJeKlant.Host.Infrastructuur.Postgres;

/// <summary>
/// Group commit: callers each hand in one item and await its own result, while a few workers take
/// whatever has queued up meanwhile and handle it as one batch — one statement, one commit — for
/// all of them. Under load the batches grow by themselves (while a batch commits the next one
/// fills); alone, a caller waits for nothing but its own statement. This is how per-client writes
/// (a klant grain storing its state) reach the database's batched speed without a grain giving up
/// "awaited means durable" (decision 29).
/// </summary>
/// <remarks>
/// <paramref name="verwerk"/> gets the batch and answers one outcome per item, in order: a result, or
/// an exception for that item alone (a version conflict). If it throws, every item of the batch gets
/// that exception — nothing of a failed batch is half-written, because it is one transaction.
/// </remarks>
public sealed class Groepeerder<TIn, TUit> : IAsyncDisposable
{
    private readonly Channel<Verzoek> _wachtrij = Channel.CreateUnbounded<Verzoek>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Func<IReadOnlyList<TIn>, Task<IReadOnlyList<GroepUitkomst<TUit>>>> _verwerk;
    private readonly int _maximaal;
    private readonly Task[] _werkers;

    public Groepeerder(Func<IReadOnlyList<TIn>, Task<IReadOnlyList<GroepUitkomst<TUit>>>> verwerk, int werkers, int maximaal)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(werkers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximaal, 1);
        _verwerk = verwerk;
        _maximaal = maximaal;
        _werkers = [.. Enumerable.Range(0, werkers).Select(_ => Task.Run(WerkAsync))];
    }

    public Task<TUit> VoerUitAsync(TIn item)
    {
        var verzoek = new Verzoek(item, new TaskCompletionSource<TUit>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_wachtrij.Writer.TryWrite(verzoek), this);
        return verzoek.Klaar.Task;
    }

    private async Task WerkAsync()
    {
        var batch = new List<Verzoek>(_maximaal);
        var lezer = _wachtrij.Reader;
        while (await lezer.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maximaal && lezer.TryRead(out var verzoek)) batch.Add(verzoek);
            if (batch.Count == 0) continue;
            try
            {
                var uitkomsten = await _verwerk([.. batch.Select(v => v.Item)]).ConfigureAwait(false);
                if (uitkomsten.Count != batch.Count)
                    throw new InvalidOperationException($"{uitkomsten.Count} uitkomsten voor {batch.Count} verzoeken.");
                for (var i = 0; i < batch.Count; i++)
                {
                    if (uitkomsten[i].Fout is { } fout) batch[i].Klaar.TrySetException(fout);
                    else batch[i].Klaar.TrySetResult(uitkomsten[i].Resultaat!);
                }
            }
            catch (Exception fout)
            {
                foreach (var verzoek in batch) verzoek.Klaar.TrySetException(fout);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _wachtrij.Writer.TryComplete();
        await Task.WhenAll(_werkers).ConfigureAwait(false);
    }

    private sealed record Verzoek(TIn Item, TaskCompletionSource<TUit> Klaar);
}

/// <summary>One item's result, or its own failure (<see cref="Fout"/> set).</summary>
public readonly record struct GroepUitkomst<T>(T? Resultaat, Exception? Fout);
