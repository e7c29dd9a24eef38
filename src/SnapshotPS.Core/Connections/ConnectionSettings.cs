using System;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Connections;

/// <summary>What it takes to open a connection to one provider. Each provider derives its own.</summary>
public abstract class ConnectionSettings
{
    public abstract CloudProvider Provider { get; }

    /// <summary>The API root; null means the provider's public endpoint.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Where the settings came from, for display: parameters, environment, a profile.</summary>
    public string Source { get; set; } = "Parameters";

    public HttpPipelineOptions Http { get; set; } = new();

    /// <summary>How many pages a listing may fetch ahead at once where paging allows it; 1 reads one after another.</summary>
    public int ConcurrentPages { get; set; } = Engine.Listing.ListingOptions.DefaultConcurrentPages;

    /// <summary>How often waits read a changing snapshot; null keeps the provider's own pace.</summary>
    public TimeSpan? PollInterval { get; set; }

    /// <summary>The object storage exports and imports go through (Outscale, Scaleway); null where the connection has none.</summary>
    public Storage.ObjectStorageSettings? Storage { get; set; }

    /// <summary>Zone or region requests go to when a call names none.</summary>
    public abstract string? DefaultLocation { get; }

    /// <summary>Project, account or tenant the connection acts for, for display.</summary>
    public abstract string? Scope { get; }

    /// <summary>Plain http to a host that is not loopback, by the user's explicit word (-AllowUnencryptedEndpoint).</summary>
    public bool AllowUnencryptedEndpoint { get; set; }

    /// <summary>Throws an ArgumentException naming the parameter and the rule for anything missing or malformed.</summary>
    public abstract void Validate();

    /// <summary>The <see cref="Source"/> a configuration loader gives when no variable or file held anything.</summary>
    public const string NothingFound = "nothing found";

    public const int MaxRetriesLimit = 10;
    public const int MaxConcurrentPages = 16;

    /// <summary>What every provider's settings share: the endpoint rule, retries, timeouts and intervals.</summary>
    protected void ValidateCommon()
    {
        EndpointPolicy.Require(Endpoint, AllowUnencryptedEndpoint);
        if (Http.MaxRetries is < 0 or > MaxRetriesLimit)
            throw InputValidation.Invalid("MaxRetries", $"retries go from 0 to {MaxRetriesLimit}; {Http.MaxRetries} is out of range.");
        InputValidation.RequirePositive(Http.AttemptTimeout, "AttemptTimeout");
        InputValidation.RequirePositive(Http.TotalTimeout, "TotalTimeout");
        if (Http.BaseDelay < TimeSpan.Zero || Http.MaxDelay < Http.BaseDelay)
            throw InputValidation.Invalid("MaxDelay", "retry delays cannot be negative, and the longest cannot be shorter than the first.");
        if (Http.MaxRetryAfter < TimeSpan.Zero)
            throw InputValidation.Invalid("MaxRetryAfter", "the longest Retry-After to honour cannot be negative.");
        InputValidation.RequirePositive(PollInterval, "PollInterval");
        if (ConcurrentPages is < 1 or > MaxConcurrentPages)
            throw InputValidation.Invalid("ConcurrentPages", $"1 to {MaxConcurrentPages} pages may be fetched at once; {ConcurrentPages} is out of range.");
    }
}
