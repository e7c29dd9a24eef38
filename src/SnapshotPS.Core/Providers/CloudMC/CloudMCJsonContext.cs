using System.Text.Json.Serialization;

namespace SnapshotPS.Core.Providers.CloudMC;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SnapshotEnvelope))]
[JsonSerializable(typeof(SnapshotListEnvelope))]
[JsonSerializable(typeof(CreateSnapshotBody))]
[JsonSerializable(typeof(TaskReply))]
[JsonSerializable(typeof(ErrorBody))]
internal sealed partial class CloudMCJsonContext : JsonSerializerContext
{
}
