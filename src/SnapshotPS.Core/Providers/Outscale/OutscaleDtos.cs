using System.Collections.Generic;
using SnapshotPS.Core.Http;

namespace SnapshotPS.Core.Providers.Outscale;

// OAPI objects and calls (reference §3-§4). Names are the wire's own PascalCase.

public sealed class OutscaleSnapshot
{
    /// <summary>The record as the API sent it, in JSON: what Export-Csv and string conversion show.</summary>
    public override string ToString() => System.Text.Json.JsonSerializer.Serialize(this, OutscaleJsonContext.Default.OutscaleSnapshot);

    public string SnapshotId { get; set; } = "";
    public string? AccountId { get; set; }
    public string? AccountAlias { get; set; }
    public string? ClientToken { get; set; }
    public System.DateTimeOffset? CreationDate { get; set; }
    public string? Description { get; set; }
    public OutscalePermissions? PermissionsToCreateVolume { get; set; }
    public int? Progress { get; set; }
    public string? State { get; set; }
    public List<OutscaleTag>? Tags { get; set; }
    public string? VolumeId { get; set; }
    public long? VolumeSize { get; set; }

    internal void Validate(string field)
    {
        ReplyFields.RequireId(SnapshotId, field + ".SnapshotId");
        ReplyFields.RequireRange(VolumeSize, field + ".VolumeSize", 0, long.MaxValue >> 30); // GiB, read as bytes
        ReplyFields.RequireRange(Progress, field + ".Progress", 0, 100);
        OutscaleTag.ValidateAll(Tags, field + ".Tags");
        ReplyFields.RequireEach(PermissionsToCreateVolume?.AccountIds, field + ".PermissionsToCreateVolume.AccountIds");
    }
}

public sealed class OutscalePermissions
{
    public bool? GlobalPermission { get; set; }
    public List<string>? AccountIds { get; set; }
}

public sealed class OutscaleTag
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";

    internal static void ValidateAll(List<OutscaleTag>? tags, string field) => ReplyFields.RequireEach(tags, field, (tag, name) =>
    {
        ReplyFields.RequireId(tag.Key, name + ".Key");
        ReplyFields.RequireText(tag.Value, name + ".Value");
    });
}

public sealed class OutscaleExportTask
{
    public string TaskId { get; set; } = "";
    public string? SnapshotId { get; set; }
    public string? State { get; set; }
    public int? Progress { get; set; }
    public string? Comment { get; set; }
    public OutscaleOsuExport? OsuExport { get; set; }
    public List<OutscaleTag>? Tags { get; set; }

    internal void Validate(string field)
    {
        ReplyFields.RequireId(TaskId, field + ".TaskId");
        ReplyFields.RequireRange(Progress, field + ".Progress", 0, 100);
        OutscaleTag.ValidateAll(Tags, field + ".Tags");
    }
}

public sealed class OutscaleOsuExport
{
    public string? DiskImageFormat { get; set; }
    public string? OsuBucket { get; set; }
    public string? OsuPrefix { get; set; }
    public OutscaleOsuApiKey? OsuApiKey { get; set; }
}

public sealed class OutscaleOsuApiKey
{
    public string? ApiKeyId { get; set; }
    public string? SecretKey { get; set; }
}

internal sealed class ResponseContext
{
    public string? RequestId { get; set; }
}

internal sealed class OutscaleError
{
    public string? Code { get; set; }
    public string? Type { get; set; }
    public string? Details { get; set; }
}

internal sealed class ErrorResponse
{
    public List<OutscaleError>? Errors { get; set; }
    public ResponseContext? ResponseContext { get; set; }
}

internal sealed class ReadSnapshotsRequest
{
    public SnapshotFilters? Filters { get; set; }
    public int? ResultsPerPage { get; set; }
    public string? NextPageToken { get; set; }
}

internal sealed class SnapshotFilters
{
    public List<string>? SnapshotIds { get; set; }
    public List<string>? VolumeIds { get; set; }
    public List<string>? Tags { get; set; }
    public List<string>? TagKeys { get; set; }
    public List<string>? AccountIds { get; set; }
    public List<string>? ClientTokens { get; set; }
    public List<string>? PermissionsToCreateVolumeAccountIds { get; set; }
    public bool? PermissionsToCreateVolumeGlobalPermission { get; set; }
}

