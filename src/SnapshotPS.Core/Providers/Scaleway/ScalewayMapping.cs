using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Scaleway;

/// <summary>Scaleway objects to the common model and back.</summary>
internal static class ScalewayMapping
{
    public static CloudSnapshot FromInstance(ScalewayInstanceSnapshot s, string connection, string zone) => new()
    {
        Provider = CloudProvider.Scaleway,
        Connection = connection,
        Id = s.Id,
        Name = s.Name ?? "",
        VolumeId = s.BaseVolume?.Id,
        State = InstanceState(s.State),
        ProviderState = s.State ?? "",
        StateMessage = FailureOf(s),
        SizeBytes = s.Size,
        CreatedAt = s.CreationDate,
        ModifiedAt = s.ModificationDate,
        Location = s.Zone ?? zone,
        Owner = s.Project ?? s.Organization,
        SnapshotType = s.VolumeType,
        Tags = TagsFromWire(s.Tags),
        ProviderObject = s,
    };

    public static CloudSnapshot FromBlock(ScalewayBlockSnapshot s, string connection, string zone) => new()
    {
        Provider = CloudProvider.Scaleway,
        Connection = connection,
        Id = s.Id,
        Name = s.Name ?? "",
        VolumeId = s.ParentVolume?.Id,
        State = BlockState(s.Status),
        ProviderState = s.Status ?? "",
        SizeBytes = s.Size,
        CreatedAt = s.CreatedAt,
        ModifiedAt = s.UpdatedAt,
        Location = s.Zone ?? zone,
        Owner = s.ProjectId,
        SnapshotType = s.Class is null ? "block" : "block/" + s.Class,
        Tags = TagsFromWire(s.Tags),
        ProviderObject = s,
    };

    /// <summary>
    /// Why an Instance snapshot failed: error_reason (SDK model) or error_details (in every recorded reply, always
    /// null there; its shape is UNVERIFIED, so a string, an object's "message" or the raw JSON is taken).
    /// </summary>
    public static string? FailureOf(ScalewayInstanceSnapshot s)
    {
        if (!string.IsNullOrWhiteSpace(s.ErrorReason)) return s.ErrorReason;
        if (s.ErrorDetails is not { } details) return null;
        return details.ValueKind switch
        {
            JsonValueKind.String => details.GetString() is { Length: > 0 } text ? text : null,
            JsonValueKind.Object when details.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String => message.GetString(),
            JsonValueKind.Object or JsonValueKind.Array => details.GetRawText(),
            _ => null,
        };
    }

    /// <summary>An export read from its snapshot's state: exporting while it runs, back to available once the object is written.</summary>
    public static SnapshotExportTask ExportTask(CloudSnapshot snapshot, ScalewayExportRecord? record, string connection)
    {
        var state = snapshot.State switch
        {
            SnapshotState.Exporting => ExportTaskState.Active,
            SnapshotState.Available => ExportTaskState.Completed,
            SnapshotState.Error or SnapshotState.Deleting or SnapshotState.Deleted => ExportTaskState.Failed,
            _ => ExportTaskState.Unknown,
        };
        return new SnapshotExportTask
        {
            Provider = CloudProvider.Scaleway,
            Connection = connection,
            Id = snapshot.Id,
            SnapshotId = snapshot.Id,
            State = state,
            ProviderState = snapshot.ProviderState,
            Progress = state == ExportTaskState.Completed ? 100 : null,
            Bucket = record?.Bucket ?? "",
            Prefix = record?.Prefix,
            Key = record?.Key,
            DiskImageFormat = Model.DiskImageFormat.Qcow2,
            Comment = state == ExportTaskState.Failed
                ? snapshot.StateMessage ?? $"the snapshot is {snapshot.ProviderState}"
                : record is null ? "started outside this connection: Scaleway does not say into which bucket and key" : null,
            Location = snapshot.Location,
            ProviderObject = snapshot.ProviderObject,
        };
    }

    /// <summary>An Instance export just accepted: its reply holds only a placeholder task, so the state is the task's.</summary>
    public static SnapshotExportTask StartedExportTask(ScalewayExportRecord record, string taskStatus, string connection) => new()
    {
        Provider = CloudProvider.Scaleway,
        Connection = connection,
        Id = record.SnapshotId,
        SnapshotId = record.SnapshotId,
        State = ExportTaskState.Pending,
        ProviderState = taskStatus,
        Bucket = record.Bucket,
        Prefix = record.Prefix,
        Key = record.Key,
        DiskImageFormat = Model.DiskImageFormat.Qcow2,
        Location = record.Zone,
    };

    public static SnapshotState InstanceState(string? state) => state switch
    {
        "available" => SnapshotState.Available,
        "snapshotting" => SnapshotState.Pending,
        "importing" => SnapshotState.Importing,
        "exporting" => SnapshotState.Exporting,
        "error" or "invalid_data" => SnapshotState.Error,
        _ => SnapshotState.Unknown,
    };

    public static SnapshotState BlockState(string? status) => status switch
    {
        "available" or "in_use" => SnapshotState.Available,
        "creating" => SnapshotState.Pending,
        "exporting" => SnapshotState.Exporting,
        "deleting" => SnapshotState.Deleting,
        "deleted" => SnapshotState.Deleted,
        "error" => SnapshotState.Error,
        _ => SnapshotState.Unknown,
    };

    /// <summary>Scaleway tags are free strings; "key=value" becomes a pair, a bare word a key with an empty value.</summary>
    public static IReadOnlyDictionary<string, string> TagsFromWire(IReadOnlyCollection<string>? tags)
    {
        if (tags is null || tags.Count == 0) return CloudSnapshot.EmptyTags;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            var split = tag.IndexOf('=');
            if (split < 0) result[tag] = "";
            else if (string.CompareOrdinal(tag, 0, ScalewayTags.RequestMarkerKey + "=", 0, ScalewayTags.RequestMarkerKey.Length + 1) == 0) continue;
            else result[tag.Substring(0, split)] = tag.Substring(split + 1);
        }
        return result.Count == 0 ? CloudSnapshot.EmptyTags : result;
    }

    public static List<string> TagsToWire(IReadOnlyDictionary<string, string> tags) =>
        tags.Select(t => t.Value.Length == 0 ? t.Key : t.Key + "=" + t.Value).ToList();
}
