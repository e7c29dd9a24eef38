using System;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers;

/// <summary>
/// Calls whose answer may have been lost after the cloud acted: a create is looked for before it is
/// reported (found: the snapshot; not found: a failure; lookup failed: an error that says it may
/// exist and how to find it); a delete whose retry finds the snapshot gone has succeeded.
/// </summary>
internal static class LostAnswers
{
    /// <summary>How long the lookup after an interrupted create may take, once the caller has cancelled.</summary>
    public static readonly TimeSpan InterruptedLookupBudget = TimeSpan.FromSeconds(5);

    public static async Task<T> CreateAsync<T>(
        CloudProvider provider,
        Func<CancellationToken, Task<T>> create,
        Func<CancellationToken, Task<T?>> find,
        Func<T, CloudSnapshot> normalize,
        string howToFind,
        CancellationToken cancellationToken)
        where T : class
    {
        using var attempts = AttemptLog.Begin();
        try
        {
            return await create(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException stopped) when (cancellationToken.IsCancellationRequested && attempts.AnyMayHaveActed)
        {
            T? found = null;
            try
            {
                using var budget = new CancellationTokenSource(InterruptedLookupBudget);
                found = await find(budget.Token).ConfigureAwait(false);
            }
            catch (Exception lookupFailed) when (lookupFailed is CloudApiException or OperationCanceledException)
            {
                // The message below says how to look for it.
            }
            var snapshot = found is null ? null : normalize(found);
            throw new SnapshotCreateInterruptedException(snapshot,
                snapshot is null
                    ? $"The create was stopped after it was sent to {provider}; a snapshot may exist. {howToFind}"
                    : $"The create was stopped, but {provider} had already made snapshot {snapshot.Id}.",
                stopped, cancellationToken);
        }
        catch (CloudApiException failure) when (attempts.AnyMayHaveActed)
        {
            T? found;
            try
            {
                found = await find(cancellationToken).ConfigureAwait(false);
            }
            catch (CloudApiException lookupFailed)
            {
                throw new CloudApiException(provider, failure.Kind,
                    $"{Plain(failure)}. The snapshot may have been created, and looking for it failed too ({lookupFailed.Message.TrimEnd('.')}). {howToFind}",
                    failure.StatusCode, failure.ErrorCode, failure.RequestId, failure.IsRetryable, mayHaveSucceeded: true, innerException: failure);
            }
            if (found is not null) return found;
            throw new CloudApiException(provider, failure.Kind,
                $"{Plain(failure)}. No snapshot was created: a lookup after the failure found none.",
                failure.StatusCode, failure.ErrorCode, failure.RequestId, failure.IsRetryable, mayHaveSucceeded: false, innerException: failure);
        }
    }

    private static readonly System.Text.RegularExpressions.Regex Caution = new(@"\s*The request may have been carried out;[^.]*\.");

    /// <summary>A failure's message without the transport's "may have been carried out" caution, for callers that say more.</summary>
    internal static string Plain(CloudApiException failure) => Caution.Replace(failure.Message, "").TrimEnd('.', ' ');

    /// <summary>
    /// A delete whose retry finds nothing left has succeeded. So has one that failed in any other way
    /// after an attempt may have acted (an answer lost or unreadable, a 2xx whose body was broken), when a
    /// look (<paramref name="read"/>, which fails with NotFound once the snapshot is gone) shows it gone.
    /// Otherwise the delete's own failure is reported.
    /// </summary>
    public static async Task DeleteAsync(Func<CancellationToken, Task> delete, Func<CancellationToken, Task> read, CancellationToken cancellationToken)
    {
        using var attempts = AttemptLog.Begin();
        try
        {
            await delete(cancellationToken).ConfigureAwait(false);
        }
        catch (CloudApiException gone) when (gone.Kind == CloudErrorKind.NotFound && attempts.AnyRequestRepeatedAfterPossibleEffect)
        {
            // An earlier attempt deleted it and its answer was lost; the retry found nothing left to delete.
        }
        catch (CloudApiException failure) when (failure.Kind != CloudErrorKind.NotFound
            && (attempts.AnyMayHaveActed || failure.StatusCode is >= 200 and < 300))
        {
            try
            {
                await read(cancellationToken).ConfigureAwait(false);
            }
            catch (CloudApiException lookup) when (lookup.Kind == CloudErrorKind.NotFound)
            {
                return;
            }
            catch (CloudApiException)
            {
                // The look failed too: the delete's own failure says the most.
            }

            throw;
        }
    }
}