internal sealed class ReadAccountsRequest
{
}

internal sealed class ReadAccountsResponse : IValidatedReply
{
    public List<OutscaleAccount>? Accounts { get; set; }

    /// <summary>The caller's own account comes first (the only one a plain account reads).</summary>
    public void Validate()
    {
        var accounts = ReplyFields.Require(Accounts, "Accounts");
        if (accounts.Count == 0) throw new InvalidReplyException("Accounts", "is empty");
        ReplyFields.RequireId(accounts[0].AccountId, "Accounts[0].AccountId");
    }
}

internal sealed class OutscaleAccount
{
    public string? AccountId { get; set; }
}

internal sealed class ReadSnapshotsResponse : IValidatedReply
{
    public List<OutscaleSnapshot>? Snapshots { get; set; }
    public string? NextPageToken { get; set; }
    public ResponseContext? ResponseContext { get; set; }

    public void Validate() => ReplyFields.RequireEach(ReplyFields.Require(Snapshots, "Snapshots"), "Snapshots", (s, field) => s.Validate(field));
}

/// <summary>CreateSnapshot and UpdateSnapshot; the callers say what a reply without its Snapshot means.</summary>
internal sealed class SnapshotResponse : IValidatedReply
{
    public OutscaleSnapshot? Snapshot { get; set; }
    public ResponseContext? ResponseContext { get; set; }

    public void Validate() => Snapshot?.Validate("Snapshot");
}

internal sealed class CreateSnapshotRequestBody
{
    public string? VolumeId { get; set; }
    public string? SourceSnapshotId { get; set; }
    public string? SourceRegionName { get; set; }
    public string? FileLocation { get; set; }
    public long? SnapshotSize { get; set; }
    public string? Description { get; set; }
    public string? ClientToken { get; set; }
}

internal sealed class SnapshotIdBody
{
    public string SnapshotId { get; set; } = "";
}

internal sealed class UpdateSnapshotBody
{
    public string SnapshotId { get; set; } = "";
    public PermissionsChangeBody PermissionsToCreateVolume { get; set; } = new();
}

internal sealed class PermissionsChangeBody
{
    public OutscalePermissions? Additions { get; set; }
    public OutscalePermissions? Removals { get; set; }
}

internal sealed class TagsBody
{
    public List<string> ResourceIds { get; set; } = new();
    public List<OutscaleTag> Tags { get; set; } = new();
}

internal sealed class CreateExportTaskBody
{
    public string SnapshotId { get; set; } = "";
    public OutscaleOsuExport OsuExport { get; set; } = new();
}

/// <summary>CreateSnapshotExportTask; its caller says what a reply without the task means.</summary>
internal sealed class ExportTaskResponse : IValidatedReply
{
    public OutscaleExportTask? SnapshotExportTask { get; set; }
    public ResponseContext? ResponseContext { get; set; }

    public void Validate() => SnapshotExportTask?.Validate("SnapshotExportTask");
}

internal sealed class ReadExportTasksRequest
{
    public ExportTaskFilters? Filters { get; set; }
    public int? ResultsPerPage { get; set; }
    public string? NextPageToken { get; set; }
}

internal sealed class ExportTaskFilters
{
    public List<string>? TaskIds { get; set; }
    public List<string>? SnapshotIds { get; set; }
}

internal sealed class ReadExportTasksResponse : IValidatedReply
{
    public List<OutscaleExportTask>? SnapshotExportTasks { get; set; }
    public string? NextPageToken { get; set; }
    public ResponseContext? ResponseContext { get; set; }

    public void Validate() =>
        ReplyFields.RequireEach(ReplyFields.Require(SnapshotExportTasks, "SnapshotExportTasks"), "SnapshotExportTasks", (t, field) => t.Validate(field));
}

internal sealed class DeleteExportTaskBody
{
    public string ExportTaskId { get; set; } = "";
}

internal sealed class EmptyResponse : IValidatedReply
{
    public ResponseContext? ResponseContext { get; set; }

    public void Validate() { }
}
