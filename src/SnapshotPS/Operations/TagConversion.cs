using System;
using System.Collections;
using System.Collections.Generic;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Operations;

/// <summary>A tag table as typed at the prompt (@{env='prod'}) to key/value strings.</summary>
public static class TagConversion
{
    public static IReadOnlyDictionary<string, string>? From(IDictionary? table, string parameter)
    {
        if (table is null) return null;
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in table)
        {
            var key = entry.Key?.ToString();
            if (string.IsNullOrWhiteSpace(key)) throw InputValidation.Invalid(parameter, "a tag key cannot be empty.");
            tags[key!] = entry.Value?.ToString() ?? "";
        }
        return tags;
    }

    public static IReadOnlyDictionary<string, string> OrEmpty(IDictionary? table, string parameter) =>
        From(table, parameter) ?? new Dictionary<string, string>();
}
