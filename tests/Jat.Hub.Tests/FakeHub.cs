using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Jat.Hub.Tests;

/// <summary>What the fake Hub does to matching requests, a number of times.</summary>
public enum FaultKind
{
    ServerError,
    TooManyRequests,
    /// <summary>Reads part of the request body, then drops the connection.</summary>
    DropConnection,
    /// <summary>A download: sends half of the bytes asked for, then drops the connection.</summary>
    CutResponse,
    /// <summary>A download: sends every byte asked for, one of them wrong.</summary>
    Corrupt,
}

public sealed class Fault(string method, string pathContains, FaultKind kind, int times)
{
    private int _remaining = times;

    public bool TryTake(HttpRequest request) =>
        request.Method == method && request.Path.Value!.Contains(pathContains, StringComparison.Ordinal) && Interlocked.Decrement(ref _remaining) >= 0;

    public FaultKind Kind { get; } = kind;
}

/// <summary>One download request the fake Hub answered: which file, from which byte (a resumed download asks for more than 0).</summary>
public sealed record Download(string Path, long From);

/// <summary>
/// A Hugging Face Hub on 127.0.0.1, just big enough for `jat push` and `jat pull`: repositories, pre-upload, LFS
/// batch with basic and multipart transfer, verify, NDJSON commits (files, LFS files, deletions), revisions, the
/// paged tree listing, and downloads by <c>/resolve/</c> (LFS files redirected to a storage URL, byte ranges served).
/// It keeps what it is sent, a snapshot per commit, and counts every upload and download, so tests can check the
/// repository equals the folder, that nothing was sent twice, and what a resumed pull asked for.
/// </summary>
public sealed class FakeHub : IAsyncDisposable
{
    public const string Token = "hf_FakeTestToken0123456789abcdef";

    private readonly WebApplication _app;

    public ConcurrentDictionary<string, byte[]> LfsObjects { get; } = new();
    public ConcurrentDictionary<string, int> LfsUploads { get; } = new();
    public ConcurrentDictionary<string, ConcurrentDictionary<string, byte[]>> Repos { get; } = new();
    public ConcurrentQueue<string> Commits { get; } = new();
    public ConcurrentQueue<Fault> Faults { get; } = new();
    /// <summary>Requests to storage URLs that carried an Authorization header: the token must never go there.</summary>
    public ConcurrentQueue<string> TokenLeaks { get; } = new();
    /// <summary>Repositories that only a valid token may read.</summary>
    public ConcurrentDictionary<string, bool> PrivateRepos { get; } = new();
    public ConcurrentQueue<Download> Downloads { get; } = new();
    /// <summary>Entries per page of the tree listing (the Hub pages it, with a <c>Link: rel="next"</c> header).</summary>
    public int TreePageSize { get; set; } = 1000;
    /// <summary>Downloads are sent in 16 kB pieces with this pause between them, so a test can stop a client mid-file.</summary>
    public TimeSpan DownloadPause { get; set; } = TimeSpan.Zero;
    public long MultipartThreshold { get; set; } = 64 * 1024;
    public long ChunkSize { get; set; } = 24 * 1024;

    private readonly ConcurrentDictionary<(string Oid, int Part), byte[]> _parts = new();
    private readonly ConcurrentDictionary<string, Snapshot> _snapshots = new();
    private readonly ConcurrentDictionary<string, string> _heads = new();
    private readonly ConcurrentDictionary<(string Repo, string Path), bool> _lfsPaths = new();

    /// <summary>A repository as one commit left it: each file's bytes and whether it is stored in LFS.</summary>
    private sealed record Snapshot(string Repo, IReadOnlyDictionary<string, (byte[] Bytes, bool Lfs)> Files);

    /// <summary>The commit a repository's main branch is at, or null before its first commit.</summary>
    public string? Head(string repo) => _heads.GetValueOrDefault(repo);

    private FakeHub(WebApplication app) => _app = app;

    public Uri Endpoint => new(_app.Urls.First() + "/");

