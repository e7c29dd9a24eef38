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

public static class CloudErrorKinds
{
    /// <summary>What an HTTP status says when a provider's own code says nothing more.</summary>
    public static CloudErrorKind FromStatus(int status) => status switch
    {
        400 => CloudErrorKind.InvalidArgument,
        401 => CloudErrorKind.Unauthenticated,
        403 => CloudErrorKind.PermissionDenied,
        404 => CloudErrorKind.NotFound,
        409 => CloudErrorKind.Conflict,
        429 => CloudErrorKind.Throttled,
        >= 500 => CloudErrorKind.ServerError,
        _ => CloudErrorKind.Unknown,
    };
}
