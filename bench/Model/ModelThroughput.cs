using System.Diagnostics;
using Jat.Model.Configuration;
using Jat.Model.Network;
using Jat.Model.Network.Transformer;
using static TorchSharp.torch;

namespace Jat.Benchmarks.Model;

/// <summary>What <c>jat bench model</c> times; the same shapes as bench/python/bench_model.py.</summary>
public sealed record ModelBenchOptions(string Config = "small", int Threads = 2, int Repeats = 1, IReadOnlyList<int>? Batches = null,
    int Calls = 8, IReadOnlyList<string>? Shapes = null)
{
    public IReadOnlyList<int> BatchSizes => Batches ?? [2, 8];

    public IReadOnlyList<string> ShapeNames => Shapes ?? ["mujoco", "atari"];
}

/// <summary>One training shape's times: a forward pass without gradients, and forward + backward of the total loss.</summary>
public sealed record TrainFigure(string Task, int Batch, int Steps, int Tokens, double ForwardS, double ForwardBackwardS);

/// <summary>get_next_action's rate with the KV cache holding <see cref="CachedEntries"/> positions, and recomputing them.</summary>
public sealed record InferenceFigure(string Task, int? ContextWindow, int CachedEntries, double KvCacheStepsPerS, double RecomputeStepsPerS, double Speedup);

public sealed record ModelBenchReport(string Implementation, string Config, long Parameters, int Threads, int Repeats,
    IReadOnlyList<TrainFigure> Train, IReadOnlyList<InferenceFigure> Inference, double? OtherProcessesCpuShare = null);

/// <summary>
/// Times the JAT model on CPU with random weights and random inputs of the real shapes: MuJoCo (hopper: 11 observation
/// values, 3 actions) 256 steps and Atari (4×84×84 frames, 18 actions) 32 steps, for forward and forward + backward;
/// and KV-cache inference as get_next_action against recomputing the same positions. Each figure is the median of
/// the timed runs after one warm-up run.
/// </summary>
public static class ModelThroughput
{
    private static readonly (string Task, int? Window)[] InferenceShapes = [("mujoco", 256), ("mujoco", null), ("atari", 32)];

    public static ModelBenchReport Run(ModelBenchOptions options, IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var load = new MachineLoad();
        set_num_threads(options.Threads);
        random.manual_seed(0);
        var config = ModelPresets.Get(options.Config);
        using var model = new JatModel(config);
        var parameters = model.parameters().Sum(p => p.numel());
        var train = new List<TrainFigure>();
        foreach (var task in options.ShapeNames)
        {
            foreach (var b in options.BatchSizes)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report($"{task} batch {b}: forward, forward + backward");
                train.Add(Train(model, task, b, options.Repeats));
            }
        }
        model.eval();
        var inference = new List<InferenceFigure>();
        foreach (var (task, window) in InferenceShapes.Where(s => options.ShapeNames.Contains(s.Task)))
        {
            ct.ThrowIfCancellationRequested();
            progress?.Report($"inference {task}, context window {window?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}");
            inference.Add(Inference(model, task, window, options.Calls, options.Repeats));
        }
        return new ModelBenchReport("jat (TorchSharp)", options.Config, parameters, options.Threads, options.Repeats, train, inference, load.OthersShare());
    }

    private static int StepsOf(string task) => task switch
    {
        "mujoco" => 256,
        "atari" => 32,
        _ => throw new ArgumentException($"Unknown shape \"{task}\"; the shapes are mujoco and atari."),
    };

    private static RlInputs Batch(string task, int b, int steps, bool mask)
    {
        var attention = mask ? ones(b, steps, ScalarType.Int64) : null;
        return task switch
        {
            "mujoco" => new RlInputs(new ContinuousObservations(randn(b, steps, 11)), new ContinuousActions(rand(b, steps, 3) * 2 - 1),
                randn(b, steps), attention, mask ? full(b, steps, 10f) : null),
            _ => new RlInputs(new ImageObservations(rand(new long[] { b, steps, 4, 84, 84 }) * 2 - 1),
                new DiscreteActions(randint(0, 18, [b, steps])), randn(b, steps), attention, mask ? ones(b, steps) : null),
        };
    }

    private static TrainFigure Train(JatModel model, string task, int b, int repeats)
    {
        var steps = StepsOf(task);
        using var scope = NewDisposeScope();
        var batch = Batch(task, b, steps, mask: true);
        model.train();
        var forward = Median(repeats, () =>
        {
            using var inner = NewDisposeScope();
            using var noGrad = no_grad();
            _ = model.Forward(batch).Loss!.item<float>();
        });
        var backward = Median(repeats, () =>
        {
            using var inner = NewDisposeScope();
            model.zero_grad();
            model.Forward(batch).Loss!.backward();
        });
        model.zero_grad();
        return new TrainFigure(task, b, steps, 2 * steps, forward, backward);
    }

    private static InferenceFigure Inference(JatModel model, string task, int? window, int calls, int repeats)
    {
        var maxPositions = model.Config.MaxPositionEmbeddings;
        var cached = window ?? maxPositions - 4;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var step = Batch(task, 1, 2, mask: false);
        var prefill = Batch(task, 1, cached / 2, mask: false);
        var whole = Batch(task, 1, cached / 2 + 2, mask: false);
        using var prefilled = new KeyValueCache(model.Layers);
        using (NewDisposeScope())
            model.Forward(prefill, computeLoss: false, prefilled);
        var incremental = Median(repeats, () =>
        {
            using var cache = prefilled.Clone();
            for (var i = 0; i < calls; i++)
            {
                using var inner = NewDisposeScope();
                var output = model.Forward(step, computeLoss: false, cache);
                cache.TrimAfterStep(maxPositions, window);
                _ = output.PredictedActions![0, -1].data<float>().ToArray();
            }
            if (cache.Length != cached)
                throw new InvalidOperationException($"The cache holds {cache.Length} positions, expected {cached}.");
        }) / calls;
        var recompute = Median(repeats, () =>
        {
            for (var i = 0; i < calls; i++)
            {
                using var inner = NewDisposeScope();
                _ = model.Forward(whole, computeLoss: false).PredictedActions![0, -1].data<float>().ToArray();
            }
        }) / calls;
        return new InferenceFigure(task, window, cached, 1 / incremental, 1 / recompute, recompute / incremental);
    }

    private static double Median(int repeats, Action run)
    {
        run();
        var times = new List<double>();
        for (var r = 0; r < repeats; r++)
        {
            var watch = Stopwatch.StartNew();
            run();
            times.Add(watch.Elapsed.TotalSeconds);
        }
        return Timing.Of(times).Median;
    }
}
