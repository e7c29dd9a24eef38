using System;

namespace SnapshotPS.Core.Model;

/// <summary>Thrown before any request when a provider cannot do what was asked.</summary>
public sealed class ProviderCapabilityException : NotSupportedException
{
    public ProviderCapabilityException(CloudProvider provider, ProviderCapabilities missing, ProviderCapabilities available, string? alternative = null)
        : base(BuildMessage(provider, missing, available, alternative))
    {
        Provider = provider;
        Missing = missing;
        Available = available;
    }

    public CloudProvider Provider { get; }
    public ProviderCapabilities Missing { get; }
    public ProviderCapabilities Available { get; }

    private static string BuildMessage(CloudProvider provider, ProviderCapabilities missing, ProviderCapabilities available, string? alternative) =>
        $"{provider} does not support {missing}. It supports: {available}." + (alternative is null ? "" : " " + alternative);
}
