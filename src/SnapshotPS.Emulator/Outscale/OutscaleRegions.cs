namespace SnapshotPS.Emulator.Outscale;

/// <summary>The regions of the spec's servers enum (reference section 1).</summary>
internal static class OutscaleRegions
{
    public static readonly IReadOnlyList<string> All = ["eu-west-2", "us-east-2", "us-west-1", "cloudgouv-eu-west-1", "ap-northeast-1"];

    public static bool IsKnown(string region) => All.Contains(region, StringComparer.Ordinal);
}
