using System.Text.Json;
using System.Text.Json.Serialization;
using Jat.Environments.Families;
using Spectre.Console;

namespace Jat.Cli.Presentation;

/// <summary>
/// Where output goes: figures and tables to stdout (or one JSON document with --json), progress and errors to
/// stderr, so that `jat … --json | jq` always reads clean JSON.
/// </summary>
internal static class Terminal
{
    public static IAnsiConsole Out { get; } = Wide(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }));

    public static IAnsiConsole Err { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Redirected output has no width; 80 columns would wrap every table into an unreadable log.</summary>
    private static IAnsiConsole Wide(IAnsiConsole console)
    {
        if (Console.IsOutputRedirected)
            console.Profile.Width = 200;
        return console;
    }

    public static void WriteJson<T>(T document) => Console.Out.WriteLine(JsonSerializer.Serialize(document, Json));

    /// <summary>Runs a command body; known failures become one clear line on stderr and exit code 1.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("jat: stopped; what was committed is kept, and the same command resumes it");
            return 130;
        }
        catch (System.Runtime.InteropServices.ExternalException e)
        {
            // libtorch's errors carry a C++ backtrace after the first line; the first line is the one that says what.
            Console.Error.WriteLine($"jat: error in libtorch: {e.Message.Split('\n')[0].Trim()}");
            WriteDetails(e);
            return 1;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or ArgumentException
                                      or KeyNotFoundException or FormatException or UnauthorizedAccessException
                                      or EnvironmentUnavailableException)
        {
            Console.Error.WriteLine($"jat: error: {e.Message}");
            WriteDetails(e);
            return 1;
        }
    }

    /// <summary>With <c>JAT_DEBUG=1</c>, the whole exception (its stack, libtorch's C++ backtrace) for a bug report.</summary>
    private static void WriteDetails(Exception e)
    {
        if (Environment.GetEnvironmentVariable("JAT_DEBUG") == "1")
            Console.Error.WriteLine(e);
    }

    /// <summary>True when a person watches stderr: live progress bars then, plain lines otherwise (CI logs).</summary>
    public static bool Interactive => !Console.IsErrorRedirected;
}
