namespace Jat.Environments.Atari.Emulator.Cartridges;

/// <summary>
/// A cartridge: what answers the 6507 at $1000-$1FFF, with its bank-switching scheme. It sees the CPU's full 16-bit
/// address. <see cref="WatchLow"/> lets a scheme (Tigervision) see writes below $1000 too.
/// </summary>
internal abstract class Cartridge
{
    public abstract string Scheme { get; }

    public abstract byte Read(ushort address);

    public abstract void Write(ushort address, byte value);

    public virtual bool WatchLow => false;

    public virtual void WriteLow(ushort address, byte value)
    {
    }

    /// <summary>Selects the start banks ALE selects; cartridge RAM is kept.</summary>
    public abstract void Reset();

    public abstract void CopyFrom(Cartridge other);
}
