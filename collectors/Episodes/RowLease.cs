using Jat.Schema.Columns;

namespace Jat.Collectors.Episodes;

/// <summary>
/// A recorded episode's row, whose per-step vectors are on loan from the collection's <see cref="StepArrayPool"/>:
/// hand <see cref="Row"/> to the shard writer, which copies its values before its write returns, then end the lease
/// (<see cref="Dispose"/>) so that the vectors carry other steps. Nothing may read the row after that.
/// </summary>
internal sealed class RowLease(Example row, StepArrayPool pool) : IDisposable
{
    private Example? _row = row;

    public Example Row => _row ?? throw new ObjectDisposedException(nameof(RowLease), "The row went back to the pool.");

    public void Dispose()
    {
        if (_row is { } row)
            pool.Return(row);
        _row = null;
    }
}
