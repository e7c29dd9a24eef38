using System;
using System.Collections.Generic;
using System.Linq;
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
