using System;
using System.IO;

namespace SnapshotPS.Core.Model;

/// <summary>
/// A component the module needs could not be loaded (typically another version of it already loaded
/// in the session). Nothing was sent; retrying cannot help.
/// </summary>
public sealed class DependencyLoadException : Exception
{
    public DependencyLoadException(CloudProvider provider, string target, Exception failure)
        : base($"SnapshotPS could not load a component it needs to send {target} to {provider}: {failure.Message} " +
               "Another module in this PowerShell session may have loaded a different version of it; import SnapshotPS in a new session " +
               "(or before that module) and report the assembly named here.", failure)
    {
        Provider = provider;
    }

    public CloudProvider Provider { get; }

    public static bool IsLoadFailure(Exception? failure) =>
        failure is FileLoadException or BadImageFormatException or TypeLoadException or MissingMethodException
            || failure is FileNotFoundException { FileName: { } name } && (name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || name.Contains("Version="));
}
