// Compiled by MSBuild's RoslynCodeTaskFactory (see LibTorchSharpCompatibility.targets), not part of Jat.Torch.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Lets a shared library that names a symbol version the machine's C++ runtime lacks load anyway, by marking that
/// version need weak (glibc then accepts its absence) and dropping the version from the symbols bound to it. Refuses
/// when a relocation uses such a symbol: then the loader would really need the definition, and weakening would only
/// move the failure to the first call.
/// </summary>
public sealed class WeakenMissingElfVersion : Task
{
    private const uint SectionTypeDynamicSymbols = 11;
    private const uint SectionTypeRela = 4;
    private const uint SectionTypeVersionNeeds = 0x6ffffffe;
    private const uint SectionTypeVersionSymbols = 0x6fffffff;
    private const ushort VersionFlagWeak = 0x2;
    private const ushort VersionIndexGlobal = 1;

    /// <summary>The copies to patch (in a build or publish output, never the package cache).</summary>
    [Required]
    public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The version the machine may lack, e.g. <c>GLIBCXX_3.4.32</c>.</summary>
    [Required]
    public string Version { get; set; } = "";

    /// <summary>Folders searched, in order, for the machine's <c>libstdc++.so.6</c>.</summary>
    [Required]
    public string[] RuntimeDirectories { get; set; } = Array.Empty<string>();

    public override bool Execute()
    {
        string runtime = null;
        foreach (var directory in RuntimeDirectories)
        {
            var candidate = Path.Combine(directory, "libstdc++.so.6");
            if (File.Exists(candidate)) { runtime = candidate; break; }
        }
        if (runtime == null)
        {
            Log.LogMessage(MessageImportance.Low, "No libstdc++.so.6 found; libraries left as shipped.");
            return true;
        }
        if (Contains(File.ReadAllBytes(runtime), Encoding.ASCII.GetBytes(Version + "\0")))
        {
            Log.LogMessage(MessageImportance.Low, "{0} provides {1}; libraries left as shipped.", runtime, Version);
            return true;
        }
        foreach (var item in Libraries)
        {
            var path = item.ItemSpec;
            if (!File.Exists(path)) continue;
            try
            {
                Patch(path, runtime);
            }
            catch (InvalidDataException e)
            {
                Log.LogError("Cannot make {0} load without {1}: {2}", path, Version, e.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }

    private void Patch(string path, string runtime)
    {
        var image = File.ReadAllBytes(path);
        if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[4] != 2 || image[5] != 1)
            throw new InvalidDataException("not a little-endian 64-bit ELF file");

        var sections = ReadSections(image);
        var needs = Find(sections, SectionTypeVersionNeeds) ?? throw new InvalidDataException("no version needs");
        var strings = sections[(int)needs.Link];

        // Walk Elf64_Verneed records and their Elf64_Vernaux entries for the wanted version name.
        int versionIndex = -1;
        bool changed = false;
        long need = (long)needs.Offset;
        for (uint i = 0; i < needs.Info; i++)
        {
            ushort count = U16(image, need + 2);
            long aux = need + U32(image, need + 8);
            for (int j = 0; j < count; j++)
            {
                string name = CString(image, (long)strings.Offset + U32(image, aux + 8));
                if (name == Version)
                {
                    ushort flags = U16(image, aux + 4);
                    versionIndex = U16(image, aux + 6) & 0x7fff;
                    if ((flags & VersionFlagWeak) == 0)
                    {
                        W16(image, aux + 4, (ushort)(flags | VersionFlagWeak));
                        changed = true;
                    }
                }
                aux += U32(image, aux + 12);
            }
            need += U32(image, need + 12);
        }
        if (versionIndex < 0)
        {
            Log.LogMessage(MessageImportance.Low, "{0} does not need {1}.", path, Version);
            return;
        }

        var symbols = Find(sections, SectionTypeDynamicSymbols) ?? throw new InvalidDataException("no dynamic symbols");
        var versions = Find(sections, SectionTypeVersionSymbols) ?? throw new InvalidDataException("no symbol versions");
        var bound = new HashSet<uint>();
        ulong symbolCount = symbols.Size / 24;
        for (uint s = 0; s < symbolCount; s++)
        {
            long entry = (long)versions.Offset + 2 * s;
            ushort version = U16(image, entry);
            if ((version & 0x7fff) == versionIndex)
            {
                bound.Add(s);
                W16(image, entry, VersionIndexGlobal);
                changed = true;
            }
        }
        foreach (var rela in sections)
        {
            if (rela.Type != SectionTypeRela || rela.Link != Array.IndexOf(sections, symbols)) continue;
            for (ulong r = 0; r < rela.Size / 24; r++)
            {
                uint symbol = (uint)(U64(image, (long)(rela.Offset + r * 24 + 8)) >> 32);
                if (bound.Contains(symbol))
                    throw new InvalidDataException("a relocation uses a symbol of " + Version + "; it needs a real definition");
            }
        }
        if (!changed) return;

        // Write beside and move over: the copy may be a hard link into the package cache, which must stay untouched.
        var stamp = File.GetLastWriteTimeUtc(path);
        var temporary = path + ".weakening";
        File.WriteAllBytes(temporary, image);
        File.Delete(path);
        File.Move(temporary, path);
        // Keeping the shipped timestamp lets the next incremental build see the copy as current and leave it alone.
        File.SetLastWriteTimeUtc(path, stamp);
        Log.LogMessage(MessageImportance.Normal, "{0}: {1} lacks {2}; marked it weak in this copy.", path, runtime, Version);
    }

    private sealed class Section
    {
        public uint Type;
        public ulong Offset;
        public ulong Size;
        public uint Link;
        public uint Info;
    }

    private static Section[] ReadSections(byte[] image)
    {
        long table = (long)U64(image, 0x28);
        ushort entrySize = U16(image, 0x3a);
        ushort count = U16(image, 0x3c);
        var sections = new Section[count];
        for (int i = 0; i < count; i++)
        {
            long header = table + (long)i * entrySize;
            sections[i] = new Section
            {
                Type = U32(image, header + 4),
                Offset = U64(image, header + 24),
                Size = U64(image, header + 32),
                Link = U32(image, header + 40),
                Info = U32(image, header + 44),
            };
        }
        return sections;
    }

    private static Section Find(Section[] sections, uint type)
    {
        foreach (var section in sections)
            if (section.Type == type) return section;
        return null;
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            int k = 0;
            while (k < needle.Length && haystack[i + k] == needle[k]) k++;
            if (k == needle.Length) return true;
        }
        return false;
    }

    private static string CString(byte[] image, long offset)
    {
        int end = Array.IndexOf(image, (byte)0, (int)offset);
        return Encoding.ASCII.GetString(image, (int)offset, end - (int)offset);
    }

    private static ushort U16(byte[] b, long o) => BitConverter.ToUInt16(b, (int)o);
    private static uint U32(byte[] b, long o) => BitConverter.ToUInt32(b, (int)o);
    private static ulong U64(byte[] b, long o) => BitConverter.ToUInt64(b, (int)o);
    private static void W16(byte[] b, long o, ushort v)
    {
        b[o] = (byte)v;
        b[o + 1] = (byte)(v >> 8);
    }
}
