using System.CommandLine;
using System.Globalization;
using Jat.Cli.Presentation;
using Jat.Environments;
using Jat.Environments.Acting;
using Jat.Environments.MuJoCo;
using Spectre.Console;

namespace Jat.Cli.Commands;

/// <summary><c>jat env &lt;task&gt;</c>: what an environment observes and accepts, and a short random rollout.</summary>
internal static class EnvCommand
{
    public static Command Create()
    {
        var task = new Argument<string>("task") { Description = "A task with an environment, e.g. mujoco-hopper (or its gymnasium id, Hopper-v4)." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the reset and of the random actions.", DefaultValueFactory = _ => 0 };
        var steps = new Option<int>("--steps") { Description = "Random steps to show (the rollout stops early if the episode ends).", DefaultValueFactory = _ => 10 };
        var render = new Option<FileInfo?>("--render") { Description = "Save a picture (PNG) of the state after the rollout, for environments that picture themselves (BabyAI)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout." };
        var command = new Command("env",
            "Show an environment: its spaces, time limit and physics step, then a short rollout of uniform random actions " +
            "with each step's reward and end flags.")
        {
            task, seed, steps, render, json,
        };
        command.SetAction((result, _) => Terminal.RunAsync(() =>
        {
            var count = result.GetValue(steps);
            if (count < 0)
                throw new ArgumentException("--steps must be 0 or more.");
            using var environment = EnvironmentCatalog.Create(result.GetValue(task)!);
            var rollout = Rollout(environment, result.GetValue(seed), count);
            if (result.GetValue(render) is { } picture)
            {
                if (environment is not IRenderable renderable)
                    throw new ArgumentException($"--render draws environments that picture themselves (BabyAI); {environment.Spec.Task} does not (MuJoCo rendering needs an OpenGL context Jat does not use).");
                Picture.SavePng(renderable.Render(), picture.FullName);
                Console.Error.WriteLine($"jat: saved {picture.FullName}");
            }
            if (result.GetValue(json))
                Terminal.WriteJson(new { spec = Describe(environment), rollout });
            else
                Print(environment, rollout);
            return Task.FromResult(0);
        }));
        return command;
    }

    private sealed record RolloutStep(int Step, double Reward, bool Terminated, bool Truncated, double[] Action, double[] Observation, int[]? Discrete);

    private static List<RolloutStep> Rollout(IEnvironment environment, ulong seed, int steps)
    {
        var policy = new RandomPolicy(environment.Spec.Actions, seed + 12345);
        environment.Reset(seed);
        var rows = new List<RolloutStep> { new(0, 0, false, false, [], [.. environment.Observation.Continuous], Discrete(environment)) };
        var action = new float[environment.Spec.Actions is ContinuousActions box ? box.Size : 0];
        for (var step = 1; step <= steps; step++)
        {
            Transition transition;
            double[] taken;
            if (environment is IContinuousEnvironment continuous)
            {
                policy.Act(action);
                transition = continuous.Step(action);
                taken = [.. action.Select(a => (double)a)];
            }
            else
            {
                var choice = policy.ActDiscrete();
                transition = ((IDiscreteEnvironment)environment).Step(choice);
                taken = [choice];
            }
            rows.Add(new RolloutStep(step, transition.Reward, transition.Terminated, transition.Truncated,
                taken, [.. environment.Observation.Continuous], Discrete(environment)));
            if (transition.Done)
                break;
        }
        return rows;
    }

    private static int[]? Discrete(IEnvironment environment) =>
        environment.Spec.Observation.DiscreteSize > 0 ? [.. environment.Observation.Discrete] : null;

    private static object Describe(IEnvironment environment)
    {
        var spec = environment.Spec;
        var box = spec.Actions as ContinuousActions;
        var mujoco = environment as MuJoCoEnvironment;
        return new
        {
            task = spec.Task,
            envId = spec.EnvId,
            observationSize = spec.Observation.ContinuousSize,
            discreteObservationSize = spec.Observation.DiscreteSize,
            mission = spec.Observation.HasText ? environment.Observation.Text : null,
            actionSize = box?.Size,
            discreteActions = (spec.Actions as DiscreteActions)?.Count,
            actionLow = box?.Low,
            actionHigh = box?.High,
            maxEpisodeSteps = spec.MaxEpisodeSteps,
            dt = mujoco?.Dt,
        };
    }

    private static void Print(IEnvironment environment, List<RolloutStep> rollout)
    {
        var spec = environment.Spec;
        Terminal.Out.WriteLine($"{spec.Task} ({spec.EnvId})");
        if (spec.Actions is not ContinuousActions box)
        {
            PrintDiscrete(environment, rollout);
            return;
        }
        Terminal.Out.WriteLine($"  observation  {spec.Observation.ContinuousSize} float64");
        Terminal.Out.WriteLine($"  action       {box.Size} float32 in [{Range(box.Low)}, {Range(box.High)}]");
        Terminal.Out.WriteLine($"  time limit   {spec.MaxEpisodeSteps} steps");
        if (environment is MuJoCoEnvironment mujoco)
            Terminal.Out.WriteLine($"  step         {mujoco.Dt.ToString("0.####", CultureInfo.InvariantCulture)} s of simulated time (MuJoCo 2.2.2)");
        var table = new Table().Border(TableBorder.Simple).AddColumns("step", "reward", "end", "observation (first 6)");
        foreach (var row in rollout)
            table.AddRow(
                $"{row.Step}",
                row.Step == 0 ? "reset" : row.Reward.ToString("0.0000", CultureInfo.InvariantCulture),
                row.Terminated ? "terminated" : row.Truncated ? "truncated" : "",
                string.Join(" ", row.Observation.Take(6).Select(v => v.ToString("+0.000;-0.000", CultureInfo.InvariantCulture))));
        Terminal.Out.Write(table);
        Terminal.Out.WriteLine($"return over {rollout.Count - 1} random step(s): {rollout.Sum(r => r.Reward).ToString("0.000", CultureInfo.InvariantCulture)}");
    }

    /// <summary>A discrete task: what an observation holds, each step's action and reward, and the state as the environment shows it.</summary>
    private static void PrintDiscrete(IEnvironment environment, List<RolloutStep> rollout)
    {
        var spec = environment.Spec;
        var actions = (DiscreteActions)spec.Actions;
        var layout = spec.Observation;
        List<string> parts = [];
        if (layout.DiscreteSize > 0)
            parts.Add($"{layout.DiscreteSize} ints");
        if (layout.ContinuousSize > 0)
            parts.Add($"{layout.ContinuousSize} float64");
        if (layout.Image is { } image)
            parts.Add($"a {image.Height}×{image.Width}×{image.Channels} image");
        if (layout.HasText)
            parts.Add("text");
        Terminal.Out.WriteLine($"  observation  {string.Join(" and ", parts)}");
        Terminal.Out.WriteLine($"  action       one of {actions.Count}" +
            (actions.Names is { } names ? $": {string.Join(", ", names)}" : ""));
        Terminal.Out.WriteLine($"  time limit   {spec.MaxEpisodeSteps} steps");
        if (layout.HasText)
            Terminal.Out.WriteLine($"  text         {environment.Observation.Text}");
        var table = new Table().Border(TableBorder.Simple).AddColumns("step", "action", "reward", "end");
        foreach (var row in rollout.Skip(1))
            table.AddRow($"{row.Step}", actions.NameOf((int)row.Action[0]), row.Reward.ToString("0.000", CultureInfo.InvariantCulture),
                row.Terminated ? "terminated" : row.Truncated ? "truncated" : "");
        Terminal.Out.Write(table);
        if ((environment as IRenderable)?.RenderText() is { } text)
            Terminal.Out.WriteLine(Markup.Escape(text));
    }

    private static string Range(IReadOnlyList<double> bounds) =>
        bounds.Distinct().Count() == 1
            ? bounds[0].ToString(CultureInfo.InvariantCulture)
            : "(" + string.Join(", ", bounds.Select(b => b.ToString(CultureInfo.InvariantCulture))) + ")";
}
