namespace Jat.Environments.Families;

/// <summary>
/// How large a task's episodes are, known without making an environment: what shards and work shares are sized by.
/// </summary>
/// <param name="TypicalSteps">a usual episode's length, to share work evenly between machines and threads</param>
/// <param name="LargestBytes">the bytes the largest episode takes in a shard: the raw step data of a whole time-limited
/// episode, or a measured figure where steps compress well</param>
public sealed record EpisodeSize(int TypicalSteps, long LargestBytes);
