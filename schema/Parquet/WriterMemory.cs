using System.Buffers;

namespace Jat.Schema.ParquetFormat;

/// <summary>
/// Where the page writer's buffers (<see cref="ByteBuffer"/>, <see cref="DictionaryPages"/>) take their memory from and
/// give it back to when a file's writer is done.
/// </summary>
/// <remarks>
/// A collection opens a writer per shard, each growing buffers of megabytes (a column chunk's pages, a page's indices):
/// allocated anew, they were large-object allocations that set off full garbage collections while the players ran.
/// Pools of their own rather than the shared ones: the shared pool keeps a returned array in the returning thread's
/// slot first, where a writer resumed on another thread pool thread does not find it. Pools never hold more than the
/// most arrays that were in use at once, and none past 64 MB (the size past which a buffer's Clear lets it go anyway).
/// </remarks>
internal static class WriterMemory
{
    public static readonly ArrayPool<byte> Bytes = ArrayPool<byte>.Create(maxArrayLength: 1 << 26, maxArraysPerBucket: 64);

    public static readonly ArrayPool<int> Indices = ArrayPool<int>.Create(maxArrayLength: 1 << 22, maxArraysPerBucket: 64);
}
