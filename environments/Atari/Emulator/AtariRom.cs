using System.Security.Cryptography;
using Jat.Environments.Atari.Emulator.Cartridges;

namespace Jat.Environments.Atari.Emulator;

/// <summary>A cartridge image read from the user's file: its bytes, md5 (how ALE identifies a ROM) and scheme.</summary>
public sealed record AtariRom(string Path, byte[] Image, string Md5, string Scheme)
{
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
        string scheme;
        try
        {
            scheme = CartridgeDetection.Detect(image);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        return new AtariRom(path, image, Convert.ToHexStringLower(MD5.HashData(image)), scheme);
    }

    public Atari2600 Boot() => new(Image, Scheme);
}
