using System.Collections.Generic;

namespace SnapshotPS.Core.Providers.Outscale;

// OAPI objects and calls (reference §3-§4). Names are the wire's own PascalCase.

public sealed class OutscaleSnapshot
{
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
}

internal sealed class ReadSnapshotsResponse
{
    public List<OutscaleSnapshot>? Snapshots { get; set; }
    public string? NextPageToken { get; set; }
    public ResponseContext? ResponseContext { get; set; }
}

internal sealed class SnapshotResponse
{
    public OutscaleSnapshot? Snapshot { get; set; }
    public ResponseContext? ResponseContext { get; set; }
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

internal sealed class ExportTaskResponse
{
    public OutscaleExportTask? SnapshotExportTask { get; set; }
    public ResponseContext? ResponseContext { get; set; }
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

internal sealed class ReadExportTasksResponse
{
    public List<OutscaleExportTask>? SnapshotExportTasks { get; set; }
    public string? NextPageToken { get; set; }
    public ResponseContext? ResponseContext { get; set; }
}

internal sealed class DeleteExportTaskBody
{
    public string ExportTaskId { get; set; } = "";
}

internal sealed class EmptyResponse
{
    public ResponseContext? ResponseContext { get; set; }
}
