namespace Jat.Hub;

/// <summary>Reports on the calling thread, at once; <see cref="Progress{T}"/> posts to a context and may reorder.</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
