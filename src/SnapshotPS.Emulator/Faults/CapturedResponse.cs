namespace SnapshotPS.Emulator.Faults;

/// <summary>Runs the real operation with its body held back, so a fault can decide what the client receives.</summary>
internal static class CapturedResponse
{
    /// <summary>The body the operation wrote; its status and headers stay on the (unsent) response.</summary>
    public static async Task<byte[]> RunAsync(HttpContext context, RequestDelegate next)
    {
        var response = context.Response;
        var realBody = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = realBody;
        }

        return buffer.ToArray();
    }

    /// <summary>Forgets the operation's status and headers, keeping the request id every answer carries.</summary>
    public static void Reset(HttpResponse response)
    {
        var requestId = response.Headers["X-Request-Id"];
        response.Clear();
        if (requestId.Count > 0)
        {
            response.Headers["X-Request-Id"] = requestId;
        }
    }

    /// <summary>True when the status allows no body (1xx, 204, 304).</summary>
    public static bool CannotHaveBody(int statusCode) =>
        statusCode is < 200 or StatusCodes.Status204NoContent or StatusCodes.Status304NotModified;
}
