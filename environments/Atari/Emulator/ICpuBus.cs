namespace Jat.Environments.Atari.Emulator;

/// <summary>What the 6507 sees on its address and data lines: one call per bus access. Implemented by readonly structs
/// (see <see cref="Cpu6507{TBus}"/>).</summary>
internal interface ICpuBus
{
    byte Read(ushort address);

    void Write(ushort address, byte value);
}
