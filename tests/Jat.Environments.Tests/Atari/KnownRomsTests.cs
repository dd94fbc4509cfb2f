using Jat.Environments.Atari.Emulator;

namespace Jat.Environments.Tests.Atari;

/// <summary>The table of JAT's 57 Atari games: identification by md5, task and file name, and the missing-ROM message.</summary>
public sealed class KnownRomsTests
{
    [Fact]
    public void HoldsTheFiftySevenGamesWithDistinctMd5sAndTheirSchemes()
    {
        Assert.Equal(57, KnownRoms.All.Count);
        Assert.Equal(57, KnownRoms.All.Select(r => r.Md5).Distinct().Count());
        Assert.All(KnownRoms.All, r => Assert.Matches("^[0-9a-f]{32}$", r.Md5));
        // atari-games.md §2.2: 2K x9, 4K x24, F8 x17, F6 x3 (with Road Runner), E0 x3, FE x1.
        var counts = KnownRoms.All.GroupBy(r => r.Scheme).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["2K"] = 9, ["4K"] = 24, ["F8"] = 17, ["F6"] = 3, ["E0"] = 3, ["FE"] = 1 }, counts);
        Assert.Equal("FE", KnownRoms.FromTask("atari-robotank")!.Scheme);
        Assert.Equal("pong.bin", KnownRoms.FromMd5("60E0EA3CBE0913D39803477945E9E5EC")!.FileName);
        Assert.Equal("montezumarevenge", KnownRoms.FromFileName("/x/Montezuma_Revenge.bin")!.Task);
        Assert.Null(KnownRoms.FromTask("atari-nothing"));
    }

    [Fact]
    public void MissingRomIsOneLineNamingGameFileAndRemedy()
    {
        var message = KnownRoms.MissingMessage(KnownRoms.FromTask("breakout")!, "/roms");
        Assert.DoesNotContain('\n', message);
        Assert.Contains("atari-breakout", message);
        Assert.Contains(Path.Combine("/roms", "breakout.bin"), message);
        Assert.Contains("f34f08e5eb96e500e851a80be3277a56", message);
        Assert.Contains("AutoROM", message);
    }

    [Fact]
    public void ImageNamedLikeAKnownGameWithAnotherMd5RunsAsDetectedWithANote()
    {
        var folder = Directory.CreateTempSubdirectory("jat-rom-");
        try
        {
            var path = Path.Combine(folder.FullName, "pong.bin");
            var image = new byte[2048];
            image[0x7FC] = 0x00; image[0x7FD] = 0xF0;
            File.WriteAllBytes(path, image);
            var rom = AtariRom.Load(path);
            Assert.Null(rom.Game);
            Assert.Equal("2K", rom.Scheme);
            Assert.Contains("pong.bin", rom.Note);
            Assert.Contains("60e0ea3cbe0913d39803477945e9e5ec", rom.Note);
        }
        finally
        {
            folder.Delete(true);
        }
    }
}
