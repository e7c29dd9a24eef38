using System;
using System.Collections.Generic;
using System.Linq;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Outscale;

/// <summary>OAPI objects to the common model. Outscale has no snapshot name: the "Name" tag is it, as in its console.</summary>
internal static class OutscaleMapping
{
    public const string NameTag = "Name";
    private const long GiB = 1L << 30;

    public static CloudSnapshot FromSnapshot(OutscaleSnapshot s, string connection, string region)
    {
        var tags = TagsFromWire(s.Tags);
        return new CloudSnapshot
        {
            Provider = CloudProvider.Outscale,
            Connection = connection,
            Id = s.SnapshotId,
            Name = tags.TryGetValue(NameTag, out var name) ? name : "",
            Description = s.Description,
            VolumeId = s.VolumeId,
            State = SnapshotStateOf(s.State),
            ProviderState = s.State ?? "",
            SizeBytes = s.VolumeSize * GiB,
            CreatedAt = s.CreationDate,
            Location = region,
            Owner = s.AccountId,
            Progress = s.Progress,
            Tags = tags,
            Permissions = new SnapshotPermissions(
                s.PermissionsToCreateVolume?.GlobalPermission ?? false,
                s.PermissionsToCreateVolume?.AccountIds ?? new List<string>()),
            ProviderObject = s,
        };
    }

    public static SnapshotExportTask FromExportTask(OutscaleExportTask t, string connection, string region) => new()
    {
        Provider = CloudProvider.Outscale,
        Connection = connection,
        Id = t.TaskId,
        SnapshotId = t.SnapshotId ?? "",
        State = t.State switch
        {
            "pending" => ExportTaskState.Pending,
            "active" => ExportTaskState.Active,
            "completed" => ExportTaskState.Completed,
            "cancelled" => ExportTaskState.Cancelled,
            "failed" => ExportTaskState.Failed,
            _ => ExportTaskState.Unknown,
        },
        ProviderState = t.State ?? "",
        Progress = t.Progress,
        Bucket = t.OsuExport?.OsuBucket ?? "",
        Prefix = t.OsuExport?.OsuPrefix,
        Key = ExportObjectKey(t),
        DiskImageFormat = t.OsuExport?.DiskImageFormat?.ToLowerInvariant() switch
        {
            "qcow2" => Model.DiskImageFormat.Qcow2,
            "raw" => Model.DiskImageFormat.Raw,
            _ => null,
        },
        Comment = t.Comment,
        Location = region,
        Tags = TagsFromWire(t.Tags),
        ProviderObject = t,
    };

    /// <summary>
    /// Anything but completed and error is transient: the spec's states differ from those observed
    /// (pending/queued, queued, in-queue...), so an unknown state reads as Pending (reference §6).
    /// </summary>
    public static SnapshotState SnapshotStateOf(string? state) => state switch
    {
        "completed" => SnapshotState.Available,
        "error" => SnapshotState.Error,
        "importing" => SnapshotState.Importing,
        "deleting" => SnapshotState.Deleting,
        null => SnapshotState.Unknown,
        _ => SnapshotState.Pending,
    };

    /// <summary>
    /// UNVERIFIED: OUTSCALE's documentation does not say how an exported object is named; this is the
    /// observed {OsuPrefix}{SnapshotId}.{format} convention. Callers that must find the object check it
    /// with HeadObject and fall back to listing the prefix.
    /// </summary>
    private static string? ExportObjectKey(OutscaleExportTask t) =>
        t.SnapshotId is { Length: > 0 } id && t.OsuExport?.DiskImageFormat is { Length: > 0 } format
            ? $"{t.OsuExport.OsuPrefix}{id}.{format.ToLowerInvariant()}"
            : null;

    public static IReadOnlyDictionary<string, string> TagsFromWire(IReadOnlyCollection<OutscaleTag>? tags)
    {
        if (tags is null || tags.Count == 0) return CloudSnapshot.EmptyTags;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags) result[tag.Key] = tag.Value;
        return result;
    }

    public static List<OutscaleTag> TagsToWire(IEnumerable<KeyValuePair<string, string>> tags) =>
        tags.Select(t => new OutscaleTag { Key = t.Key, Value = t.Value }).ToList();
}
