namespace SnapshotPS.Emulator.Outscale;

internal readonly record struct ExportStatus(string State, int Progress, string Comment)
{
    public bool IsCancellable => State is "pending" or "active";
}

/// <summary>A snapshot export; its state is computed from the clock until it is cancelled.</summary>
internal sealed class OutscaleExportTask : ITaggable
{
    /// <summary>The task reads "pending" for this share of its delay, then "active".</summary>
    private const double PendingShare = 1.0 / 3;

    public required string TaskId { get; init; }

    public required string AccountId { get; init; }

    public required string SnapshotId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required TimeSpan Duration { get; init; }

    public required bool Fails { get; init; }

    public required string DiskImageFormat { get; init; }

    public required string OsuBucket { get; init; }

    public string? OsuPrefix { get; init; }

    public string? OsuManifestUrl { get; init; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public OutscaleTags Tags { get; } = new();

    /// <summary>The write to object storage, started once the task is due; its result is why it failed, or null.</summary>
    public Task<string?>? Upload { get; set; }

    public string Comment => $"Export of snapshot {SnapshotId}";

    public ExportStatus InitialStatus => new("pending", 0, Comment);

    public ExportStatus StatusAt(DateTimeOffset now)
    {
        if (CancelledAt is { } cancelledAt)
        {
            return Running(cancelledAt) with { State = "cancelled" };
        }

        if (now - CreatedAt < Duration)
        {
            return Running(now);
        }

        if (Fails)
        {
            return Failed("the disk image could not be written to bucket '" + OsuBucket + "' (injected failure)");
        }

        // UNVERIFIED: the reference only says a task can end "failed" with a Comment; the wording is the fake's.
        return Upload is { IsCompletedSuccessfully: true, Result: { } reason } ? Failed(reason) : new ExportStatus("completed", 100, Comment);
    }

    /// <summary>True once the clock says "completed" and nothing has been written yet.</summary>
    public bool IsDueForUpload(DateTimeOffset now) => Upload is null && !Fails && CancelledAt is null && now - CreatedAt >= Duration;

    public void Cancel(DateTimeOffset now) => CancelledAt = now;

    private ExportStatus Failed(string reason) => new("failed", 0, $"{Comment} failed: {reason}");

    private ExportStatus Running(DateTimeOffset at)
    {
        var share = Duration <= TimeSpan.Zero ? 0 : Math.Max(0, (at - CreatedAt) / Duration);
        return share < PendingShare
            ? InitialStatus
            : new ExportStatus("active", Math.Min(99, (int)(share * 100)), Comment);
    }
}
