namespace Jat.Hub.Http;

/// <summary>How often and how patiently to retry: by default huggingface_hub's 5 retries, waiting 1, 2, 4, 8, 8 s.</summary>
public sealed record HubRetryOptions(int MaxRetries = 5, TimeSpan? Base = null, TimeSpan? Max = null)
{
    public TimeSpan BaseDelay => Base ?? TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay => Max ?? TimeSpan.FromSeconds(8);
    public static HubRetryOptions Default { get; } = new();
}
