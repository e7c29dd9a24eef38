namespace SnapshotPS.Emulator;

public enum FaultKind
{
    /// <summary>Delay, then serve normally.</summary>
    Latency,

    /// <summary>Answer with <see cref="FaultRule.StatusCode"/> without executing the operation.</summary>
    Status,

    /// <summary>Abort the connection without executing the operation.</summary>
    DropConnection,

    /// <summary>Execute the operation for real, then send its status with a truncated JSON body.</summary>
    MalformedBody,
}
