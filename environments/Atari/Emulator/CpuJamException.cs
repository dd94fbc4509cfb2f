namespace Jat.Environments.Atari.Emulator;

/// <summary>The CPU fetched one of the 12 NMOS opcodes that halt the chip (KIL/JAM); the ROM cannot go on.</summary>
public sealed class CpuJamException(byte opcode, ushort address)
    : InvalidOperationException($"the 6507 jammed: opcode ${opcode:X2} (KIL) at ${address:X4}; the ROM is broken or not a 2600 cartridge")
{
    public byte Opcode { get; } = opcode;

    public ushort Address { get; } = address;
}
