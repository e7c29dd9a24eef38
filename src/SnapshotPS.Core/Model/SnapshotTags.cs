using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SnapshotPS.Core.Model;

/// <summary>
/// A snapshot's tags: read-only, keys compared as the provider compares them (ordinal), and written as
/// text as "key=value; key2=value2" (keys sorted, a tag without a value as its key alone), which is what
/// Export-Csv writes and what <see cref="Parse"/> reads back. '\', ';' and '=' in keys and values are
/// escaped with a backslash.
/// </summary>
public sealed class SnapshotTags : IReadOnlyDictionary<string, string>, IDictionary
{
    public static readonly SnapshotTags Empty = new(new Dictionary<string, string>(StringComparer.Ordinal));

    private readonly Dictionary<string, string> _tags;

    private SnapshotTags(Dictionary<string, string> tags) => _tags = tags;

    /// <summary>The tags as a SnapshotTags (the same instance when it already is one).</summary>
    public static SnapshotTags From(IEnumerable<KeyValuePair<string, string>>? tags)
    {
        if (tags is SnapshotTags already) return already;
        if (tags is null) return Empty;
        var copy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags) copy[tag.Key] = tag.Value ?? "";
        return copy.Count == 0 ? Empty : new SnapshotTags(copy);
    }

    /// <summary>Reads the text <see cref="ToString"/> writes; blank text gives no tags.</summary>
    public static SnapshotTags Parse(string? text)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text)) return Empty;
        foreach (var pair in Split(text!, ';'))
        {
            if (pair.Trim().Length == 0) continue;
            var parts = Split(pair, '=');
            var key = Unescape(parts[0]).Trim();
            if (key.Length == 0) throw new FormatException($"The tag text '{text}' has a tag without a key; write key=value pairs separated by '; '.");
            tags[key] = parts.Count > 1 ? Unescape(string.Join("=", parts.Skip(1))).Trim() : "";
        }
        return tags.Count == 0 ? Empty : new SnapshotTags(tags);
    }

    public override string ToString() => string.Join("; ", _tags
        .OrderBy(t => t.Key, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Key, StringComparer.Ordinal)
        .Select(t => t.Value.Length == 0 ? Escape(t.Key) : Escape(t.Key) + "=" + Escape(t.Value)));

    public string this[string key] => _tags[key];
    public IEnumerable<string> Keys => _tags.Keys;
    public IEnumerable<string> Values => _tags.Values;
    public int Count => _tags.Count;
    public bool ContainsKey(string key) => _tags.ContainsKey(key);
    public bool TryGetValue(string key, out string value) => _tags.TryGetValue(key, out value!);
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _tags.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => _tags.GetEnumerator();

    // IDictionary, read-only: so that PowerShell and ConvertTo-Json treat the tags as a table.
    object? IDictionary.this[object key]
    {
        get => key is string k && _tags.TryGetValue(k, out var value) ? value : null;
        set => throw ReadOnly();
    }

    ICollection IDictionary.Keys => _tags.Keys;
    ICollection IDictionary.Values => _tags.Values;
    bool IDictionary.IsReadOnly => true;
    bool IDictionary.IsFixedSize => true;
    bool ICollection.IsSynchronized => false;
    object ICollection.SyncRoot => _tags;
    void IDictionary.Add(object key, object? value) => throw ReadOnly();
    void IDictionary.Clear() => throw ReadOnly();
    bool IDictionary.Contains(object key) => key is string k && _tags.ContainsKey(k);
    IDictionaryEnumerator IDictionary.GetEnumerator() => ((IDictionary)_tags).GetEnumerator();
    void IDictionary.Remove(object key) => throw ReadOnly();
    void ICollection.CopyTo(Array array, int index) => ((ICollection)_tags).CopyTo(array, index);

    private static NotSupportedException ReadOnly() =>
        new("A snapshot's tags cannot be changed here; use Set-CloudSnapshot -Tag, -AddTag or -RemoveTag.");

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace(";", "\\;").Replace("=", "\\=");

    private static string Unescape(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length) i++;
            result.Append(text[i]);
        }
        return result.ToString();
    }

    /// <summary>Splits on a separator that is not escaped, keeping the escapes for <see cref="Unescape"/>.</summary>
    private static List<string> Split(string text, char separator)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                current.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else if (text[i] == separator)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(text[i]);
            }
        }
        parts.Add(current.ToString());
        return parts;
    }
}
