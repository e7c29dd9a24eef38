namespace SnapshotPS.Pipeline;

/// <summary>One Write-Progress record, free of PowerShell types.</summary>
public sealed class ProgressUpdate
{
    public ProgressUpdate(int activityId, string activity, string status)
    {
        ActivityId = activityId;
        Activity = activity;
        Status = status;
    }

    public int ActivityId { get; }
    public string Activity { get; }
    public string Status { get; }
    public int PercentComplete { get; init; } = -1;
    public int SecondsRemaining { get; init; } = -1;
    public bool Completed { get; init; }
}
