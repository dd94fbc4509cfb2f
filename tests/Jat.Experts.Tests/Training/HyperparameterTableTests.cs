using Jat.Experts.Dqn;
using Jat.Experts.Policies;
using Jat.Experts.Ppo;
using Jat.Experts.Training;

namespace Jat.Experts.Tests.Training;

public sealed class HyperparameterTableTests
{
    [Fact]
    public void Mujoco_gets_sample_factorys_ppo_values_as_jat_used_them()
    {
        var settings = Assert.IsType<PpoSettings>(HyperparameterTable.For("mujoco-hopper"));

        Assert.Equal(10_000_000, settings.TotalSteps);
        Assert.Equal(64, settings.Environments);
        Assert.Equal(64, settings.RolloutSteps);
        Assert.Equal(1024, settings.MinibatchSize);
        Assert.Equal(2, settings.Epochs);
        Assert.Equal(0.00295, settings.LearningRate);
        Assert.Equal(1.3, settings.ValueCoefficient);
        Assert.Equal(3.5, settings.MaxGradNorm);
        Assert.Equal(1.0, settings.RewardScale);
        Assert.Equal(Activation.Tanh, settings.Activation);
        Assert.Equal(Initialization.TorchDefault, settings.Initialization);
        Assert.False(settings.ShuffleMinibatches);
        Assert.True(settings.NormalizeObservations && settings.NormalizeReturns && settings.ValueBootstrap);
    }

    [Fact]
    public void Metaworld_differs_from_mujoco_only_in_its_reward_scale()
    {
        var mujoco = Assert.IsType<PpoSettings>(HyperparameterTable.For("mujoco-ant"));
        var metaworld = Assert.IsType<PpoSettings>(HyperparameterTable.For("metaworld-assembly"));

        Assert.Equal(0.1, metaworld.RewardScale);
        Assert.Equal(mujoco with { RewardScale = 0.1 }, metaworld);
    }

    [Fact]
    public void Swimmer_takes_its_own_rows_over_the_mujoco_column_and_other_tasks_do_not()
    {
        var swimmer = Assert.IsType<PpoSettings>(HyperparameterTable.For("mujoco-swimmer"));
        var hopper = Assert.IsType<PpoSettings>(HyperparameterTable.For("mujoco-hopper"));

        Assert.Equal(0.9999, swimmer.Gamma);
        Assert.Equal((1, 2048, 64, 10), (swimmer.Environments, swimmer.RolloutSteps, swimmer.MinibatchSize, swimmer.Epochs));
        Assert.Null(swimmer.ValueClip);
        Assert.False(swimmer.LearningRateDecay);
        Assert.Equal(hopper.RewardScale, swimmer.RewardScale);
        Assert.Equal(0.99, hopper.Gamma);
        Assert.Equal(64, hopper.Environments);
    }

    [Fact]
    public void Task_changes_apply_together_and_are_checked_once_at_the_end()
    {
        const string Table = """
            ## Per-task changes
            | task | setting | value |
            | --- | --- | --- |
            | toy-a | MinibatchSize | 64 |
            | toy-a | Environments | 1 |
            | toy-a | RolloutSteps | 128 |
            | toy-b | Environments | 3 |
            """;
        var family = new PpoSettings { Environments = 64, RolloutSteps = 64, MinibatchSize = 1024 };

        // Alone, the first row would break "MinibatchSize divides Environments × RolloutSteps"; together they hold.
        var a = Assert.IsType<PpoSettings>(HyperparameterTable.WithTaskChanges(Table, "toy-a", family));
        Assert.Equal((1, 128, 64), (a.Environments, a.RolloutSteps, a.MinibatchSize));
        Assert.Same(family, HyperparameterTable.WithTaskChanges(Table, "toy-c", family));
        Assert.ThrowsAny<ArgumentException>(() => HyperparameterTable.WithTaskChanges(Table, "toy-b", family));
    }

    [Fact]
    public void Babyai_and_atari_train_with_dqn()
    {
        var babyai = Assert.IsType<DqnSettings>(HyperparameterTable.For("babyai-go-to"));
        var atari = Assert.IsType<DqnSettings>(HyperparameterTable.For("atari-pong"));

        Assert.Equal(3, babyai.NSteps);
        Assert.Equal(64, babyai.TextBuckets);
        Assert.Equal(1_000_000, atari.BufferSize);
        Assert.Equal(32, atari.BatchSize);
        Assert.True(atari.DoubleDqn);
    }

    [Fact]
    public void Every_family_in_the_table_gives_valid_settings()
    {
        Assert.Equal(["mujoco", "metaworld", "babyai", "atari"], HyperparameterTable.Families);
        foreach (var family in HyperparameterTable.Families)
        {
            HyperparameterTable.For(family + "-task").Validate();
        }
    }

    [Fact]
    public void A_task_of_an_unknown_family_is_refused_with_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => HyperparameterTable.For("oscar"));

        Assert.Contains("mujoco", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_naming_no_setting_is_an_error()
    {
        const string Table = """
            ## Algorithm per family
            | family | algorithm |
            | --- | --- |
            | toy | ppo |
            ## PPO
            | setting | toy |
            | --- | --- |
            | Epochs | 3 |
            | Epohcs | 4 |
            """;

        var error = Assert.Throws<FormatException>(() => HyperparameterTable.Parse(Table, "toy"));

        Assert.Contains("Epohcs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dash_clears_an_optional_setting()
    {
        const string Table = """
            ## Algorithm per family
            | family | algorithm |
            | --- | --- |
            | toy | ppo |
            ## PPO
            | setting | toy |
            | --- | --- |
            | ValueClip | - |
            | ActionBounding | tanh |
            """;

        var settings = Assert.IsType<PpoSettings>(HyperparameterTable.Parse(Table, "toy"));

        Assert.Null(settings.ValueClip);
        Assert.Equal(ActionBounding.Tanh, settings.ActionBounding);
    }
}
