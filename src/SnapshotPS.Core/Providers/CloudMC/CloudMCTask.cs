using System;
using System.Text.Json;
using SnapshotPS.Core.Http;

namespace SnapshotPS.Core.Providers.CloudMC;

/// <summary>One asynchronous CloudMC task, whichever shape it came in (reference §4).</summary>
internal sealed class CloudMCTask
{
    private CloudMCTask(string id, string status, JsonElement? result)
    {
        Id = id;
        Status = status;
        Result = result;
    }

    public string Id { get; }

    /// <summary>PENDING, SUCCESS, FAILED (docs, JS client, go-cloudca) or FAILURE (the Cox Edge clients).</summary>
    public string Status { get; }

    public JsonElement? Result { get; }

    public bool IsPending => string.Equals(Status, "PENDING", StringComparison.OrdinalIgnoreCase);

    public bool HasFailed =>
        string.Equals(Status, "FAILED", StringComparison.OrdinalIgnoreCase) || string.Equals(Status, "FAILURE", StringComparison.OrdinalIgnoreCase);

    /// <summary>The id in the result, when the result is an object that names one (a snapshot create's).</summary>
    public string? ResultId => Result is { ValueKind: JsonValueKind.Object } result
        && result.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    /// <summary>What a failed task says about why, when it says anything (the detail is UNVERIFIED).</summary>
    public string? FailureDetail
    {
        get
        {
            if (Result is not { ValueKind: JsonValueKind.Object } result) return Result is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;
            foreach (var key in new[] { "message", "error", "errorText", "reason" })
                if (result.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String) return value.GetString();
            return null;
        }
    }

    public static CloudMCTask From(TaskReply reply)
    {
        if (reply.TaskId is not null || reply.TaskStatus is not null)
        {
            var flatResult = reply.Result ?? (reply.Data is { ValueKind: JsonValueKind.Object } data ? data : (JsonElement?)null);
            return new CloudMCTask(Required(reply.TaskId, "taskId"), Required(reply.TaskStatus, "taskStatus"), flatResult);
        }

        if (reply.Data is not { ValueKind: JsonValueKind.Object } wrapped)
            throw new InvalidReplyException("data", "is missing: the reply holds neither a task (taskId) nor a wrapped one (data.id)");
        return new CloudMCTask(
            Required(Text(wrapped, "id") ?? Text(wrapped, "taskId"), "data.id"),
            Required(Text(wrapped, "status") ?? Text(wrapped, "taskStatus"), "data.status"),
            wrapped.TryGetProperty("result", out var result) && result.ValueKind != JsonValueKind.Null ? result : null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Required(string? value, string field)
    {
        ReplyFields.RequireId(value, field);
        return value!;
    }
}
