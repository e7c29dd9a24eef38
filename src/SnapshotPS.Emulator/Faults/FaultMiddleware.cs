using System.Globalization;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.Faults;

/// <summary>Applies armed fault rules to provider routes (never to the admin surface).</summary>
internal sealed class FaultMiddleware(FaultInjector faults, ProviderDirectory providers)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var provider = providers.Resolve(context.Request.Path);
        var rule = provider is null
            ? null
            : faults.Take(provider.Name, context.Request.Method, context.Request.Path.Value ?? "");
        switch (rule?.Kind)
        {
            case null:
                await next(context);
                break;
            case FaultKind.Latency:
                await Task.Delay(rule.Latency, context.RequestAborted);
                await next(context);
                break;
            case FaultKind.Status:
                if (rule.RetryAfter is { } retryAfter)
                {
                    var seconds = (long)Math.Ceiling(retryAfter.TotalSeconds);
                    context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                await provider!.WriteStatusFaultAsync(context, rule.StatusCode);
                break;
            case FaultKind.DropConnection:
                context.Abort();
                break;
            case FaultKind.MalformedBody:
                await MalformedBody.ServeAsync(context, next);
                break;
        }
    }
}
