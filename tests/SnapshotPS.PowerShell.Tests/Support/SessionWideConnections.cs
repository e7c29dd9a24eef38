namespace SnapshotPS.PowerShell.Tests.Support;

/// <summary>
/// The module keeps its connections in one registry per process (ConnectionRegistry.Session), and
/// every session here connects as "scaleway" and "outscale" and disconnects everything when done.
/// Classes in this collection run alone, so no other class's sessions replace their connections
/// in the middle of a wait or a listing.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SessionWideConnections
{
    public const string Name = "Session-wide connections";
}
