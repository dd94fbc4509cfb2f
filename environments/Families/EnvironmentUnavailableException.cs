namespace Jat.Environments.Families;

/// <summary>
/// A family cannot run on this machine: a native library, assets or ROMs are missing. The message is one line that says
/// what is missing, where Jat looked, and how to get it; the command line prints it as it is.
/// </summary>
/// <remarks>Not sealed: each family says it with its own type (<c>MuJoCoUnavailableException</c>), callers catch this one.</remarks>
public class EnvironmentUnavailableException(string message) : Exception(message);
