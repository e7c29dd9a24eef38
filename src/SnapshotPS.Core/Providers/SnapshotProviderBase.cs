using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers;

/// <summary>
/// What every provider shares: the optional operations refuse, before any request, with an error
/// naming the provider and what it can do. A provider overrides what its capabilities promise.
/// </summary>
public abstract class SnapshotProviderBase : ISnapshotProvider
{
    public abstract CloudProvider Provider { get; }
    public abstract ProviderCapabilities Capabilities { get; }
    public abstract int MaxPageSize { get; }
    public abstract TimeSpan SuggestedPollInterval { get; }

    public abstract void ValidateSnapshotId(string id, string parameterName);
    public abstract void ValidateLocation(string location, string parameterName);
    public abstract void Validate(CreateSnapshotRequest request);
    public abstract void Validate(UpdateSnapshotRequest request);
    public virtual void Validate(CopySnapshotRequest request) => this.Require(ProviderCapabilities.Copy);
    public virtual void Validate(ExportSnapshotRequest request) => this.Require(ProviderCapabilities.Export);
    public virtual void Validate(SnapshotLocator snapshot, PermissionChange change) => this.Require(ProviderCapabilities.Permissions);
    public abstract IAsyncEnumerable<CloudSnapshot> ListSnapshotsAsync(SnapshotQuery query, CancellationToken cancellationToken);
    public abstract Task<CloudSnapshot> GetSnapshotAsync(SnapshotLocator snapshot, CancellationToken cancellationToken);
    public abstract Task<CloudSnapshot> CreateSnapshotAsync(CreateSnapshotRequest request, CancellationToken cancellationToken);
    public abstract Task<CloudSnapshot> UpdateSnapshotAsync(UpdateSnapshotRequest request, CancellationToken cancellationToken);
    public abstract Task DeleteSnapshotAsync(SnapshotLocator snapshot, CancellationToken cancellationToken);

    public virtual void ValidateExportTaskId(string id, string parameterName) => this.Require(ProviderCapabilities.Export);

    public virtual Task<CloudSnapshot> CopySnapshotAsync(CopySnapshotRequest request, CancellationToken cancellationToken) =>
        throw Missing(ProviderCapabilities.Copy);

    public virtual Task<CloudSnapshot> ChangePermissionsAsync(SnapshotLocator snapshot, PermissionChange change, CancellationToken cancellationToken) =>
        throw Missing(ProviderCapabilities.Permissions);

    public virtual Task<SnapshotExportTask> ExportSnapshotAsync(ExportSnapshotRequest request, CancellationToken cancellationToken) =>
        throw Missing(ProviderCapabilities.Export);

    public virtual IAsyncEnumerable<SnapshotExportTask> ListExportTasksAsync(ExportTaskQuery query, CancellationToken cancellationToken) =>
        throw Missing(ProviderCapabilities.Export);

    public virtual Task<SnapshotExportTask> GetExportTaskAsync(string taskId, CancellationToken cancellationToken) =>
        throw Missing(ProviderCapabilities.Export);

    public virtual Task CancelExportTaskAsync(string taskId, CancellationToken cancellationToken) =>
        throw Missing(ProviderCapabilities.Export);

    public abstract void Dispose();

    private ProviderCapabilityException Missing(ProviderCapabilities capability) =>
        new(Provider, capability, Capabilities);
}
