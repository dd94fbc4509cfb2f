using System.Net;
using System.Net.Http.Headers;
using Jat.Hub.Http;

namespace Jat.Hub.Download;

/// <summary>How one file's download went.</summary>
/// <param name="Resumed">an earlier run had left part of it, and only the rest was fetched</param>
/// <param name="Refetched">times the whole file came with the wrong hash and was fetched again</param>
internal sealed record DownloadOutcome(bool Resumed, int Refetched, long BytesReceived);

/// <summary>
/// Downloads one file of a repository into its <c>.partial</c>, resuming with an HTTP <c>Range</c> from what is
/// already there (an earlier run's bytes, or this run's before a connection broke), then checks its hash against the
/// Hub's id before it takes the file's name. A file whose bytes do not hash to the id is fetched once more, whole.
/// </summary>
internal sealed class FileDownload(HubHttp http, HubRetryOptions retry, Action<RetryEvent>? onRetry)
{
    /// <summary>A connection that delivers nothing for this long is given up and resumed, as a broken one would be.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    private const int FullFetches = 2;

    public async Task<DownloadOutcome> RunAsync(Uri url, RemoteFile file, string partial, string target, IProgress<long> bytes, CancellationToken ct)
    {
        var resumed = File.Exists(partial) && new FileInfo(partial).Length > 0;
        long received = 0;
        for (var fetch = 1; ; fetch++)
        {
            received += await FetchAsync(url, file, partial, bytes, ct).ConfigureAwait(false);
            var local = await LocalFile.HashAsync(Path.GetDirectoryName(partial)!, Path.GetFileName(partial), null, ct).ConfigureAwait(false);
            var actual = file.IsLfs ? local.Sha256 : local.GitOid;
            if (actual == file.Oid)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(partial, target, overwrite: true);
                return new DownloadOutcome(resumed, fetch - 1, received);
            }
            File.Delete(partial);
            bytes.Report(-file.Size);
            if (fetch == FullFetches)
                throw new HubException($"{file.Path}: downloaded {FullFetches} times and its {(file.IsLfs ? "sha256" : "git blob id")} was {actual} each time, " +
                    $"not the Hub's {file.Oid}; the copy the Hub serves is not the file it lists: try again later or report it to the repository's owner");
        }
    }

    /// <summary>Brings the partial file to the listed size, resuming after each broken connection; returns the bytes received.</summary>
    private async Task<long> FetchAsync(Uri url, RemoteFile file, string partial, IProgress<long> bytes, CancellationToken ct)
    {
        long received = 0;
        for (var failures = 0; ; )
        {
            var have = File.Exists(partial) ? new FileInfo(partial).Length : 0;
            if (have > file.Size)
            {
                File.Delete(partial);
                bytes.Report(-have);
                have = 0;
            }
            if (have == file.Size)
                return received;
            try
            {
                received += await ReceiveAsync(url, file, partial, have, bytes, ct).ConfigureAwait(false);
            }
            catch (Exception e) when ((e is IOException or HttpRequestException || e is HubException { Status: HttpStatusCode.RequestedRangeNotSatisfiable })
                                      && !ct.IsCancellationRequested)
            {
                if (e is HubException)
                {
                    // The server will not serve from where the partial file ends: start it again.
                    bytes.Report(-have);
                    File.Delete(partial);
                }
                if (++failures > retry.MaxRetries)
                    throw new HubException($"download of {file.Path}: the connection broke {failures} times ({http.Token.Redact(e.Message)}); " +
                        "what arrived is kept: run the same command again to resume");
                var delay = RetryDelay.Backoff(retry, failures - 1);
                onRetry?.Invoke(new RetryEvent($"download of {file.Path}", failures, delay, http.Token.Redact(e.Message)));
                await Task.Delay(delay, ct).ConfigureAwait(false);
            }
        }
    }

    private async Task<long> ReceiveAsync(Uri url, RemoteFile file, string partial, long have, IProgress<long> bytes, CancellationToken ct)
    {
        using var response = await http.SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (have > 0)
                request.Headers.Range = new RangeHeaderValue(have, null);
            return request;
        }, authorize: true, $"download of {file.Path}", ct, streamed: true).ConfigureAwait(false);

        var mode = FileMode.Append;
        if (response.StatusCode == HttpStatusCode.PartialContent)
        {
            if (response.Content.Headers.ContentRange?.From is { } from && from != have)
                throw new IOException($"asked for bytes from {have}, the server sent them from {from}");
        }
        else if (have > 0)
        {
            // The server ignored the range and sends the whole file.
            bytes.Report(-have);
            mode = FileMode.Create;
            have = 0;
        }

        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await using var body = await response.Content.ReadAsStreamAsync(idle.Token).ConfigureAwait(false);
        await using var output = new FileStream(partial, mode, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        var left = file.Size - have;
        long received = 0;
        while (true)
        {
            idle.CancelAfter(StallTimeout);
            int read;
            try
            {
                read = await body.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new IOException($"no data for {StallTimeout.TotalSeconds:0} s");
            }
            if (read == 0)
                break;
            var keep = (int)Math.Min(read, left);
            await output.WriteAsync(buffer.AsMemory(0, keep), ct).ConfigureAwait(false);
            left -= keep;
            received += keep;
            bytes.Report(keep);
            if (keep < read)
                throw new IOException($"the server sent more than the {file.Size} bytes the Hub lists");
        }
        if (left > 0)
            throw new IOException($"the response ended {left} bytes short");
        return received;
    }
}
