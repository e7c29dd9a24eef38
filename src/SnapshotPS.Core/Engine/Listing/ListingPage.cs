using System.Collections.Generic;

namespace SnapshotPS.Core.Engine.Listing;

/// <summary>
/// One page of a listing as the provider sent it: the items, and whatever the provider says about
/// what follows (a total, a "more" flag, a cursor for the next page).
/// </summary>
public sealed class ListingPage<T>
{
    public ListingPage(IReadOnlyList<T> items, int? totalCount = null, bool? hasMore = null, string? nextCursor = null)
    {
        Items = items;
        TotalCount = totalCount;
        HasMore = hasMore;
        NextCursor = nextCursor;
    }

    public IReadOnlyList<T> Items { get; }

    /// <summary>How many items the whole listing holds, when the provider tells it.</summary>
    public int? TotalCount { get; }

    /// <summary>The provider's own "more pages follow" flag (Koyeb's has_next), when it sends one.</summary>
    public bool? HasMore { get; }

    /// <summary>For token paging: the token of the next page; null or empty on the last page.</summary>
    public string? NextCursor { get; }
}
