using System;
using System.Text;

namespace SnapshotPS.Core.Model;

/// <summary>A cloud API call that failed. The message never holds a credential.</summary>
public sealed class CloudApiException : Exception
{
    public CloudApiException(
        CloudProvider provider,
        CloudErrorKind kind,
        string message,
        int? statusCode = null,
        string? errorCode = null,
        string? requestId = null,
        bool isRetryable = false,
        bool mayHaveSucceeded = false,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Provider = provider;
        Kind = kind;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RequestId = requestId;
        IsRetryable = isRetryable;
        MayHaveSucceeded = mayHaveSucceeded;
    }

    public CloudProvider Provider { get; }
    public CloudErrorKind Kind { get; }
    public int? StatusCode { get; }

    /// <summary>The provider's own error code or type, e.g. Scaleway's "not_found" or Outscale's "5054".</summary>
    public string? ErrorCode { get; }

    public string? RequestId { get; }
    public bool IsRetryable { get; }

    /// <summary>True when a request that changes state may have been carried out despite the failure.</summary>
    public bool MayHaveSucceeded { get; }

    public override string ToString()
    {
        var text = new StringBuilder(GetType().FullName).Append(": ").Append(Message);
        if (StatusCode is int status) text.Append(" [HTTP ").Append(status).Append(']');
        if (ErrorCode is not null) text.Append(" [code ").Append(ErrorCode).Append(']');
        if (RequestId is not null) text.Append(" [request id ").Append(RequestId).Append(']');
        return text.ToString();
    }
}
