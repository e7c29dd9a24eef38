using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Engine.Listing;

/// <summary>The ways a listing ends instead of looping: each an invalid-response error naming what went wrong.</summary>
internal static class ListingErrors
{
    public static CloudApiException RepeatedCursor(ListingOptions options, int pages) => Error(options,
        $"{options.Provider} sent a next-page token it had already sent while listing {options.Subject} (after {pages} pages); " +
        "the listing stops instead of reading the same pages forever.");

    public static CloudApiException NoProgress(ListingOptions options, int pagesWithoutProgress, int pages) => Error(options,
        $"{options.Provider} sent {pagesWithoutProgress} pages in a row holding only {options.Subject} already listed " +
        $"(after {pages} pages); its paging is not advancing, so the listing stops instead of looping.");

    public static CloudApiException MoreThanTotal(ListingOptions options, int pageIndex, int total) => Error(options,
        $"{options.Provider} sent more {options.Subject} than the total of {total} it reported (page {pageIndex + 1} of " +
        $"{options.PageSize} a page); its paging is inconsistent, so the listing stops.");

    public static CloudApiException InvalidTotal(ListingOptions options, int total) => Error(options,
        $"{options.Provider} reported a total of {total} {options.Subject}; a total cannot be negative.");

    public static CloudApiException MissingId(ListingOptions options) => Error(options,
        $"{options.Provider} sent one of the {options.Subject} without an id.");

    public static CloudApiException KeptChanging(ListingOptions options, int passes) => new(options.Provider, CloudErrorKind.Conflict,
        $"The {options.Subject} kept changing while they were listed: {passes} passes did not settle, so the listing stops. " +
        "Everything written so far was listed; run it again to pick up the rest.", isRetryable: true);

    private static CloudApiException Error(ListingOptions options, string message) =>
        new(options.Provider, CloudErrorKind.InvalidResponse, message);
}
