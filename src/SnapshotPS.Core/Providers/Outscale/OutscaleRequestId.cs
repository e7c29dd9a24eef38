using System;
using System.Text.Json;

namespace SnapshotPS.Core.Providers.Outscale;

/// <summary>Outscale sends its request id in the body of every answer, error or not: ResponseContext.RequestId (reference §2).</summary>
internal static class OutscaleRequestId
{
    public static string? Read(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty) return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("ResponseContext", out var context)
                && context.ValueKind == JsonValueKind.Object
                && context.TryGetProperty("RequestId", out var id)
                && id.ValueKind == JsonValueKind.String
                    ? id.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
