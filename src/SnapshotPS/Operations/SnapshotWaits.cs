using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Engine;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

/// <summary>A wait on one snapshot with Write-Progress, shared by New -Wait, Remove -Wait and Wait-CloudSnapshot.</summary>
internal static class SnapshotWaits
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    public static async Task<CloudSnapshot?> WaitAsync(
        ICmdletContext context, ISnapshotProvider provider, SnapshotLocator locator,
        IReadOnlyCollection<SnapshotState> wanted, TimeSpan? timeout, TimeSpan? pollInterval, string activity,
        CancellationToken cancellationToken)
    {
        var limit = timeout ?? DefaultTimeout;
        InputValidation.RequirePositive(limit, "Timeout");
        var progress = new WaitProgress(context, activity, limit, string.Join(" or ", wanted).ToLowerInvariant());
        var waiter = new SnapshotWaiter(provider) { PollInterval = pollInterval };
        try
        {
            return await waiter.WaitAsync(locator, wanted, limit, progress.Report, cancellationToken);
        }
        finally
        {
            progress.Complete();
        }
    }
}
