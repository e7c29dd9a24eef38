namespace SnapshotPS.Emulator.Outscale;

internal readonly record struct SnapshotStatus(string State, int Progress)
{
    public static readonly SnapshotStatus Completed = new("completed", 100);

    /// <summary>Anything but completed and error is still moving (reference section 6).</summary>
    public bool IsTransient => State is not ("completed" or "error");
}

internal enum SnapshotWorkKind
{
    FromVolume,
    Import,
}

/// <summary>The creation still under way when a snapshot is born; its state is computed from the clock.</summary>
internal sealed record SnapshotWork(SnapshotWorkKind Kind, DateTimeOffset StartedAt, TimeSpan Duration, bool Fails)
{
    /// <summary>A volume snapshot reads "pending/queued" for this share of its delay, then "pending".</summary>
    private const double QueuedShare = 0.25;

    public SnapshotStatus Initial => Kind == SnapshotWorkKind.Import ? new("importing", 0) : new("pending/queued", 0);

    public SnapshotStatus StatusAt(DateTimeOffset now)
    {
        var elapsed = now - StartedAt;
        if (elapsed >= Duration)
        {
            return Fails ? new SnapshotStatus("error", 0) : SnapshotStatus.Completed;
        }

        var share = Math.Max(0, elapsed / Duration);
        var progress = Math.Min(99, (int)(share * 100));
        return Kind switch
        {
            SnapshotWorkKind.Import => new SnapshotStatus("importing", progress),
            _ when share < QueuedShare => Initial,
            _ => new SnapshotStatus("pending", progress),
        };
    }
}

internal sealed class OutscaleSnapshot : ITaggable
{
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    /// <summary>Whole milliseconds, as the API shows it.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    public required string Description { get; init; }

    /// <summary>The source volume; null for an import.</summary>
    public string? VolumeId { get; init; }

    public required int VolumeSize { get; init; }

    public string? ClientToken { get; init; }

    /// <summary>The parameters of the CreateSnapshot that made it, which a replay of its ClientToken must repeat.</summary>
    public string? CreateParameters { get; init; }

    /// <summary>Null when the snapshot was born completed (seeded or copied).</summary>
    public SnapshotWork? Work { get; init; }

    /// <summary>PermissionsToCreateVolume.GlobalPermission: public.</summary>
    public bool IsPublic { get; set; }

    /// <summary>PermissionsToCreateVolume.AccountIds.</summary>
    public List<string> SharedWith { get; } = [];

    public OutscaleTags Tags { get; } = new();

    public SnapshotStatus InitialStatus => Work?.Initial ?? SnapshotStatus.Completed;

    public SnapshotStatus StatusAt(DateTimeOffset now) => Work?.StatusAt(now) ?? SnapshotStatus.Completed;

    /// <summary>ReadSnapshots shows an account its own snapshots, those shared with it, and public ones.</summary>
    public bool IsVisibleTo(string accountId) => AccountId == accountId || IsPublic || SharedWith.Contains(accountId);
}
