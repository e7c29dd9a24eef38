using System;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Scaleway;

/// <summary>
/// Imports of a QCOW2 object from the project's Object Storage. Which API imports it decides what kind of
/// snapshot it becomes, so the caller chooses it through SnapshotType, the kind Get-CloudSnapshot shows:
/// "block" (Block Storage API, import-from-object-storage: a block snapshot) or "l_ssd" (Instance API
/// create with bucket and key: a local-volume snapshot). Without one, an import goes to the Block Storage
/// API, where Scaleway now keeps block snapshots, and to the Instance API in zones without Block Storage (it-mil-1).
/// </summary>
public sealed partial class ScalewayProvider
{
    public const string BlockSnapshotType = "block";
    public const string LocalSnapshotType = "l_ssd";

    private const long SectorBytes = 512;

    private void ValidateImport(CreateSnapshotRequest request, string zone)
    {
        if (request.VolumeId is not null)
            throw InputValidation.Invalid("VolumeId", "a snapshot comes from a volume (-VolumeId) or from an import (-Bucket and -Key), not both.");
        if (request.ImportBucket is null) throw InputValidation.Invalid("Bucket", "an import needs the bucket that holds the QCOW2 object, with -Key.");
        if (request.ImportKey is null) throw InputValidation.Invalid("Key", "an import needs the key of the QCOW2 object in the bucket, with -Bucket.");
        ScalewayObjectNames.RequireBucket(request.ImportBucket, "Bucket");
        ScalewayObjectNames.RequireKey(request.ImportKey, "Key");
        if (request.SizeBytes is { } size && (size <= 0 || size % SectorBytes != 0))
            throw InputValidation.Invalid("SizeBytes", $"Scaleway takes an import's size in bytes, a positive multiple of 512; {size} is not. Leave it out to take the image's own size.");
        ImportsIntoBlock(request.SnapshotType, zone);
    }

    /// <summary>True for the Block Storage API, false for the Instance API (see the class summary).</summary>
    private static bool ImportsIntoBlock(string? snapshotType, string zone)
    {
        if (snapshotType is null) return ScalewayZones.HasBlockStorage(zone);
        if (string.Equals(snapshotType, LocalSnapshotType, StringComparison.OrdinalIgnoreCase)) return false;
        if (!string.Equals(snapshotType, BlockSnapshotType, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(snapshotType, BlockSnapshotType + "/sbs", StringComparison.OrdinalIgnoreCase))
            throw InputValidation.Invalid("SnapshotType", $"'{snapshotType}' is not a kind of Scaleway import: '{BlockSnapshotType}' (Block Storage API) or '{LocalSnapshotType}' (Instance API, local volumes).");
        if (!ScalewayZones.HasBlockStorage(zone))
            throw InputValidation.Invalid("SnapshotType", $"zone {zone} has no Block Storage; import there as '{LocalSnapshotType}'.");
        return true;
    }

    private async Task<CloudSnapshot> ImportAsync(CreateSnapshotRequest request, string zone, string name, System.Collections.Generic.List<string> tags,
        string marker, CancellationToken cancellationToken)
    {
        var howToFind = $"Find it with Get-CloudSnapshot -Name '{name}' -Connection {_connection}" +
            (request.ClientToken is null ? "." : $", or run the command again with -ClientToken {request.ClientToken}: it then returns that snapshot instead of importing again.");
        if (ImportsIntoBlock(request.SnapshotType, zone))
        {
            return await LostAnswers.CreateAsync(CloudProvider.Scaleway,
                async attempt => ScalewayMapping.FromBlock(await _block.ImportAsync(zone, new BlockImportSnapshotBody
                {
                    Bucket = request.ImportBucket,
                    Key = request.ImportKey,
                    Name = name,
                    ProjectId = _settings.ProjectId ?? _settings.OrganizationId,
                    Tags = tags,
                    Size = request.SizeBytes,
                }, attempt).ConfigureAwait(false), _connection, zone),
                lookup => FindMarkedInBlockAsync(zone, null, marker, lookup),
                found => found, howToFind, cancellationToken).ConfigureAwait(false);
        }

        return await LostAnswers.CreateAsync(CloudProvider.Scaleway,
            async attempt => ScalewayMapping.FromInstance(await _instance.CreateAsync(zone, new InstanceCreateSnapshotBody
            {
                Name = name,
                Tags = tags,
                Project = _settings.ProjectId,
                Organization = _settings.ProjectId is null ? _settings.OrganizationId : null,
                VolumeType = LocalSnapshotType,
                Bucket = request.ImportBucket,
                Key = request.ImportKey,
                Size = request.SizeBytes,
            }, attempt).ConfigureAwait(false), _connection, zone),
            lookup => FindMarkedInInstanceAsync(zone, null, marker, lookup),
            found => found, howToFind, cancellationToken).ConfigureAwait(false);
    }
}
