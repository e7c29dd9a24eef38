namespace SnapshotPS.Emulator;

/// <summary>
/// The readings of the CloudMC contract the sources disagree on (reference §4 and §7), switchable
/// from tests and from /_emulator/cloudmc/dialect.
/// </summary>
public sealed class CloudMCDialect
{
    /// <summary>"FAILED" (docs, JS client, go-cloudca) or "FAILURE" (the Cox Edge clients).</summary>
    public string TaskFailureStatus { get; set; } = "FAILED";

    /// <summary>True: tasks are {"data": {id, status, created, result}} (what the clients read); false: the docs' flat {taskId, taskStatus, result}.</summary>
    public bool WrappedTasks { get; set; } = true;

    /// <summary>True: error entries carry "code" as a number (the docs); false: "errorCode" as a string (go-cloudca).</summary>
    public bool NumericErrorCodes { get; set; } = true;

    /// <summary>The status of a missing or unknown MC-Api-Key: 403 or 401 (UNVERIFIED).</summary>
    public int AuthFailureStatus { get; set; } = 403;

    /// <summary>True: a snapshot is listed from the moment it is asked for; false: only once its task has ended (UNVERIFIED either way).</summary>
    public bool ListWhileCreating { get; set; } = true;
}
