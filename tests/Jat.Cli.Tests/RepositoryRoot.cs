namespace Jat.Cli.Tests;

public static class RepositoryRoot
{
    /// <summary>The checkout these tests were built from: the first folder above them that holds Jat.sln.</summary>
    public static string Path
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Jat.sln")))
                    return dir.FullName;
            throw new DirectoryNotFoundException("no Jat.sln above " + AppContext.BaseDirectory);
        }
    }
}
