using System;
using System.Net.Http;

namespace SnapshotPS.Core.Http;

/// <summary>How long a response asks the caller to wait, from its Retry-After header (a delay or a date).</summary>
public static class RetryAfterReader
{
    public static TimeSpan? Read(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null) return null;
        if (header.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
