using System.CommandLine;
using Jat.Cli.Commands;
using Jat.Environments.MetaWorld.Assets;

namespace Jat.Cli;

/// <summary>The <c>jat</c> command and its verbs.</summary>
internal static class JatCommand
{
    /// <summary>Meta-World's model files are the user's: every verb that may load a Meta-World task takes their folder.</summary>
    private static readonly Option<DirectoryInfo?> MetaWorldAssetsFolder = new("--metaworld-assets")
    {
        Description = $"The assets_v2 folder of Meta-World (Farama-Foundation/Metaworld {AssetManifest.Commit[..8]}), verified file by file " +
            $"[default: ${MetaWorldAssets.EnvironmentVariable}, then Jat's cache, then an installed metaworld package].",
        Recursive = true,
    };

    public static RootCommand Create()
    {
        var root = new RootCommand(
            "jat: builds the JAT dataset (161 configs: Atari, BabyAI, Meta-World, MuJoCo, text, vision-language) as " +
            "Hugging Face Parquet shards, end to end. Run `jat <command> --help` for a command's options.");
        root.Subcommands.Add(TasksCommand.Create());
        root.Subcommands.Add(EnvCommand.Create());
        root.Subcommands.Add(TrainExpertCommand.Create());
        root.Subcommands.Add(EvalExpertCommand.Create());
        root.Subcommands.Add(VerifyTracesCommand.Create());
        root.Subcommands.Add(CollectCommand.Create());
        root.Subcommands.Add(RegenerateCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        root.Subcommands.Add(CardCommand.Create());
        root.Subcommands.Add(PushCommand.Create());
        root.Subcommands.Add(PullCommand.Create());
        root.Subcommands.Add(ConvertCommand.Create());
        root.Subcommands.Add(AtariCommand.Create());
        root.Subcommands.Add(ModelCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Options.Add(MetaWorldAssetsFolder);
        return root;
    }

    /// <summary>
    /// Runs a command line. Ctrl+C and SIGTERM cancel the running verb, which then saves what it has (a checkpoint, the
    /// rows buffered for a shard) and exits. System.CommandLine's default gives it 2 s before ending the process anyway,
    /// less than one PPO iteration on Humanoid, so a stopped training lost everything since its last periodic save; 30 s
    /// is the grace period Kubernetes and Slurm give a job before they kill it.
    /// </summary>
    public static Task<int> RunAsync(string[] args)
    {
        var parsed = Create().Parse(args);
        MetaWorldAssets.UseFolder(parsed.GetValue(MetaWorldAssetsFolder)?.FullName);
        return parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
    }
}
