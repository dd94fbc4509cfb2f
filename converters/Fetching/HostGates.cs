namespace Jat.Converters.Fetching;

/// <summary>
/// Per-host request limits: a few slots per host name, and a pause every request to a host waits out once it has
/// answered 429/503 with <c>Retry-After</c>. A host's entry lives only while some fetch holds a lease on it, so
/// millions of URLs over hundreds of thousands of hosts do not grow a table without bound.
/// </summary>
internal sealed class HostGates(int slotsPerHost)
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Hosts with a live lease: for tests of the table's clean-up.</summary>
    public int Count
    {
        get
        {
            lock (_gates)
                return _gates.Count;
        }
    }

    public Lease Enter(string host)
    {
        lock (_gates)
        {
            if (!_gates.TryGetValue(host, out var gate))
                _gates[host] = gate = new Gate(slotsPerHost);
            gate.Users++;
            return new Lease(this, host, gate);
        }
    }

    private void Leave(string host, Gate gate)
    {
        lock (_gates)
        {
            if (--gate.Users == 0)
                _gates.Remove(host);
        }
    }

    /// <remarks>The semaphore is never disposed: nothing uses its wait handle, so it holds no unmanaged resource.</remarks>
    internal sealed class Gate(int slots)
    {
        public SemaphoreSlim Slots { get; } = new(slots, slots);

        public int Users { get; set; }

        public long PausedUntil;
    }

    /// <summary>One fetch's hold on a host: take a slot per request with <see cref="WaitAsync"/>, give it back with <see cref="Release"/>.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly HostGates _owner;
        private readonly string _host;
        private readonly Gate _gate;
        private bool _disposed;

        internal Lease(HostGates owner, string host, Gate gate)
        {
            _owner = owner;
            _host = host;
            _gate = gate;
        }

        /// <summary>Takes a slot of the host, then waits out any pause the host asked for (holding the slot, which is the host's anyway).</summary>
        public async Task WaitAsync(CancellationToken ct)
        {
            await _gate.Slots.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                while (Interlocked.Read(ref _gate.PausedUntil) - Environment.TickCount64 is var wait && wait > 0)
                    await Task.Delay(TimeSpan.FromMilliseconds(wait), ct).ConfigureAwait(false);
            }
            catch
            {
                _gate.Slots.Release();
                throw;
            }
        }

        public void Release() => _gate.Slots.Release();

        /// <summary>Holds every request to this host back for <paramref name="delay"/> (the longest pause asked for wins).</summary>
        public void Pause(TimeSpan delay)
        {
            var until = Environment.TickCount64 + (long)delay.TotalMilliseconds;
            var current = Interlocked.Read(ref _gate.PausedUntil);
            while (until > current)
            {
                var seen = Interlocked.CompareExchange(ref _gate.PausedUntil, until, current);
                if (seen == current)
                    break;
                current = seen;
            }
        }

        public void Dispose()
        {
            if (_disposed)
                return;
            _disposed = true;
            _owner.Leave(_host, _gate);
        }
    }
}
