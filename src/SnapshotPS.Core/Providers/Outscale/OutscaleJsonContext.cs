using System.Text.Json.Serialization;

namespace SnapshotPS.Core.Providers.Outscale;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(ReadSnapshotsRequest))]
[JsonSerializable(typeof(ReadSnapshotsResponse))]
[JsonSerializable(typeof(ReadAccountsRequest))]
[JsonSerializable(typeof(ReadAccountsResponse))]
[JsonSerializable(typeof(SnapshotResponse))]
[JsonSerializable(typeof(CreateSnapshotRequestBody))]
[JsonSerializable(typeof(SnapshotIdBody))]
[JsonSerializable(typeof(UpdateSnapshotBody))]
[JsonSerializable(typeof(TagsBody))]
[JsonSerializable(typeof(CreateExportTaskBody))]
[JsonSerializable(typeof(ExportTaskResponse))]
[JsonSerializable(typeof(ReadExportTasksRequest))]
[JsonSerializable(typeof(ReadExportTasksResponse))]
[JsonSerializable(typeof(DeleteExportTaskBody))]
[JsonSerializable(typeof(EmptyResponse))]
internal sealed partial class OutscaleJsonContext : JsonSerializerContext
{
}