    public static async Task<FakeHub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var hub = new FakeHub(app);
        hub.Map(app);
        hub.MapDownloads(app);
        await app.StartAsync();
        return hub;
    }

    public ConcurrentDictionary<string, byte[]> Repo(string id) => Repos[id];

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var fault = Faults.FirstOrDefault(f => f.TryTake(context.Request));
            switch (fault?.Kind)
            {
                case FaultKind.ServerError:
                    context.Response.StatusCode = 500;
                    await context.Response.WriteAsync("{\"error\":\"Internal Error - We're working hard to fix this as soon as possible!\"}");
                    return;
                case FaultKind.TooManyRequests:
                    context.Response.StatusCode = 429;
                    context.Response.Headers.RetryAfter = "1";
                    return;
                case FaultKind.DropConnection:
                    var buffer = new byte[4096];
                    _ = await context.Request.Body.ReadAtLeastAsync(buffer, 1, throwOnEndOfStream: false);
                    context.Abort();
                    return;
                case FaultKind.CutResponse or FaultKind.Corrupt:
                    context.Items[nameof(Fault)] = fault.Kind; // the download endpoints act on it
                    break;
            }
            await next(context);
        });

        app.MapPost("/api/repos/create", async context =>
        {
            if (!Authorised(context))
                return;
            var body = (await JsonNode.ParseAsync(context.Request.Body))!;
            var id = $"{(string?)body["organization"]}/{(string?)body["name"]}";
            if ((string?)body["type"] != "dataset")
                await Fail(context, 400, "only dataset repositories here");
            else if (!Repos.TryAdd(id, new ConcurrentDictionary<string, byte[]>()))
                await Fail(context, 409, "You already created this dataset repo");
            else
                await context.Response.WriteAsJsonAsync(new { url = $"{Endpoint}datasets/{id}" });
        });

        app.MapPost("/api/datasets/{ns}/{name}/preupload/{revision}", async (HttpContext context, string ns, string name) =>
        {
            if (!Authorised(context) || await Missing(context, ns, name) is not { } repo)
                return;
            var body = (await JsonNode.ParseAsync(context.Request.Body))!;
            var files = body["files"]!.AsArray().Select(f =>
            {
                var path = (string)f!["path"]!;
                var lfs = path.EndsWith(".parquet", StringComparison.Ordinal) || (long)f["size"]! > 10_000_000;
                var answer = new JsonObject { ["path"] = path, ["uploadMode"] = lfs ? "lfs" : "regular", ["shouldIgnore"] = false };
                if (repo.TryGetValue(path, out var content))
                    answer["oid"] = lfs ? Sha256(content) : GitOid(content);
                return (JsonNode)answer;
            });
            await context.Response.WriteAsJsonAsync(new JsonObject { ["files"] = new JsonArray(files.ToArray()) });
        });

        app.MapPost("/datasets/{ns}/{repo}/info/lfs/objects/batch", async (HttpContext context, string ns, string repo) =>
        {
            if (!Authorised(context) || await Missing(context, ns, repo[..^".git".Length]) is null)
                return;
            var body = (await JsonNode.ParseAsync(context.Request.Body))!;
            var objects = body["objects"]!.AsArray().Select(o =>
            {
                var oid = (string)o!["oid"]!;
                var size = (long)o["size"]!;
                var answer = new JsonObject { ["oid"] = oid, ["size"] = size };
                if (LfsObjects.ContainsKey(oid))
                    return (JsonNode)answer;
                var verify = new JsonObject { ["href"] = $"{Endpoint}lfs/{oid}/verify" };
                if (size > MultipartThreshold)
                {
                    var header = new JsonObject { ["chunk_size"] = ChunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                    for (var part = 1; (part - 1) * ChunkSize < size; part++)
                        header[part.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)] = $"{Endpoint}lfs/{oid}/part/{part}?X-Signature=presigned";
                    answer["actions"] = new JsonObject { ["upload"] = new JsonObject { ["href"] = $"{Endpoint}lfs/{oid}/complete", ["header"] = header }, ["verify"] = verify };
                }
                else
                {
                    answer["actions"] = new JsonObject { ["upload"] = new JsonObject { ["href"] = $"{Endpoint}lfs/{oid}?X-Signature=presigned" }, ["verify"] = verify };
                }
                return answer;
            });
            context.Response.ContentType = "application/vnd.git-lfs+json";
            await context.Response.WriteAsync(new JsonObject { ["transfer"] = "basic", ["objects"] = new JsonArray(objects.ToArray()) }.ToJsonString());
        });

        app.MapPut("/lfs/{oid}", async (HttpContext context, string oid) =>
        {
            NoToken(context);
            var bytes = await ReadAll(context.Request.Body);
            if (Sha256(bytes) != oid)
            {
                await Fail(context, 400, "content does not match its oid");
                return;
            }
            LfsObjects[oid] = bytes;
            LfsUploads.AddOrUpdate(oid, 1, (_, n) => n + 1);
        });

        app.MapPut("/lfs/{oid}/part/{part:int}", async (HttpContext context, string oid, int part) =>
        {
            NoToken(context);
            var bytes = await ReadAll(context.Request.Body);
            _parts[(oid, part)] = bytes;
            context.Response.Headers.ETag = $"\"{Sha256(bytes)[..16]}\"";
        });

        app.MapPost("/lfs/{oid}/complete", async (HttpContext context, string oid) =>
        {
            NoToken(context);
            var body = (await JsonNode.ParseAsync(context.Request.Body))!;
            var content = new MemoryStream();
            foreach (var part in body["parts"]!.AsArray())
            {
                var number = (int)part!["partNumber"]!;
                if (!_parts.TryGetValue((oid, number), out var bytes) || (string?)part["etag"] != $"\"{Sha256(bytes)[..16]}\"")
                {
                    await Fail(context, 400, $"part {number} missing or its etag is wrong");
                    return;
                }
                content.Write(bytes);
            }
            if (Sha256(content.ToArray()) != oid)
            {
                await Fail(context, 400, "assembled parts do not match the oid");
                return;
            }
            LfsObjects[oid] = content.ToArray();
            LfsUploads.AddOrUpdate(oid, 1, (_, n) => n + 1);
        });

        app.MapPost("/lfs/{oid}/verify", async (HttpContext context, string oid) =>
        {
            if (!Authorised(context))
                return;
            var body = (await JsonNode.ParseAsync(context.Request.Body))!;
            if (!LfsObjects.TryGetValue(oid, out var bytes) || bytes.Length != (long)body["size"]!)
                await Fail(context, 404, "object not stored");
        });

        app.MapPost("/api/datasets/{ns}/{name}/commit/{revision}", async (HttpContext context, string ns, string name) =>
        {
            if (!Authorised(context) || await Missing(context, ns, name) is not { } repo)
                return;
            var text = Encoding.UTF8.GetString(await ReadAll(context.Request.Body));
            var changes = new Dictionary<string, byte[]>();
            var deleted = new List<string>();
            var lfs = new HashSet<string>();
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var entry = JsonNode.Parse(line)!;
                var value = entry["value"]!;
                switch ((string?)entry["key"])
                {
                    case "lfsFile":
                        if (!LfsObjects.TryGetValue((string)value["oid"]!, out var stored))
                        {
                            await Fail(context, 400, $"LFS object of {value["path"]} was never uploaded");
                            return;
                        }
                        changes[(string)value["path"]!] = stored;
                        lfs.Add((string)value["path"]!);
                        break;
                    case "file":
                        changes[(string)value["path"]!] = Convert.FromBase64String((string)value["content"]!);
                        break;
                    case "deletedFile":
                        if (!repo.ContainsKey((string)value["path"]!))
                        {
                            await Fail(context, 404, $"cannot delete {value["path"]}: no such file");
                            return;
                        }
                        deleted.Add((string)value["path"]!);
                        break;
                }
            }
            var id = $"{ns}/{name}";
            foreach (var (path, bytes) in changes)
            {
                repo[path] = bytes;
                _lfsPaths[(id, path)] = lfs.Contains(path);
            }
            foreach (var path in deleted)
                repo.TryRemove(path, out _);
            var oid = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
            _snapshots[oid] = new Snapshot(id, repo.ToDictionary(kv => kv.Key, kv => (kv.Value, _lfsPaths.GetValueOrDefault((id, kv.Key)))));
            _heads[id] = oid;
            Commits.Enqueue(oid);
            await context.Response.WriteAsJsonAsync(new { commitUrl = $"{Endpoint}datasets/{ns}/{name}/commit/{oid}", commitOid = oid });
        });
    }

    private void MapDownloads(WebApplication app)
    {
        app.MapGet("/api/datasets/{ns}/{name}/revision/{revision}", async (HttpContext context, string ns, string name, string revision) =>
        {
            if (await ReadableSnapshot(context, ns, name, revision) is not { } found)
                return;
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["id"] = $"{ns}/{name}",
                ["sha"] = found.Commit,
                ["siblings"] = new JsonArray(found.Snapshot.Files.Keys.Order(StringComparer.Ordinal).Select(p => (JsonNode)new JsonObject { ["rfilename"] = p }).ToArray()),
            });
        });

        app.MapGet("/api/datasets/{ns}/{name}/tree/{revision}", async (HttpContext context, string ns, string name, string revision) =>
        {
            if (await ReadableSnapshot(context, ns, name, revision) is not { } found)
                return;
            var recursive = context.Request.Query["recursive"] == "true";
            var entries = new List<JsonObject>();
            foreach (var folder in found.Snapshot.Files.Keys.Where(p => p.Contains('/', StringComparison.Ordinal)).Select(p => p[..p.LastIndexOf('/')]).Distinct().Order(StringComparer.Ordinal))
                entries.Add(new JsonObject { ["type"] = "directory", ["oid"] = GitOid(Encoding.UTF8.GetBytes(folder)), ["size"] = 0, ["path"] = folder });
            foreach (var (path, (bytes, lfs)) in found.Snapshot.Files.Where(f => recursive || !f.Key.Contains('/', StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var entry = new JsonObject { ["type"] = "file", ["size"] = bytes.Length, ["path"] = path };
                if (lfs)
                {
                    var pointer = $"version https://git-lfs.github.com/spec/v1\noid sha256:{Sha256(bytes)}\nsize {bytes.Length}\n";
                    entry["oid"] = GitOid(Encoding.ASCII.GetBytes(pointer));
                    entry["lfs"] = new JsonObject { ["oid"] = Sha256(bytes), ["size"] = bytes.Length, ["pointerSize"] = pointer.Length };
                }
                else
                {
                    entry["oid"] = GitOid(bytes);
                }
                entries.Add(entry);
            }
            var cursor = int.TryParse(context.Request.Query["cursor"], out var c) ? c : 0;
            if (cursor + TreePageSize < entries.Count)
                context.Response.Headers["Link"] = $"<{Endpoint}api/datasets/{ns}/{name}/tree/{revision}?recursive={(recursive ? "true" : "false")}&cursor={cursor + TreePageSize}>; rel=\"next\"";
            await context.Response.WriteAsJsonAsync(new JsonArray(entries.Skip(cursor).Take(TreePageSize).Select(e => (JsonNode)e).ToArray()));
        });

        app.MapGet("/datasets/{ns}/{name}/resolve/{revision}/{**path}", async (HttpContext context, string ns, string name, string revision, string path) =>
        {
            if (await ReadableSnapshot(context, ns, name, revision) is not { } found)
                return;
            if (!found.Snapshot.Files.TryGetValue(path, out var file))
            {
                context.Response.Headers["X-Error-Code"] = "EntryNotFound";
                await Fail(context, 404, $"{path} does not exist on \"{revision}\"");
                return;
            }
            context.Response.Headers["X-Repo-Commit"] = found.Commit;
            if (file.Lfs)
            {
                // As the Hub does: LFS content lives in storage, behind a signed URL that must not see the token.
                context.Response.Headers.ETag = $"\"{Sha256(file.Bytes)}\"";
                context.Response.Redirect($"{Endpoint}cdn/{Sha256(file.Bytes)}?X-Signature=presigned");
                return;
            }
            await Serve(context, path, file.Bytes);
        });

        app.MapGet("/cdn/{oid}", async (HttpContext context, string oid) =>
        {
            NoToken(context);
            if (!LfsObjects.TryGetValue(oid, out var bytes))
            {
                await Fail(context, 404, "no such object");
                return;
            }
            await Serve(context, oid, bytes);
        });
    }

    /// <summary>Sends a file or, for <c>Range: bytes=N-</c>, its tail as 206; applies a download fault if one was taken.</summary>
    private async Task Serve(HttpContext context, string label, byte[] bytes)
    {
        long from = 0;
        var range = context.Request.Headers.Range.ToString();
        if (range.StartsWith("bytes=", StringComparison.Ordinal))
        {
            var bounds = range["bytes=".Length..].Split('-');
            from = long.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture);
            if (from >= bytes.Length)
            {
                context.Response.StatusCode = 416;
                context.Response.Headers.ContentRange = $"bytes */{bytes.Length}";
                return;
            }
            context.Response.StatusCode = 206;
            context.Response.Headers.ContentRange = $"bytes {from}-{bytes.Length - 1}/{bytes.Length}";
        }
        Downloads.Enqueue(new Download(label, from));
        var body = bytes.AsMemory((int)from);
        context.Response.ContentLength = body.Length;
        context.Response.Headers.AcceptRanges = "bytes";
        switch (context.Items[nameof(Fault)] as FaultKind?)
        {
            case FaultKind.CutResponse:
                await context.Response.Body.WriteAsync(body[..(body.Length / 2)]);
                await context.Response.Body.FlushAsync();
                await Task.Delay(300); // an abort at once can reset the connection before the half already sent arrives
                context.Abort();
                return;
            case FaultKind.Corrupt:
                var wrong = body.ToArray();
                wrong[wrong.Length / 2] ^= 0x5a;
                await context.Response.Body.WriteAsync(wrong);
                return;
        }
        if (DownloadPause == TimeSpan.Zero)
        {
            await context.Response.Body.WriteAsync(body);
            return;
        }
        for (var offset = 0; offset < body.Length; offset += 16 * 1024)
        {
            await context.Response.Body.WriteAsync(body[offset..Math.Min(body.Length, offset + 16 * 1024)]);
            await context.Response.Body.FlushAsync();
            await Task.Delay(DownloadPause);
        }
    }

    /// <summary>The snapshot a revision names (main or a commit id), if the caller may read the repository; else answers as the Hub does.</summary>
    private async Task<(string Commit, Snapshot Snapshot)?> ReadableSnapshot(HttpContext context, string ns, string name, string revision)
    {
        var id = $"{ns}/{name}";
        var presented = context.Request.Headers.Authorization.Count > 0;
        if ((presented || PrivateRepos.ContainsKey(id)) && !Authorised(context))
            return null;
        if (!Repos.ContainsKey(id))
        {
            context.Response.Headers["X-Error-Code"] = "RepoNotFound";
            await Fail(context, 404, "Repository not found");
            return null;
        }
        var commit = revision == "main" ? _heads.GetValueOrDefault(id) : revision;
        if (commit is null || !_snapshots.TryGetValue(commit, out var snapshot) || snapshot.Repo != id)
        {
            context.Response.Headers["X-Error-Code"] = "RevisionNotFound";
            await Fail(context, 404, $"Invalid rev id: {revision}");
            return null;
        }
        return (commit, snapshot);
    }

    private static bool Authorised(HttpContext context)
    {
        if (context.Request.Headers.Authorization == $"Bearer {Token}")
            return true;
        context.Response.StatusCode = 401;
        context.Response.Headers["X-Error-Message"] = "Invalid credentials in Authorization header";
        return false;
    }

    private void NoToken(HttpContext context)
    {
        if (context.Request.Headers.Authorization.Count > 0)
            TokenLeaks.Enqueue(context.Request.Path);
    }

    private async Task<ConcurrentDictionary<string, byte[]>?> Missing(HttpContext context, string ns, string name)
    {
        if (Repos.TryGetValue($"{ns}/{name}", out var repo))
            return repo;
        context.Response.Headers["X-Error-Code"] = "RepoNotFound";
        await Fail(context, 404, "Repository not found");
        return null;
    }

    private static async Task Fail(HttpContext context, int status, string error)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { error });
    }

    private static async Task<byte[]> ReadAll(Stream body)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string GitOid(byte[] bytes) =>
        Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {bytes.Length}\0"), .. bytes]));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
