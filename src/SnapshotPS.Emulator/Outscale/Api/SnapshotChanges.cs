using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.Outscale.Api;

/// <summary>DeleteSnapshot and UpdateSnapshot (sharing), both for the owner only (reference 4.2 and 4.4).</summary>
internal static class SnapshotChanges
{
    public static OperationOutcome Delete(OutscaleCall call)
    {
        var snapshotId = call.Body.String("SnapshotId");
        if ((call.SchemaError() ?? RequireSnapshotId(snapshotId)) is { } invalid)
        {
            return invalid;
        }

        var store = call.Store;
        lock (store.Gate)
        {
            var snapshot = store.OwnSnapshot(call.Account, snapshotId!);
            if (snapshot is null)
            {
                return OutscaleErrors.NoSuchSnapshot(snapshotId!);
            }

            // UNVERIFIED: deleting a snapshot that is still being created or imported is refused (6003, 409).
            var status = snapshot.StatusAt(store.Now);
            if (status.IsTransient)
            {
                return OutscaleErrors.InvalidState($"The snapshot '{snapshot.Id}' is in state '{status.State}' and cannot be deleted until it is completed.");
            }

            if (!call.DryRun)
            {
                store.RemoveSnapshot(snapshot);
            }

            return OperationOutcome.Empty;
        }
    }

    public static OperationOutcome Update(OutscaleCall call)
    {
        var body = call.Body;
        var snapshotId = body.String("SnapshotId");
        var permissions = body.Object("PermissionsToCreateVolume");
        var additions = Permission.Read(permissions?.Object("Additions"));
        var removals = Permission.Read(permissions?.Object("Removals"));
        if (call.SchemaError() is { } invalid)
        {
            return invalid;
        }

        if (snapshotId is null || permissions is null)
        {
            return OutscaleErrors.Missing(snapshotId is null ? "SnapshotId" : "PermissionsToCreateVolume");
        }

        if (additions is not null && removals is not null)
        {
            return OutscaleErrors.Combination("PermissionsToCreateVolume takes either Additions or Removals, not both.");
        }

        var change = additions ?? removals;
        if (change is null)
        {
            return OutscaleErrors.Missing("PermissionsToCreateVolume.Additions");
        }

        if ((RequireSnapshotId(snapshotId) ?? change.CheckAccountIds(additions is not null ? "Additions" : "Removals")) is { } malformed)
        {
            return malformed;
        }

        var store = call.Store;
        lock (store.Gate)
        {
            var snapshot = store.OwnSnapshot(call.Account, snapshotId);
            if (snapshot is null)
            {
                return OutscaleErrors.NoSuchSnapshot(snapshotId);
            }

            if (call.DryRun)
            {
                return OperationOutcome.Empty;
            }

            if (additions is not null)
            {
                additions.AddTo(snapshot);
            }
            else
            {
                removals!.RemoveFrom(snapshot);
            }

            return new JsonObject { ["Snapshot"] = OutscaleJson.Snapshot(snapshot, snapshot.StatusAt(store.Now)) };
        }
    }

    /// <summary>7000 when absent, then 4104/4105 when malformed: the order QA observed.</summary>
    internal static OutscaleError? RequireSnapshotId(string? snapshotId) => snapshotId is null
        ? OutscaleErrors.Missing("SnapshotId")
        : OutscaleIds.Check("SnapshotId", snapshotId, OutscaleIds.Snapshot);

    /// <summary>{"AccountIds": [...], "GlobalPermission": bool} under Additions or Removals.</summary>
    private sealed record Permission(List<string> AccountIds, bool GlobalPermission)
    {
        public static Permission? Read(OutscaleRequest? permission) => permission is null
            ? null
            : new Permission(permission.Strings("AccountIds") ?? [], permission.Boolean("GlobalPermission") ?? false);

        // UNVERIFIED: account IDs are checked to be 12 digits (4047).
        public OutscaleError? CheckAccountIds(string member) => AccountIds
            .Where(id => id.Length != 12 || !id.All(char.IsAsciiDigit))
            .Select(id => OutscaleErrors.InvalidValue($"PermissionsToCreateVolume.{member}.AccountIds", $"'{id}' is not an account ID (12 digits)."))
            .FirstOrDefault();

        public void AddTo(OutscaleSnapshot snapshot)
        {
            foreach (var id in AccountIds.Where(id => !snapshot.SharedWith.Contains(id)))
            {
                snapshot.SharedWith.Add(id);
            }

            snapshot.IsPublic |= GlobalPermission;
        }

        // UNVERIFIED: removing an account that was never added is not an error.
        public void RemoveFrom(OutscaleSnapshot snapshot)
        {
            snapshot.SharedWith.RemoveAll(AccountIds.Contains);
            snapshot.IsPublic &= !GlobalPermission;
        }
    }
}
