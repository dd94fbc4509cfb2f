using System.Globalization;
using System.Text.Json.Nodes;

namespace Jat.Hub.Download;

/// <summary>
/// What a pull keeps in the folder's hidden state (<c>.jat/pull/</c>), which neither `jat push` nor `jat validate` reads:
/// unfinished downloads as <c>&lt;oid&gt;.partial</c> (named by content, so a file that changed on the Hub never
/// resumes from the old bytes), and per file the id, size and time it was verified, so a re-run trusts an untouched
/// file without hashing it again.
/// </summary>
internal sealed class PullState(string root)
{
    private readonly string _state = Path.Combine(root, ".jat", "pull");

    public string PartialPath(RemoteFile file)
    {
        Directory.CreateDirectory(_state);
        return Path.Combine(_state, file.Oid + ".partial");
    }

    private string RecordPath(RemoteFile file) => Path.Combine(_state, "verified", file.Path + ".txt");

    /// <summary>True when the local copy is the one verified against this id, untouched since (same size and write time).</summary>
    public bool IsVerified(RemoteFile file, FileInfo local)
    {
        var record = RecordPath(file);
        if (!File.Exists(record))
            return false;
        var fields = File.ReadAllText(record).Split(' ', StringSplitOptions.TrimEntries);
        return fields.Length == 3 && fields[0] == file.Oid && fields[1] == local.Length.ToString(CultureInfo.InvariantCulture)
            && fields[2] == local.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture);
    }

    public void RecordVerified(RemoteFile file, string local)
    {
        var record = RecordPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(record)!);
        var info = new FileInfo(local);
        File.WriteAllText(record, string.Create(CultureInfo.InvariantCulture, $"{file.Oid} {info.Length} {info.LastWriteTimeUtc.Ticks}"));
    }

    /// <summary>Where the folder came from, for whoever looks at it later.</summary>
    public void RecordOrigin(Uri endpoint, string repoId, string revision, string commit, int files)
    {
        Directory.CreateDirectory(_state);
        var origin = new JsonObject
        {
            ["endpoint"] = endpoint.ToString(), ["repo"] = repoId, ["revision"] = revision, ["commit"] = commit, ["files"] = files,
            ["pulledAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
        File.WriteAllText(Path.Combine(_state, "origin.json"), origin.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
