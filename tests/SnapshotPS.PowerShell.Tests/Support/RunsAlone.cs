namespace SnapshotPS.PowerShell.Tests.Support;

/// <summary>
/// Tests that bound how promptly PowerShell.Stop() returns run with no other class beside them, so the
/// bound measures the module and not a test process busy with other classes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Runs alone";
}
