namespace SnapshotPS.Core.Model;

/// <summary>What kind of failure a provider reported, independent of its own codes.</summary>
public enum CloudErrorKind
{
    Unknown,
    NotFound,
    InvalidArgument,
    Unauthenticated,
    PermissionDenied,
    Conflict,
    QuotaExceeded,
    Throttled,
    ServerError,
    Timeout,
    Network,
    InvalidResponse,
}
