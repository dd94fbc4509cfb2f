namespace Jat.Cli.Presentation;

/// <summary>
/// Reports on the calling thread, at once. <see cref="Progress{T}"/> posts to a synchronisation context and may
/// deliver late or out of order; the verbs only store the latest value for their render loop.
/// </summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
