using System.Security.Cryptography;
using Jat.Environments.Atari.Emulator.Cartridges;

namespace Jat.Environments.Atari.Emulator;

/// <summary>
/// A cartridge image read from the user's file: its bytes, md5 (how ALE identifies a ROM), scheme (from the table of
/// known games when the md5 is one of them, else detected from size and content) and the game it is, if known.
/// <see cref="Note"/> warns, as ALE does, when the file carries a known game's name but another md5.
/// </summary>
public sealed record AtariRom(string Path, byte[] Image, string Md5, string Scheme)
{
    public KnownRom? Game { get; init; }

    public string? Note { get; init; }

    /// <summary>Reads and checks a ROM file; anything that is no 2600 image is one clear error naming the file.</summary>
    public static AtariRom Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no ROM file at {path}; give the path of an Atari 2600 cartridge image (.bin/.a26)", path);
        }
        var image = File.ReadAllBytes(path);
        if (image.Length == 0)
        {
            throw new InvalidDataException($"{path} is empty, not an Atari 2600 ROM");
        }
        string md5 = Convert.ToHexStringLower(MD5.HashData(image));
        var game = KnownRoms.FromMd5(md5);
        string scheme;
        try
        {
            scheme = game?.Scheme ?? CartridgeDetection.Detect(image);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        string? note = null;
        if (game is null && KnownRoms.FromFileName(path) is { } named)
        {
            note = $"{path} is named like ALE's {named.FileName} (atari-{named.Task}) but its md5 {md5} is not {named.Md5}; " +
                "it runs as detected, but JAT's data came from the md5-matching image";
        }
        return new AtariRom(path, image, md5, scheme) { Game = game, Note = note };
    }

    public Atari2600 Boot() => new(Image, Scheme);
}
