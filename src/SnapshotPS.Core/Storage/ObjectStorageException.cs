using System;

namespace SnapshotPS.Core.Storage;

public enum ObjectStorageErrorKind
{
    Unknown,
    NoSuchBucket,
    NoSuchKey,
    AccessDenied,
    Unreachable,
}

/// <summary>An object storage request that failed; the message names the store, bucket and key, never a secret.</summary>
public sealed class ObjectStorageException : Exception
{
    public ObjectStorageException(ObjectStorageErrorKind kind, string message, string? errorCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        ErrorCode = errorCode;
    }

    public ObjectStorageErrorKind Kind { get; }

    /// <summary>The store's own error code (NoSuchBucket, AccessDenied, ...), when it sent one.</summary>
    public string? ErrorCode { get; }
}
