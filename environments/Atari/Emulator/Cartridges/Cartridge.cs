namespace Jat.Environments.Atari.Emulator.Cartridges;

/// <summary>
/// A cartridge: what answers the 6507 at $1000-$1FFF, with its bank-switching scheme. It sees the CPU's full 16-bit
/// address. <see cref="WatchLow"/> lets a scheme (Tigervision) see writes below $1000 too.
/// </summary>
internal abstract class Cartridge
{
    /// <summary>
    /// Reads the bus may serve itself, without calling <see cref="Read"/>: per 256-byte page (index = A11-A8, plus 16
    /// when A13 is set) the page's offset in <see cref="Image"/>, or -1 where the scheme must see the access (hotspots,
    /// RAM). Schemes that keep it up to date when they switch banks make instruction fetches a single array read.
    /// </summary>
    public readonly int[] ReadMap = new int[32];

    protected Cartridge(byte[] image)
    {
        Image = image;
        Array.Fill(ReadMap, -1);
    }

    public byte[] Image { get; }

    public abstract string Scheme { get; }

    public abstract byte Read(ushort address);

    public abstract void Write(ushort address, byte value);

    public virtual bool WatchLow => false;

    public virtual void WriteLow(ushort address, byte value)
    {
    }

    /// <summary>Cartridge RAM, which ALE refills with random bytes at every system reset (empty when there is none).</summary>
    public virtual Span<byte> Ram => Span<byte>.Empty;

    /// <summary>Selects the start banks ALE selects; cartridge RAM is left to the caller.</summary>
    public abstract void Reset();

    public abstract void CopyFrom(Cartridge other);

    // Sets both the A13 = 0 and A13 = 1 entries of a page.
    protected void MapPage(int page, int offset)
    {
        ReadMap[page] = offset;
        ReadMap[page + 16] = offset;
    }
}
