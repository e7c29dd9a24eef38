using System.Globalization;
using System.Text;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.Faults;

/// <summary>Applies armed fault rules to provider routes (never to the admin surface).</summary>
internal sealed class FaultMiddleware(FaultInjector faults, ProviderDirectory providers, CancellationToken stopping)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var provider = providers.Resolve(request.Path);
        var rule = provider is null
            ? null
            : faults.Take(provider.Name, request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "");
        switch (rule?.Kind)
        {
            case null:
                await next(context);
                break;
            case FaultKind.Latency:
                await DelayAsync(context, rule.Latency);
                await next(context);
                break;
            case FaultKind.Status:
                await RunFirstIfAskedAsync(context, next, rule);
                SetRetryAfter(context.Response, rule);
                await provider!.WriteStatusFaultAsync(context, rule.StatusCode ?? StatusCodes.Status503ServiceUnavailable, rule.ErrorCode);
                break;
            case FaultKind.DropConnection:
                await RunFirstIfAskedAsync(context, next, rule);
                context.Abort();
                break;
            case FaultKind.MalformedBody:
                await MalformedBody.ServeAsync(context, next);
                break;
            case FaultKind.TruncatedBody:
                await BodyInTransfer.TruncateAsync(context, next, rule);
                break;
            case FaultKind.SlowBody:
                await BodyInTransfer.TrickleAsync(context, next, rule, stopping);
                break;
            case FaultKind.StalledBody:
                await BodyInTransfer.StallAsync(context, next, rule, stopping);
                break;
            case FaultKind.CannedBody:
                await RunFirstIfAskedAsync(context, next, rule);
                await WriteCannedAsync(context, rule);
                break;
            case FaultKind.MangledBody:
                await BodyMangler.ServeAsync(context, next, rule.Mangle);
                break;
        }
    }

    private async Task DelayAsync(HttpContext context, TimeSpan delay)
    {
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        await Task.Delay(delay, gone.Token);
    }

    private static async Task RunFirstIfAskedAsync(HttpContext context, RequestDelegate next, FaultRule rule)
    {
        if (rule.AfterRun)
        {
            await CapturedResponse.RunAsync(context, next);
            CapturedResponse.Reset(context.Response);
        }
    }

    private static void SetRetryAfter(HttpResponse response, FaultRule rule)
    {
        if (rule.RetryAfterText is { } text)
        {
            response.Headers.RetryAfter = text;
        }
        else if (rule.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }

    private static async Task WriteCannedAsync(HttpContext context, FaultRule rule)
    {
        var response = context.Response;
        response.StatusCode = rule.StatusCode ?? StatusCodes.Status200OK;
        SetRetryAfter(response, rule);
        if (CapturedResponse.CannotHaveBody(response.StatusCode))
        {
            return;
        }

        var body = Encoding.UTF8.GetBytes(rule.Body ?? "");
        response.ContentLength = body.Length;
        response.ContentType = rule.ContentType ?? CannedBodies.JsonContentType;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }
}
