using System;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Koyeb;

/// <summary>
/// Creates from a volume, once. Koyeb takes no client token and keeps no tags, so a create whose answer
/// is lost is looked up by its volume and name among the snapshots made since it was sent; a create
/// without -Name gets a generated, unique name so that the lookup finds exactly it.
/// </summary>
public sealed partial class KoyebProvider
{
    /// <summary>How far the cloud's clock may be behind ours when a lost create is looked up.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public override void Validate(CreateSnapshotRequest request)
    {
        if (request.ImportUri is not null || request.SizeBytes is not null)
            this.Require(ProviderCapabilities.Import, "Create a snapshot from a volume with -VolumeId instead.");
        if (request.VolumeId is null) throw InputValidation.Invalid("VolumeId", "Koyeb creates a snapshot from a volume: give its id.");
        KoyebIds.RequireUuid(request.VolumeId, "VolumeId", "volume id");
        KoyebIds.RequireName(request.Name, "Name");
        if (request.Location is not null)
            throw InputValidation.Invalid("Location", "Koyeb takes a snapshot's region from its volume: leave -Location out.");
        if (request.Tags.Count > 0) this.Require(ProviderCapabilities.Tags, OnlyAName);
        if (request.Description is not null) this.Require(ProviderCapabilities.Description, OnlyAName);
        if (request.ClientToken is not null)
            throw InputValidation.Invalid("ClientToken",
                "Koyeb snapshots have nowhere to keep a client token; leave it out. A create whose answer is lost is still looked up, by volume and name.");
    }

    public override async Task<CloudSnapshot> CreateSnapshotAsync(CreateSnapshotRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var volumeId = request.VolumeId!;
        var name = request.Name ?? "snp-" + Guid.NewGuid().ToString("N").Substring(0, 12);
        var sentAfter = DateTimeOffset.UtcNow - ClockSkew;
        var body = new KoyebCreateSnapshotBody { ParentVolumeId = volumeId, Name = name, ProjectId = _settings.ProjectId };
        return await LostAnswers.CreateAsync(CloudProvider.Koyeb,
            async attempt => KoyebMapping.ToSnapshot(await _api.CreateAsync(body, attempt).ConfigureAwait(false), _connection),
            lookup => FindCreatedAsync(volumeId, name, sentAfter, lookup),
            found => found,
            $"Find it with Get-CloudSnapshot -VolumeId {volumeId} -Name '{name}' -Connection {_connection}.",
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<CloudSnapshot?> FindCreatedAsync(string volumeId, string name, DateTimeOffset sentAfter, CancellationToken cancellationToken)
    {
        CloudSnapshot? newest = null;
        await foreach (var snapshot in ReadAllAsync(null, null, MaxPerPage, null, cancellationToken).ConfigureAwait(false))
        {
            if (snapshot.VolumeId != volumeId || snapshot.Name != name || snapshot.CreatedAt < sentAfter) continue;
            if (newest is null || snapshot.CreatedAt > newest.CreatedAt) newest = snapshot;
        }
        return newest;
    }
}
