using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Scaleway;

/// <summary>
/// Renames and retags. A change of some properties is the APIs' UpdateSnapshot (PATCH). A change of every
/// property a user can set at once (a name and the whole set of tags) on an Instance snapshot is the Instance
/// API's SetSnapshot (PUT), which replaces every property: the others are sent back as just read. The Block
/// Storage API has no PUT, so block snapshots are always patched.
/// </summary>
public sealed partial class ScalewayProvider
{
    public override Task<CloudSnapshot> UpdateSnapshotAsync(UpdateSnapshotRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var zone = ZoneOf(request.Snapshot.Location);
        var id = request.Snapshot.Id;
        var patch = new SnapshotPatchBody
        {
            Name = request.Name,
            Tags = request.Tags is null ? null : ScalewayMapping.TagsToWire(request.Tags),
        };
        var replacesAll = patch.Name is not null && patch.Tags is not null;
        return RouteAsync(request.Snapshot, zone, "snapshot",
            async ct => ScalewayMapping.FromInstance(replacesAll
                ? await SetInstanceAsync(zone, id, patch.Name!, patch.Tags!, ct).ConfigureAwait(false)
                : await _instance.UpdateAsync(zone, id, patch, ct).ConfigureAwait(false), _connection, zone),
            async ct => ScalewayMapping.FromBlock(await _block.UpdateAsync(zone, id, patch, ct).ConfigureAwait(false), _connection, zone),
            cancellationToken);
    }

    /// <summary>
    /// SetSnapshot from a fresh read. Which of the other fields the server lets a PUT change is UNVERIFIED
    /// (reference 3.5); sending them back unchanged asks for no change but the name and tags.
    /// </summary>
    private async Task<ScalewayInstanceSnapshot> SetInstanceAsync(string zone, string id, string name, List<string> tags, CancellationToken cancellationToken)
    {
        var current = await _instance.GetAsync(zone, id, cancellationToken).ConfigureAwait(false);
        return await _instance.SetAsync(zone, id, new InstanceSetSnapshotBody
        {
            Id = current.Id,
            Name = name,
            Organization = current.Organization,
            Project = current.Project,
            VolumeType = current.VolumeType,
            Size = current.Size,
            State = current.State,
            Tags = tags,
            BaseVolume = current.BaseVolume,
            CreationDate = current.CreationDate,
            ModificationDate = current.ModificationDate,
        }, cancellationToken).ConfigureAwait(false);
    }
}
