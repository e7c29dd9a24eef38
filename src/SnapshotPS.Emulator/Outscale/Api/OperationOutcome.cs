using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.Outscale.Api;

/// <summary>What an operation answers: a payload (ResponseContext is added) or one error.</summary>
internal readonly record struct OperationOutcome(JsonObject? Payload, OutscaleError? Error)
{
    /// <summary>Only ResponseContext: deletes, tags, and every DryRun.</summary>
    public static OperationOutcome Empty => new(new JsonObject(), null);

    public static implicit operator OperationOutcome(JsonObject payload) => new(payload, null);

    public static implicit operator OperationOutcome(OutscaleError error) => new(null, error);
}

/// <summary>One authenticated call: who makes it, its body, and whether it is a DryRun.</summary>
internal sealed record OutscaleCall(
    OutscaleFake Fake, OutscaleAccount Account, string Operation, OutscaleRequest Body, bool DryRun, CancellationToken Aborted = default)
{
    public OutscaleStore Store => Fake.Store;

    public OutscaleError? SchemaError() => Body.SchemaError(Operation);
}
