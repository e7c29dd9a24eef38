using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.OpenStack;

/// <summary>Cinder snapshots to the common model: metadata are the tags, sizes are GiB, times are UTC.</summary>
internal static class OpenStackMapping
{
    /// <summary>The metadata key that marks a create, so that a lost answer or a repeated -ClientToken finds its snapshot. Hidden from Tags.</summary>
    public const string ClientTokenKey = "snapshotps:client-token";

    private const long GiB = 1L << 30;

    public static CloudSnapshot FromCinder(CinderSnapshot s, string connection) => new()
    {
        Provider = CloudProvider.OpenStack,
        Connection = connection,
        Id = s.Id,
        Name = s.Name ?? "",
        Description = s.Description,
        VolumeId = s.VolumeId,
        State = StateOf(s.Status),
        ProviderState = s.Status ?? "",
        SizeBytes = s.Size * GiB,
        CreatedAt = Time(s.CreatedAt),
        ModifiedAt = Time(s.UpdatedAt),
        Location = s.Region,
        Owner = s.ProjectId,
        Progress = ProgressOf(s.Progress),
        Tags = TagsOf(s.Metadata),
        ProviderObject = s,
    };

    /// <summary>Cinder's statuses (reference B.6); matched without regard to case, as os-reset_status does.</summary>
    public static SnapshotState StateOf(string? status) => status?.ToLowerInvariant() switch
    {
        "creating" => SnapshotState.Pending,
        "available" => SnapshotState.Available,
        "backing-up" => SnapshotState.Exporting,
        "restoring" or "updating" => SnapshotState.Pending,
        "deleting" or "unmanaging" => SnapshotState.Deleting,
        "deleted" => SnapshotState.Deleted,
        "error" or "error_deleting" => SnapshotState.Error,
        _ => SnapshotState.Unknown,
    };

    /// <summary>The one Cinder status a state stands for, when it stands for exactly one (a server-side filter).</summary>
    public static string? StatusOf(SnapshotState state) => state switch
    {
        SnapshotState.Available => "available",
        SnapshotState.Deleting => "deleting",
        SnapshotState.Exporting => "backing-up",
        _ => null,
    };

    public static IReadOnlyDictionary<string, string> TagsOf(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null || metadata.Count == 0) return CloudSnapshot.EmptyTags;
        var tags = metadata.Where(m => m.Key != ClientTokenKey).ToDictionary(m => m.Key, m => m.Value ?? "", StringComparer.Ordinal);
        return tags.Count == 0 ? CloudSnapshot.EmptyTags : tags;
    }

    /// <summary>Sample timestamps carry no zone and mean UTC (reference B.3); an offset, when present, is kept.</summary>
    public static DateTimeOffset? Time(string? value) =>
        KeystoneSession.TryParse(value, out var time) ? time : null;

    private static int? ProgressOf(string? progress) =>
        progress is not null && int.TryParse(progress.TrimEnd('%', ' '), NumberStyles.Integer, CultureInfo.InvariantCulture, out var percent) && percent is >= 0 and <= 100
            ? percent
            : null;
}
