using System;
using System.Collections.Generic;

namespace SnapshotPS.Core.Http;

/// <summary>A reply body that checks, once read, that it holds what a caller relies on.</summary>
internal interface IValidatedReply
{
    /// <summary>Throws an InvalidReplyException naming the first field that is missing or out of range.</summary>
    void Validate();
}

/// <summary>A reply whose field is missing or out of range; the transport turns it into an invalid-response error.</summary>
internal sealed class InvalidReplyException : Exception
{
    public InvalidReplyException(string field, string problem)
        : base($"{field} {problem}") => Field = field;

    public string Field { get; }
}

/// <summary>The checks reply bodies make on their fields; each names the field it rejects.</summary>
internal static class ReplyFields
{
    public static T Require<T>(T? value, string field) where T : class =>
        value ?? throw new InvalidReplyException(field, "is missing");

    /// <summary>An id is present and not blank (a DTO reads an absent id as "").</summary>
    public static void RequireId(string? value, string field)
    {
        if (value is null || value.Trim().Length == 0) throw new InvalidReplyException(field, "is missing or empty");
    }

    public static void RequireText(string? value, string field)
    {
        if (value is null) throw new InvalidReplyException(field, "is missing");
    }

    public static void RequireRange(long? value, string field, long min, long max)
    {
        if (value is long number && (number < min || number > max))
            throw new InvalidReplyException(field, $"is {number}, outside {min} to {max}");
    }

    /// <summary>Every element present (no null) and valid by <paramref name="validate"/>, which gets the element's own field name.</summary>
    public static void RequireEach<T>(IReadOnlyList<T>? items, string field, Action<T, string>? validate = null) where T : class
    {
        if (items is null) return;
        for (var i = 0; i < items.Count; i++)
        {
            var name = $"{field}[{i}]";
            var item = items[i];
            if ((object?)item is null) throw new InvalidReplyException(name, "is null"); // JSON null in a list the type says has none
            validate?.Invoke(item, name);
        }
    }
}
