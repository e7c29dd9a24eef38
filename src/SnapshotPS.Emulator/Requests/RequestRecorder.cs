using System.Text;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.Requests;

/// <summary>Middleware that logs each request before any fault decides its fate.</summary>
internal sealed class RequestRecorder(RequestLog log, ProviderDirectory providers, TimeProvider time)
{
    private const int MaxBodyChars = 64 * 1024;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var body = await ReadBodyAsync(request, context.RequestAborted);
        var provider = providers.Resolve(request.Path) ?? AdminTarget(request.Path);
        log.Add(new RecordedRequest(
            providers.NameFor(request.Path),
            request.Method,
            request.PathBase.Add(request.Path).Value ?? "",
            request.QueryString.HasValue ? request.QueryString.Value![1..] : "",
            provider is null ? body : provider.RedactRecordedBody(body),
            time.GetUtcNow()));
        await next(context);
    }

    /// <summary>The fake an admin request seeds (/_emulator/{name}/...), whose redaction then applies: seeded passwords stay out of the log too.</summary>
    private IProviderFake? AdminTarget(PathString path) =>
        path.StartsWithSegments(ProviderDirectory.AdminPrefix, StringComparison.OrdinalIgnoreCase, out var rest) ? providers.Resolve(rest) : null;

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any()))
        {
            return null;
        }

        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var buffer = new char[MaxBodyChars];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        request.Body.Position = 0;
        return new string(buffer, 0, read);
    }
}
