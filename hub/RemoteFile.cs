namespace Jat.Hub;

/// <summary>A file of a Hub repository as its tree lists it: path, size, git blob id, and for LFS files their sha256.</summary>
internal sealed record RemoteFile(string Path, long Size, string GitOid, string? Sha256)
{
    public bool IsLfs => Sha256 is not null;

    /// <summary>What the downloaded bytes must hash to: the LFS sha256, else the git blob id.</summary>
    public string Oid => Sha256 ?? GitOid;
}
