namespace Jat.Cli.Tests.Families;

/// <summary>
/// Runs `jat` inside the test process, so that what the test registered (a family, a task) is there: stdout is
/// captured while the verb runs. Console.Out is the process's, so these tests run alone, never beside others.
/// </summary>
[CollectionDefinition(nameof(InProcessJat), DisableParallelization = true)]
public sealed class InProcessJat
{
    private static readonly SemaphoreSlim Alone = new(1, 1);

    public static async Task<(int ExitCode, string Stdout)> RunAsync(params string[] args)
    {
        await Alone.WaitAsync();
        var original = Console.Out;
        using var captured = new StringWriter();
        try
        {
            Console.SetOut(captured);
            var code = await JatCommand.RunAsync(args);
            return (code, captured.ToString());
        }
        finally
        {
            Console.SetOut(original);
            Alone.Release();
        }
    }
}
