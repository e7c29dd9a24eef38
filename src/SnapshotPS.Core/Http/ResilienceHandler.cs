using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Http;

/// <summary>
/// Retries with exponential backoff and jitter, honouring Retry-After, under per-attempt and total
/// timeouts. An attempt is the whole exchange: headers and body are read within it, so a body cut
/// off or stalled in transfer is a transient fault of that attempt. A request that is not
/// idempotent is sent again only when the server provably did not act on it (a refusal such as
/// 429, or a connection that was never opened).
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("SnapshotPS.Request");

    private readonly CloudProvider _provider;
    private readonly HttpPipelineOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public ResilienceHandler(CloudProvider provider, HttpPipelineOptions options)
    {
        _provider = provider;
        _options = options;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.TotalTimeout });
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfterReader.Read(args.Outcome.Result) ?? options.Backoff?.Invoke(args.AttemptNumber)),
                OnRetry = args => OnRetry(args),
            });
        }
        _pipeline = builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout }).Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        return Outcome.FromResult(await state.SendOnceAsync(ctx.Properties.GetValue(RequestKey, null!), ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception failure)
                    {
                        return Outcome.FromException<HttpResponseMessage>(failure);
                    }
                },
                context,
                this).ConfigureAwait(false);

            if (outcome.Exception is null) return outcome.Result!;
            throw Translate(outcome.Exception, request, cancellationToken);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await ResponseBody.BufferAsync(response, _options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (context.CancellationToken.IsCancellationRequested) return false;
        var request = context.Properties.GetValue(RequestKey, null!);
        var idempotent = request.IsIdempotent();

        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            if (RetryAfterReader.Read(response) is { } wait && wait > _options.MaxRetryAfter) return false;
            if (status == 429 || await _options.IsRefusedWithoutEffect(response).ConfigureAwait(false)) return true;
            return idempotent && status is 408 or 500 or 502 or 503 or 504;
        }

        return outcome.Exception switch
        {
            OperationCanceledException => false,
            _ when DependencyLoadException.IsLoadFailure(outcome.Exception) => false,
            _ when NeverReachedServer(outcome.Exception) => true,
            HttpRequestException or IOException or TimeoutRejectedException => idempotent,
            _ => false,
        };
    }

    private static ValueTask OnRetry(OnRetryArguments<HttpResponseMessage> args)
    {
        var request = args.Context.Properties.GetValue(RequestKey, null!);
        var cause = args.Outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}" : args.Outcome.Exception?.GetType().Name;
        HttpTrace.Write($"Retrying {request.Method} {HttpTrace.Redact(request.RequestUri)} in {args.RetryDelay.TotalSeconds:0.0} s (retry {args.AttemptNumber + 1}) after {cause}");
        args.Outcome.Result?.Dispose();
        return default;
    }

    private static bool NeverReachedServer(Exception? failure)
    {
        for (var inner = failure; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
                    or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain;
            }
        }
        return false;
    }

    private Exception Translate(Exception failure, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (failure is OperationCanceledException && cancellationToken.IsCancellationRequested)
            return failure;

        var mayHaveSucceeded = !request.IsIdempotent() && !NeverReachedServer(failure);
        var target = $"{request.Method} {HttpTrace.Redact(request.RequestUri)}";
        var caution = mayHaveSucceeded ? " The request may have been carried out; check before sending it again." : "";
        return failure switch
        {
            _ when DependencyLoadException.IsLoadFailure(failure) => new DependencyLoadException(_provider, target, failure),
            TimeoutRejectedException timeout => new CloudApiException(_provider, CloudErrorKind.Timeout,
                $"{_provider} did not answer {target} within {timeout.Timeout.TotalSeconds:0.#} s.{caution}",
                isRetryable: true, mayHaveSucceeded: mayHaveSucceeded, innerException: failure),
            ResponseTooLargeException tooLarge => new CloudApiException(_provider, CloudErrorKind.InvalidResponse,
                $"{_provider} answered {target} with more than {tooLarge.Limit} bytes, the most this connection accepts (MaxResponseBytes).{caution}",
                mayHaveSucceeded: mayHaveSucceeded, innerException: failure),
            _ => new CloudApiException(_provider, CloudErrorKind.Network,
                $"{_provider} could not be reached for {target}, or its answer was cut off: {failure.Message}{caution}",
                isRetryable: true, mayHaveSucceeded: mayHaveSucceeded, innerException: failure),
        };
    }
}
