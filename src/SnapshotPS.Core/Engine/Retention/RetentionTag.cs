using System;
using System.Collections.Generic;

namespace SnapshotPS.Core.Engine.Retention;

/// <summary>A tag that keeps a snapshot: "key" (any value) or "key=value" (that value exactly).</summary>
public sealed class RetentionTag
{
    private RetentionTag(string key, string? value)
    {
        Key = key;
        Value = value;
    }

    public string Key { get; }

    /// <summary>Null: any value matches.</summary>
    public string? Value { get; }

    public static RetentionTag Parse(string text)
    {
        var separator = text?.IndexOf('=') ?? -1;
        var key = (separator < 0 ? text : text!.Substring(0, separator))?.Trim();
        if (string.IsNullOrEmpty(key))
            throw new ArgumentException($"Invalid value for -KeepTag: '{text}'; write a tag as key or key=value.", "KeepTag");
        return new RetentionTag(key!, separator < 0 ? null : text!.Substring(separator + 1));
    }

    public bool Matches(IReadOnlyDictionary<string, string> tags) =>
        tags.TryGetValue(Key, out var value) && (Value is null || string.Equals(Value, value, StringComparison.Ordinal));

    public override string ToString() => Value is null ? Key : $"{Key}={Value}";
}
