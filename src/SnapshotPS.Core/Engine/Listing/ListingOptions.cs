using System;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Engine.Listing;

/// <summary>How one listing is read, and what it is called in the errors it may end with.</summary>
public sealed class ListingOptions
{
    public ListingOptions(CloudProvider provider, string subject, int pageSize)
    {
        if (pageSize < 1) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page holds at least one item.");
        Provider = provider;
        Subject = subject;
        PageSize = pageSize;
    }

    public CloudProvider Provider { get; }

    /// <summary>What is listed, for messages: "Instance snapshots in zone fr-par-1".</summary>
    public string Subject { get; }

    public int PageSize { get; }

    /// <summary>Pages read at once where the paging allows it (page numbers and offsets with a total).</summary>
    public int MaxConcurrentPages { get; set; } = DefaultConcurrentPages;

    public const int DefaultConcurrentPages = 16;

    /// <summary>
    /// How many items the consumer expects to want (Get-CloudSnapshot -First), or null: pages beyond
    /// them are read only once the consumer has taken everything and asks for more.
    /// </summary>
    public int? ItemsWanted { get; set; }

    /// <summary>Items read ahead of the consumer before reading pauses.</summary>
    public int MaxBufferedItems { get; set; } = 10_000;

    /// <summary>Passes over a listing that keeps changing before it ends with an error.</summary>
    public int MaxPasses { get; set; } = 5;

    /// <summary>Where the provider's total is reported (-IncludeTotalCount), or null.</summary>
    public ListingTotal? Total { get; set; }

    /// <summary>Reports this listing's total into <paramref name="total"/> (when not null).</summary>
    public ListingOptions CountingInto(ListingTotal? total)
    {
        Total = total;
        return this;
    }

    /// <summary>Pages in a row that bring nothing new before the listing ends with an error.</summary>
    public int MaxPagesWithoutProgress { get; set; } = 3;
}
