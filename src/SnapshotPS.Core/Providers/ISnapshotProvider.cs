using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers;

/// <summary>One cloud's snapshot API behind the common vocabulary. Validation errors come before any request.</summary>
public interface ISnapshotProvider : IDisposable
{
    CloudProvider Provider { get; }
    ProviderCapabilities Capabilities { get; }

    /// <summary>The largest page size the provider accepts.</summary>
    int MaxPageSize { get; }

    /// <summary>How often a waiter should read a snapshot that is still changing.</summary>
    TimeSpan SuggestedPollInterval { get; }

    /// <summary>Throws an ArgumentException naming the parameter when the id cannot be one of this provider's.</summary>
    void ValidateSnapshotId(string id, string parameterName);

    /// <summary>Throws an ArgumentException naming the parameter when the location is not one of this provider's.</summary>
    void ValidateLocation(string location, string parameterName);

    /// <summary>
    /// Check a request as far as it can be checked without the cloud, throwing an ArgumentException
    /// naming the parameter and the rule (or a ProviderCapabilityException). The calls below check
    /// again; cmdlets call these first so that -WhatIf reports bad input too.
    /// </summary>
    void Validate(CreateSnapshotRequest request);
    void Validate(CopySnapshotRequest request);
    void Validate(UpdateSnapshotRequest request);
    void Validate(ExportSnapshotRequest request);
    void Validate(SnapshotLocator snapshot, PermissionChange change);

    /// <summary>Streams snapshots as pages arrive.</summary>
    IAsyncEnumerable<CloudSnapshot> ListSnapshotsAsync(SnapshotQuery query, CancellationToken cancellationToken);

    Task<CloudSnapshot> GetSnapshotAsync(SnapshotLocator snapshot, CancellationToken cancellationToken);
    Task<CloudSnapshot> CreateSnapshotAsync(CreateSnapshotRequest request, CancellationToken cancellationToken);
    Task<CloudSnapshot> UpdateSnapshotAsync(UpdateSnapshotRequest request, CancellationToken cancellationToken);
    Task DeleteSnapshotAsync(SnapshotLocator snapshot, CancellationToken cancellationToken);

    /// <summary>A copy in the connection's region (Copy; CrossRegionCopy when the source is elsewhere).</summary>
    Task<CloudSnapshot> CopySnapshotAsync(CopySnapshotRequest request, CancellationToken cancellationToken);

    /// <summary>Grants or revokes the right to create volumes from the snapshot (Permissions).</summary>
    Task<CloudSnapshot> ChangePermissionsAsync(SnapshotLocator snapshot, PermissionChange change, CancellationToken cancellationToken);

    void ValidateExportTaskId(string id, string parameterName);
    Task<SnapshotExportTask> ExportSnapshotAsync(ExportSnapshotRequest request, CancellationToken cancellationToken);
    IAsyncEnumerable<SnapshotExportTask> ListExportTasksAsync(ExportTaskQuery query, CancellationToken cancellationToken);
    Task<SnapshotExportTask> GetExportTaskAsync(string taskId, CancellationToken cancellationToken);
    Task CancelExportTaskAsync(string taskId, CancellationToken cancellationToken);
}

public static class SnapshotProviderExtensions
{
    /// <summary>Throws a ProviderCapabilityException when the provider lacks a capability.</summary>
    public static void Require(this ISnapshotProvider provider, ProviderCapabilities needed, string? alternative = null)
    {
        var missing = needed & ~provider.Capabilities;
        if (missing != ProviderCapabilities.None)
            throw new ProviderCapabilityException(provider.Provider, missing, provider.Capabilities,
                alternative ?? (provider as IProviderAlternatives)?.AlternativeTo(missing));
    }
}

/// <summary>A provider that can say what to do instead of what it lacks, for every refusal of it.</summary>
public interface IProviderAlternatives
{
    /// <summary>What the user can do instead, or null.</summary>
    string? AlternativeTo(ProviderCapabilities missing);
}
