using System.Text.RegularExpressions;

namespace Jat.Hub;

/// <summary>The Hub's repository ids: <c>owner/name</c>, each part letters, digits, '-', '_' and '.'.</summary>
internal static partial class RepoName
{
    public static void Check(string repoId)
    {
        if (!Pattern().IsMatch(repoId))
            throw new ArgumentException($"'{repoId}' is not a repository id: write it as owner/name");
    }

    [GeneratedRegex(@"^[A-Za-z0-9][\w.-]{0,95}/[A-Za-z0-9][\w.-]{0,95}$")]
    private static partial Regex Pattern();
}
