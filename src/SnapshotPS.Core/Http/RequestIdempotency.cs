using System.Net.Http;

namespace SnapshotPS.Core.Http;

/// <summary>Whether sending a request twice has the same effect as sending it once.</summary>
public static class RequestIdempotency
{
    private const string Key = "SnapshotPS.Idempotent";

    /// <summary>Marks a request whose method alone does not say it (a read sent as POST, a PATCH that sets values).</summary>
    public static HttpRequestMessage MarkIdempotent(this HttpRequestMessage request, bool idempotent = true)
    {
        request.Properties[Key] = idempotent;
        return request;
    }

    public static bool IsIdempotent(this HttpRequestMessage request)
    {
        if (request.Properties.TryGetValue(Key, out var marked) && marked is bool value) return value;
        var method = request.Method.Method;
        return method is "GET" or "HEAD" or "PUT" or "DELETE" or "OPTIONS";
    }
}
