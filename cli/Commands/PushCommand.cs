using System.CommandLine;
using Jat.Cli.Presentation;
using Jat.Hub;
using Jat.Hub.Http;
using Jat.Schema.Validation;
using Spectre.Console;

namespace Jat.Cli.Commands;

/// <summary><c>jat push &lt;dir&gt; &lt;owner/name&gt;</c>: upload a dataset folder to a Hub dataset repository.</summary>
internal static class PushCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("dir") { Description = "The dataset folder (shards and README.md; its .jat/ state is not sent)." };
        var repo = new Argument<string>("repo") { Description = "The dataset repository, owner/name; created if missing." };
        var revision = new Option<string>("--revision") { Description = "Branch to commit to.", DefaultValueFactory = _ => "main" };
        var isPrivate = new Option<bool>("--private") { Description = "Create the repository private (an existing one keeps its visibility)." };
        var token = new Option<string?>("--token") { Description = "Hub token with write access; default HF_TOKEN, then the Hub's token file (~/.cache/huggingface/token). Never printed." };
        var endpoint = new Option<string?>("--endpoint") { Description = "Hub address; default HF_ENDPOINT, then https://huggingface.co." };
        var noValidate = new Option<bool>("--no-validate") { Description = "Push without validating the folder first." };
        var retries = new Option<int>("--retries") { Description = "Retries of each request on 408/429/5xx and network errors, waiting 1, 2, 4, 8, 8 s (or as the Hub asks).", DefaultValueFactory = _ => HubRetryOptions.Default.MaxRetries };
        var deleteStale = new Option<bool>("--delete-stale") { Description = "Also delete remote files the folder no longer has (stale shards of a rewritten dataset), in the last commit." };
        var dryRun = new Option<bool>("--dry-run") { Description = "With --delete-stale: list the remote files that would be deleted, change nothing." };
        var json = new Option<bool>("--json") { Description = "Print one JSON summary on stdout." };
        var command = new Command("push",
            "Upload a dataset folder to the Hugging Face Hub: create the repository, upload the shards through LFS (multipart for " +
            "large files), commit in batches of 50 files with the card last. Safe to re-run: after any failure, the same command " +
            "sends only what the Hub does not have.")
        {
            folder, repo, revision, isPrivate, token, endpoint, noValidate, retries, deleteStale, dryRun, json,
        };
        command.SetAction((result, ct) => Terminal.RunAsync(async () =>
        {
            var root = result.GetValue(folder)!.FullName;
            var hubToken = HubToken.Resolve(result.GetValue(token));
            try
            {
                return await PushAsync(root, hubToken, result, repo, revision, isPrivate, endpoint, noValidate, retries, (deleteStale, dryRun), json, ct);
            }
            catch (HubException e)
            {
                Console.Error.WriteLine($"jat: push failed: {hubToken.Redact(e.Message)}");
                return 1;
            }
        }));
        return command;
    }

    private static async Task<int> PushAsync(string root, HubToken token, ParseResult result, Argument<string> repo, Option<string> revision,
        Option<bool> isPrivate, Option<string?> endpoint, Option<bool> noValidate, Option<int> retries, (Option<bool> DeleteStale, Option<bool> DryRun) stale,
        Option<bool> json, CancellationToken ct)
    {
        if (!result.GetValue(noValidate))
        {
            var report = await ShardValidator.ValidateAsync(root, null, ct);
            if (!report.IsValid)
            {
                foreach (var problem in report.Problems)
                    Console.Error.WriteLine($"jat: invalid: {problem}");
                Console.Error.WriteLine("jat: not pushed: the folder is invalid (see above); fix it, or pass --no-validate");
                return 1;
            }
        }
        var options = new PushOptions
        {
            RepoId = result.GetValue(repo)!,
            Revision = result.GetValue(revision)!,
            Private = result.GetValue(isPrivate),
            Endpoint = result.GetValue(endpoint) is { } e ? PushOptions.ParseEndpoint(e) : PushOptions.DefaultEndpoint(),
            Retry = new HubRetryOptions(Math.Max(0, result.GetValue(retries))),
            DeleteStale = result.GetValue(stale.DeleteStale),
            DryRun = result.GetValue(stale.DryRun),
            OnRetry = r => Console.Error.WriteLine($"jat: {r.Request}: {r.Reason}; try {r.Attempt + 1} in {r.Delay.TotalSeconds:0.#} s"),
        };
        var pushed = await WithProgressAsync(root, token, options, ct);
        if (result.GetValue(json))
        {
            Terminal.WriteJson(pushed);
        }
        else if (options.DryRun)
        {
            Terminal.Out.WriteLine($"dry run: {pushed.Deleted.Count} stale file(s) on {pushed.RepoId} ({pushed.Revision}) would be deleted; nothing changed");
            foreach (var path in pushed.Deleted)
                Terminal.Out.WriteLine($"  {path}");
        }
        else
        {
            foreach (var path in pushed.Deleted)
                Terminal.Out.WriteLine($"deleted {path}");
            Terminal.Out.WriteLine($"pushed {root} to {options.Endpoint}datasets/{pushed.RepoId} ({pushed.Revision}){(pushed.Created ? ", a new repository" : "")}");
            Terminal.Out.WriteLine($"{pushed.Files} file(s): {pushed.Uploaded} uploaded ({ByteSize.Format(pushed.BytesUploaded)}), {pushed.AlreadyStored} already in storage, " +
                $"{pushed.Unchanged} unchanged; {pushed.Committed} committed in {pushed.Commits.Count} commit(s)");
        }
        return 0;
    }

    private static async Task<PushResult> WithProgressAsync(string root, HubToken token, PushOptions options, CancellationToken ct)
    {
        if (!Terminal.Interactive)
            return await DatasetPush.PushAsync(root, token, options, null, ct);
        return await LiveProgress.RunAsync<PushProgress, PushResult>("hashing",
            progress => DatasetPush.PushAsync(root, token, options, progress, ct),
            (bar, p) =>
            {
                bar.Description = $"{p.Stage.ToString().ToLowerInvariant()} {p.FilesDone}/{p.Files}";
                bar.MaxValue = Math.Max(1, p.Bytes);
                bar.Value = p.BytesDone;
            },
            [new TaskDescriptionColumn(), new ProgressBarColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn()],
            done: "pushed");
    }

}
