using Jat.Environments.Atari.Emulator;

namespace Jat.Environments.Tests.Atari;

public sealed class AleRandomTests
{
    [Fact]
    public void IsTheStandardMersenneTwister()
    {
        // The generator's published check values: seed 5489 gives 3499211612 first and 4123659995 as the 10,000th.
        var r = new AleRandom(5489);
        Assert.Equal(3499211612u, r.Next());
        for (int i = 2; i < 10_000; i++)
        {
            r.Next();
        }
        Assert.Equal(4123659995u, r.Next());
    }

    [Fact]
    public void CopyContinuesTheSameSequence()
    {
        var a = new AleRandom();
        for (int i = 0; i < 700; i++) a.Next();
        var b = new AleRandom(1);
        b.CopyFrom(a);
        for (int i = 0; i < 1000; i++) Assert.Equal(a.Next(), b.Next());
    }
}
