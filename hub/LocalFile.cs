using System.Security.Cryptography;
using System.Text;

namespace Jat.Hub;

/// <summary>A file of the dataset folder as the Hub identifies it: its path in the repo, size, sha256 and git blob id.</summary>
internal sealed record LocalFile(string RepoPath, string FullPath, long Size, string Sha256, string GitOid, string Sample)
{
    /// <summary>Every file of a dataset folder, except the writer's state (dot folders and dot files).</summary>
    public static IReadOnlyList<string> List(string root) => Directory
        .EnumerateFiles(root, "*", SearchOption.AllDirectories)
        .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
        .Where(p => !p.Split('/').Any(part => part.StartsWith('.')))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Reads the file once, computing both ids; the first 512 bytes are the sample the pre-upload call wants.</summary>
    public static async Task<LocalFile> HashAsync(string root, string repoPath, IProgress<long>? bytesRead, CancellationToken ct)
    {
        var full = Path.Combine(root, repoPath);
        await using var file = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
        var size = file.Length;
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var gitSha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        gitSha1.AppendData(Encoding.ASCII.GetBytes($"blob {size}\0"));
        var buffer = new byte[1 << 20];
        byte[]? sample = null;
        int read;
        while ((read = await file.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            sample ??= buffer[..Math.Min(read, 512)];
            sha256.AppendData(buffer, 0, read);
            gitSha1.AppendData(buffer, 0, read);
            bytesRead?.Report(read);
        }
        return new LocalFile(repoPath, full, size, Convert.ToHexStringLower(sha256.GetHashAndReset()),
            Convert.ToHexStringLower(gitSha1.GetHashAndReset()), Convert.ToBase64String(sample ?? []));
    }
}
