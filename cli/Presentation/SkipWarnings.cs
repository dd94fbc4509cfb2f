using System.Collections.Concurrent;

namespace Jat.Cli.Presentation;

/// <summary>
/// The first few notes of skipped input (a bad line, a missing image), passed from a converter's threads to stderr.
/// During a live progress display they wait in a queue for the render loop, so they do not tear the bars.
/// </summary>
internal sealed class SkipWarnings(string what, int shown = 10)
{
    private readonly ConcurrentQueue<string> _queue = new();
    private int _count;

    /// <summary>No live display to keep tidy: write each note as it comes.</summary>
    public bool Immediate { get; set; }

    public void Add(string warning)
    {
        if (Interlocked.Increment(ref _count) > shown)
            return;
        if (Immediate)
            Console.Error.WriteLine($"jat: {warning}");
        else
            _queue.Enqueue(warning);
    }

    public void Flush(Action<string> write)
    {
        while (_queue.TryDequeue(out var warning))
            write($"jat: {warning}");
    }

    public void Summarize()
    {
        if (_count > shown)
            Console.Error.WriteLine($"jat: … and {_count - shown:N0} more {what} (counted below)");
    }
}
