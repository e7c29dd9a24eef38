namespace SnapshotPS.Emulator.Scaleway;

internal static class ScalewayIds
{
    public static string New() => Guid.NewGuid().ToString();

    /// <summary>The canonical (lowercase, hyphenated) form, or null when the text is not a UUID.</summary>
    public static string? Normalize(string? text) =>
        text is not null && Guid.TryParseExact(text, "D", out var id) ? id.ToString() : null;

    // UNVERIFIED: the real error for a malformed path ID; the reference suggests 400 invalid_arguments, reason "format".
    public static IResult? CheckPathId(ScalewayApi api, string argument, string id) => Normalize(id) is null
        ? ScalewayErrors.InvalidArgument(api, argument, "format", "must be a valid UUID")
        : null;

    /// <summary>Zone then path ID, the order a caller fixes them in.</summary>
    public static IResult? CheckZoneAndId(ScalewayApi api, string zone, string argument, string id) =>
        ScalewayZones.Check(api, zone) ?? CheckPathId(api, argument, id);

    public static string RandomSnapshotName() => "snp-" + Guid.NewGuid().ToString("N")[..12];
}
