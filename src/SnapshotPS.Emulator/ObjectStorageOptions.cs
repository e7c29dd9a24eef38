namespace SnapshotPS.Emulator;

/// <summary>An S3-compatible server (s3rver in tests) where the OUTSCALE and Scaleway fakes write exports and read imports.</summary>
public sealed class ObjectStorageOptions
{
    /// <summary>For example http://127.0.0.1:4568/; buckets are addressed path-style.</summary>
    public required Uri ServiceUrl { get; set; }

    public required string AccessKey { get; set; }

    public required string SecretKey { get; set; }
}
