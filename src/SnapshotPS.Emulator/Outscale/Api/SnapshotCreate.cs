using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.Outscale.Api;

/// <summary>CreateSnapshot in its three exclusive modes: from a volume, copy, import (reference 4.1).</summary>
internal static class SnapshotCreate
{
    private const double BytesPerGiB = 1024d * 1024 * 1024;

    private sealed record CreateRequest(
        string? VolumeId, string? SourceSnapshotId, string? SourceRegionName, string? FileLocation, long? SnapshotSize,
        string? Description, string? ClientToken);

    public static async Task<OperationOutcome> CreateAsync(OutscaleCall call)
    {
        var body = call.Body;
        var request = new CreateRequest(
            body.String("VolumeId"), body.String("SourceSnapshotId"), body.String("SourceRegionName"),
            body.String("FileLocation"), body.Integer("SnapshotSize"), body.String("Description"), body.String("ClientToken"));
        if ((call.SchemaError() ?? CheckModes(request) ?? CheckFormats(request)) is { } invalid)
        {
            return invalid;
        }

        var unreadable = !call.DryRun && !await CanReadImportAsync(call, request);
        var store = call.Store;
        lock (store.Gate)
        {
            var volume = request.VolumeId is { } volumeId ? store.OwnVolume(call.Account, volumeId) : null;
            if (request.VolumeId is not null && volume is null)
            {
                return OutscaleErrors.NoSuchVolume(request.VolumeId);
            }

            var source = request.SourceSnapshotId is { } sourceId ? store.Snapshots.GetValueOrDefault(sourceId) : null;
            if (request.SourceSnapshotId is not null && source?.IsVisibleTo(call.Account.AccountId) != true)
            {
                return OutscaleErrors.NoSuchSnapshot(request.SourceSnapshotId);
            }

            // UNVERIFIED: copying a snapshot that is not completed yet is refused as an invalid state.
            if (source is not null && source.StatusAt(store.Now).State != "completed")
            {
                return OutscaleErrors.InvalidState($"The snapshot '{source.Id}' is not completed; only completed snapshots can be copied.");
            }

            if (call.DryRun)
            {
                return OperationOutcome.Empty;
            }

            // Reference 3 and 4.1: ClientToken is the create's idempotency token. UNVERIFIED replay rules: the same token
            // with the same parameters returns the first snapshot; with other parameters it is refused (3002, as a
            // combination of parameters the token does not allow), as AWS-style APIs refuse a mismatched token.
            var replayed = request.ClientToken is { } token
                ? store.Snapshots.Values.FirstOrDefault(snapshot => snapshot.AccountId == call.Account.AccountId && snapshot.ClientToken == token)
                : null;
            if (replayed is not null)
            {
                return replayed.CreateParameters == ParametersOf(request)
                    ? Answer(replayed, replayed.StatusAt(store.Now))
                    : OutscaleErrors.ClientTokenReused(replayed.ClientToken!);
            }

            var created = Build(call, request, volume, source, unreadable);
            store.AddSnapshot(created);
            return Answer(created, created.InitialStatus);
        }
    }

    /// <summary>What a replay with the same token must repeat: every parameter but the token.</summary>
    private static string ParametersOf(CreateRequest request) => (request with { ClientToken = null }).ToString();

    private static OperationOutcome Answer(OutscaleSnapshot snapshot, SnapshotStatus status) =>
        new JsonObject { ["Snapshot"] = OutscaleJson.Snapshot(snapshot, status) };

    /// <summary>Required before combinations (QA): no mode is 7000, two modes 3002, half a mode 7000.</summary>
    private static OutscaleError? CheckModes(CreateRequest request)
    {
        var fromVolume = request.VolumeId is not null;
        var copy = request.SourceSnapshotId is not null || request.SourceRegionName is not null;
        var import = request.FileLocation is not null || request.SnapshotSize is not null;
        var modes = (fromVolume ? 1 : 0) + (copy ? 1 : 0) + (import ? 1 : 0);
        if (modes == 0)
        {
            return OutscaleErrors.Missing("VolumeId");
        }

        if (modes > 1)
        {
            return OutscaleErrors.Combination(
                "VolumeId, SourceSnapshotId/SourceRegionName and FileLocation/SnapshotSize are exclusive: give the parameters of one mode only.");
        }

        if (copy && request.SourceSnapshotId is null)
        {
            return OutscaleErrors.Missing("SourceSnapshotId");
        }

        if (import && request.FileLocation is null)
        {
            return OutscaleErrors.Missing("FileLocation");
        }

        // UNVERIFIED: an import without SnapshotSize is refused; the size is what the snapshot reports.
        return import && request.SnapshotSize is null ? OutscaleErrors.Missing("SnapshotSize") : null;
    }

    private static OutscaleError? CheckFormats(CreateRequest request)
    {
        if (request.VolumeId is { } volumeId && OutscaleIds.Check("VolumeId", volumeId, OutscaleIds.Volume) is { } badVolume)
        {
            return badVolume;
        }

        if (request.SourceSnapshotId is { } sourceId && OutscaleIds.Check("SourceSnapshotId", sourceId, OutscaleIds.Snapshot) is { } badSource)
        {
            return badSource;
        }

        if (request.SourceRegionName is { } region && !OutscaleRegions.IsKnown(region))
        {
            return OutscaleErrors.UnsupportedRegion(region);
        }

        if (request.FileLocation is { } location &&
            !(Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            return OutscaleErrors.InvalidValue("FileLocation", "must be the pre-signed http(s) URL of an exported snapshot.");
        }

        return request.SnapshotSize is <= 0 ? OutscaleErrors.InvalidValue("SnapshotSize", "must be a positive number of bytes.") : null;
    }

    /// <summary>
    /// An import from the configured object storage is read there with a plain GET, as the real service reads the
    /// pre-signed URL; any other URL is trusted. UNVERIFIED: an unreadable URL still answers "importing", then "error".
    /// </summary>
    private static async Task<bool> CanReadImportAsync(OutscaleCall call, CreateRequest request) =>
        call.Fake.Storage is not { } storage || request.FileLocation is not { } location ||
        !Uri.TryCreate(location, UriKind.Absolute, out var url) || !storage.Serves(url) ||
        await storage.CanReadAsync(url, call.Aborted);

    private static OutscaleSnapshot Build(OutscaleCall call, CreateRequest request, OutscaleVolume? volume, OutscaleSnapshot? source, bool unreadable)
    {
        var store = call.Store;
        var now = store.Now;
        var timings = call.Fake.Timings;
        var work = volume is not null
            ? new SnapshotWork(SnapshotWorkKind.FromVolume, now, timings.SnapshotDelay, store.TakeSnapshotFailure())
            : source is null
                ? new SnapshotWork(SnapshotWorkKind.Import, now, timings.ImportDelay, store.TakeSnapshotFailure() | unreadable)
                : null;
        return new OutscaleSnapshot
        {
            Id = store.NewId(OutscaleIds.Snapshot),
            AccountId = call.Account.AccountId,
            CreatedAt = now,
            Description = request.Description ?? source?.Description ?? "",
            VolumeId = volume?.Id ?? source?.VolumeId,
            // UNVERIFIED: an import's size in GiB is its SnapshotSize in bytes, rounded up.
            VolumeSize = volume?.SizeGiB ?? source?.VolumeSize ?? (int)Math.Min(int.MaxValue, Math.Ceiling(request.SnapshotSize!.Value / BytesPerGiB)),
            ClientToken = request.ClientToken,
            CreateParameters = ParametersOf(request),
            Work = work,
        };
    }
}
