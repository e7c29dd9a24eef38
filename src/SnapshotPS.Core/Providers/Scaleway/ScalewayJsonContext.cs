using System.Text.Json.Serialization;

namespace SnapshotPS.Core.Providers.Scaleway;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InstanceSnapshotEnvelope))]
[JsonSerializable(typeof(InstanceSnapshotList))]
[JsonSerializable(typeof(InstanceCreateSnapshotBody))]
[JsonSerializable(typeof(SnapshotPatchBody))]
[JsonSerializable(typeof(ScalewayBlockSnapshot))]
[JsonSerializable(typeof(BlockSnapshotList))]
[JsonSerializable(typeof(BlockCreateSnapshotBody))]
[JsonSerializable(typeof(ScalewayErrorBody))]
[JsonSerializable(typeof(ObjectStorageTargetBody))]
[JsonSerializable(typeof(InstanceTaskEnvelope))]
[JsonSerializable(typeof(InstanceSetSnapshotBody))]
[JsonSerializable(typeof(BlockImportSnapshotBody))]
internal sealed partial class ScalewayJsonContext : JsonSerializerContext
{
}
