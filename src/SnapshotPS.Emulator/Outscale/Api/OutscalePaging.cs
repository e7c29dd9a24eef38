using System.Globalization;
using System.Text;

namespace SnapshotPS.Emulator.Outscale.Api;

/// <summary>Where a page starts: after the item with this (CreationDate, Id) in the sorted results.</summary>
internal sealed record PageCursor(DateTimeOffset CreatedAt, string Id);

/// <summary>ResultsPerPage (1..1000, all results when absent) and NextPageToken as one request gives them.</summary>
internal sealed record PageRequest(int? ResultsPerPage, PageCursor? After);

/// <summary>
/// Paging of the Read calls (reference section 7): results sorted by creation date then ID; the opaque
/// base64 NextPageToken is returned only while results remain.
/// </summary>
internal static class OutscalePaging
{
    public const int MaxResultsPerPage = 1000;
    private const string TokenPrefix = "cursor:";

    // UNVERIFIED: the errors for an out-of-range ResultsPerPage and for a token the server never issued.
    public static OutscaleError? Validate(long? resultsPerPage, string? nextPageToken, out PageRequest page)
    {
        page = new PageRequest(null, null);
        if (resultsPerPage is < 1 or > MaxResultsPerPage)
        {
            return OutscaleErrors.InvalidValue("ResultsPerPage", $"must be from 1 to {MaxResultsPerPage}.");
        }

        PageCursor? after = null;
        if (!string.IsNullOrEmpty(nextPageToken))
        {
            after = Decode(nextPageToken);
            if (after is null)
            {
                return OutscaleErrors.InvalidValue("NextPageToken", "this token was not issued by a previous call.");
            }
        }

        page = new PageRequest((int?)resultsPerPage, after);
        return null;
    }

    /// <summary>The page of already sorted results, and the token for the next page when more remain.</summary>
    public static (List<T> Items, string? NextPageToken) Take<T>(IEnumerable<T> sorted, PageRequest page, Func<T, PageCursor> cursorOf)
    {
        var remaining = page.After is { } after
            ? sorted.SkipWhile(item => Compare(cursorOf(item), after) <= 0)
            : sorted;
        if (page.ResultsPerPage is not { } size)
        {
            return (remaining.ToList(), null);
        }

        var items = remaining.Take(size + 1).ToList();
        if (items.Count <= size)
        {
            return (items, null);
        }

        items.RemoveAt(size);
        return (items, Encode(cursorOf(items[^1])));
    }

    private static int Compare(PageCursor left, PageCursor right)
    {
        var byDate = left.CreatedAt.CompareTo(right.CreatedAt);
        return byDate != 0 ? byDate : string.CompareOrdinal(left.Id, right.Id);
    }

    private static string Encode(PageCursor cursor) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $"{TokenPrefix}{cursor.CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}:{cursor.Id}"));

    private static PageCursor? Decode(string token)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = text.Split(':');
        return parts.Length == 3 && parts[0] + ":" == TokenPrefix &&
            long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) &&
            milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() && parts[2].Length > 0
            ? new PageCursor(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), parts[2])
            : null;
    }
}
