using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Jat.Hub.Http;

namespace Jat.Hub;

/// <summary>How the Hub wants a file: in git (regular) or in LFS storage, and the id of the copy it already has.</summary>
internal sealed record UploadMode(string Path, bool Lfs, bool Ignored, string? RemoteOid);

/// <summary>What the LFS batch call says of one object: nothing to do (already stored), or where to put it.</summary>
internal sealed record LfsAction(string Oid, JsonObject? Upload, JsonObject? Verify);

/// <summary>
/// The Hub endpoints a dataset upload uses (huggingface_hub's <c>hf_api.py</c> / <c>_commit_api.py</c> / <c>lfs.py</c>):
/// create repo, pre-upload, LFS batch, basic and multipart transfer, verify, and the NDJSON commit.
/// </summary>
internal sealed class HubApi(HubHttp http, string repoId, string revision)
{
    private static readonly MediaTypeHeaderValue LfsJson = new("application/vnd.git-lfs+json");

    private string Revision => Uri.EscapeDataString(revision);

    public async Task<bool> CreateRepoAsync(bool isPrivate, CancellationToken ct)
    {
        var slash = repoId.IndexOf('/', StringComparison.Ordinal);
        var body = new JsonObject { ["name"] = repoId[(slash + 1)..], ["type"] = "dataset", ["private"] = isPrivate };
        if (slash > 0)
            body["organization"] = repoId[..slash];
        try
        {
            using var _ = await http.SendAsync(() => Post("api/repos/create", body), authorize: true, "create repository", ct).ConfigureAwait(false);
            return true;
        }
        catch (HubException e) when (e.Status == HttpStatusCode.Conflict)
        {
            return false; // it exists already: pushing to it is the point
        }
    }

