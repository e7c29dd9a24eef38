namespace SnapshotPS.Emulator.CloudMC;

internal sealed record CloudMCOrganization(string Id, string? ParentId);

/// <summary>An environment of a service connection, in an organization; it is named in paths, not by id.</summary>
internal sealed record CloudMCEnvironmentKey(string OrganizationId, string ServiceCode, string Name)
{
    public static CloudMCEnvironmentKey Of(string organizationId, string serviceCode, string name) =>
        new(organizationId, serviceCode.ToLowerInvariant(), name.ToLowerInvariant());
}

internal sealed class CloudMCVolume
{
    public required string Id { get; init; }
    public required CloudMCEnvironmentKey Environment { get; init; }
    public required string Name { get; init; }
    public required string InstanceName { get; init; }

    /// <summary>ROOT or DATADISK.</summary>
    public required string Type { get; init; }

    /// <summary>The volumes section's states; only Ready can be snapshotted.</summary>
    public string State { get; set; } = "Ready";
}

/// <summary>
/// A snapshot whose CloudStack state follows from the clock: Creating, then BackingUp (not when rapid),
/// then BackedUp, or Error when it was set to fail; Destroying once deleted, until it is removed.
/// </summary>
internal sealed class CloudMCSnapshot
{
    public required string Id { get; init; }
    public required CloudMCEnvironmentKey Environment { get; init; }
    public required string Name { get; init; }
    public required CloudMCVolume Volume { get; init; }
    public required long Sequence { get; init; }
    public string IntervalType { get; init; } = "MANUAL";
    public bool Rapid { get; init; }
    public bool Fails { get; init; }
    public DateTimeOffset CreatingUntil { get; init; }
    public DateTimeOffset BackingUpUntil { get; init; }
    public DateTimeOffset? DestroyedAt { get; set; }

    public string StateAt(DateTimeOffset now) =>
        DestroyedAt is { } gone ? (now >= gone ? "Destroyed" : "Destroying")
        : now < CreatingUntil ? "Creating"
        : Fails ? "Error"
        : !Rapid && now < BackingUpUntil ? "BackingUp"
        : "BackedUp";

    /// <summary>When its create task ends (BackedUp or Error).</summary>
    public DateTimeOffset SettledAt => Fails || Rapid ? CreatingUntil : BackingUpUntil;
}

internal enum CloudMCTaskKind
{
    CreateSnapshot,
    DeleteSnapshot,
}

internal sealed class CloudMCTask
{
    public required string Id { get; init; }
    public required string OrganizationId { get; init; }
    public required CloudMCTaskKind Kind { get; init; }
    public required CloudMCSnapshot Snapshot { get; init; }
    public required DateTimeOffset Created { get; init; }

    /// <summary>The failure status of the dialect in force when the task began.</summary>
    public required string FailureStatus { get; init; }

    public string StatusAt(DateTimeOffset now) => Kind switch
    {
        CloudMCTaskKind.CreateSnapshot when now < Snapshot.SettledAt => "PENDING",
        CloudMCTaskKind.CreateSnapshot => Snapshot.Fails ? FailureStatus : "SUCCESS",
        _ => now >= Snapshot.DestroyedAt ? "SUCCESS" : "PENDING",
    };
}
