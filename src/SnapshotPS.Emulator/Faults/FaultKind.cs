namespace SnapshotPS.Emulator;

/// <summary>What an injected fault does to a request. The README's "Fault injection" section has one line per kind.</summary>
public enum FaultKind
{
    /// <summary>Delay by <see cref="FaultRule.Latency"/>, then serve normally.</summary>
    Latency,

    /// <summary>Answer with <see cref="FaultRule.StatusCode"/> and the provider's own error body; the operation does not run unless <see cref="FaultRule.AfterRun"/>.</summary>
    Status,

    /// <summary>Reset the connection before any response; the operation does not run unless <see cref="FaultRule.AfterRun"/>.</summary>
    DropConnection,

    /// <summary>Run the operation, then send its status with the body cut in half and a Content-Length that matches (never valid JSON).</summary>
    MalformedBody,

    /// <summary>Run the operation, promise the full body in Content-Length, send part of it, then reset the connection.</summary>
    TruncatedBody,

    /// <summary>Run the operation, send the headers at once, then the body <see cref="FaultRule.ChunkBytes"/> at a time with <see cref="FaultRule.Latency"/> between chunks.</summary>
    SlowBody,

    /// <summary>Run the operation, send the headers and part of the body, then nothing more until the client gives up or the emulator stops.</summary>
    StalledBody,

    /// <summary>Answer with <see cref="FaultRule.StatusCode"/>, <see cref="FaultRule.ContentType"/> and <see cref="FaultRule.Body"/> verbatim (see <see cref="CannedBodies"/>).</summary>
    CannedBody,

    /// <summary>Run the operation, then send its status with its JSON body changed by <see cref="FaultRule.Mangle"/>.</summary>
    MangledBody,
}