    public async Task<IReadOnlyList<UploadMode>> PreuploadAsync(IReadOnlyList<LocalFile> files, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["files"] = new JsonArray(files.Select(f => (JsonNode)new JsonObject { ["path"] = f.RepoPath, ["size"] = f.Size, ["sample"] = f.Sample }).ToArray()),
        };
        using var response = await http.SendAsync(() => Post($"api/datasets/{repoId}/preupload/{Revision}", body), true, "pre-upload", ct).ConfigureAwait(false);
        var answer = await ReadJsonAsync(response, ct).ConfigureAwait(false);
        return answer["files"]!.AsArray().Select(f => new UploadMode(
            (string)f!["path"]!, (string?)f["uploadMode"] == "lfs", (bool?)f["shouldIgnore"] ?? false, (string?)f["oid"])).ToList();
    }

    public async Task<IReadOnlyList<LfsAction>> LfsBatchAsync(IReadOnlyList<LocalFile> files, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["operation"] = "upload",
            ["transfers"] = new JsonArray("basic", "multipart"),
            ["objects"] = new JsonArray(files.Select(f => (JsonNode)new JsonObject { ["oid"] = f.Sha256, ["size"] = f.Size }).ToArray()),
            ["hash_algo"] = "sha256",
            ["ref"] = new JsonObject { ["name"] = revision },
        };
        using var response = await http.SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(http.Endpoint, $"datasets/{repoId}.git/info/lfs/objects/batch"))
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8),
            };
            request.Content.Headers.ContentType = LfsJson;
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(LfsJson.MediaType!));
            return request;
        }, true, "LFS batch", ct).ConfigureAwait(false);
        var answer = await ReadJsonAsync(response, ct).ConfigureAwait(false);
        return answer["objects"]!.AsArray().Select(o =>
        {
            if (o!["error"] is JsonObject error)
                throw new HubException($"LFS storage refused {o["oid"]}: {error["message"]} (code {error["code"]})");
            return new LfsAction((string)o["oid"]!, o["actions"]?["upload"] as JsonObject, o["actions"]?["verify"] as JsonObject);
        }).ToList();
    }

    /// <summary>Uploads one object as the batch call said: in one PUT, or in parts then a completion call; then verifies.</summary>
    /// <param name="sent">bytes of this file sent so far, reported after each part</param>
    public async Task UploadAsync(LocalFile file, LfsAction action, IProgress<long> sent, CancellationToken ct)
    {
        var upload = action.Upload!;
        var href = new Uri((string)upload["href"]!);
        var header = upload["header"] as JsonObject;
        if (header?["chunk_size"] is { } chunkNode)
        {
            var chunk = long.Parse(chunkNode.ToString(), CultureInfo.InvariantCulture);
            var parts = header.Where(kv => kv.Key.All(char.IsAsciiDigit)).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            var expected = (int)((file.Size + chunk - 1) / chunk);
            if (parts.Count != expected)
                throw new HubException($"LFS storage offered {parts.Count} part URLs for {file.RepoPath}, which needs {expected}");
            var etags = new JsonArray();
            for (var i = 0; i < parts.Count; i++)
            {
                var offset = i * chunk;
                var length = Math.Min(chunk, file.Size - offset);
                var url = new Uri((string)parts[i].Value!);
                using var response = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Put, url) { Content = new FileSlice(file.FullPath, offset, length) },
                    authorize: false, $"upload of {file.RepoPath}, part {i + 1} of {parts.Count}", ct).ConfigureAwait(false);
                var etag = response.Headers.ETag?.Tag ?? (response.Headers.TryGetValues("ETag", out var values) ? values.First() : null)
                    ?? throw new HubException($"LFS storage gave no ETag for part {i + 1} of {file.RepoPath}");
                etags.Add(new JsonObject { ["partNumber"] = i + 1, ["etag"] = etag });
                sent.Report(length);
            }
            var completion = new JsonObject { ["oid"] = file.Sha256, ["parts"] = etags };
            using var _ = await http.SendAsync(() => PostLfs(href, completion), authorize: false, $"completion of {file.RepoPath}", ct).ConfigureAwait(false);
        }
        else
        {
            using var _ = await http.SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Put, href) { Content = new FileSlice(file.FullPath, 0, file.Size) };
                foreach (var (name, value) in header ?? [])
                    request.Headers.TryAddWithoutValidation(name, value?.ToString());
                return request;
            }, authorize: false, $"upload of {file.RepoPath}", ct).ConfigureAwait(false);
            sent.Report(file.Size);
        }
        if (action.Verify is { } verify)
        {
            var body = new JsonObject { ["oid"] = file.Sha256, ["size"] = file.Size };
            using var _ = await http.SendAsync(() => PostLfs(new Uri((string)verify["href"]!), body), authorize: true, $"verification of {file.RepoPath}", ct).ConfigureAwait(false);
        }
    }

    /// <summary>One commit: a header line, then an <c>lfsFile</c> line per LFS file and a <c>file</c> line (base64) per regular one.</summary>
    public async Task<string> CommitAsync(string summary, IReadOnlyList<(LocalFile File, bool Lfs)> files, CancellationToken ct,
        IReadOnlyList<string>? deleted = null)
    {
        var lines = new StringBuilder();
        lines.Append(new JsonObject { ["key"] = "header", ["value"] = new JsonObject { ["summary"] = summary, ["description"] = "" } }.ToJsonString()).Append('\n');
        foreach (var (file, lfs) in files)
        {
            var value = lfs
                ? new JsonObject { ["path"] = file.RepoPath, ["algo"] = "sha256", ["oid"] = file.Sha256, ["size"] = file.Size }
                : new JsonObject { ["content"] = Convert.ToBase64String(await File.ReadAllBytesAsync(file.FullPath, ct).ConfigureAwait(false)), ["path"] = file.RepoPath, ["encoding"] = "base64" };
            lines.Append(new JsonObject { ["key"] = lfs ? "lfsFile" : "file", ["value"] = value }.ToJsonString()).Append('\n');
        }
        foreach (var path in deleted ?? [])
            lines.Append(new JsonObject { ["key"] = "deletedFile", ["value"] = new JsonObject { ["path"] = path } }.ToJsonString()).Append('\n');
        var body = lines.ToString();
        using var response = await http.SendAsync(() =>
        {
            var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            return new HttpRequestMessage(HttpMethod.Post, new Uri(http.Endpoint, $"api/datasets/{repoId}/commit/{Revision}")) { Content = content };
        }, true, "commit", ct).ConfigureAwait(false);
        var answer = await ReadJsonAsync(response, ct).ConfigureAwait(false);
        return (string?)answer["commitOid"] ?? "";
    }

    /// <summary>The commit a branch, tag or commit id names now (<c>GET /api/datasets/{repo}/revision/{revision}</c>).</summary>
    public async Task<string> ResolveRevisionAsync(CancellationToken ct)
    {
        using var response = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(http.Endpoint, $"api/datasets/{repoId}/revision/{Revision}")),
            true, $"revision {revision} of {repoId}", ct).ConfigureAwait(false);
        var answer = await ReadJsonAsync(response, ct).ConfigureAwait(false);
        return (string?)answer["sha"] ?? throw new HubException($"the Hub named no commit for revision {revision} of {repoId}");
    }

    /// <summary>
    /// Every file of the repository at a revision (<c>GET /api/datasets/{repo}/tree/{revision}?recursive=true</c>), page by page
    /// as the <c>Link: rel="next"</c> header leads: path, size, git blob id, and the sha256 of LFS files.
    /// </summary>
    public async Task<IReadOnlyList<RemoteFile>> ListFilesAsync(string at, CancellationToken ct)
    {
        var files = new List<RemoteFile>();
        Uri? next = new(http.Endpoint, $"api/datasets/{repoId}/tree/{Uri.EscapeDataString(at)}?recursive=true");
        for (var page = 1; next is not null; page++)
        {
            var url = next;
            using var response = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), true, $"file list of {repoId} (page {page})", ct)
                .ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            JsonArray entries;
            try
            {
                entries = JsonNode.Parse(text) as JsonArray ?? throw new HubException($"the Hub's file list of {repoId} is not a JSON array");
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new HubException($"the Hub's file list of {repoId} is not JSON ({e.Message})", null, e);
            }
            foreach (var entry in entries)
            {
                if ((string?)entry?["type"] != "file")
                    continue;
                files.Add(new RemoteFile((string)entry["path"]!, (long)entry["size"]!, (string)entry["oid"]!, (string?)entry["lfs"]?["oid"]));
            }
            next = NextPage(response, url);
        }
        return files;
    }

    // Link: <https://huggingface.co/api/datasets/x/y/tree/main?recursive=true&cursor=...>; rel="next"
    private static Uri? NextPage(HttpResponseMessage response, Uri current)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
            return null;
        foreach (var link in string.Join(",", links).Split(','))
        {
            var parts = link.Split(';', StringSplitOptions.TrimEntries);
            if (parts.Length > 1 && parts[0].StartsWith('<') && parts[0].EndsWith('>') && parts.Skip(1).Any(p => p.Replace(" ", "", StringComparison.Ordinal) == "rel=\"next\""))
                return new Uri(current, parts[0][1..^1]);
        }
        return null;
    }

    /// <summary>The URL a file's bytes come from (the Hub redirects LFS files to its storage).</summary>
    public Uri ResolveUrl(string commit, string path) =>
        new(http.Endpoint, $"datasets/{repoId}/resolve/{Uri.EscapeDataString(commit)}/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}");

    private HttpRequestMessage Post(string path, JsonObject body) =>
        new(HttpMethod.Post, new Uri(http.Endpoint, path)) { Content = JsonContent.Create(body) };

    private static HttpRequestMessage PostLfs(Uri url, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8) };
        request.Content.Headers.ContentType = LfsJson;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(LfsJson.MediaType!));
        return request;
    }

    private static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new HubException($"the Hub answered {response.RequestMessage?.RequestUri?.AbsolutePath} with JSON that is not an object");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new HubException($"the Hub answered {response.RequestMessage?.RequestUri?.AbsolutePath} with something that is not JSON ({e.Message})", null, e);
        }
    }
}
