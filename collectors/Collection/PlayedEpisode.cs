using Jat.Collectors.Episodes;

namespace Jat.Collectors.Collection;

/// <summary>One finished attempt of a part: a row to keep, or an episode discarded by JAT's rules.</summary>
/// <param name="Steps">steps played, counted in the collection's figures either way</param>
internal abstract record PlayedEpisode(long Attempt, int Steps, double Return);

/// <summary>An episode kept as a row of the dataset; the row's vectors are on loan until it is written.</summary>
internal sealed record KeptEpisode(long Attempt, RowLease Row, int Steps, double Return) : PlayedEpisode(Attempt, Steps, Return);

/// <summary>An episode discarded, and why (the actor could not go on; it ran over the task's step limit).</summary>
internal sealed record DiscardedEpisode(long Attempt, string Reason, int Steps, double Return) : PlayedEpisode(Attempt, Steps, Return);
