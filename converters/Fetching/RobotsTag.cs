namespace Jat.Converters.Fetching;

/// <summary>
/// img2dataset's opt-out rule: an <c>X-Robots-Tag</c> response header holding <c>noai</c> or <c>noimageai</c>, either
/// for every crawler or scoped to ours (<c>jat: noai</c>), means the image must not be used.
/// </summary>
internal static class RobotsTag
{
    private static readonly string[] Disallowed = ["noai", "noimageai"];

    /// <param name="values">the header's values, one per header line</param>
    /// <param name="userAgentToken">the crawler name a scoped directive must name to apply to us</param>
    public static bool Forbids(IEnumerable<string> values, string userAgentToken)
    {
        foreach (var value in values)
        {
            var directives = value;
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                // "otherbot: noai" scopes the directives to a crawler. img2dataset takes whatever precedes the first
                // colon as the scope; here it must look like a crawler name, so that "noai, unavailable_after: …"
                // still says noai to everyone.
                var scope = value[..colon].Trim();
                if (scope.Length > 0 && !scope.Contains(',', StringComparison.Ordinal) && !scope.Contains(' ', StringComparison.Ordinal)
                    && !scope.Equals("unavailable_after", StringComparison.OrdinalIgnoreCase))
                {
                    if (!scope.Equals(userAgentToken, StringComparison.OrdinalIgnoreCase))
                        continue;
                    directives = value[(colon + 1)..];
                }
            }
            foreach (var directive in directives.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                if (Disallowed.Contains(directive, StringComparer.OrdinalIgnoreCase))
                    return true;
        }
        return false;
    }
}
