using System.CommandLine;
using System.Globalization;
using Jat.Cli.Presentation;
using Jat.Environments;
using Jat.Experts.Acting;
using Jat.Schema.Tasks;
using Spectre.Console;

namespace Jat.Cli.Commands;

/// <summary><c>jat tasks</c>: the 161 configs with their environments, scores and what Jat has for each.</summary>
internal static class TasksCommand
{
    public static Command Create()
    {
        var domain = new Option<string?>("--domain") { Description = "Only this domain: atari, babyai, metaworld, mujoco, text or vision-language." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout instead of a table." };
        var command = new Command("tasks", "List the 161 JAT configs: domain, environment, expert/random/human scores, and which parts Jat has for each.")
        {
            domain, json,
        };
        command.SetAction((result, _) => Terminal.RunAsync(() =>
        {
            var filter = result.GetValue(domain) is { } d ? DomainNames.Parse(d) : (Domain?)null;
            var tasks = TaskRegistry.All.Where(t => filter is null || t.Domain == filter).ToList();
            if (result.GetValue(json))
                Terminal.WriteJson(new { count = tasks.Count, tasks = tasks.Select(Describe) });
            else
                Print(tasks);
            return Task.FromResult(0);
        }));
        return command;
    }

    /// <summary>What exists for a task today; each later part (environment, expert, collector) adds itself here.</summary>
    private static IReadOnlyList<string> Parts(TaskSpec task)
    {
        if (!task.Domain.IsReinforcementLearning())
            return ["schema", $"converter (jat convert {task.Name})"];
        if (!EnvironmentCatalog.Contains(task.Name))
            return ["schema"];
        List<string> parts = ["schema", $"environment (jat env {task.Name})"];
        if (ShippedExperts.DefaultActorFor(task.Name) is { } expert)
            parts.Add($"expert: {expert.Description} (jat eval-expert {task.Name}; jat collect {task.Name})");
        return parts;
    }

    private static object Describe(TaskSpec task) => new
    {
        name = task.Name,
        domain = task.Domain.Id(),
        envId = task.EnvId,
        columns = task.Columns.Select(c => c.Name),
        split = task.Split.Description,
        scores = task.Scores,
        parts = Parts(task),
    };

    private static void Print(IReadOnlyList<TaskSpec> tasks)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("task", "domain", "environment", "random", "expert", "human", "jat has");
        foreach (var task in tasks)
            table.AddRow(
                Markup.Escape(task.Name), task.Domain.Id(), Markup.Escape(task.EnvId ?? "-"),
                Number(task.Scores?.Random.Mean), Number(task.Scores?.Expert.Mean), Number(task.Scores?.Human?.Mean),
                string.Join(", ", Parts(task)));
        Terminal.Out.Write(table);
        Terminal.Out.WriteLine($"{tasks.Count} task(s)");
    }

    private static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "-";
}
