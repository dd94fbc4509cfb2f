namespace Jat.Environments.Atari.Emulator;

/// <summary>
/// How the CPU behaves where ALE's 6502 core and the real NMOS chip differ (atari-games.md §3.4). JAT's data came
/// from ALE, so the environment runs <see cref="AleCompatible"/>; <see cref="Hardware"/> is the chip, cycle by cycle.
/// </summary>
internal enum CpuMode
{
    /// <summary>Every bus cycle of the chip (dummy reads, double writes), one clock per access, NMOS decimal flags.</summary>
    Hardware,

    /// <summary>
    /// ALE's core: the whole cycle count is added when the opcode is fetched (plus page crossings and taken branches
    /// before the data access), so every access sees the instruction's end time; no dummy accesses; <c>LAX zp</c>
    /// in 4 cycles; decimal ADC/SBC set N and Z from the BCD result.
    /// </summary>
    AleCompatible,
}
