namespace Jat.Experts.Tests.Training;

/// <summary>Learning tests run one at a time: they are timed, and libtorch's thread setting is process-wide.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LearningCollection
{
    public const string Name = "learning";
}
