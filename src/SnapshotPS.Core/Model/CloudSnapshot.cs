using System;
using System.Collections.Generic;

namespace SnapshotPS.Core.Model;

/// <summary>A volume snapshot, normalized across providers.</summary>
public sealed class CloudSnapshot
{
    public CloudProvider Provider { get; init; }

    /// <summary>Name of the connection the snapshot was read through.</summary>
    public string Connection { get; init; } = "";

    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public string? VolumeId { get; init; }
    public SnapshotState State { get; init; }

    /// <summary>The state exactly as the provider reported it.</summary>
    public string ProviderState { get; init; } = "";

    /// <summary>Why the snapshot is in its state, when the provider says (for example why an import failed).</summary>
    public string? StateMessage { get; init; }

    public long? SizeBytes { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? ModifiedAt { get; init; }

    /// <summary>Zone or region the snapshot lives in.</summary>
    public string? Location { get; init; }

    /// <summary>Project, account or tenant that owns the snapshot.</summary>
    public string? Owner { get; init; }

    /// <summary>The provider's own kind of snapshot (for example Scaleway's volume type or storage class).</summary>
    public string? SnapshotType { get; init; }

    public int? Progress { get; init; }

    /// <summary>The tags, as a <see cref="SnapshotTags"/>: its text ("env=prod; team=db") is what Export-Csv writes.</summary>
    public IReadOnlyDictionary<string, string> Tags
    {
        get => _tags;
        init => _tags = SnapshotTags.From(value);
    }

    private readonly SnapshotTags _tags = SnapshotTags.Empty;

    /// <summary>Who may create volumes from it; null where the provider has no sharing.</summary>
    public SnapshotPermissions? Permissions { get; init; }

    /// <summary>The provider's own object, for what does not normalize.</summary>
    public object? ProviderObject { get; init; }

    public override string ToString() => $"{Provider}:{Id} ({Name})";

    /// <summary>The tags of every snapshot without any: one shared instance nobody can change.</summary>
    internal static readonly IReadOnlyDictionary<string, string> EmptyTags = SnapshotTags.Empty;
}
