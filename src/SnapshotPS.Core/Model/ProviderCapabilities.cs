using System;

namespace SnapshotPS.Core.Model;

/// <summary>What a provider can do beyond listing and reading snapshots.</summary>
[Flags]
public enum ProviderCapabilities
{
    None = 0,
    Create = 1 << 0,
    Rename = 1 << 1,
    Tags = 1 << 2,
    Delete = 1 << 3,
    Copy = 1 << 4,
    CrossRegionCopy = 1 << 5,
    Import = 1 << 6,
    Export = 1 << 7,
    Permissions = 1 << 8,
    Description = 1 << 9,

    /// <summary>Imports a disk image from a URL it can read, such as a pre-signed one (Outscale).</summary>
    ImportFromUrl = 1 << 10,

    /// <summary>Imports a disk image straight from a bucket and key in the connection's own object storage (Scaleway).</summary>
    ImportFromBucket = 1 << 11,
}
