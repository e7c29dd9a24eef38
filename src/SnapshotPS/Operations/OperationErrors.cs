using System;
using System.Collections.Generic;
using System.IO;
using SnapshotPS.Core.Engine;
using SnapshotPS.Core.Model;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

/// <summary>Turns a failure into an error record with a stable id, the right category and the item as target.</summary>
public static class OperationErrors
{
    public static OperationError From(Exception failure, string cmdletPrefix, object? target) => failure switch
    {
        CopyStepException { InnerException: { } cause } step => Rebased(From(cause, cmdletPrefix, target), step),
        CloudApiException api => new OperationError(cmdletPrefix + api.Kind, CategoryOf(api.Kind), api, target)
        {
            RecommendedAction = api.MayHaveSucceeded ? "Check with Get-CloudSnapshot whether the change was made before running the command again." : null,
        },
        PartialSuccessException { InnerException: CloudApiException cause } partly =>
            new OperationError(cmdletPrefix + "PartiallyCompleted", CategoryOf(cause.Kind), partly, target),
        Core.Storage.ObjectStorageException storage => new OperationError(cmdletPrefix + StorageErrorId(storage.Kind), StorageCategory(storage.Kind), storage, target),
        ProviderCapabilityException unsupported => new OperationError(cmdletPrefix + "NotSupported", OperationErrorCategory.NotImplemented, unsupported, target),
        NotSupportedException unsupported => new OperationError(cmdletPrefix + "NotSupported", OperationErrorCategory.NotImplemented, unsupported, target),
        ArgumentException invalid => new OperationError(cmdletPrefix + "InvalidArgument", OperationErrorCategory.InvalidArgument, invalid, target),
        KeyNotFoundException noConnection => new OperationError(cmdletPrefix + "ConnectionNotFound", OperationErrorCategory.ObjectNotFound, noConnection, target),
        SnapshotWaitException { TimedOut: true } late => new OperationError(cmdletPrefix + "WaitTimeout", OperationErrorCategory.OperationTimeout, late, target),
        SnapshotWaitException failed => new OperationError(cmdletPrefix + "WaitFailed", OperationErrorCategory.InvalidResult, failed, target),
        DependencyLoadException cannotLoad => new OperationError(cmdletPrefix + "DependencyLoadFailed", OperationErrorCategory.ResourceUnavailable, cannotLoad, target),
        InvalidDataException unreadable => new OperationError(cmdletPrefix + "InvalidConfiguration", OperationErrorCategory.InvalidData, unreadable, target),
        InvalidOperationException notReady => new OperationError(cmdletPrefix + "InvalidOperation", OperationErrorCategory.InvalidOperation, notReady, target),
        _ => new OperationError(cmdletPrefix + "Failed", OperationErrorCategory.NotSpecified, failure, target),
    };

    /// <summary>The step's error keeps the id and category of its cause, with the step-naming message.</summary>
    private static OperationError Rebased(OperationError cause, CopyStepException step) =>
        new(cause.ErrorId, cause.Category, step, cause.Target) { RecommendedAction = cause.RecommendedAction };

    private static string StorageErrorId(Core.Storage.ObjectStorageErrorKind kind) =>
        kind == Core.Storage.ObjectStorageErrorKind.Unknown ? "ObjectStorageFailed" : kind.ToString();

    private static OperationErrorCategory StorageCategory(Core.Storage.ObjectStorageErrorKind kind) => kind switch
    {
        Core.Storage.ObjectStorageErrorKind.NoSuchBucket or Core.Storage.ObjectStorageErrorKind.NoSuchKey => OperationErrorCategory.ObjectNotFound,
        Core.Storage.ObjectStorageErrorKind.AccessDenied => OperationErrorCategory.PermissionDenied,
        Core.Storage.ObjectStorageErrorKind.Unreachable => OperationErrorCategory.ConnectionError,
        _ => OperationErrorCategory.NotSpecified,
    };

    public static OperationErrorCategory CategoryOf(CloudErrorKind kind) => kind switch
    {
        CloudErrorKind.NotFound => OperationErrorCategory.ObjectNotFound,
        CloudErrorKind.InvalidArgument => OperationErrorCategory.InvalidArgument,
        CloudErrorKind.Unauthenticated => OperationErrorCategory.AuthenticationError,
        CloudErrorKind.PermissionDenied => OperationErrorCategory.PermissionDenied,
        CloudErrorKind.Conflict => OperationErrorCategory.ResourceBusy,
        CloudErrorKind.QuotaExceeded => OperationErrorCategory.QuotaExceeded,
        CloudErrorKind.Throttled => OperationErrorCategory.LimitsExceeded,
        CloudErrorKind.Timeout => OperationErrorCategory.OperationTimeout,
        CloudErrorKind.Network => OperationErrorCategory.ConnectionError,
        CloudErrorKind.InvalidResponse => OperationErrorCategory.InvalidResult,
        _ => OperationErrorCategory.NotSpecified,
    };
}
