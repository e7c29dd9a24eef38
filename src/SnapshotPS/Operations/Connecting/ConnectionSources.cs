using SnapshotPS.Core.Connections;

namespace SnapshotPS.Operations.Connecting;

/// <summary>Where a connection's settings came from, as Get-SnapshotProvider and -Verbose tell it.</summary>
internal static class ConnectionSources
{
    /// <summary>Parameters, completed by the provider's configuration when that held anything.</summary>
    public static string WithParameters(bool fromConfiguration, string loaded) =>
        !fromConfiguration || loaded is ConnectionSettings.NothingFound or "Parameters" ? "Parameters" : "parameters, defaults from " + loaded;
}
