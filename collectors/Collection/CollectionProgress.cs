namespace Jat.Collectors.Collection;

/// <summary>Where a collection stands: episodes kept (of the planned), discarded, and steps recorded.</summary>
public readonly record struct CollectionProgress(string Task, long Kept, long Planned, long Discarded, long Steps);
