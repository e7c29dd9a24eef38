using System.Text.Json.Serialization;

namespace SnapshotPS.Core.Providers.Koyeb;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(KoyebSnapshotReply))]
[JsonSerializable(typeof(KoyebSnapshotList))]
[JsonSerializable(typeof(KoyebCreateSnapshotBody))]
[JsonSerializable(typeof(KoyebUpdateSnapshotBody))]
[JsonSerializable(typeof(KoyebErrorBody))]
internal sealed partial class KoyebJsonContext : JsonSerializerContext
{
}
