namespace SnapshotPS.Emulator.Scaleway;

internal static class ScalewayZones
{
    public static readonly IReadOnlyList<string> Instance =
        ["fr-par-1", "fr-par-2", "fr-par-3", "nl-ams-1", "nl-ams-2", "nl-ams-3", "pl-waw-1", "pl-waw-2", "pl-waw-3", "it-mil-1"];

    /// <summary>The Block Storage API has no it-mil-1.</summary>
    public static readonly IReadOnlyList<string> Block =
        ["fr-par-1", "fr-par-2", "fr-par-3", "nl-ams-1", "nl-ams-2", "nl-ams-3", "pl-waw-1", "pl-waw-2", "pl-waw-3"];

    public static IReadOnlyList<string> For(ScalewayApi api) => api == ScalewayApi.Instance ? Instance : Block;

    /// <summary>"fr-par-1" -> "fr-par".</summary>
    public static string RegionOf(string zone) => zone[..zone.LastIndexOf('-')];

    // UNVERIFIED: the real error for an unknown zone; the reference suggests 400 invalid_arguments.
    public static IResult? Check(ScalewayApi api, string zone) => For(api).Contains(zone)
        ? null
        : ScalewayErrors.InvalidArgument(api, "zone", "constraint", "zone must be one of " + string.Join(", ", For(api)));

    public static void Require(ScalewayApi api, string zone)
    {
        if (!For(api).Contains(zone))
        {
            throw new ArgumentException($"'{zone}' is not a Scaleway {api} zone; use one of {string.Join(", ", For(api))}.", nameof(zone));
        }
    }
}
