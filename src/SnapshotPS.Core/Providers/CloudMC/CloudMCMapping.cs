using System;
using System.Globalization;
using System.Text.Json;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.CloudMC;

/// <summary>CloudMC snapshots to the common model; CloudStack's Snapshot.State names to SnapshotState.</summary>
internal static class CloudMCMapping
{
    public static CloudSnapshot FromSnapshot(CloudMCSnapshot s, string connection, string environment, string? organizationId) => new()
    {
        Provider = CloudProvider.CloudMC,
        Connection = connection,
        Id = s.Id,
        Name = s.Name ?? "",
        VolumeId = s.VolumeId,
        State = StateOf(s.State),
        ProviderState = s.State ?? "",
        CreatedAt = DateOf(s.Created),
        Location = environment,
        Owner = organizationId,
        SnapshotType = s.IntervalType,
        ProviderObject = Stamp(s, environment),
    };

    /// <summary>States are compared without case: CloudMC's own spelling is UNVERIFIED beyond BackedUp.</summary>
    public static SnapshotState StateOf(string? state) => state?.ToUpperInvariant() switch
    {
        "BACKEDUP" => SnapshotState.Available,
        "ALLOCATED" or "CREATING" or "CREATEDONPRIMARY" or "BACKINGUP" or "COPYING" => SnapshotState.Pending,
        "DESTROYING" => SnapshotState.Deleting,
        "DESTROYED" => SnapshotState.Deleted,
        "ERROR" => SnapshotState.Error,
        _ => SnapshotState.Unknown,
    };

    private static CloudMCSnapshot Stamp(CloudMCSnapshot s, string environment)
    {
        s.Environment = environment;
        return s;
    }

    private static DateTimeOffset? DateOf(JsonElement? created) =>
        created is { ValueKind: JsonValueKind.String } text
        && DateTimeOffset.TryParse(text.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;
}
