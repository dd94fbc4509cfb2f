using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Jat.Environments;
using Jat.Experts.Checkpoints;
using Jat.Experts.Dqn;
using Jat.Experts.Normalization;
using Jat.Experts.Observations;
using Jat.Experts.Policies;
using Jat.Experts.Ppo;
using TorchSharp;
using static TorchSharp.torch;

namespace Jat.Experts.Tests.Checkpoints;

public sealed class CheckpointRoundTripTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("jat-checkpoint-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_ppo_checkpoint_loads_back_with_the_same_header_weights_and_actions()
    {
        using var original = GaussianCheckpoint();
        var path = Path.Combine(_directory, "hopper.jatexpert");

        original.Save(path);
        using var loaded = Checkpoint.Load(path);

        Assert.Equal(Json(original.Header), Json(loaded.Header));
        Assert.IsType<PpoSettings>(loaded.Header.Settings);
        Assert.Equal(original.Header.Settings, loaded.Header.Settings);
        AssertSameWeights(original.Network, loaded.Network);
        AssertSameActions(original.Network, loaded.Network, 11);
    }

    [Fact]
    public void The_file_opens_with_a_readable_header_naming_the_task_and_algorithm()
    {
        using var original = GaussianCheckpoint();
        var path = Path.Combine(_directory, "hopper.jatexpert");
        original.Save(path);

        var start = Encoding.UTF8.GetString(File.ReadAllBytes(path).AsSpan(0, 400));

        Assert.StartsWith("JAT-EXPERT 1 ", start, StringComparison.Ordinal);
        Assert.Contains("\"task\": \"mujoco-hopper\"", start, StringComparison.Ordinal);
        Assert.Contains("\"algorithm\": \"ppo\"", start, StringComparison.Ordinal);
        Assert.Equal("mujoco-hopper", Checkpoint.LoadHeader(path).Task);
    }

    [Fact]
    public void A_dqn_checkpoint_with_the_nature_cnn_round_trips()
    {
        var features = new FeatureLayout(0, 0, 0, new ImageShape(84, 84, 4));
        var header = new CheckpointHeader(
            "atari-pong", new DqnSettings { Initialization = Initialization.TorchDefault }, features, new ActionLayout(false, 6),
            null, null, 1234);
        using var original = new Checkpoint(header, PolicyNetworks.Create(header));
        var path = Path.Combine(_directory, "pong.jatexpert");

        original.Save(path);
        using var loaded = Checkpoint.Load(path);

        Assert.Equal(Json(original.Header), Json(loaded.Header));
        AssertSameWeights(original.Network, loaded.Network);
        using var scope = NewDisposeScope();
        var frames = randint(0, 256, [2, 84, 84, 4], dtype: ScalarType.Byte);
        var before = ((QNetwork)original.Network).call(frames);
        var after = ((QNetwork)loaded.Network).call(frames);
        Assert.Equal(new long[] { 2, 6 }, after.shape);
        Assert.True(Same(before, after));
    }

    [Fact]
    public void A_file_that_is_not_a_checkpoint_is_refused_with_its_name()
    {
        var path = Path.Combine(_directory, "notes.txt");
        File.WriteAllText(path, "hello");

        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path));

        Assert.Contains("notes.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_state_dict_export_uses_pytorch_names_and_imports_back_with_weights_and_statistics()
    {
        using var original = GaussianCheckpoint();
        var pt = Path.Combine(_directory, "hopper.pt");

        StateDictFile.Export(original, pt);

        // torch.save's zip layout: <name>/data.pkl with the pickled dict, tensors under <name>/data/.
        using (var zip = ZipFile.OpenRead(pt))
        {
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/data.pkl", StringComparison.Ordinal));
        }
        var names = original.Network.state_dict().Keys.ToHashSet();
        Assert.Contains("critic.0.weight", names);
        Assert.Contains("critic.4.bias", names);
        Assert.Contains("actor_mean.2.weight", names);
        Assert.Contains("actor_logstd", names);

        var bare = original.Header with { ObservationStatistics = null, ReturnStatistics = null };
        using var imported = StateDictFile.Import(bare, pt);

        AssertSameWeights(original.Network, imported.Network);
        AssertSameActions(original.Network, imported.Network, 11);
        Assert.Equal(Json(original.Header), Json(imported.Header));
    }

    [Fact]
    public void Importing_a_state_dict_into_a_network_of_another_shape_fails()
    {
        using var original = GaussianCheckpoint();
        var pt = Path.Combine(_directory, "hopper.pt");
        StateDictFile.Export(original, pt);
        var other = original.Header with { Settings = new PpoSettings { HiddenLayers = 3 } };

        var error = Assert.Throws<InvalidDataException>(() => StateDictFile.Import(other, pt));

        Assert.Contains("critic.6.weight", error.Message, StringComparison.Ordinal);
    }

    private static Checkpoint GaussianCheckpoint()
    {
        var observations = new RunningStatistics(11);
        var random = new Random(5);
        observations.Update([.. Enumerable.Range(0, 11 * 40).Select(_ => (float)random.NextDouble())], 40);
        var returns = new RunningStatistics(1);
        returns.Update([3, 5, 10], 3);
        var header = new CheckpointHeader(
            "mujoco-hopper", new PpoSettings { RewardScale = 0.5, ValueClip = null, Seed = 9 },
            new FeatureLayout(11, 0, 0, null), new ActionLayout(true, 3, [-1, -1, -1], [1, 1, 1]),
            observations.Snapshot(), returns.Snapshot(), 4096);
        var network = (GaussianActorCritic)PolicyNetworks.Create(header);
        using (no_grad())
        {
            // Move the log-std away from its initial zeros so a lost parameter would show.
            network.get_parameter("actor_logstd")!.copy_(tensor(new float[] { -0.5f, 0.25f, 0.1f }).reshape(1, 3));
        }
        return new Checkpoint(header, network);
    }

    private static string Json(CheckpointHeader header) => JsonSerializer.Serialize(header, CheckpointJson.Options);

    private static void AssertSameWeights(nn.Module expected, nn.Module actual)
    {
        var left = expected.state_dict();
        var right = actual.state_dict();
        Assert.Equal(left.Keys.Order(), right.Keys.Order());
        foreach (var (name, value) in left)
        {
            Assert.True(Same(value, right[name]), $"{name} differs");
        }
    }

    private static void AssertSameActions(nn.Module expected, nn.Module actual, int inputs)
    {
        using var scope = NewDisposeScope();
        var observations = randn(5, inputs);
        var left = (ActorCritic)expected;
        var right = (ActorCritic)actual;
        Assert.True(Same(left.Sample(observations, true, null).Actions, right.Sample(observations, true, null).Actions));
        Assert.True(Same(left.Value(observations), right.Value(observations)));
        var actions = randn(5, 3);
        Assert.True(Same(left.Evaluate(observations, actions).LogProbabilities, right.Evaluate(observations, actions).LogProbabilities));
    }

    private static bool Same(Tensor left, Tensor right) =>
        left.shape.SequenceEqual(right.shape) && left.eq(right).all().item<bool>();
}
