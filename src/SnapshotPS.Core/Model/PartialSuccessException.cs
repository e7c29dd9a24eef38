using System;

namespace SnapshotPS.Core.Model;

/// <summary>
/// The main change was made but a follow-up step failed (for example, a snapshot was created but
/// could not be tagged). Result holds what now exists, so nothing made is lost from view.
/// </summary>
public sealed class PartialSuccessException : Exception
{
    public PartialSuccessException(object result, string message, Exception inner)
        : base(message, inner) => Result = result;

    public object Result { get; }
}
