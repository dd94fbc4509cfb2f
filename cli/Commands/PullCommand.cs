using System.CommandLine;
using Jat.Cli.Presentation;
using Jat.Hub;
using Jat.Hub.Http;
using Spectre.Console;

namespace Jat.Cli.Commands;

/// <summary><c>jat pull &lt;owner/name&gt; --out &lt;dir&gt;</c>: download a Hub dataset repository into a folder.</summary>
internal static class PullCommand
{
    public static Command Create()
    {
        var repo = new Argument<string>("repo") { Description = "The dataset repository, owner/name." };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The folder to download into (created if missing; files already there and whole are kept).", Required = true };
        var revision = new Option<string>("--revision") { Description = "Branch, tag or commit id to download; every file comes from the one commit it names now.", DefaultValueFactory = _ => "main" };
        var tasks = new Option<string[]>("--tasks") { Description = "Only these tasks (repeatable or comma-separated), plus the files at the root (the card, stats.json).", HelpName = "task", AllowMultipleArgumentsPerToken = true };
        var include = new Option<string[]>("--include") { Description = "Only paths matching these globs (repeatable; * and ?; a trailing / means the whole folder), e.g. 'atari-*/test-*'.", HelpName = "glob", AllowMultipleArgumentsPerToken = true };
        var token = new Option<string?>("--token") { Description = "Hub token for private or gated repositories; default HF_TOKEN, then the Hub's token file (~/.cache/huggingface/token), else none. Never printed." };
        var endpoint = new Option<string?>("--endpoint") { Description = "Hub address; default HF_ENDPOINT, then https://huggingface.co." };
        var parallel = new Option<int>("--parallel") { Description = "Files downloaded at once.", DefaultValueFactory = _ => 2 };
        var retries = new Option<int>("--retries") { Description = "Retries of each request on 408/429/5xx and broken connections, waiting 1, 2, 4, 8, 8 s (or as the Hub asks).", DefaultValueFactory = _ => HubRetryOptions.Default.MaxRetries };
        var json = new Option<bool>("--json") { Description = "Print one JSON summary on stdout." };
        var command = new Command("pull",
            "Download a dataset repository (or some of its tasks) from the Hugging Face Hub, verified file by file against the " +
            "Hub's sha256 (LFS) or git blob id. Safe to re-run: an interrupted download resumes where it stopped, files " +
            "already whole are not fetched again, and a corrupted one is fetched again.")
        {
            repo, output, revision, tasks, include, token, endpoint, parallel, retries, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            var hubToken = HubToken.ResolveOrNone(result.GetValue(token));
            var options = new PullOptions
            {
                RepoId = result.GetValue(repo)!,
                Revision = result.GetValue(revision)!,
                Endpoint = result.GetValue(endpoint) is { } e ? PushOptions.ParseEndpoint(e) : PushOptions.DefaultEndpoint(),
                Tasks = List(result.GetValue(tasks)),
                Include = List(result.GetValue(include)),
                ParallelDownloads = Math.Max(1, result.GetValue(parallel)),
                Retry = new HubRetryOptions(Math.Max(0, result.GetValue(retries))),
                OnRetry = r => Console.Error.WriteLine($"jat: {r.Request}: {hubToken.Redact(r.Reason)}; try {r.Attempt + 1} in {r.Delay.TotalSeconds:0.#} s"),
            };
            var root = result.GetValue(output)!.FullName;
            PullResult pulled;
            try
            {
                pulled = await WithProgressAsync(root, hubToken, options, ct);
            }
            catch (HubException failure)
            {
                Console.Error.WriteLine($"jat: pull failed: {hubToken.Redact(failure.Message)}");
                return 1;
            }
            if (result.GetValue(json))
            {
                Terminal.WriteJson(pulled);
                return 0;
            }
            Terminal.Out.WriteLine($"pulled {options.Endpoint}datasets/{pulled.RepoId} ({pulled.Revision}, commit {pulled.Commit[..Math.Min(12, pulled.Commit.Length)]}) into {pulled.Folder}");
            Terminal.Out.WriteLine($"{pulled.Files} file(s), {ByteSize.Format(pulled.Bytes)}: {pulled.Downloaded} downloaded ({ByteSize.Format(pulled.BytesDownloaded)}" +
                $"{(pulled.Resumed > 0 ? $", {pulled.Resumed} resumed" : "")}{(pulled.Refetched > 0 ? $", {pulled.Refetched} fetched again after a bad hash" : "")}), " +
                $"{pulled.AlreadyPresent} already whole; every file verified");
            Console.Error.WriteLine($"jat: check it with `jat validate {pulled.Folder}`");
            return 0;
        }));
        return command;
    }

    private static string[] List(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToArray();

    private static async Task<PullResult> WithProgressAsync(string root, HubToken token, PullOptions options, CancellationToken ct)
    {
        if (!Terminal.Interactive)
            return await DatasetPull.PullAsync(root, token, options, null, ct);
        return await LiveProgress.RunAsync<PullProgress, PullResult>("listing",
            progress => DatasetPull.PullAsync(root, token, options, progress, ct),
            (bar, p) =>
            {
                bar.Description = $"{p.Stage.ToString().ToLowerInvariant()} {p.FilesDone}/{p.Files}";
                bar.MaxValue = Math.Max(1, p.Bytes);
                bar.Value = Math.Max(0, p.BytesDone);
            },
            [new TaskDescriptionColumn(), new ProgressBarColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn()],
            done: "pulled");
    }
}
