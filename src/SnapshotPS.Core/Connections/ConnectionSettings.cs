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
    public int ConcurrentPages { get; set; } = 4;

    /// <summary>How often waits read a changing snapshot; null keeps the provider's own pace.</summary>
    public TimeSpan? PollInterval { get; set; }

    /// <summary>Zone or region requests go to when a call names none.</summary>
    public abstract string? DefaultLocation { get; }

    /// <summary>Project, account or tenant the connection acts for, for display.</summary>
    public abstract string? Scope { get; }

    /// <summary>Throws an ArgumentException naming the parameter and the rule for anything missing or malformed.</summary>
    public abstract void Validate();
}
