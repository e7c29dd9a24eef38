using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Engine;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.CloudMC;

/// <summary>
/// Creates, exactly once. CloudMC takes no client token, but a snapshot's name is unique in its
/// environment, so every create carries a name (one is made up when none is given): after a lost
/// answer the name finds the snapshot, and -ClientToken names it so that a second run finds it.
/// </summary>
public sealed partial class CloudMCProvider
{
    public const int MaxNameLength = 255; // CloudStack's column; CloudMC's own limit is UNVERIFIED

    public override void Validate(CreateSnapshotRequest request)
    {
        EnvironmentOf(request.Location);
        if (request.ImportUri is not null || request.SizeBytes is not null)
            this.Require(ProviderCapabilities.Import, "CloudMC snapshots come from volumes: give -VolumeId.");
        if (request.Description is not null) this.Require(ProviderCapabilities.Description, "Put the text in -Name instead.");
        if (request.Tags.Count > 0) this.Require(ProviderCapabilities.Tags, "CloudMC snapshots carry a name only: put it in -Name.");
        if (request.VolumeId is null) throw InputValidation.Invalid("VolumeId", "CloudMC creates a snapshot from a volume: give its id.");
        CloudMCIds.RequireUuid(request.VolumeId, "VolumeId", "volume id");
        InputValidation.RequireNotEmpty(request.Name, "Name");
        if (request.Name is { Length: > MaxNameLength })
            throw InputValidation.Invalid("Name", $"a CloudMC snapshot name has at most {MaxNameLength} characters; this one has {request.Name.Length}.");
        InputValidation.RequireClientToken(request.ClientToken);
    }

    public override async Task<CloudSnapshot> CreateSnapshotAsync(CreateSnapshotRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var environment = EnvironmentOf(request.Location);
        var volumeId = request.VolumeId!;
        var name = request.Name ?? (request.ClientToken is { } token ? "snapshotps-" + token : NewName());
        if (request.ClientToken is not null && await FindByNameAsync(environment, volumeId, name, cancellationToken).ConfigureAwait(false) is { } earlier)
            return Normalize(earlier);

        var howToFind = $"Find it with Get-CloudSnapshot -VolumeId {volumeId} -Name '{name}' -Connection {_connection}" +
            (request.ClientToken is null ? "." : $", or run the command again with -ClientToken {request.ClientToken}: it then returns that snapshot instead of making another.");
        var sent = await LostAnswers.CreateAsync(CloudProvider.CloudMC,
            async attempt => new Outcome(await _api.CreateAsync(environment, new CreateSnapshotBody { VolumeId = volumeId, Name = name, Rapid = _settings.Rapid }, attempt).ConfigureAwait(false), null),
            async lookup => await FindByNameAsync(environment, volumeId, name, lookup).ConfigureAwait(false) is { } found ? new Outcome(null, found) : null,
            outcome => Normalize(outcome.Snapshot!), howToFind, cancellationToken).ConfigureAwait(false);
        if (sent.Snapshot is { } recovered) return Normalize(recovered);
        try
        {
            return Normalize(await AwaitSnapshotAsync(environment, volumeId, name, sent.Task!, howToFind, cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException stopped) when (cancellationToken.IsCancellationRequested)
        {
            throw new SnapshotCreateInterruptedException(null,
                $"The create was stopped while CloudMC task {sent.Task!.Id} was making snapshot '{name}'; it is being made. {howToFind}", stopped, cancellationToken);
        }
    }

    /// <summary>
    /// The new snapshot as soon as it can be read: listed while it is being made (the reference's
    /// reading, UNVERIFIED), or named by its task's result once the task succeeds. A failed task fails the create.
    /// </summary>
    private async Task<CloudMCSnapshot> AwaitSnapshotAsync(string environment, string volumeId, string name, CloudMCTask task, string howToFind, CancellationToken cancellationToken)
    {
        var what = $"creating snapshot '{name}' of volume {volumeId}";
        CloudMCSnapshot? found = null;
        var reading = task;
        var first = true;
        var forgotten = false;
        var final = await new Poller(_time).PollAsync(
            async ct =>
            {
                if (!first)
                {
                    var now = await ReadTaskAsync(task.Id, ct).ConfigureAwait(false);
                    forgotten = now is null;
                    reading = now ?? reading;
                }
                first = false;
                if (reading.IsPending) found = await FindByNameAsync(environment, volumeId, name, ct).ConfigureAwait(false);
                return reading;
            },
            // A snapshot already in Error waits for its task, so that the failure is reported as the task tells it.
            t => t.HasFailed ? PollVerdict.Failed
                : !t.IsPending || forgotten || (found is not null && CloudMCMapping.StateOf(found.State) != SnapshotState.Error) ? PollVerdict.Done
                : PollVerdict.KeepWaiting,
            _settings.TaskTimeout,
            SuggestedPollInterval,
            null,
            t => TaskFailed(t, what),
            t => TaskTimedOut(t, what, howToFind),
            cancellationToken).ConfigureAwait(false);
        if (found is not null) return found;
        if (final.ResultId is { } id && CloudMCIds.IsUuid(id)) return await _api.GetAsync(environment, id, cancellationToken).ConfigureAwait(false);
        return await FindByNameAsync(environment, volumeId, name, cancellationToken).ConfigureAwait(false)
            ?? throw new CloudApiException(CloudProvider.CloudMC, forgotten ? CloudErrorKind.Unknown : CloudErrorKind.InvalidResponse,
                (forgotten
                    ? $"CloudMC no longer knows task {final.Id} ({what}; tasks are kept about 30 minutes)"
                    : $"CloudMC task {final.Id} ({what}) ended {final.Status}") +
                $", and no snapshot named '{name}' is listed for the volume. {howToFind}",
                errorCode: final.Status, mayHaveSucceeded: true);
    }

    private async Task<CloudMCSnapshot?> FindByNameAsync(string environment, string volumeId, string name, CancellationToken cancellationToken)
    {
        await foreach (var snapshot in Listing(environment, volumeId, MaxPerPage, null, cancellationToken).ConfigureAwait(false))
            if (string.Equals(snapshot.Name, name, StringComparison.Ordinal) && string.Equals(snapshot.VolumeId, volumeId, StringComparison.OrdinalIgnoreCase))
                return snapshot;
        return null;
    }

    private string NewName() =>
        "snapshotps-" + _time.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);

    private sealed class Outcome
    {
        public Outcome(CloudMCTask? task, CloudMCSnapshot? snapshot)
        {
            Task = task;
            Snapshot = snapshot;
        }

        public CloudMCTask? Task { get; }
        public CloudMCSnapshot? Snapshot { get; }
    }
}
