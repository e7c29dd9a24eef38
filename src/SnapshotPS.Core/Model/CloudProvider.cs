namespace SnapshotPS.Core.Model;

/// <summary>The clouds SnapshotPS speaks to.</summary>
public enum CloudProvider
{
    Outscale,
    Scaleway,
    Koyeb,
    OpenStack,
    CloudMC,
}
