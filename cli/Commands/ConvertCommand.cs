using System.CommandLine;
using System.Globalization;
using Jat.Cli.Presentation;
using Jat.Converters;
using Spectre.Console;

namespace Jat.Cli.Commands;

/// <summary><c>jat convert &lt;source&gt;</c>: JAT's text and image-text configs from their public sources.</summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var command = new Command("convert",
            "Convert a public source into its JAT config (wikipedia, oscar, ok-vqa, conceptual-captions), written as shards " +
            "into a dataset folder. Stopped or killed, the same command resumes.");
        foreach (var source in Sources())
            command.Subcommands.Add(source);
        return command;
    }

    /// <summary>One subcommand per source; each converter adds its own here.</summary>
    private static IEnumerable<Command> Sources() =>
    [
        WikipediaCommand.Create(),
        OkVqaCommand.Create(),
        ConceptualCaptionsCommand.Create(),
        OscarCommand.Create(),
        // one line per converter: XxxCommand.Create(),
    ];

    /// <summary>The summary every converter prints: rows per split, skipped inputs by reason.</summary>
    public static void Report(ConversionReport report, bool json)
    {
        if (json)
        {
            Terminal.WriteJson(new { task = report.Task, rows = report.Rows, skipped = report.Skipped, totalRows = report.TotalRows, totalSkipped = report.TotalSkipped });
            return;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumns("", "count");
        foreach (var (split, rows) in report.Rows)
            table.AddRow($"{split} rows", rows.ToString("N0", CultureInfo.InvariantCulture));
        foreach (var (reason, count) in report.Skipped)
            table.AddRow($"skipped: {Markup.Escape(reason)}", count.ToString("N0", CultureInfo.InvariantCulture));
        Terminal.Out.Write(table);
        Terminal.Out.WriteLine($"{report.Task}: {report.TotalRows:N0} rows written, {report.TotalSkipped:N0} inputs skipped");
    }
}
