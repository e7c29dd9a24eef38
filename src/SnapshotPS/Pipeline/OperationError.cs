using System;

namespace SnapshotPS.Pipeline;

/// <summary>A non-terminating failure for one pipeline item, free of PowerShell types.</summary>
public sealed class OperationError
{
    public OperationError(string errorId, OperationErrorCategory category, Exception exception, object? target)
    {
        ErrorId = errorId;
        Category = category;
        Exception = exception;
        Target = target;
    }

    /// <summary>Stable id, prefixed with the cmdlet's name without the hyphen, e.g. RemoveCloudSnapshotNotFound.</summary>
    public string ErrorId { get; }

    public OperationErrorCategory Category { get; }
    public Exception Exception { get; }
    public object? Target { get; }
    public string? RecommendedAction { get; init; }

    public override string ToString() => $"{ErrorId} ({Category}): {Exception.Message}";
}

/// <summary>The subset of PowerShell's ErrorCategory the module uses; names match it exactly.</summary>
public enum OperationErrorCategory
{
    NotSpecified,
    InvalidArgument,
    ObjectNotFound,
    PermissionDenied,
    AuthenticationError,
    ResourceBusy,
    QuotaExceeded,
    LimitsExceeded,
    ConnectionError,
    OperationTimeout,
    InvalidResult,
    InvalidData,
    NotImplemented,
    InvalidOperation,
    ResourceUnavailable,
}
