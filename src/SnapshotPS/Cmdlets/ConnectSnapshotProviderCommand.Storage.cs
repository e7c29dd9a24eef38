using System;
using System.Management.Automation;
using SnapshotPS.Core.Connections;
using SnapshotPS.Operations;

namespace SnapshotPS.Cmdlets;

/// <summary>Connect-SnapshotProvider's object storage parameters (Outscale and Scaleway), when not the cloud's own store with the same keys.</summary>
public sealed partial class ConnectSnapshotProviderCommand
{
    [Parameter] public Uri? StorageEndpoint { get; set; }
    [Parameter, ValidateNotNullOrEmpty] public string? StorageRegion { get; set; }
    [Parameter, Credential] public PSCredential? StorageCredential { get; set; }

    private StorageParameters StorageParameters() => new()
    {
        Endpoint = StorageEndpoint,
        Region = StorageRegion,
        AccessKey = StorageCredential?.UserName,
        SecretKey = StorageCredential is null ? null : SecretValue.FromSecureString(StorageCredential.Password),
    };
}
