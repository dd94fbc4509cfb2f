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
}

public sealed class Fault(string method, string pathContains, FaultKind kind, int times)
{
    private int _remaining = times;

    public bool TryTake(HttpRequest request) =>
        request.Method == method && request.Path.Value!.Contains(pathContains, StringComparison.Ordinal) && Interlocked.Decrement(ref _remaining) >= 0;

    public FaultKind Kind { get; } = kind;
}

/// <summary>
/// A Hugging Face Hub on 127.0.0.1, just big enough for `jat push`: repositories, pre-upload, LFS batch with basic
/// and multipart transfer, verify, and NDJSON commits. It keeps what it is sent and counts every upload, so tests
/// can check the repository equals the folder and that nothing was sent twice.
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
    public long MultipartThreshold { get; set; } = 64 * 1024;
    public long ChunkSize { get; set; } = 24 * 1024;

    private readonly ConcurrentDictionary<(string Oid, int Part), byte[]> _parts = new();

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
                        break;
                    case "file":
                        changes[(string)value["path"]!] = Convert.FromBase64String((string)value["content"]!);
                        break;
                }
            }
            foreach (var (path, bytes) in changes)
                repo[path] = bytes;
            var oid = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
            Commits.Enqueue(oid);
            await context.Response.WriteAsJsonAsync(new { commitUrl = $"{Endpoint}datasets/{ns}/{name}/commit/{oid}", commitOid = oid });
        });
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
