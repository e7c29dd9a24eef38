namespace SnapshotPS.Emulator.Faults;

/// <summary>
/// Faults of a body on the wire: the operation runs, the headers promise the whole body, and then
/// the body is cut off, trickles, or stalls.
/// </summary>
internal static class BodyInTransfer
{
    /// <summary>The pause between chunks of a slow body when the rule names none.</summary>
    public static readonly TimeSpan DefaultChunkPause = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Sends part of the body under a Content-Length for all of it and ends there: the server then
    /// closes the connection, and the client reads the part before the body ends too soon. An answer
    /// that cannot have a body is dropped instead.
    /// </summary>
    public static async Task TruncateAsync(HttpContext context, RequestDelegate next, FaultRule rule)
    {
        var body = Promised(await CapturedResponse.RunAsync(context, next));
        if (CapturedResponse.CannotHaveBody(context.Response.StatusCode))
        {
            context.Abort();
            return;
        }

        await SendHeadAsync(context, body, SentBytes(rule, body));
    }

    /// <summary>Sends the headers, then the body a few bytes at a time with a pause between them.</summary>
    public static async Task TrickleAsync(HttpContext context, RequestDelegate next, FaultRule rule, CancellationToken stopping)
    {
        var body = await CapturedResponse.RunAsync(context, next);
        var response = context.Response;
        if (CapturedResponse.CannotHaveBody(response.StatusCode) || body.Length == 0)
        {
            return;
        }

        using var gone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var pause = rule.Latency > TimeSpan.Zero ? rule.Latency : DefaultChunkPause;
        response.ContentLength = body.Length;
        await response.StartAsync(gone.Token);
        for (var offset = 0; offset < body.Length; offset += rule.ChunkBytes)
        {
            if (offset > 0)
            {
                await Task.Delay(pause, gone.Token);
            }

            await response.Body.WriteAsync(body.AsMemory(offset, Math.Min(rule.ChunkBytes, body.Length - offset)), gone.Token);
            await response.Body.FlushAsync(gone.Token);
        }
    }

    /// <summary>Sends the headers and part of the body, then nothing until the client leaves or the emulator stops.</summary>
    public static async Task StallAsync(HttpContext context, RequestDelegate next, FaultRule rule, CancellationToken stopping)
    {
        var body = Promised(await CapturedResponse.RunAsync(context, next));
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        if (!CapturedResponse.CannotHaveBody(context.Response.StatusCode))
        {
            await SendHeadAsync(context, body, SentBytes(rule, body));
        }

        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, gone.Token);
        }
        catch (OperationCanceledException)
        {
        }

        context.Abort();
    }

    /// <summary>An empty body still promises a little, so that there is something to withhold.</summary>
    private static byte[] Promised(byte[] body) => body.Length > 0 ? body : "{}"u8.ToArray();

    private static int SentBytes(FaultRule rule, byte[] body) => Math.Min(rule.SentBytes ?? body.Length / 2, body.Length - 1);

    private static async Task SendHeadAsync(HttpContext context, byte[] body, int sentBytes)
    {
        var response = context.Response;
        response.ContentLength = body.Length;
        if (string.IsNullOrEmpty(response.ContentType))
        {
            response.ContentType = "application/json";
        }

        await response.StartAsync(context.RequestAborted);
        await response.Body.WriteAsync(body.AsMemory(0, sentBytes), context.RequestAborted);
        await response.Body.FlushAsync(context.RequestAborted);
    }
}
